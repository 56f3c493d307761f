import type { PageServerLoad } from './$types';
import { ANY_MEMBER, requireWorkshopRole } from '#lib/server/access.ts';
import { listVersions, loadDiffPage, memberScope, openCharter } from '#lib/server/charter.ts';
import { draftCharter } from '../../../../../../server/facilitation/publish.ts';

/**
 * Two published versions, or with `?live` the latest version against the live board: what would
 * change if the facilitator published now. Only members see the live board, so only they get it.
 */
export const load: PageServerLoad = async (event) => {
	const scope = await memberScope(event);
	if (!event.url.searchParams.has('live')) {
		return { ...(await loadDiffPage(event.locals, scope, event.url)), live: false };
	}
	const { user } = await requireWorkshopRole(event.locals, scope.workshopId, ANY_MEMBER, event.url);
	const { store, sync } = event.locals.app;
	const [latest, draft, versions] = await Promise.all([
		openCharter(store, scope, undefined),
		draftCharter({ store, sync }, scope.workshopId, { id: user.id, name: user.displayName }),
		listVersions(store, scope)
	]);
	return {
		scope,
		versions,
		from: latest?.charter ?? null,
		to: draft,
		live: true
	};
};
