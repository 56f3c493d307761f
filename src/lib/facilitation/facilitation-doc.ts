/**
 * Layout of the facilitation document and the changes made to it. Only the facilitator's
 * connections (and the server itself) write this document; everyone in the workshop reads it.
 *
 *   state     Y.Map {
 *               locked: boolean                         (schema.ts; the sync server reads it)
 *               phase: PhaseId
 *               timer: TimerState                       (server time, timer.ts)
 *               spotlight: cardId | null
 *               follow: { cardId, at } | null           ("bring everyone here")
 *               voteBudget: number                      (dot votes per person)
 *               queueOrder: QueueOrder                  (the discuss queue's order, queue.ts)
 *               round: Round | null                     (server: blind proposal round)
 *               reveal: RevealResult | null             (server: aggregated proposals)
 *               published: { version, at, by } | null   (server: latest charter version)
 *               thresholds: WarningThresholds           (server: set in the workshop's Settings)
 *             }
 *   agreed    cardId → Agreement                        (agreement.ts)
 *   votes     cardId → total dot votes                  (server)
 *   consents  `${version}:${userId}` → Consent          (server)
 *
 * Each change is one `doc.transact(fn, origin)`. Values are plain JSON, replaced whole: they are
 * small, and only one writer (the facilitator, or the server on their behalf) changes each.
 * Values read back come from the network and are checked where they are read.
 */
import type * as Y from 'yjs';
import type { Actor, RowEdit } from '../board/schema.ts';
import type { WarningThresholds } from '../board/rules.ts';
import { isThresholds, readThresholds } from '../board/thresholds.ts';
import { readAgreement, type Agreement } from './agreement.ts';
import { DEFAULT_PHASE, isPhaseId, type PhaseId } from './phases.ts';
import { readRevealResult, type RevealResult } from './proposals.ts';
import { DEFAULT_QUEUE_ORDER, isQueueOrder, type QueueOrder } from './queue.ts';
import { LOCKED, STATE } from './schema.ts';
import { createTimer, readTimer, type TimerState } from './timer.ts';

export const AGREED = 'agreed';
const VOTES = 'votes';
const CONSENTS = 'consents';

export const PHASE = 'phase';
export const TIMER = 'timer';
export const SPOTLIGHT = 'spotlight';
export const FOLLOW = 'follow';
export const VOTE_BUDGET = 'voteBudget';
export const QUEUE_ORDER = 'queueOrder';
const ROUND = 'round';
const REVEAL = 'reveal';
const PUBLISHED = 'published';
const THRESHOLDS = 'thresholds';

export const DEFAULT_VOTE_BUDGET = 3;
export const MAX_VOTE_BUDGET = 20;

export type Round = {
	number: number;
	/** Named mode: the reveal shows who gave which letter. Fixed when the round starts. */
	named: boolean;
	startedAt: number;
	/** How many people have saved proposals so far (not who). */
	submitted: number;
	/**
	 * The cards the round asks about, in board order, fixed when it starts (round-rows.ts); null
	 * for a round started before rounds had rows, which asked about every card.
	 */
	cardIds: string[] | null;
};

export type Follow = { cardId: string | null; at: number };

export type Published = { version: number; at: number; by: Actor };

export type ConsentDecision = 'agree' | 'object';

export type Consent = {
	version: number;
	userId: string;
	name: string;
	decision: ConsentDecision;
	comment: string;
	at: number;
};

export type FacilitationSnapshot = {
	phase: PhaseId;
	locked: boolean;
	timer: TimerState;
	spotlight: string | null;
	follow: Follow | null;
	voteBudget: number;
	queueOrder: QueueOrder;
	round: Round | null;
	reveal: RevealResult | null;
	published: Published | null;
	/** The workshop's warning thresholds (the defaults until the facilitator sets them). */
	thresholds: WarningThresholds;
	agreed: Record<string, Agreement>;
	votes: Record<string, number>;
	consents: Consent[];
};

const stateMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(STATE);
const agreedMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(AGREED);
const votesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(VOTES);
const consentsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CONSENTS);

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const checkCardId = (cardId: string): string => {
	if (!ID.test(cardId)) throw new RangeError(`"${cardId}" is not a card id`);
	return cardId;
};

const set = (doc: Y.Doc, origin: unknown, key: string, value: unknown): void => {
	doc.transact(() => stateMap(doc).set(key, value), origin);
};

export const setPhase = (doc: Y.Doc, origin: unknown, phase: PhaseId): void => {
	if (!isPhaseId(phase)) throw new RangeError(`"${phase}" is not a phase`);
	if (stateMap(doc).get(PHASE) !== phase) set(doc, origin, PHASE, phase);
};

export const setTimer = (doc: Y.Doc, origin: unknown, timer: TimerState): void => {
	const checked = readTimer(timer);
	if (!checked) throw new RangeError('Not a timer');
	set(doc, origin, TIMER, checked);
};

export const setLocked = (doc: Y.Doc, origin: unknown, locked: boolean): void => {
	if (stateMap(doc).get(LOCKED) !== locked) set(doc, origin, LOCKED, locked);
};

export const setSpotlight = (doc: Y.Doc, origin: unknown, cardId: string | null): void => {
	set(doc, origin, SPOTLIGHT, cardId === null ? null : checkCardId(cardId));
};

/** Asks every screen to scroll to `cardId` (or the top); `at` makes a repeat request new. */
export const setFollow = (doc: Y.Doc, origin: unknown, cardId: string | null, at: number): void => {
	set(doc, origin, FOLLOW, { cardId: cardId === null ? null : checkCardId(cardId), at });
};

export const setVoteBudget = (doc: Y.Doc, origin: unknown, budget: number): void => {
	if (!Number.isInteger(budget) || budget < 0 || budget > MAX_VOTE_BUDGET) {
		throw new RangeError(`A vote budget is a whole number from 0 to ${MAX_VOTE_BUDGET}`);
	}
	set(doc, origin, VOTE_BUDGET, budget);
};

export const setThresholds = (doc: Y.Doc, origin: unknown, thresholds: WarningThresholds): void => {
	if (!isThresholds(thresholds)) throw new RangeError('Not a set of warning thresholds');
	set(doc, origin, THRESHOLDS, readThresholds(thresholds));
};

/** One order for everyone: the queue is the room's agenda, the same list on every screen. */
export const setQueueOrder = (doc: Y.Doc, origin: unknown, order: QueueOrder): void => {
	if (!isQueueOrder(order)) throw new RangeError(`"${String(order)}" is not a queue order`);
	if (stateMap(doc).get(QUEUE_ORDER) !== order) set(doc, origin, QUEUE_ORDER, order);
};

export const setRound = (doc: Y.Doc, origin: unknown, round: Round | null): void => {
	doc.transact(() => {
		stateMap(doc).set(ROUND, round);
		// A new round hides the previous reveal: its results belong to the old answers.
		if (round) stateMap(doc).set(REVEAL, null);
	}, origin);
};

export const setRevealed = (doc: Y.Doc, origin: unknown, result: RevealResult | null): void => {
	set(doc, origin, REVEAL, result);
};

export const setPublished = (doc: Y.Doc, origin: unknown, published: Published): void => {
	doc.transact(() => {
		stateMap(doc).set(PUBLISHED, published);
		stateMap(doc).set(PHASE, 'published');
	}, origin);
};

/** Marks a row agreed as it stands: `edit` is the row's current last edit. */
export const markAgreed = (
	doc: Y.Doc,
	origin: unknown,
	actor: Actor,
	cardId: string,
	edit: RowEdit | null,
	at: number
): void => {
	const agreement: Agreement = {
		at,
		by: { id: actor.id, name: actor.name },
		edit: edit ? { userId: edit.userId, name: edit.name, at: edit.at } : null
	};
	doc.transact(() => agreedMap(doc).set(checkCardId(cardId), agreement), origin);
};

export const unmarkAgreed = (doc: Y.Doc, origin: unknown, cardId: string): void => {
	if (agreedMap(doc).has(cardId)) doc.transact(() => agreedMap(doc).delete(cardId), origin);
};

export const setVoteTotals = (
	doc: Y.Doc,
	origin: unknown,
	totals: Record<string, number>
): void => {
	const votes = votesMap(doc);
	doc.transact(() => {
		for (const [cardId, total] of Object.entries(totals)) {
			if (total > 0) votes.set(checkCardId(cardId), total);
			else votes.delete(cardId);
		}
	}, origin);
};

export const clearVoteTotals = (doc: Y.Doc, origin: unknown): void => {
	const votes = votesMap(doc);
	if (votes.size === 0) return;
	doc.transact(() => {
		for (const key of [...votes.keys()]) votes.delete(key);
	}, origin);
};

export const setConsentEntry = (doc: Y.Doc, origin: unknown, consent: Consent): void => {
	doc.transact(
		() => consentsMap(doc).set(`${consent.version}:${consent.userId}`, { ...consent }),
		origin
	);
};

const readFollow = (value: unknown): Follow | null => {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	if (typeof entry.at !== 'number') return null;
	return { cardId: typeof entry.cardId === 'string' ? entry.cardId : null, at: entry.at };
};

const readRound = (value: unknown): Round | null => {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	if (typeof entry.number !== 'number' || typeof entry.named !== 'boolean') return null;
	return {
		number: entry.number,
		named: entry.named,
		startedAt: typeof entry.startedAt === 'number' ? entry.startedAt : 0,
		submitted: typeof entry.submitted === 'number' ? entry.submitted : 0,
		cardIds:
			Array.isArray(entry.cardIds) && entry.cardIds.every((id) => typeof id === 'string')
				? (entry.cardIds as string[])
				: null
	};
};

const readPublished = (value: unknown): Published | null => {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	const by = entry.by as Record<string, unknown> | null;
	if (typeof entry.version !== 'number' || typeof entry.at !== 'number') return null;
	return {
		version: entry.version,
		at: entry.at,
		by: { id: String(by?.id ?? ''), name: String(by?.name ?? '') }
	};
};

const readConsent = (value: unknown): Consent | null => {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	if (
		typeof entry.version !== 'number' ||
		typeof entry.userId !== 'string' ||
		(entry.decision !== 'agree' && entry.decision !== 'object')
	) {
		return null;
	}
	return {
		version: entry.version,
		userId: entry.userId,
		name: typeof entry.name === 'string' ? entry.name : '',
		decision: entry.decision,
		comment: typeof entry.comment === 'string' ? entry.comment : '',
		at: typeof entry.at === 'number' ? entry.at : 0
	};
};

export const readFacilitation = (doc: Y.Doc): FacilitationSnapshot => {
	const state = stateMap(doc);
	const phase = state.get(PHASE);
	const spotlight = state.get(SPOTLIGHT);
	const budget = state.get(VOTE_BUDGET);
	const queueOrder = state.get(QUEUE_ORDER);
	const agreed: Record<string, Agreement> = {};
	agreedMap(doc).forEach((value, cardId) => {
		const agreement = readAgreement(value);
		if (agreement) agreed[cardId] = agreement;
	});
	const votes: Record<string, number> = {};
	votesMap(doc).forEach((value, cardId) => {
		if (typeof value === 'number' && value > 0) votes[cardId] = value;
	});
	const consents: Consent[] = [];
	consentsMap(doc).forEach((value) => {
		const consent = readConsent(value);
		if (consent) consents.push(consent);
	});
	consents.sort((a, b) => a.version - b.version || a.at - b.at);
	return {
		phase: isPhaseId(phase) ? phase : DEFAULT_PHASE,
		locked: state.get(LOCKED) === true,
		timer: readTimer(state.get(TIMER)) ?? createTimer(),
		spotlight: typeof spotlight === 'string' ? spotlight : null,
		follow: readFollow(state.get(FOLLOW)),
		voteBudget:
			typeof budget === 'number' && Number.isInteger(budget) && budget >= 0
				? Math.min(budget, MAX_VOTE_BUDGET)
				: DEFAULT_VOTE_BUDGET,
		queueOrder: isQueueOrder(queueOrder) ? queueOrder : DEFAULT_QUEUE_ORDER,
		round: readRound(state.get(ROUND)),
		reveal: readRevealResult(state.get(REVEAL)),
		published: readPublished(state.get(PUBLISHED)),
		thresholds: readThresholds(state.get(THRESHOLDS)),
		agreed,
		votes,
		consents
	};
};
