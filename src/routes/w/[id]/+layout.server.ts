import type { LayoutServerLoad } from './$types';
import { requireRouteAccess } from '#lib/server/access.ts';

export const load: LayoutServerLoad = async (event) => {
	const { workshop, role } = await requireRouteAccess(event);
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			team: workshop.team,
			templateId: workshop.templateId,
			createdAt: workshop.createdAt,
			updatedAt: workshop.updatedAt,
			archivedAt: workshop.archivedAt
		},
		role
	};
};
