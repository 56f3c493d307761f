/**
 * The board document's content rule, applied to each update a member sends before the room
 * applies it (see update-changes.ts for how an update is read). Values must fit the schema
 * (src/lib/board/content.ts); entries that carry a person's name are written, and removed, only
 * as that person; the columns and the focus role are the facilitator's.
 */
import * as Y from 'yjs';
import type { ContentRefusal } from '../../src/lib/contracts/refusals.ts';
import {
	cardFieldProblem,
	cellProblem,
	dissentProblem,
	removalProblem,
	roleFieldProblem,
	rowEditProblem,
	type ContentLimits
} from '../../src/lib/board/content.ts';
import {
	CARDS,
	CELLS,
	DISSENT,
	FOCUS_ROLE_ID,
	FRAMEWORK,
	META,
	NOTES,
	REMOVED_DISSENT,
	ROLES,
	ROW_EDITS,
	getCardMap,
	getMetaMap,
	getNoteMap,
	getRoleMap,
	splitKey
} from '../../src/lib/board/schema.ts';
import { isId } from '../../src/lib/board/validate.ts';
import { frameworkOf, type Framework } from '../../src/lib/board/frameworks.ts';
import type { Content, UpdateChanges } from './update-changes.ts';

export type Writer = { id: string; name: string; facilitator: boolean };

const single = (content: Content): { ok: boolean; value: unknown } =>
	content instanceof Y.ContentAny && content.arr.length === 1
		? { ok: true, value: content.arr[0] }
		: { ok: false, value: undefined };

const isType = (content: Content, type: typeof Y.Map | typeof Y.Text): boolean =>
	content instanceof Y.ContentType && content.type instanceof type;

/** Why `changes` may not be written to board `doc` by `writer`, or null. */
export function checkBoardChanges(
	doc: Y.Doc,
	changes: UpdateChanges,
	writer: Writer,
	limits: ContentLimits
): ContentRefusal | null {
	if (changes.problem) return 'bad-value';
	const newRoles = new Set<string>();
	const newCards = new Set<string>();
	const noteChars = new Map<string, number>();
	/** Cards this update deletes or takes off the board, and keys it writes. */
	const leaving = new Set<string>();
	const rewritten = new Set<string>();
	// Fixed when the workshop was created: no member writes or removes it (checkWritten, below).
	const framework = frameworkOf(getMetaMap(doc).get(FRAMEWORK));

	for (const { place, nested, content } of changes.written) {
		const { root, key, field } = place;
		if (!nested) rewritten.add(`${root}\n${key}`);
		if (root === CARDS && nested && field === 'placed' && single(content).value === false) {
			leaving.add(key);
		}
		const problem = checkWritten(place.root, key, field ?? null, nested, content, {
			writer,
			framework
		});
		if (problem) return problem;
		if (!nested && root === ROLES && !getRoleMap(doc).has(key)) newRoles.add(key);
		if (!nested && root === CARDS && !getCardMap(doc).has(key)) newCards.add(key);
		if (nested && root === NOTES) {
			noteChars.set(key, (noteChars.get(key) ?? 0) + content.getLength());
		}
	}
	if (newRoles.size > 0 && getRoleMap(doc).size + newRoles.size > limits.maxRoles) {
		return 'too-many-roles';
	}
	if (newCards.size > 0 && getCardMap(doc).size + newCards.size > limits.maxCards) {
		return 'too-many-cards';
	}
	for (const [cardId, added] of noteChars) {
		const note = getNoteMap(doc).get(cardId);
		if ((note instanceof Y.Text ? note.length : 0) + added > limits.maxNoteChars) return 'too-long';
	}

	for (const { place, nested } of changes.removed) {
		if (!nested && place.root === CARDS) leaving.add(place.key);
	}
	const isRow = (cardId: string) => {
		const card = getCardMap(doc).get(cardId);
		return !leaving.has(cardId) && card instanceof Y.Map && card.get('placed') === true;
	};
	for (const { place, nested } of changes.removed) {
		const { root, key } = place;
		if (root === ROLES || root === META) {
			if (!writer.facilitator) return 'roles-facilitator-only';
			if (root === META && key === FRAMEWORK) return 'bad-value';
		} else if (root === DISSENT && !nested) {
			const [cardId, userId] = splitKey(key);
			const moderated = writer.facilitator && rewritten.has(`${REMOVED_DISSENT}\n${key}`);
			if (userId !== writer.id && !moderated && isRow(cardId)) return 'not-your-entry';
		} else if (root === ROW_EDITS && !nested) {
			if (!rewritten.has(`${root}\n${key}`) && getCardMap(doc).has(key) && !leaving.has(key)) {
				return 'not-your-entry';
			}
		} else if (root === REMOVED_DISSENT) {
			return 'not-your-entry';
		}
	}
	return null;
}

function checkWritten(
	root: string,
	key: string,
	field: string | null,
	nested: boolean,
	content: Content,
	{ writer, framework }: { writer: Writer; framework: Framework }
): ContentRefusal | null {
	const entry = single(content);
	switch (root) {
		case ROLES:
			if (!writer.facilitator) return 'roles-facilitator-only';
			if (!nested) return isId(key) && isType(content, Y.Map) ? null : 'bad-value';
			return entry.ok && field !== null ? roleFieldProblem(key, field, entry.value) : 'bad-value';
		case META:
			if (!writer.facilitator) return 'roles-facilitator-only';
			return !nested && key === FOCUS_ROLE_ID && isId(entry.value) ? null : 'bad-value';
		case CARDS:
			if (!nested) return isId(key) && isType(content, Y.Map) ? null : 'bad-value';
			return entry.ok && field !== null ? cardFieldProblem(key, field, entry.value) : 'bad-value';
		case NOTES:
			if (!nested) return isId(key) && isType(content, Y.Text) ? null : 'bad-value';
			return field === null && content instanceof Y.ContentString ? null : 'bad-value';
		case CELLS:
			return !nested && entry.ok ? cellProblem(key, entry.value, framework) : 'bad-value';
		case DISSENT:
			return !nested && entry.ok ? dissentProblem(key, entry.value, writer) : 'bad-value';
		case ROW_EDITS:
			return !nested && entry.ok ? rowEditProblem(key, entry.value, writer) : 'bad-value';
		case REMOVED_DISSENT:
			if (!writer.facilitator) return 'not-your-entry';
			return !nested && entry.ok ? removalProblem(key, entry.value, writer) : 'bad-value';
		default:
			return 'bad-value';
	}
}
