import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { FACILITATOR, requireWorkshopRole } from '#lib/server/access.ts';
import { listVersions, memberScope } from '#lib/server/charter.ts';
import { shareCapProblem } from '#lib/server/creation-caps.ts';

async function facilitate(event: RequestEvent) {
	return requireWorkshopRole(event.locals, event.params.id, FACILITATOR, event.url);
}

export const load: PageServerLoad = async (event) => {
	const { workshop } = await facilitate(event);
	const store = event.locals.app.store;
	const [versions, shares] = await Promise.all([
		listVersions(store, await memberScope(event)),
		store.charters.listShares(workshop.id)
	]);
	return { versions, shares };
};

export const actions: Actions = {
	create: async (event) => {
		const { workshop, user } = await facilitate(event);
		const store = event.locals.app.store;
		const form = await event.request.formData();
		const choice = String(form.get('version') ?? 'latest');
		let version: number | null = null;
		if (choice !== 'latest') {
			version = /^\d{1,9}$/.test(choice) ? Number(choice) : NaN;
			if (!Number.isInteger(version) || !(await store.charters.get(workshop.id, version))) {
				return fail(400, { create: { error: `There is no version “${choice}” to share.` } });
			}
		} else if (!(await store.charters.get(workshop.id))) {
			return fail(400, { create: { error: 'Publish a version before sharing the charter.' } });
		}
		const capped = await shareCapProblem(store, event.locals.app.config.caps, workshop.id);
		if (capped) return fail(429, { create: { error: capped } });
		const { token, id } = await store.charters.createShare(workshop.id, version, user.id);
		return { created: { id, version, link: `${event.url.origin}/c/${token}` } };
	},

	revoke: async (event) => {
		const { workshop } = await facilitate(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const store = event.locals.app.store;
		const share = (await store.charters.listShares(workshop.id)).find((s) => s.id === id);
		if (!share) return fail(404, { revoke: { error: 'That link is not one of this workshop’s.' } });
		await store.charters.revokeShare(workshop.id, id);
		return { revoked: { id } };
	}
};
