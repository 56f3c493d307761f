import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import type { AdoptResponse } from '#lib/contracts/facilitation-api.ts';
import { FACILITATOR } from '#lib/server/access.ts';
import { adoptMajority } from '#server/facilitation/proposals.ts';
import { facilitationRequest, readJson, respond } from '../facilitation.server.ts';

/** Sets a row's (or one cell's) letters to the revealed majority (facilitator). */
export const POST: RequestHandler = async (event) => {
	const { deps, workshopId, actor } = await facilitationRequest(event, FACILITATOR);
	const body = await readJson(event.request);
	if (typeof body.cardId !== 'string') error(400, 'Say which row to adopt the majority for.');
	if (body.roleId !== undefined && typeof body.roleId !== 'string') error(400, 'Bad role.');
	const { cardId, roleId } = body;
	return respond(async (): Promise<AdoptResponse> => ({
		letters: await adoptMajority(deps, workshopId, actor, cardId, roleId as string | undefined)
	}));
};
