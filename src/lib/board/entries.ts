/**
 * Lookups and writes shared by the operation modules; callers wrap writes in their transaction.
 * Entries whose key is not a valid id are treated as absent, as snapshot.ts does.
 */
import * as Y from 'yjs';
import { createId } from './ids.ts';
import { compareOrder, keysForInsert, type Ordered } from './order.ts';
import {
	getCardMap,
	getCellMap,
	getDissentMap,
	getNoteMap,
	getRoleMap,
	getRowEditMap,
	splitKey,
	type Actor
} from './schema.ts';
import { BoardError, checkId, isId } from './validate.ts';

export const findCard = (doc: Y.Doc, cardId: string): Y.Map<unknown> => {
	const card = isId(cardId) ? getCardMap(doc).get(cardId) : undefined;
	if (!(card instanceof Y.Map)) {
		throw new BoardError('unknown-card', `No card "${cardId}" on this board`);
	}
	return card;
};

export const findRow = (doc: Y.Doc, cardId: string): Y.Map<unknown> => {
	const card = findCard(doc, cardId);
	if (card.get('placed') !== true) {
		throw new BoardError('not-placed', `"${card.get('title')}" is not on the board`);
	}
	return card;
};

export const findRole = (doc: Y.Doc, roleId: string): Y.Map<unknown> => {
	const role = isId(roleId) ? getRoleMap(doc).get(roleId) : undefined;
	if (!(role instanceof Y.Map)) {
		throw new BoardError('unknown-role', `No role "${roleId}" on this board`);
	}
	return role;
};

const sortedEntries = (
	map: Y.Map<unknown>,
	exceptId: string,
	include: (entry: Y.Map<unknown>) => boolean
): Ordered[] => {
	const list: Ordered[] = [];
	map.forEach((entry, id) => {
		if (id !== exceptId && entry instanceof Y.Map && isId(id) && include(entry)) {
			const order = entry.get('order');
			list.push({ id, order: typeof order === 'string' ? order : '' });
		}
	});
	return list.sort(compareOrder);
};

export const sortedRows = (doc: Y.Doc, exceptId = ''): Ordered[] =>
	sortedEntries(getCardMap(doc), exceptId, (card) => card.get('placed') === true);

export const sortedRoles = (doc: Y.Doc, exceptId = ''): Ordered[] =>
	sortedEntries(getRoleMap(doc), exceptId, () => true);

/**
 * Where `movedId` goes in `sorted` (which does not contain it): just after `beforeId`, else just
 * before `afterId`, else at the end.
 */
export const insertionIndex = (
	sorted: readonly Ordered[],
	movedId: string,
	beforeId: string | null | undefined,
	afterId: string | null | undefined
): number => {
	for (const [neighbour, offset] of [
		[beforeId, 1],
		[afterId, 0]
	] as const) {
		if (neighbour == null) continue;
		const index = sorted.findIndex((entry) => entry.id === neighbour);
		if (index < 0) {
			throw new BoardError('invalid-position', `Cannot put "${movedId}" next to "${neighbour}"`);
		}
		return index + offset;
	}
	return sorted.length;
};

/** Writes the order key for `entry` at `index`, re-keying the neighbours that share a key. */
export const writeOrder = (
	map: Y.Map<unknown>,
	entry: Y.Map<unknown>,
	sorted: readonly Ordered[],
	index: number
): void => {
	const { key, rekeyed } = keysForInsert(sorted, index);
	for (const [id, order] of rekeyed) (map.get(id) as Y.Map<unknown>).set('order', order);
	entry.set('order', key);
};

export const recordRowEdit = (doc: Y.Doc, actor: Actor, cardId: string): void => {
	getRowEditMap(doc).set(cardId, { userId: actor.id, name: actor.name, at: Date.now() });
};

/** Deletes entries of missing cards and roles, and the letters and dissent of tray cards. */
export const prune = (doc: Y.Doc): void => {
	const cards = getCardMap(doc);
	const roles = getRoleMap(doc);
	const isRow = (cardId: string) => {
		const card = cards.get(cardId);
		return card instanceof Y.Map && card.get('placed') === true;
	};
	const cells = getCellMap(doc);
	for (const key of [...cells.keys()]) {
		const [cardId, roleId] = splitKey(key);
		if (!isRow(cardId) || !roles.has(roleId)) cells.delete(key);
	}
	const dissent = getDissentMap(doc);
	for (const key of [...dissent.keys()]) {
		if (!isRow(splitKey(key)[0])) dissent.delete(key);
	}
	for (const map of [getNoteMap(doc), getRowEditMap(doc)]) {
		for (const cardId of [...map.keys()]) if (!cards.has(cardId)) map.delete(cardId);
	}
};

/** The id for a new entry: the caller's, checked for clashes, or a random one. */
export const claimId = (map: Y.Map<unknown>, id: string | undefined, what: string): string => {
	if (id === undefined) return createId();
	checkId(id, what);
	if (map.has(id)) throw new BoardError('duplicate-id', `${what} id "${id}" is already taken`);
	return id;
};

// The note's Y.Text is created with its card: two peers creating it later at the same time would
// each make one, and whatever was typed into the one that loses would be lost.
export const createCard = (doc: Y.Doc, id: string, fields: Record<string, unknown>): void => {
	const card = new Y.Map<unknown>();
	getCardMap(doc).set(id, card);
	const defaults = { detail: '', category: '', source: '' };
	for (const [field, value] of Object.entries({ id, ...defaults, ...fields })) {
		card.set(field, value);
	}
	card.set('placed', false);
	card.set('order', '');
	getNoteMap(doc).set(id, new Y.Text());
};

export const createRole = (
	doc: Y.Doc,
	id: string,
	fields: Record<string, unknown>,
	order: string
): void => {
	const role = new Y.Map<unknown>();
	getRoleMap(doc).set(id, role);
	for (const [field, value] of Object.entries({ id, ...fields, order })) role.set(field, value);
};
