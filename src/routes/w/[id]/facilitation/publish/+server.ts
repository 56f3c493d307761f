import type { RequestHandler } from './$types';
import { FACILITATOR } from '#lib/server/access.ts';
import { publishCharter } from '#server/facilitation/publish.ts';
import { facilitationRequest, respond } from '../facilitation.server.ts';

/** Stores the board as the next immutable charter version (facilitator). */
export const POST: RequestHandler = async (event) => {
	const { deps, workshopId, actor } = await facilitationRequest(event, FACILITATOR);
	return respond(() => publishCharter(deps, workshopId, actor), 201);
};
