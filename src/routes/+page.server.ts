import type { PageServerLoad } from './$types';
import { getTemplate } from '#lib/templates/index.ts';
import { workshopFramework } from '#lib/server/workshop-framework.ts';
import { workshopProgress } from './workshop-progress.server.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user;
	if (!user) return { dashboard: null };
	const archived = url.searchParams.get('show') === 'archived';
	const [workshops, counts] = await Promise.all([
		locals.app.store.workshops.listForUser(user.id, { archived }),
		locals.app.store.workshops.countForUser(user.id)
	]);
	const [progress, frameworks] = await Promise.all([
		Promise.all(workshops.map((w) => workshopProgress(locals.app.store, w.id))),
		Promise.all(workshops.map((w) => workshopFramework(locals.app.store, w)))
	]);
	return {
		dashboard: {
			archived,
			counts,
			now: Date.now(),
			workshops: workshops.map((w, index) => ({
				...progress[index],
				id: w.id,
				title: w.title,
				team: w.team,
				role: w.role,
				memberCount: w.memberCount,
				templateName: getTemplate(w.templateId)?.name ?? null,
				frameworkName: frameworks[index].name,
				updatedAt: w.updatedAt,
				archivedAt: w.archivedAt
			}))
		}
	};
};
