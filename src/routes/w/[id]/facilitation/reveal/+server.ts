import type { RequestHandler } from './$types';
import { FACILITATOR } from '#lib/server/access.ts';
import { reveal } from '#server/facilitation/proposals.ts';
import { facilitationRequest, respond } from '../facilitation.server.ts';

/** Closes the current round and shows everyone how the proposals spread (facilitator). */
export const POST: RequestHandler = async (event) => {
	const { deps, workshopId } = await facilitationRequest(event, FACILITATOR);
	return respond(() => reveal(deps, workshopId));
};
