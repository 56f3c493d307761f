/**
 * Keeping a snapshot current without reading the whole document again. Setting a letter (what a
 * board mostly sees, many times a second in a lively workshop) writes one `cells` entry and the
 * row's `rowEdits` entry; `updateBoard` patches just those into the previous snapshot, which
 * costs the same on a 600-cell board as on a 6-cell one. Any other change reads the board afresh.
 *
 * The patched snapshot equals what `readBoard` returns for the same document (the spec checks
 * that): an entry is shown under the same conditions (a letter of a placed row and an existing
 * role, a row edit of an existing card).
 */
import type * as Y from 'yjs';
import { getCellMap, getRowEditMap, splitKey, type BoardSnapshot } from './schema.ts';
import { frameworkOf } from './frameworks.ts';
import { cellValue, readBoard, readRowEdit } from './snapshot.ts';

/** What changed in the document since a snapshot was read. */
export type BoardChanges = {
	/** `cells` keys written. */
	cells: Set<string>;
	/** `rowEdits` keys written. */
	rowEdits: Set<string>;
	/** Anything else changed: the snapshot must be read afresh. */
	other: boolean;
};

export const noChanges = (): BoardChanges => ({
	cells: new Set(),
	rowEdits: new Set(),
	other: false
});

/** Adds a transaction's changes (`transaction.changed`: each changed type and its keys). */
export function addChanges(
	changes: BoardChanges,
	doc: Y.Doc,
	changed: Y.Transaction['changed']
): void {
	// Typed loosely: Yjs types its changed maps as AbstractType<YEvent>, which YMap is not.
	const cells: unknown = getCellMap(doc);
	const rowEdits: unknown = getRowEditMap(doc);
	for (const [type, keys] of changed) {
		const into = type === cells ? changes.cells : type === rowEdits ? changes.rowEdits : null;
		if (!into) {
			changes.other = true;
			continue;
		}
		for (const key of keys) if (key !== null) into.add(key);
	}
}

/** `previous` brought up to date with `changes`; `previous` itself when nothing it shows changed. */
export function updateBoard(
	doc: Y.Doc,
	previous: BoardSnapshot,
	changes: BoardChanges
): BoardSnapshot {
	if (changes.other) return readBoard(doc);
	const rowIds = new Set(previous.rows.map((card) => card.id));
	const cardIds = new Set([...rowIds, ...previous.tray.map((card) => card.id)]);
	const roleIds = new Set(previous.roles.map((role) => role.id));

	let cells = previous.cells;
	if (changes.cells.size > 0) {
		const cellMap = getCellMap(doc);
		// A change of framework is a `meta` change, which reads the board afresh.
		const framework = frameworkOf(previous.framework);
		cells = patch(previous.cells, changes.cells, (key) => {
			const [cardId, roleId] = splitKey(key);
			return rowIds.has(cardId) && roleIds.has(roleId)
				? cellValue(framework, cellMap.get(key))
				: null;
		});
	}
	let rowEdits = previous.rowEdits;
	if (changes.rowEdits.size > 0) {
		const rowEditMap = getRowEditMap(doc);
		rowEdits = patch(previous.rowEdits, changes.rowEdits, (cardId) =>
			cardIds.has(cardId) ? readRowEdit(rowEditMap.get(cardId)) : null
		);
	}
	return cells === previous.cells && rowEdits === previous.rowEdits
		? previous
		: { ...previous, cells, rowEdits };
}

/** A copy of `record` with `keys` read again (null: absent); `record` itself if none differs. */
function patch<T>(
	record: Record<string, T>,
	keys: Set<string>,
	read: (key: string) => T | null
): Record<string, T> {
	let copy: Record<string, T> | null = null;
	for (const key of keys) {
		const value = read(key);
		const before = Object.hasOwn(record, key) ? record[key] : null;
		// Entries are small plain values (a letter, a row edit): compared as JSON.
		if (JSON.stringify(before) === JSON.stringify(value)) continue;
		copy ??= { ...record };
		if (value === null) delete copy[key];
		else copy[key] = value;
	}
	return copy ?? record;
}
