import * as Y from 'yjs';
import type { PageServerLoad } from './$types';
import { readBoard } from '#lib/board/index.ts';
import { getTemplate } from '#lib/templates/index.ts';
import { ANY_MEMBER, requireWorkshopRole } from '#lib/server/access.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { workshop } = await requireWorkshopRole(locals, params.id, ANY_MEMBER, url);
	const store = locals.app.store;
	const [stored, members] = await Promise.all([
		store.docs.load(`${workshop.id}/board`),
		store.workshops.listMembers(workshop.id)
	]);
	const doc = new Y.Doc();
	for (const update of stored.updates) Y.applyUpdate(doc, update);
	const board = readBoard(doc);
	doc.destroy();

	const categories = new Map<string, { name: string; placed: number; tray: number }>();
	const tally = (name: string, key: 'placed' | 'tray') => {
		const label = name || 'Uncategorised';
		const entry = categories.get(label) ?? { name: label, placed: 0, tray: 0 };
		entry[key] += 1;
		categories.set(label, entry);
	};
	for (const card of board.rows) tally(card.category, 'placed');
	for (const card of board.tray) tally(card.category, 'tray');

	return {
		template: getTemplate(workshop.templateId)?.name ?? null,
		roles: board.roles.map(({ id, name, label, color }) => ({
			id,
			name,
			label,
			color,
			focus: id === board.focusRoleId
		})),
		cards: {
			placed: board.rows.length,
			tray: board.tray.length,
			letters: Object.keys(board.cells).length,
			categories: [...categories.values()]
		},
		members: members.map((m) => ({
			userId: m.userId,
			displayName: m.displayName,
			color: m.color,
			isGuest: m.isGuest,
			role: m.role
		}))
	};
};
