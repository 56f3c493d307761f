/**
 * Changes to cards, rows and cells. Role changes are in role-operations.ts, seeding in seed.ts.
 *
 * Each change runs in one `doc.transact(fn, origin)` with the origin the caller passes: the UI
 * passes its own origin object, so that a Y.UndoManager tracking it undoes the user's own edits
 * only. Yjs does not roll back a transaction that throws, so inputs are checked before the first
 * write: a refused change throws a `BoardError` and changes nothing.
 *
 * Only placed rows carry letters and dissent, and entries of a deleted card go with it. Unplacing
 * a card therefore clears its letters instead of hiding them: hidden letters would still count in
 * rules and charters, and placing the card again would bring back an assignment nobody reviewed
 * (undo restores them). Its rationale note stays: it is prose someone wrote. Concurrent peers can
 * still leave such entries behind (schema.ts); snapshots ignore them and the next sweep removes
 * them.
 *
 * Rows and roles are positioned by neighbours: `beforeId` is the entry that ends up just before
 * (above, or left of) the moved one, `afterId` the one just after it; null or absent means the
 * start or the end of the list. When both are given and disagree (a stale view), `beforeId` wins.
 * Changing a row's letters, placement, wording or rationale records the actor in `rowEdits`.
 */
import * as Y from 'yjs';
import { DEFAULT_CONTENT_LIMITS } from './content.ts';
import {
	claimId,
	createCard,
	findCard,
	findRole,
	findRow,
	insertionIndex,
	prune,
	recordRowEdit,
	sortedRows,
	writeOrder
} from './entries.ts';
import { frameworkOf, nextMark, type Mark } from './frameworks.ts';
import {
	FRAMEWORK,
	cellKey,
	dissentKey,
	getCardMap,
	getCellMap,
	getDissentMap,
	getMetaMap,
	getNoteMap,
	getRemovedDissentMap,
	type Actor
} from './schema.ts';
import {
	BoardError,
	LIMITS,
	checkActor,
	checkCardFields,
	checkMark,
	checkText,
	type CardInput,
	type CardPatch
} from './validate.ts';

const NOTE_ORIGIN = Symbol('drawline/note');

/** The framework the board's letters follow. */
const docFramework = (doc: Y.Doc) => frameworkOf(getMetaMap(doc).get(FRAMEWORK));

export type PlaceOptions = {
	beforeId?: string | null;
	afterId?: string | null;
	/** A role that gets R on the new row. */
	roleId?: string;
};

/** Adds a card to the tray and returns its id. */
export const addCard = (doc: Y.Doc, origin: unknown, actor: Actor, input: CardInput): string => {
	const by = checkActor(actor);
	const fields = checkCardFields(input, true);
	const id = claimId(getCardMap(doc), input.id, 'Card');
	// The server refuses more (MAX_CARDS_PER_BOARD); saying so here keeps the edit from being lost.
	if (getCardMap(doc).size >= DEFAULT_CONTENT_LIMITS.maxCards) {
		throw new BoardError(
			'invalid-input',
			`A board holds at most ${DEFAULT_CONTENT_LIMITS.maxCards} cards`
		);
	}
	doc.transact(() => {
		createCard(doc, id, fields);
		recordRowEdit(doc, by, id);
	}, origin);
	return id;
};

/** Changes a card's wording or tags. Rewording (title, detail) is a row edit; retagging is not. */
export const editCard = (
	doc: Y.Doc,
	origin: unknown,
	actor: Actor,
	cardId: string,
	patch: CardPatch
): void => {
	const by = checkActor(actor);
	const card = findCard(doc, cardId);
	const changed = Object.entries(checkCardFields(patch, false)).filter(
		([field, value]) => JSON.stringify(card.get(field)) !== JSON.stringify(value)
	);
	if (changed.length === 0) return;
	doc.transact(() => {
		for (const [field, value] of changed) card.set(field, value);
		if (changed.some(([field]) => field === 'title' || field === 'detail')) {
			recordRowEdit(doc, by, cardId);
		}
	}, origin);
};

/** Deletes a card with its letters, note, dissent and edit record. */
export const deleteCard = (doc: Y.Doc, origin: unknown, cardId: string): void => {
	findCard(doc, cardId);
	doc.transact(() => {
		getCardMap(doc).delete(cardId);
		prune(doc);
	}, origin);
};

/** Puts a tray card on the board: after `beforeId`, before `afterId`, or last. */
export const placeCard = (
	doc: Y.Doc,
	origin: unknown,
	actor: Actor,
	cardId: string,
	opts: PlaceOptions = {}
): void => {
	const by = checkActor(actor);
	const card = findCard(doc, cardId);
	if (card.get('placed') === true) {
		throw new BoardError('already-placed', `"${card.get('title')}" is already on the board`);
	}
	if (opts.roleId !== undefined) findRole(doc, opts.roleId);
	const rows = sortedRows(doc, cardId);
	const index = insertionIndex(rows, cardId, opts.beforeId, opts.afterId);
	doc.transact(() => {
		// While the card is still in the tray: clears what concurrent peers left on it there.
		prune(doc);
		writeOrder(getCardMap(doc), card, rows, index);
		card.set('placed', true);
		if (opts.roleId !== undefined) {
			getCellMap(doc).set(cellKey(cardId, opts.roleId), docFramework(doc).doer);
		}
		recordRowEdit(doc, by, cardId);
	}, origin);
};

/** Moves a row back to the tray and clears its letters and dissent. */
export const unplaceCard = (doc: Y.Doc, origin: unknown, actor: Actor, cardId: string): void => {
	const by = checkActor(actor);
	const card = findRow(doc, cardId);
	doc.transact(() => {
		card.set('placed', false);
		prune(doc);
		recordRowEdit(doc, by, cardId);
	}, origin);
};

/**
 * Moves a row. Reordering is not a row edit: it changes nothing that was agreed, and recording it
 * would hide an earlier change of letters from facilitation.
 */
export const moveRow = (
	doc: Y.Doc,
	origin: unknown,
	actor: Actor,
	cardId: string,
	beforeId: string | null,
	afterId: string | null
): void => {
	checkActor(actor);
	const card = findRow(doc, cardId);
	const rows = sortedRows(doc, cardId);
	const index = insertionIndex(rows, cardId, beforeId, afterId);
	if (index === sortedRows(doc).findIndex((row) => row.id === cardId)) return;
	doc.transact(() => writeOrder(getCardMap(doc), card, rows, index), origin);
};

/** Sets or (with null) clears one cell's mark, which must belong to the board's framework. */
export const setCell = (
	doc: Y.Doc,
	origin: unknown,
	actor: Actor,
	cardId: string,
	roleId: string,
	letter: Mark | null
): void => {
	const by = checkActor(actor);
	const next = checkMark(docFramework(doc), letter);
	findRow(doc, cardId);
	findRole(doc, roleId);
	const cells = getCellMap(doc);
	const key = cellKey(cardId, roleId);
	if ((cells.get(key) ?? null) === next) return;
	doc.transact(() => {
		if (next === null) cells.delete(key);
		else cells.set(key, next);
		recordRowEdit(doc, by, cardId);
	}, origin);
};

/** Steps a cell through none → R → A → A/R → C → I → none (in RACI) and returns the new mark. */
export const cycleCell = (
	doc: Y.Doc,
	origin: unknown,
	actor: Actor,
	cardId: string,
	roleId: string
): Mark | null => {
	const current = getCellMap(doc).get(cellKey(cardId, roleId)) as Mark | undefined;
	const next = nextMark(docFramework(doc), current ?? null);
	setCell(doc, origin, actor, cardId, roleId, next);
	return next;
};

/** Records, or replaces, the actor's dissent on a row. */
export const setDissent = (
	doc: Y.Doc,
	origin: unknown,
	actor: Actor,
	cardId: string,
	reason: string
): void => {
	const by = checkActor(actor);
	findRow(doc, cardId);
	const text = checkText(reason, 'Reason', LIMITS.reason, 1);
	doc.transact(() => {
		getDissentMap(doc).set(dissentKey(cardId, by.id), {
			userId: by.id,
			name: by.name,
			reason: text,
			at: Date.now()
		});
	}, origin);
};

export const clearDissent = (doc: Y.Doc, origin: unknown, actor: Actor, cardId: string): void => {
	const by = checkActor(actor);
	findCard(doc, cardId);
	const dissent = getDissentMap(doc);
	const key = dissentKey(cardId, by.id);
	if (!dissent.has(key)) return;
	doc.transact(() => dissent.delete(key), origin);
};

/**
 * A facilitator removes someone's dissent (moderation). The removal is recorded with who made it,
 * and the charter lists it, so dissent never disappears without a trace.
 */
export const removeDissent = (
	doc: Y.Doc,
	origin: unknown,
	moderator: Actor,
	cardId: string,
	userId: string
): void => {
	const by = checkActor(moderator);
	const dissent = getDissentMap(doc);
	const key = dissentKey(cardId, userId);
	const entry = dissent.get(key) as { name?: unknown } | undefined;
	if (!entry) return;
	doc.transact(() => {
		dissent.delete(key);
		getRemovedDissentMap(doc).set(key, {
			userId,
			name: typeof entry.name === 'string' ? entry.name : '',
			removedBy: by,
			at: Date.now()
		});
	}, origin);
};

/**
 * The rationale of a card, for an editor binding. Cards get their note when they are created; one
 * is only made here for a card that has none, under an origin of its own so that no undo
 * manager tracks it (the default one tracks the null origin).
 */
export const getNoteText = (doc: Y.Doc, cardId: string): Y.Text => {
	findCard(doc, cardId);
	const notes = getNoteMap(doc);
	const note = notes.get(cardId);
	if (note instanceof Y.Text) return note;
	const created = new Y.Text();
	doc.transact(() => notes.set(cardId, created), NOTE_ORIGIN);
	return created;
};

/**
 * Records that the actor changed a row's rationale, so an agreed row is reopened as by a letter
 * change: the rationale is published with the row. Call it inside the transaction that edits the
 * note text; a tray card's note changes no agreement.
 */
export const recordNoteEdit = (doc: Y.Doc, actor: Actor, cardId: string): void => {
	const by = checkActor(actor);
	if (findCard(doc, cardId).get('placed') === true) recordRowEdit(doc, by, cardId);
};
