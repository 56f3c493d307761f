import type { RequestHandler } from './$types';
import { EDITORS, FACILITATOR } from '#lib/server/access.ts';
import { castVote, clearVotes, getMyVotes } from '#server/facilitation/votes.ts';
import { facilitationRequest, readJson, respond } from '../facilitation.server.ts';

/** My dot votes and what is left of my budget. */
export const GET: RequestHandler = async (event) => {
	const { deps, workshopId, user } = await facilitationRequest(event, EDITORS);
	return respond(() => getMyVotes(deps, workshopId, user.id));
};

/** One vote on a row (`delta` 1) or one back (`delta` -1); the budget is enforced here. */
export const POST: RequestHandler = async (event) => {
	const { deps, workshopId, user } = await facilitationRequest(event, EDITORS);
	const body = await readJson(event.request);
	return respond(() => castVote(deps, workshopId, user.id, body.cardId, body.delta));
};

/** Gives everyone their votes back (facilitator). */
export const DELETE: RequestHandler = async (event) => {
	const { deps, workshopId } = await facilitationRequest(event, FACILITATOR);
	return respond(() => clearVotes(deps, workshopId));
};
