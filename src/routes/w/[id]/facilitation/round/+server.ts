import type { RequestHandler } from './$types';
import { FACILITATOR } from '#lib/server/access.ts';
import { startRound } from '#server/facilitation/proposals.ts';
import { facilitationRequest, readJson, respond } from '../facilitation.server.ts';

/**
 * Starts a blind proposal round (facilitator); `named` is fixed for the round, and so are its
 * rows: `cardIds` as picked, or without it the rows on the board.
 */
export const POST: RequestHandler = async (event) => {
	const { deps, workshopId, actor } = await facilitationRequest(event, FACILITATOR);
	const body = await readJson(event.request);
	return respond(() => startRound(deps, workshopId, actor, body.named === true, body.cardIds), 201);
};
