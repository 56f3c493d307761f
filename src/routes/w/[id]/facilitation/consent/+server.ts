import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import type { ConsentList } from '#lib/contracts/facilitation-api.ts';
import { ANY_MEMBER, EDITORS } from '#lib/server/access.ts';
import { recordConsent } from '#server/facilitation/publish.ts';
import { facilitationRequest, readJson, respond } from '../facilitation.server.ts';

/** Who answered a version, with their comments (`?v=N`, else the latest). */
export const GET: RequestHandler = async (event) => {
	const { deps, workshopId } = await facilitationRequest(event, ANY_MEMBER);
	const asked = event.url.searchParams.get('v');
	return respond(async (): Promise<ConsentList> => {
		const charter = await deps.store.charters.get(workshopId, asked ? Number(asked) : undefined);
		if (!charter) error(404, 'Nothing has been published yet.');
		return {
			version: charter.version,
			consents: await deps.store.charters.listConsents(workshopId, charter.version)
		};
	});
};

/** My consent to a published version: "agree", or "object" with a comment. */
export const POST: RequestHandler = async (event) => {
	const { deps, workshopId, actor } = await facilitationRequest(event, EDITORS);
	const body = await readJson(event.request);
	return respond(() => recordConsent(deps, workshopId, actor, body));
};
