/**
 * What a board document may hold, entry by entry. The sync server checks every update against
 * these rules before applying it (server/workshop/board-content.ts); the browser's operations use
 * the same ones so that an honest edit is never refused. Each check returns why a value is
 * refused, or null.
 */
import type { ContentRefusal } from '../contracts/refusals.ts';
import { isOrderKey } from './order.ts';
import { isMarkOf, type Framework } from './frameworks.ts';
import { splitKey } from './schema.ts';
import { LIMITS, isHexColor, isId } from './validate.ts';

/** Counts and sizes a board may reach; the server reads each from the environment. */
export type ContentLimits = {
	maxRoles: number;
	maxCards: number;
	/** Characters in one row's rationale note. */
	maxNoteChars: number;
	/** Encoded size of the whole document (what a joiner downloads). */
	maxDocBytes: number;
};

export const DEFAULT_CONTENT_LIMITS: ContentLimits = {
	maxRoles: 12,
	maxCards: 1000,
	maxNoteChars: 5000,
	maxDocBytes: 2 * 1024 * 1024
};

/** Order keys grow about one character per 30 appends; this leaves room for any honest board. */
export const MAX_ORDER_KEY = 200;

const text = (value: unknown, max: number, min = 0): ContentRefusal | null => {
	if (typeof value !== 'string') return 'bad-value';
	if (value.length > max) return 'too-long';
	return value.length < min ? 'bad-value' : null;
};

const orderKey = (value: unknown): ContentRefusal | null =>
	typeof value !== 'string' || (value !== '' && !isOrderKey(value))
		? 'bad-value'
		: value.length > MAX_ORDER_KEY
			? 'too-long'
			: null;

const tags = (value: unknown): ContentRefusal | null => {
	if (!Array.isArray(value)) return 'bad-value';
	if (value.length > LIMITS.tags) return 'too-long';
	for (const tag of value) {
		const problem = text(tag, LIMITS.tag, 1);
		if (problem) return problem;
	}
	return null;
};

/** A time in milliseconds since the epoch. */
export const isTime = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0;

type FieldCheck = (value: unknown, entryId: string) => ContentRefusal | null;

const sameId: FieldCheck = (value, entryId) => (value === entryId ? null : 'bad-value');

const ROLE_FIELDS: Record<string, FieldCheck> = {
	id: sameId,
	name: (value) => text(value, LIMITS.roleName, 1),
	label: (value) => text(value, LIMITS.roleLabel, 1),
	color: (value) => (isHexColor(value) ? null : 'bad-value'),
	order: orderKey
};

const CARD_FIELDS: Record<string, FieldCheck> = {
	id: sameId,
	title: (value) => text(value, LIMITS.title, 1),
	detail: (value) => text(value, LIMITS.detail),
	category: (value) => text(value, LIMITS.category),
	source: (value) => text(value, LIMITS.source),
	cadence: tags,
	seniority: tags,
	placed: (value) => (typeof value === 'boolean' ? null : 'bad-value'),
	order: orderKey
};

const fieldProblem = (
	fields: Record<string, FieldCheck>,
	entryId: string,
	field: string,
	value: unknown
): ContentRefusal | null =>
	Object.hasOwn(fields, field) ? fields[field](value, entryId) : 'bad-value';

/** One field of role `roleId`. */
export const roleFieldProblem = (roleId: string, field: string, value: unknown) =>
	fieldProblem(ROLE_FIELDS, roleId, field, value);

/** One field of card `cardId`. */
export const cardFieldProblem = (cardId: string, field: string, value: unknown) =>
	fieldProblem(CARD_FIELDS, cardId, field, value);

/**
 * A `cells` entry: the key names a card and a role, the value is one of the marks of the board's
 * framework (a letter, or its owner and doer letters together).
 */
export const cellProblem = (
	key: string,
	value: unknown,
	framework: Framework
): ContentRefusal | null => {
	const [cardId, roleId] = splitKey(key);
	return isId(cardId) && isId(roleId) && isMarkOf(framework, value) ? null : 'bad-value';
};

type Writer = { id: string; name: string };

/** A plain object read from the network, or null. */
export const record = (value: unknown): Record<string, unknown> | null =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: null;

const isWriter = (entry: Record<string, unknown>, writer: Writer, idField: string): boolean =>
	entry[idField] === writer.id && entry.name === writer.name;

/** A `dissent` entry, which only its author writes: key `${cardId}:${userId}`. */
export const dissentProblem = (
	key: string,
	value: unknown,
	writer: Writer
): ContentRefusal | null => {
	const [cardId, userId] = splitKey(key);
	const entry = record(value);
	if (!isId(cardId) || !entry || !isTime(entry.at)) return 'bad-value';
	if (userId !== writer.id || !isWriter(entry, writer, 'userId')) return 'not-your-entry';
	return text(entry.reason, LIMITS.reason, 1);
};

/** A `rowEdits` entry: the last change to a row, recorded by whoever made it. */
export const rowEditProblem = (
	cardId: string,
	value: unknown,
	writer: Writer
): ContentRefusal | null => {
	const entry = record(value);
	if (!isId(cardId) || !entry || !isTime(entry.at)) return 'bad-value';
	return isWriter(entry, writer, 'userId') ? null : 'not-your-entry';
};

/** A `removedDissent` entry: which dissent a facilitator removed; written as that facilitator. */
export const removalProblem = (
	key: string,
	value: unknown,
	writer: Writer
): ContentRefusal | null => {
	const [cardId, userId] = splitKey(key);
	const entry = record(value);
	const by = record(entry?.removedBy);
	if (!isId(cardId) || !entry || !by || !isTime(entry.at) || entry.userId !== userId) {
		return 'bad-value';
	}
	if (!isWriter(by, writer, 'id')) return 'not-your-entry';
	return text(entry.name, LIMITS.actorName);
};
