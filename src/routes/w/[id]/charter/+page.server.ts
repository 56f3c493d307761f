import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { FACILITATOR, requireWorkshopRole } from '#lib/server/access.ts';
import { loadCharterPage, memberScope } from '#lib/server/charter.ts';
import { BoardError } from '#lib/board/index.ts';
import { publishCharter } from '../../../../../server/charter/publish.ts';

export const load: PageServerLoad = async (event) => {
	const scope = await memberScope(event);
	const data = await loadCharterPage(event.locals, scope, undefined);
	const shares =
		scope.role === 'facilitator'
			? (await event.locals.app.store.charters.listShares(scope.workshopId)).filter(
					(share) => share.revokedAt === null
				).length
			: 0;
	return { ...data, activeShares: shares };
};

export const actions: Actions = {
	/** Publishes the board as it is stored now as the next version. */
	publish: async (event) => {
		const { workshop, user } = await requireWorkshopRole(
			event.locals,
			event.params.id,
			FACILITATOR,
			event.url
		);
		let version: number;
		try {
			const published = await publishCharter(event.locals.app.store, workshop, {
				id: user.id,
				name: user.displayName
			});
			version = published.version;
		} catch (error) {
			if (error instanceof BoardError) return fail(400, { publish: { error: error.message } });
			throw error;
		}
		redirect(303, `/w/${workshop.id}/charter/v/${version}`);
	}
};
