/**
 * Moving cards, rows and columns with the keyboard, as pure steps over a board snapshot: where a
 * pick-up starts, where each key moves the drop target, and how to say where it would land.
 *
 *   tray card   Up/Down choose the row, Left/Right choose the role that will be Responsible
 *   row         Up/Down choose the row, Left targets the tray (unplace), Right comes back
 *   column      Left/Right choose the position
 *   any         Home/End jump to the first or last position
 *
 * Keys move the item's final position; drop targets are gaps (positions.ts), so the two gaps
 * around a moving row or column, which would leave it in place, are stepped over.
 */
import { doerName, type BoardSnapshot } from '#lib/board/index.ts';
import type { DragItem, DropTarget } from './drag.svelte.ts';
import { gapOf, neighboursAt } from './positions.ts';

const rowIds = (board: BoardSnapshot) => board.rows.map((row) => row.id);
const roleIds = (board: BoardSnapshot) => board.roles.map((role) => role.id);

/** Where a keyboard pick-up starts: a card at the end, a row or a column where it is. */
export const firstTarget = (item: DragItem, board: BoardSnapshot): DropTarget =>
	item.kind === 'card'
		? { zone: 'rows', gap: board.rows.length, roleId: null }
		: item.kind === 'row'
			? { zone: 'rows', gap: gapOf(rowIds(board), item.id), roleId: null }
			: { zone: 'roles', gap: gapOf(roleIds(board), item.id) };

/** The target after `key`, or null when the key does not move it. */
export function nextTarget(
	key: string,
	item: DragItem,
	target: DropTarget,
	board: BoardSnapshot
): DropTarget | null {
	const ids = target.zone === 'roles' ? roleIds(board) : rowIds(board);
	const from = ids.indexOf(item.id);
	const last = from >= 0 ? ids.length - 1 : ids.length;
	const toGap = (index: number) => {
		const at = Math.max(0, Math.min(last, index));
		return from >= 0 && at > from ? at + 1 : at;
	};
	const gap = target.zone === 'tray' ? gapOf(ids, item.id) : target.gap;
	const position = from >= 0 && gap > from ? gap - 1 : gap;
	const backward = target.zone === 'roles' ? 'ArrowLeft' : 'ArrowUp';
	const forward = target.zone === 'roles' ? 'ArrowRight' : 'ArrowDown';
	const moved =
		key === backward
			? toGap(position - 1)
			: key === forward
				? toGap(position + 1)
				: key === 'Home'
					? toGap(0)
					: key === 'End'
						? toGap(last)
						: null;
	if (target.zone === 'roles') return moved === null ? null : { zone: 'roles', gap: moved };

	const roleId = target.zone === 'rows' ? target.roleId : null;
	if (moved !== null) return { zone: 'rows', gap: moved, roleId };
	if (item.kind === 'row' && key === 'ArrowLeft') return { zone: 'tray' };
	if (item.kind === 'row' && key === 'ArrowRight') return { zone: 'rows', gap, roleId };
	if (item.kind === 'card' && (key === 'ArrowLeft' || key === 'ArrowRight')) {
		const choices = [null, ...roleIds(board)];
		const at = choices.indexOf(roleId);
		const by = key === 'ArrowRight' ? 1 : -1;
		return { zone: 'rows', gap, roleId: choices[(at + by + choices.length) % choices.length] };
	}
	return null;
}

const quote = (title: string) => `“${title}”`;

/** Where a drop would land, in words, for the live region and the drag ghost. */
export function describeDrop(
	item: DragItem,
	target: DropTarget | null,
	board: BoardSnapshot
): string {
	if (!target) return 'Not over a place to drop.';
	if (target.zone === 'tray') return 'Drop in the tray to take it off the board.';
	const roleName = (id: string | null) =>
		board.roles.find((role) => role.id === id)?.name ?? 'role';
	if (target.zone === 'roles') {
		const { beforeId, afterId } = neighboursAt(roleIds(board), target.gap, item.id);
		if (!beforeId) return `First column, before ${roleName(afterId)}.`;
		if (!afterId) return `Last column, after ${roleName(beforeId)}.`;
		return `Between ${roleName(beforeId)} and ${roleName(afterId)}.`;
	}
	const title = (id: string) => quote(board.rows.find((row) => row.id === id)?.title ?? 'row');
	const ids = rowIds(board);
	const moving = item.kind === 'row' ? item.id : null;
	const others = ids.filter((id) => id !== moving);
	const { beforeId, afterId } = neighboursAt(ids, target.gap, moving);
	const count = others.length + 1;
	const position = beforeId ? others.indexOf(beforeId) + 2 : 1;
	let where = `Row ${position} of ${count}`;
	if (count === 1) where = 'First row of an empty board';
	else if (!beforeId) where += `, above ${title(afterId!)}`;
	else if (!afterId) where += `, after ${title(beforeId)}`;
	else where += `, between ${title(beforeId)} and ${title(afterId)}`;
	if (target.roleId) where += `, with ${roleName(target.roleId)} ${doerName(board)}`;
	return `${where}.`;
}
