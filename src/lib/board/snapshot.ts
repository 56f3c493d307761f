/**
 * Plain, consistent views of a board document.
 *
 * The document may hold entries that no longer make sense together: a letter set by one peer
 * while another deleted the card or the role, dissent on a card someone moved back to the tray,
 * a focus role that was deleted. A snapshot shows only what the board means: letters of placed
 * rows and existing roles, dissent on placed rows, notes and edits of existing cards, and a focus
 * role that exists (the first role otherwise). Every peer that has the same updates reads the
 * same snapshot.
 */
import * as Y from 'yjs';
import { compareOrder } from './order.ts';
import {
	FOCUS_ROLE_ID,
	FRAMEWORK,
	cellKey,
	getCardMap,
	getCellMap,
	getDissentMap,
	getRemovedDissentMap,
	getMetaMap,
	getNoteMap,
	getRoleMap,
	getRowEditMap,
	splitKey,
	type BoardSnapshot,
	type Card,
	type Dissent,
	type DissentRemoval,
	type Mark,
	type BoardRole,
	type RowEdit
} from './schema.ts';
import { BoardError, isId } from './validate.ts';
import { frameworkOf, isMarkOf, type Framework } from './frameworks.ts';

export { cellKey } from './schema.ts';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const time = (value: unknown): number =>
	typeof value === 'number' && Number.isFinite(value) ? value : 0;

const tags = (value: unknown): string[] | undefined =>
	Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : undefined;

const readRole = (id: string, entry: Y.Map<unknown>): BoardRole => ({
	id,
	name: text(entry.get('name')),
	label: text(entry.get('label')),
	color: text(entry.get('color')),
	order: text(entry.get('order'))
});

const readCard = (id: string, entry: Y.Map<unknown>): Card => {
	const cadence = tags(entry.get('cadence'));
	const seniority = tags(entry.get('seniority'));
	return {
		id,
		title: text(entry.get('title')),
		detail: text(entry.get('detail')),
		category: text(entry.get('category')),
		source: text(entry.get('source')),
		...(cadence ? { cadence } : {}),
		...(seniority ? { seniority } : {}),
		placed: entry.get('placed') === true,
		order: text(entry.get('order'))
	};
};

/** The mark a `cells` entry holds, or null where it holds nothing this board's framework shows. */
export const cellValue = (framework: Framework, value: unknown): Mark | null =>
	isMarkOf(framework, value) ? value : null;

/** A `rowEdits` entry, or null where it is not one. */
export const readRowEdit = (value: unknown): RowEdit | null => {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	return { userId: text(entry.userId), name: text(entry.name), at: time(entry.at) };
};

const compareTray = (a: Card, b: Card): number =>
	collator.compare(a.category, b.category) ||
	collator.compare(a.title, b.title) ||
	(a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const readBoard = (doc: Y.Doc): BoardSnapshot => {
	const roles: BoardRole[] = [];
	getRoleMap(doc).forEach((entry, id) => {
		if (entry instanceof Y.Map && isId(id)) roles.push(readRole(id, entry));
	});
	roles.sort(compareOrder);

	const rows: Card[] = [];
	const tray: Card[] = [];
	getCardMap(doc).forEach((entry, id) => {
		if (!(entry instanceof Y.Map) || !isId(id)) return;
		const card = readCard(id, entry);
		(card.placed ? rows : tray).push(card);
	});
	rows.sort(compareOrder);
	tray.sort(compareTray);

	const framework = frameworkOf(getMetaMap(doc).get(FRAMEWORK));
	const cells: Record<string, Mark> = {};
	const cellMap = getCellMap(doc);
	for (const row of rows) {
		for (const role of roles) {
			const mark = cellValue(framework, cellMap.get(cellKey(row.id, role.id)));
			if (mark) cells[cellKey(row.id, role.id)] = mark;
		}
	}

	const cardIds = new Set([...rows, ...tray].map((card) => card.id));
	const rowIds = new Set(rows.map((card) => card.id));

	const notes: Record<string, string> = {};
	getNoteMap(doc).forEach((note, cardId) => {
		if (note instanceof Y.Text && cardIds.has(cardId) && note.length > 0) {
			notes[cardId] = note.toString();
		}
	});

	const dissent: Dissent[] = [];
	getDissentMap(doc).forEach((value, key) => {
		const [cardId, userId] = splitKey(key);
		if (!rowIds.has(cardId) || typeof value !== 'object' || value === null) return;
		const entry = value as Record<string, unknown>;
		dissent.push({
			cardId,
			userId,
			name: text(entry.name),
			reason: text(entry.reason),
			at: time(entry.at)
		});
	});
	dissent.sort(
		(a, b) =>
			(a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0) ||
			a.at - b.at ||
			(a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
	);

	const removedDissent: DissentRemoval[] = [];
	getRemovedDissentMap(doc).forEach((value, key) => {
		const [cardId, userId] = splitKey(key);
		if (!rowIds.has(cardId) || typeof value !== 'object' || value === null) return;
		const entry = value as Record<string, unknown>;
		const by = (entry.removedBy ?? {}) as Record<string, unknown>;
		removedDissent.push({
			cardId,
			userId,
			name: text(entry.name),
			removedBy: { id: text(by.id), name: text(by.name) },
			at: time(entry.at)
		});
	});
	removedDissent.sort(
		(a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0) || a.at - b.at
	);

	const rowEdits: Record<string, RowEdit> = {};
	getRowEditMap(doc).forEach((value, cardId) => {
		const edit = cardIds.has(cardId) ? readRowEdit(value) : null;
		if (edit) rowEdits[cardId] = edit;
	});

	const focus = getMetaMap(doc).get(FOCUS_ROLE_ID);
	const focusRoleId = roles.some((role) => role.id === focus)
		? (focus as string)
		: (roles[0]?.id ?? null);

	return {
		framework: framework.id,
		focusRoleId,
		roles,
		rows,
		tray,
		cells,
		notes,
		dissent,
		rowEdits,
		removedDissent
	};
};

/** The mark in one cell: a letter, or the owner and doer letters together. */
export const letterAt = (snapshot: BoardSnapshot, cardId: string, roleId: string): Mark | null =>
	snapshot.cells[cellKey(cardId, roleId)] ?? null;

/** The placed row `cardId`; throws for tray cards and unknown ids. */
export const requireRow = (snapshot: BoardSnapshot, cardId: string): Card => {
	const row = snapshot.rows.find((card) => card.id === cardId);
	if (row) return row;
	if (snapshot.tray.some((card) => card.id === cardId)) {
		throw new BoardError('not-placed', `Card "${cardId}" is not on the board`);
	}
	throw new BoardError('unknown-card', `No card "${cardId}" on this board`);
};

export const requireRole = (snapshot: BoardSnapshot, roleId: string): BoardRole => {
	const role = snapshot.roles.find((entry) => entry.id === roleId);
	if (!role) throw new BoardError('unknown-role', `No role "${roleId}" on this board`);
	return role;
};
