import type { RequestHandler } from './$types';
import { FACILITATOR } from '#lib/server/access.ts';
import { startRound } from '#server/facilitation/proposals.ts';
import { facilitationRequest, readJson, respond } from '../facilitation.server.ts';

/** Starts a blind proposal round (facilitator); `named` is fixed for the round. */
export const POST: RequestHandler = async (event) => {
	const { deps, workshopId, actor } = await facilitationRequest(event, FACILITATOR);
	const body = await readJson(event.request);
	return respond(() => startRound(deps, workshopId, actor, body.named === true), 201);
};
