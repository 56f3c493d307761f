/** People and workshops for store tests, created through the store's own methods. */
import type { FrameworkId } from '#lib/board/frameworks.ts';
import type { Store } from '../index.ts';
import type { Workshop } from '../workshops.ts';

/** Users without a password whose username is their id; the display name defaults to it in capitals. */
export async function addUsers(
	store: Store,
	ids: readonly string[],
	displayName: (id: string) => string = (id) => id.toUpperCase()
): Promise<void> {
	for (const id of ids) {
		await store.users.create({
			id,
			username: id,
			displayName: displayName(id),
			passwordHash: null,
			isGuest: false,
			color: '#2563eb'
		});
	}
}

/** A workshop that `createdBy` facilitates. */
export function addWorkshop(
	store: Store,
	createdBy: string,
	fields: { title?: string; team?: string; templateId?: string; framework?: FrameworkId } = {}
): Promise<Workshop> {
	return store.workshops.create({
		title: 'T',
		team: 'X',
		templateId: 't',
		focusRoleId: 'pm',
		framework: 'raci',
		...fields,
		createdBy
	});
}
