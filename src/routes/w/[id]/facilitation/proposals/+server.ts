import type { RequestHandler } from './$types';
import { EDITORS } from '#lib/server/access.ts';
import { getMyProposal, saveMyProposal } from '#server/facilitation/proposals.ts';
import { facilitationRequest, readJson, respond } from '../facilitation.server.ts';

/**
 * The signed-in user's own blind proposals in the current round. There is deliberately no way to
 * name another user here: nobody, the facilitator included, reads someone else's proposals.
 */
export const GET: RequestHandler = async (event) => {
	const { deps, workshopId, user } = await facilitationRequest(event, EDITORS);
	return respond(() => getMyProposal(deps, workshopId, user.id));
};

export const PUT: RequestHandler = async (event) => {
	const { deps, workshopId, user } = await facilitationRequest(event, EDITORS);
	const body = await readJson(event.request);
	return respond(() => saveMyProposal(deps, workshopId, user.id, body.cells));
};
