import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	DEFAULT_VOTE_BUDGET,
	clearVoteTotals,
	markAgreed,
	readFacilitation,
	setConsentEntry,
	setFollow,
	setLocked,
	setPhase,
	setPublished,
	setQueueOrder,
	setRevealed,
	setRound,
	setSpotlight,
	setTimer,
	setVoteBudget,
	setVoteTotals,
	unmarkAgreed
} from './facilitation-doc.ts';
import { isLocked } from './schema.ts';
import { createTimer, start } from './timer.ts';

/** Two in-memory peers wired together, no network: what one writes the other reads. */
const connectedPair = () => {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.on(
		'update',
		(u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote')
	);
	b.on(
		'update',
		(u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote')
	);
	return [a, b] as const;
};

const fay = { id: 'fay', name: 'Fay' };

describe('facilitation document', () => {
	it('starts in gather, unlocked, with a stopped timer and the default vote budget', () => {
		const s = readFacilitation(new Y.Doc());
		expect(s.phase).toBe('gather');
		expect(s.locked).toBe(false);
		expect(s.timer.endsAt).toBeNull();
		expect(s.voteBudget).toBe(DEFAULT_VOTE_BUDGET);
		expect(s.agreed).toEqual({});
	});

	it('carries the facilitator’s controls to another peer', () => {
		const [fac, peer] = connectedPair();
		const origin = Symbol('me');
		setPhase(fac, origin, 'discuss');
		setLocked(fac, origin, true);
		const timer = start(createTimer(60_000), 1_000);
		setTimer(fac, origin, timer);
		setSpotlight(fac, origin, 'card-1');
		setFollow(fac, origin, 'card-2', 5);
		setVoteBudget(fac, origin, 5);
		const s = readFacilitation(peer);
		expect(s).toMatchObject({
			phase: 'discuss',
			locked: true,
			timer,
			spotlight: 'card-1',
			follow: { cardId: 'card-2', at: 5 },
			voteBudget: 5
		});
		expect(isLocked(peer)).toBe(true);
		setSpotlight(fac, origin, null);
		expect(readFacilitation(peer).spotlight).toBeNull();
	});

	it('records agreements with the row’s edit, and removes them', () => {
		const doc = new Y.Doc();
		markAgreed(doc, null, fay, 'row', { userId: 'pat', name: 'Pat', at: 10 }, 20);
		expect(readFacilitation(doc).agreed.row).toEqual({
			at: 20,
			by: fay,
			edit: { userId: 'pat', name: 'Pat', at: 10 }
		});
		unmarkAgreed(doc, null, 'row');
		expect(readFacilitation(doc).agreed).toEqual({});
	});

	it('keeps server-written round, reveal, votes, consents and publication', () => {
		const doc = new Y.Doc();
		setRevealed(doc, null, {
			round: 1,
			named: false,
			revealedAt: 1,
			respondents: 2,
			rows: { a: 2 },
			cells: { 'a:pm': { counts: { A: 2 } } }
		});
		expect(readFacilitation(doc).reveal?.respondents).toBe(2);
		setRound(doc, null, { number: 2, named: true, startedAt: 3, submitted: 0, cardIds: ['a'] });
		expect(readFacilitation(doc).reveal).toBeNull();
		expect(readFacilitation(doc).round?.named).toBe(true);
		expect(readFacilitation(doc).round?.cardIds).toEqual(['a']);
		// A round stored before rounds had rows asked about every card.
		doc.transact(() => doc.getMap('state').set('round', { number: 2, named: true }));
		expect(readFacilitation(doc).round?.cardIds).toBeNull();
		expect(readFacilitation(doc).queueOrder).toBe('votes');
		setQueueOrder(doc, null, 'issues');
		expect(readFacilitation(doc).queueOrder).toBe('issues');
		expect(() => setQueueOrder(doc, null, 'random' as 'votes')).toThrow(RangeError);
		setVoteTotals(doc, null, { a: 3, b: 1 });
		setVoteTotals(doc, null, { b: 0 });
		expect(readFacilitation(doc).votes).toEqual({ a: 3 });
		clearVoteTotals(doc, null);
		expect(readFacilitation(doc).votes).toEqual({});
		setConsentEntry(doc, null, {
			version: 1,
			userId: 'pat',
			name: 'Pat',
			decision: 'object',
			comment: 'no',
			at: 9
		});
		expect(readFacilitation(doc).consents).toHaveLength(1);
		setPublished(doc, null, { version: 1, at: 10, by: fay });
		expect(readFacilitation(doc)).toMatchObject({ phase: 'published', published: { version: 1 } });
	});

	it('refuses values that are not what they claim', () => {
		const doc = new Y.Doc();
		expect(() => setPhase(doc, null, 'lunch' as never)).toThrow();
		expect(() => setVoteBudget(doc, null, -1)).toThrow();
		expect(() => setVoteBudget(doc, null, 2.5)).toThrow();
		expect(() => setSpotlight(doc, null, 'a:b')).toThrow();
		expect(() => setTimer(doc, null, { durationMs: NaN } as never)).toThrow();
		// Garbage from a peer reads as defaults.
		doc.getMap('state').set('phase', 42);
		doc.getMap('state').set('timer', 'soon');
		doc.getMap('state').set('voteBudget', 'many');
		expect(readFacilitation(doc)).toMatchObject({ phase: 'gather', voteBudget: 3 });
	});
});
