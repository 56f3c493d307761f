import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { FACILITATOR, requireWorkshopRole } from '#lib/server/access.ts';
import { loadCharterPage, memberScope } from '#lib/server/charter.ts';
import { BoardError } from '#lib/board/index.ts';
import { publishCharter } from '#server/facilitation/publish.ts';
import { FacilitationError } from '#server/facilitation/errors.ts';

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
	/** Publishes the board as the next version: the same step as the facilitation panel's. */
	publish: async (event) => {
		const { workshop, user } = await requireWorkshopRole(
			event.locals,
			event.params.id,
			FACILITATOR,
			event.url
		);
		const { store, sync } = event.locals.app;
		let version: number;
		try {
			const actor = { id: user.id, name: user.displayName };
			version = (await publishCharter({ store, sync }, workshop.id, actor)).version;
		} catch (error) {
			if (error instanceof FacilitationError || error instanceof BoardError) {
				const status = error instanceof FacilitationError ? error.status : 400;
				return fail(status, { publish: { error: error.message } });
			}
			throw error;
		}
		redirect(303, `/w/${workshop.id}/charter/v/${version}`);
	}
};
