import * as Y from 'yjs';
import { toBase64 } from 'lib0/buffer';
import { docName } from '#lib/contracts/sync.ts';
import { isLocked } from '#lib/facilitation/schema.ts';
import { ANY_MEMBER, requireWorkshopRole } from '#lib/server/access.ts';

/**
 * What the board page renders before its socket connects: the stored board (so the first paint
 * is the real board, and the browser's document starts from it), the lock, and the members, whose
 * workshop roles presence shows.
 */
export async function loadBoardPage({
	locals,
	params,
	url
}: {
	locals: App.Locals;
	params: { id: string };
	url: URL;
}) {
	const { workshop, user, role } = await requireWorkshopRole(locals, params.id, ANY_MEMBER, url);
	const store = locals.app.store;
	const [board, facilitation, members] = await Promise.all([
		store.docs.load(docName(workshop.id, 'board')),
		store.docs.load(docName(workshop.id, 'facilitation')),
		store.workshops.listMembers(workshop.id)
	]);
	const lock = new Y.Doc();
	for (const update of facilitation.updates) Y.applyUpdate(lock, update);
	const locked = isLocked(lock);
	lock.destroy();
	return {
		board: {
			state: board.updates.length > 0 ? toBase64(Y.mergeUpdates(board.updates)) : null,
			locked
		},
		self: { id: user.id, name: user.displayName, color: user.color, role },
		members: members.map((member) => ({
			id: member.userId,
			name: member.displayName,
			color: member.color,
			role: member.role
		}))
	};
}
