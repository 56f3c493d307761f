/**
 * What to tell a screen-reader user when someone else changes the row they are in. A sighted
 * person sees a letter change under their eyes; someone listening hears nothing unless it is
 * said. Fed by the board document's transactions: every change of a row's letters, note,
 * placement or wording records who made it (`rowEdits`, in the same transaction), so the
 * transaction alone tells what changed and by whom. One's own edits (this tab's, or another tab
 * of the same person) and rows other than the focused one say nothing.
 */
import * as Y from 'yjs';
import {
	CELLS,
	ROW_EDITS,
	getCardMap,
	getCellMap,
	getNoteMap,
	getRoleMap,
	getRowEditMap,
	isLetter,
	splitKey,
	type Letter
} from '../board/schema.ts';

/** One row's change, as a transaction from someone else made it. */
export type RowChange = {
	cardId: string;
	by: { userId: string; name: string };
	title: string;
	/** Letters set (or cleared: null), by role name, in role order of the change. */
	letters: { role: string; letter: Letter | null }[];
	note: boolean;
	retitled: boolean;
	unplaced: boolean;
};

/** A shared type as `transaction.changed` keys them. */
type SharedType = Parameters<Y.Transaction['changed']['get']>[0];

const stringField = (map: unknown, key: string): string => {
	const value = map instanceof Y.Map ? map.get(key) : undefined;
	return typeof value === 'string' ? value : '';
};

/**
 * The keys a transaction changed in a root map. Looked up by name in `doc.share` before anything
 * asks for the map: a root nobody has asked for yet is a placeholder type, and asking for it
 * replaces that placeholder with a new map that `transaction.changed` does not know.
 */
const changedKeys = (transaction: Y.Transaction, root: string): string[] => {
	const type = transaction.doc.share.get(root);
	const keys = type ? transaction.changed.get(type) : undefined;
	return [...(keys ?? [])].filter((key): key is string => typeof key === 'string');
};

/** The row edits a transaction recorded, with what changed in each row. */
export const rowChangesOf = (transaction: Y.Transaction): RowChange[] => {
	const editedRows = changedKeys(transaction, ROW_EDITS);
	if (editedRows.length === 0) return [];
	const changedCells = changedKeys(transaction, CELLS);
	const doc = transaction.doc;
	const edits = getRowEditMap(doc);
	const cells = getCellMap(doc);
	const changes: RowChange[] = [];
	for (const cardId of editedRows) {
		const edit = edits.get(cardId) as { userId?: unknown; name?: unknown } | undefined;
		const card = getCardMap(doc).get(cardId);
		if (typeof edit?.userId !== 'string' || !(card instanceof Y.Map)) continue;
		const cardKeys = transaction.changed.get(card as unknown as SharedType);
		const note = getNoteMap(doc).get(cardId);
		const letters = changedCells
			.filter((key) => splitKey(key)[0] === cardId)
			.map((key) => {
				const letter = cells.get(key);
				return {
					role: stringField(getRoleMap(doc).get(splitKey(key)[1]), 'name'),
					letter: isLetter(letter) ? letter : null
				};
			})
			.filter((entry) => entry.role !== '');
		changes.push({
			cardId,
			by: { userId: edit.userId, name: typeof edit.name === 'string' ? edit.name : 'Someone' },
			title: stringField(card, 'title'),
			letters,
			note: note instanceof Y.Text && transaction.changed.has(note as unknown as SharedType),
			retitled: cardKeys?.has('title') ?? false,
			unplaced: (cardKeys?.has('placed') ?? false) && card.get('placed') !== true
		});
	}
	return changes;
};

/** "Ana set R for Product Manager on Roadmap." and the like; null when nothing is worth saying. */
export const describeRowChange = (change: RowChange): string | null => {
	const { name } = change.by;
	const title = change.title;
	if (change.unplaced) return `${name} moved ${title} back to the tray.`;
	const parts: string[] = [];
	if (change.retitled) parts.push(`${name} renamed this row to ${title}.`);
	if (change.letters.length === 1) {
		const [{ role, letter }] = change.letters;
		parts.push(
			letter
				? `${name} set ${letter} for ${role} on ${title}.`
				: `${name} cleared the letter for ${role} on ${title}.`
		);
	} else if (change.letters.length > 1) {
		const list = change.letters
			.map(({ role, letter }) => `${letter ?? 'no letter'} for ${role}`)
			.join(', ');
		parts.push(`${name} changed ${title}: ${list}.`);
	}
	if (change.note) parts.push(`${name} edited the note on ${title}.`);
	return parts.length > 0 ? parts.join(' ') : null;
};

/**
 * The announcement for the focused row after a transaction, or null: for changes made here, by
 * the person themselves, or to other rows.
 */
export const remoteRowAnnouncement = (
	transaction: Y.Transaction,
	focusedCardId: string | null,
	selfId: string
): string | null => {
	if (transaction.local || focusedCardId === null) return null;
	const change = rowChangesOf(transaction).find(
		(entry) => entry.cardId === focusedCardId && entry.by.userId !== selfId
	);
	return change ? describeRowChange(change) : null;
};

/** How long the same sentence is not said again: someone typing a note sends one edit a key. */
export const REPEAT_QUIET_MS = 10_000;

/** Drops a sentence said less than `REPEAT_QUIET_MS` ago, so typing is announced once. */
export class RepeatFilter {
	#last = '';
	#at = -Infinity;

	pass(message: string, now: number): boolean {
		if (message === this.#last && now - this.#at < REPEAT_QUIET_MS) return false;
		this.#last = message;
		this.#at = now;
		return true;
	}
}
