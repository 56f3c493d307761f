/**
 * Layout of a board document. There is one Y.Doc per workshop board, and every root is a Y.Map
 * keyed by id, so concurrent edits merge per entry and per field. Nothing is ever moved inside a
 * Y.Array: an array move is a delete plus an insert, and two peers moving one element at once
 * leave two copies of it.
 *
 *   roles     roleId → Y.Map { id, name, label, color, order }
 *   cards     cardId → Y.Map { id, title, detail, category, source, cadence?, seniority?,
 *                              placed, order }
 *   cells     `${cardId}:${roleId}` → a mark of the board's framework (frameworks.ts): one
 *             letter, or the owner and doer letters together ('A/R'); absent: no letter
 *   notes     cardId → Y.Text, the rationale of the row
 *   dissent   `${cardId}:${userId}` → { userId, name, reason, at }
 *   rowEdits  cardId → { userId, name, at }: the last change to a row's letters, placement or
 *             wording, so that facilitation can tell that an agreed row was reopened
 *   meta      focusRoleId → roleId; framework → 'raci' | 'rasci' | 'daci' (absent: RACI), written
 *             once by the server when the workshop is created
 *   removedDissent `${cardId}:${userId}` → { userId, name, removedBy: Actor, at }: dissent a
 *             facilitator removed, kept so that the charter says who removed whose
 *
 * `order` is a fractional key (order.ts); a card in the tray keeps whatever order it last had
 * (or '') and is listed by category and title instead. `at` is milliseconds since the epoch.
 * Card and role ids never contain ':', so compound keys split at their first ':'.
 *
 * Peers can leave entries that point at a card or role another peer deleted at the same time
 * (a letter set while the card was being deleted). Readers ignore them (snapshot.ts), and
 * deleting a card or a role, unplacing or placing a card sweeps them (`prune` in entries.ts).
 */
import type * as Y from 'yjs';
import type { FrameworkId, Mark } from './frameworks.ts';

export { isLetter, type Letter, type Mark } from './frameworks.ts';

export const ROLES = 'roles';
export const CARDS = 'cards';
export const CELLS = 'cells';
export const NOTES = 'notes';
export const DISSENT = 'dissent';
export const ROW_EDITS = 'rowEdits';
export const META = 'meta';
export const REMOVED_DISSENT = 'removedDissent';

export const FOCUS_ROLE_ID = 'focusRoleId';
export const FRAMEWORK = 'framework';

export type BoardRole = {
	id: string;
	name: string;
	label: string;
	color: string;
	order: string;
};

export type Card = {
	id: string;
	title: string;
	detail: string;
	category: string;
	source: string;
	cadence?: string[];
	seniority?: string[];
	placed: boolean;
	order: string;
};

export type Actor = { id: string; name: string };

export type Dissent = { cardId: string; userId: string; name: string; reason: string; at: number };

export type RowEdit = { userId: string; name: string; at: number };

/** Dissent a facilitator removed (moderation): whose, and who removed it when. */
export type DissentRemoval = {
	cardId: string;
	userId: string;
	name: string;
	removedBy: Actor;
	at: number;
};

export type BoardSnapshot = {
	framework: FrameworkId;
	focusRoleId: string | null;
	/** Board columns, in order. */
	roles: BoardRole[];
	/** Placed cards, in row order. */
	rows: Card[];
	/** Unplaced cards, by category and title. */
	tray: Card[];
	/** Marks of placed rows and existing roles only, valid in `framework`, keyed by `cellKey`. */
	cells: Record<string, Mark>;
	/** Non-empty rationale notes by card id. */
	notes: Record<string, string>;
	/** Dissent on placed rows, by card, time and user. */
	dissent: Dissent[];
	rowEdits: Record<string, RowEdit>;
	/** Dissent a facilitator removed from placed rows, by card and time. */
	removedDissent?: DissentRemoval[];
};

export const cellKey = (cardId: string, roleId: string): string => `${cardId}:${roleId}`;

export const dissentKey = (cardId: string, userId: string): string => `${cardId}:${userId}`;

/** The card id of a `cells` or `dissent` key, and the rest. */
export const splitKey = (key: string): [string, string] => {
	const at = key.indexOf(':');
	return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
};

// Values read from these maps come from any peer and are checked where they are read.
export const getRoleMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROLES);
export const getCardMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CARDS);
export const getCellMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CELLS);
export const getNoteMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(NOTES);
export const getDissentMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DISSENT);
export const getRowEditMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROW_EDITS);
export const getMetaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META);
export const getRemovedDissentMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(REMOVED_DISSENT);
