import type { Actor } from './schema.ts';
import { isMarkOf, type Framework, type Mark } from './frameworks.ts';

export type BoardErrorCode =
	| 'invalid-input'
	| 'unknown-card'
	| 'unknown-role'
	| 'not-placed'
	| 'already-placed'
	| 'invalid-position'
	| 'duplicate-id'
	| 'already-seeded';

/** An operation refused; `message` is fit to show, `code` is for callers that branch on it. */
export class BoardError extends Error {
	code: BoardErrorCode;
	constructor(code: BoardErrorCode, message: string) {
		super(message);
		this.name = 'BoardError';
		this.code = code;
	}
}

/** Input limits, in characters after trimming (forms use them as `maxlength`). */
export const LIMITS = {
	title: 140,
	detail: 2000,
	category: 80,
	source: 200,
	tag: 40,
	tags: 12,
	roleName: 60,
	roleLabel: 12,
	actorName: 120,
	reason: 1000
} as const;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const SHORT_COLOR = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/;

const invalid = (message: string): BoardError => new BoardError('invalid-input', message);

/** One-line text: trimmed, inner whitespace (newlines too) collapsed to single spaces. */
export const checkLine = (value: unknown, field: string, max: number, min = 1): string => {
	if (typeof value !== 'string') throw invalid(`${field} must be text`);
	const line = value.replace(/\s+/g, ' ').trim();
	if (line.length < min) throw invalid(`${field} is required`);
	if (line.length > max) throw invalid(`${field} is longer than ${max} characters`);
	return line;
};

export const checkText = (value: unknown, field: string, max: number, min = 0): string => {
	if (typeof value !== 'string') throw invalid(`${field} must be text`);
	const text = value.replace(/\r\n?/g, '\n').trim();
	if (text.length < min) throw invalid(`${field} is required`);
	if (text.length > max) throw invalid(`${field} is longer than ${max} characters`);
	return text;
};

const checkTags = (value: unknown, field: string): string[] => {
	if (!Array.isArray(value)) throw invalid(`${field} must be a list`);
	if (value.length > LIMITS.tags) throw invalid(`${field} has more than ${LIMITS.tags} entries`);
	return [...new Set(value.map((tag) => checkLine(tag, field, LIMITS.tag)))];
};

/** Strictly `#rrggbb`: the only colour form ever written into a style attribute. */
export const isHexColor = (value: unknown): value is string =>
	typeof value === 'string' && HEX_COLOR.test(value);

/** A colour as stored: `#rrggbb` in lower case (`#abc` is widened to `#aabbcc`). */
export const checkColor = (value: unknown): string => {
	const color = (typeof value === 'string' ? value.trim().toLowerCase() : '').replace(
		SHORT_COLOR,
		'#$1$1$2$2$3$3'
	);
	if (!isHexColor(color)) throw invalid(`Colour must look like #1e88e5, not "${String(value)}"`);
	return color;
};

// Ids key plain objects in snapshots and charters, so none may shadow an Object.prototype member.
export const isId = (value: unknown): value is string =>
	typeof value === 'string' && ID.test(value) && !(value in Object.prototype);

export const checkId = (value: unknown, what: string): string => {
	if (!isId(value)) {
		throw invalid(`${what} id must be 1–64 letters, digits, "_" or "-", not "${String(value)}"`);
	}
	return value;
};

export const checkActor = (actor: unknown): Actor => {
	const { id, name } = (actor ?? {}) as Partial<Actor>;
	if (typeof id !== 'string' || id.length === 0 || id.length > 200) {
		throw invalid('Acting user has no valid id');
	}
	return { id, name: checkLine(name, 'User name', LIMITS.actorName) };
};

export const checkMark = (framework: Framework, value: unknown): Mark | null => {
	if (value === null || isMarkOf(framework, value)) return value;
	throw invalid(
		`Unknown letter "${String(value)}" for ${framework.name}: use ${framework.marks.join(', ')} or null`
	);
};

export type CardInput = {
	id?: string;
	title: string;
	detail?: string;
	category?: string;
	source?: string;
	cadence?: string[];
	seniority?: string[];
};

export type CardPatch = Partial<Omit<CardInput, 'id'>>;

export type RoleInput = { id?: string; name: string; label: string; color: string };

export type RolePatch = Partial<Omit<RoleInput, 'id'>>;

const given = (value: unknown, required: boolean): boolean => value !== undefined || required;

/** The fields of a patch, checked and normalised; `complete` requires a title. */
export const checkCardFields = (input: CardPatch, complete: boolean): Record<string, unknown> => {
	const fields: Record<string, unknown> = {};
	if (given(input.title, complete)) {
		fields.title = checkLine(input.title ?? '', 'Title', LIMITS.title);
	}
	if (input.detail !== undefined) fields.detail = checkText(input.detail, 'Detail', LIMITS.detail);
	if (input.category !== undefined) {
		fields.category = checkLine(input.category, 'Category', LIMITS.category, 0);
	}
	if (input.source !== undefined)
		fields.source = checkLine(input.source, 'Source', LIMITS.source, 0);
	if (input.cadence !== undefined) fields.cadence = checkTags(input.cadence, 'Cadence');
	if (input.seniority !== undefined) fields.seniority = checkTags(input.seniority, 'Seniority');
	return fields;
};

/** The fields of a patch, checked and normalised; `complete` requires every field. */
export const checkRoleFields = (input: RolePatch, complete: boolean): Record<string, unknown> => {
	const fields: Record<string, unknown> = {};
	if (given(input.name, complete)) {
		fields.name = checkLine(input.name ?? '', 'Role name', LIMITS.roleName);
	}
	if (given(input.label, complete)) {
		fields.label = checkLine(input.label ?? '', 'Label', LIMITS.roleLabel);
	}
	if (given(input.color, complete)) fields.color = checkColor(input.color);
	return fields;
};
