/**
 * What the facilitator's connections may write into the facilitation document, entry by entry.
 * Rounds, reveals, publications, vote totals and consents are written by the server on a
 * person's authenticated request (the endpoints under /w/<id>/facilitation), never directly.
 * Each check returns why a value is refused, or null.
 */
import type { ContentRefusal } from '../contracts/refusals.ts';
import { isTime, record } from '../board/content.ts';
import { isId } from '../board/validate.ts';
import {
	AGREED,
	FOLLOW,
	MAX_VOTE_BUDGET,
	PHASE,
	QUEUE_ORDER,
	SPOTLIGHT,
	TIMER,
	VOTE_BUDGET
} from './facilitation-doc.ts';
import { isPhaseId } from './phases.ts';
import { isQueueOrder } from './queue.ts';
import { LOCKED, STATE } from './schema.ts';
import { readTimer } from './timer.ts';

type Writer = { id: string; name: string };

const valid = (ok: boolean): ContentRefusal | null => (ok ? null : 'bad-value');

const stateProblem = (key: string, value: unknown): ContentRefusal | null => {
	switch (key) {
		case LOCKED:
			return valid(typeof value === 'boolean');
		case PHASE:
			return valid(isPhaseId(value));
		case TIMER:
			return valid(readTimer(value) !== null);
		case SPOTLIGHT:
			return valid(value === null || isId(value));
		case FOLLOW: {
			const follow = record(value);
			return valid(
				!!follow && isTime(follow.at) && (follow.cardId === null || isId(follow.cardId))
			);
		}
		case VOTE_BUDGET:
			return valid(
				Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_VOTE_BUDGET
			);
		case QUEUE_ORDER:
			return valid(isQueueOrder(value));
		default:
			return 'server-only';
	}
};

const agreementProblem = (value: unknown, writer: Writer): ContentRefusal | null => {
	const entry = record(value);
	const by = record(entry?.by);
	if (!entry || !by || !isTime(entry.at)) return 'bad-value';
	if (by.id !== writer.id || by.name !== writer.name) return 'not-your-entry';
	if (entry.edit === null) return null;
	const edit = record(entry.edit);
	return valid(
		!!edit && isTime(edit.at) && typeof edit.userId === 'string' && typeof edit.name === 'string'
	);
};

/** Why `writer` may not set `root[key]` to `value`, or null. */
export const facilitationEntryProblem = (
	root: string,
	key: string,
	value: unknown,
	writer: Writer
): ContentRefusal | null => {
	if (root === STATE) return stateProblem(key, value);
	if (root === AGREED) return isId(key) ? agreementProblem(value, writer) : 'bad-value';
	return 'server-only';
};

/** Whether a facilitator's connection may delete `root[key]` (unmarking an agreed row). */
export const facilitationRemovalProblem = (root: string, key: string): ContentRefusal | null =>
	root === AGREED || (root === STATE && stateProblem(key, undefined) !== 'server-only')
		? null
		: 'server-only';
