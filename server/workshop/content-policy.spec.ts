import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ana, ben, createFixtureBoard, zoe } from '../../src/lib/board/__fixtures__/board.ts';
import { DEFAULT_CONTENT_LIMITS, type ContentLimits } from '../../src/lib/board/content.ts';
import {
	addCard,
	addRole,
	clearDissent,
	deleteCard,
	deleteRole,
	editRole,
	getNoteText,
	moveRole,
	removeDissent,
	setCell,
	setDissent,
	setFocusRole,
	unplaceCard
} from '../../src/lib/board/index.ts';
import { getDissentMap, getRoleMap, getRowEditMap } from '../../src/lib/board/schema.ts';
import {
	markAgreed,
	setConsentEntry,
	setThresholds,
	setLocked,
	setQueueOrder
} from '../../src/lib/facilitation/facilitation-doc.ts';
import { ContentPolicy, type Writer } from './content-policy.ts';

const facilitator: Writer = { ...ana, facilitator: true };
const participant: Writer = { ...ben, facilitator: false };

/** A peer's copy of `live`, and the update that `edit` makes on it. */
function edit(live: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const peer = new Y.Doc();
	Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
	const before = Y.encodeStateVector(peer);
	change(peer);
	return Y.encodeStateAsUpdate(peer, before);
}

function check(
	live: Y.Doc,
	writer: Writer,
	change: (doc: Y.Doc) => void,
	limits: ContentLimits = DEFAULT_CONTENT_LIMITS,
	kind: 'board' | 'facilitation' = 'board'
) {
	return new ContentPolicy(limits).check(kind, live, edit(live, change), writer);
}

describe('board content policy', () => {
	it('accepts what participants do on the board', () => {
		const live = createFixtureBoard();
		expect(check(live, participant, (d) => setCell(d, null, ben, 'vision', 'eng', 'C'))).toBeNull();
		expect(check(live, participant, (d) => getNoteText(d, 'beta').insert(3, 'and '))).toBeNull();
		expect(
			check(live, participant, (d) => setDissent(d, null, ben, 'roadmap', 'Too broad'))
		).toBeNull();
		expect(check(live, participant, (d) => clearDissent(d, null, ben, 'vision'))).toBeNull();
		expect(
			check(live, participant, (d) => addCard(d, null, ben, { title: 'Run demos' }))
		).toBeNull();
		// Taking a row off the board sweeps everyone's dissent on it: that is not deleting theirs.
		expect(check(live, participant, (d) => unplaceCard(d, null, ben, 'budget'))).toBeNull();
		expect(check(live, participant, (d) => deleteCard(d, null, 'vision'))).toBeNull();
	});

	it('accepts a merged offline update, whose overwritten entries arrive as deleted content', () => {
		const live = createFixtureBoard();
		const update = edit(live, (d) => {
			setCell(d, null, ben, 'vision', 'eng', 'C');
			setCell(d, null, ben, 'vision', 'design', 'I');
			setDissent(d, null, ben, 'roadmap', 'First thought');
			setDissent(d, null, ben, 'roadmap', 'Second thought');
		});
		expect(
			Y.decodeUpdate(update).structs.some(
				(s) => s instanceof Y.Item && s.content instanceof Y.ContentDeleted
			)
		).toBe(true);
		expect(
			new ContentPolicy(DEFAULT_CONTENT_LIMITS).check('board', live, update, participant)
		).toBeNull();
		// Deleted content at someone else's key still removes their entry.
		const erase = edit(live, (d) => {
			getDissentMap(d).set('budget:u-zoe', { userId: ben.id, name: ben.name, reason: 'x', at: 1 });
			getDissentMap(d).delete('budget:u-zoe');
		});
		expect(new ContentPolicy(DEFAULT_CONTENT_LIMITS).check('board', live, erase, participant)).toBe(
			'not-your-entry'
		);
	});

	it('keeps the columns and the focus role for the facilitator', () => {
		const live = createFixtureBoard();
		const structural: ((d: Y.Doc) => void)[] = [
			(d) => addRole(d, null, { name: 'Legal', label: 'LEG', color: '#123456' }),
			(d) => editRole(d, null, 'eng', { name: 'Platform' }),
			(d) => editRole(d, null, 'eng', { color: '#000000' }),
			(d) => moveRole(d, null, 'lead', null, 'pm'),
			(d) => deleteRole(d, null, 'pm'),
			(d) => setFocusRole(d, null, 'eng')
		];
		for (const change of structural) {
			expect(check(live, participant, change)).toBe('roles-facilitator-only');
			expect(check(live, facilitator, change)).toBeNull();
		}
	});

	it('refuses a colour that is not #rrggbb, whoever writes it', () => {
		const live = createFixtureBoard();
		const hostile = 'red;background-image:url(https://evil.example/x)';
		const recolour = (d: Y.Doc) =>
			(getRoleMap(d).get('pm') as Y.Map<unknown>).set('color', hostile);
		expect(check(live, facilitator, recolour)).toBe('bad-value');
		expect(
			check(live, facilitator, (d) =>
				(getRoleMap(d).get('pm') as Y.Map<unknown>).set('color', '#abc')
			)
		).toBe('bad-value');
	});

	it('refuses oversized text, unknown fields and foreign shapes', () => {
		const live = createFixtureBoard();
		const card = (d: Y.Doc) => d.getMap('cards').get('vision') as Y.Map<unknown>;
		expect(check(live, participant, (d) => card(d).set('title', 'x'.repeat(141)))).toBe('too-long');
		expect(check(live, participant, (d) => card(d).set('style', 'x'))).toBe('bad-value');
		expect(check(live, participant, (d) => d.getMap('cells').set('vision:eng', 'X'))).toBe(
			'bad-value'
		);
		expect(check(live, participant, (d) => d.getMap('cells').set('vision:eng', ['R']))).toBe(
			'bad-value'
		);
		expect(check(live, participant, (d) => d.getMap('elsewhere').set('a', 1))).toBe('bad-value');
		expect(check(live, participant, (d) => card(d).set('title', new Y.Map()))).toBe('bad-value');
		expect(check(live, participant, (d) => d.getArray('cards').insert(0, [1]))).toBe('bad-value');
		const limits = { ...DEFAULT_CONTENT_LIMITS, maxNoteChars: 60 };
		expect(
			check(live, participant, (d) => getNoteText(d, 'beta').insert(0, 'x'.repeat(10)), limits)
		).toBe('too-long');
	});

	it('caps roles and cards', () => {
		const live = createFixtureBoard();
		const limits = { ...DEFAULT_CONTENT_LIMITS, maxRoles: 6, maxCards: 10 };
		expect(
			check(
				live,
				facilitator,
				(d) => addRole(d, null, { name: 'Legal', label: 'LEG', color: '#123456' }),
				limits
			)
		).toBe('too-many-roles');
		const many = (d: Y.Doc) => {
			for (let i = 0; i < 3; i++) addCard(d, null, ben, { title: `Card ${i}` });
		};
		expect(check(live, participant, many, limits)).toBe('too-many-cards');
		expect(check(live, participant, many)).toBeNull();
	});

	it('writes and removes entries that carry a name only as that person', () => {
		const live = createFixtureBoard();
		const forged = { userId: ana.id, name: ana.name, reason: 'I give up', at: 1 };
		expect(check(live, participant, (d) => getDissentMap(d).set('roadmap:u-ana', forged))).toBe(
			'not-your-entry'
		);
		expect(
			check(live, participant, (d) =>
				getDissentMap(d).set('roadmap:u-ben', { ...forged, userId: ben.id })
			)
		).toBe('not-your-entry');
		// Zoë's dissent on a placed row, deleted by Ben.
		expect(check(live, participant, (d) => getDissentMap(d).delete('budget:u-zoe'))).toBe(
			'not-your-entry'
		);
		expect(
			check(live, participant, (d) =>
				getRowEditMap(d).set('vision', { userId: ana.id, name: ana.name, at: 2 })
			)
		).toBe('not-your-entry');
		expect(check(live, participant, (d) => getRowEditMap(d).delete('vision'))).toBe(
			'not-your-entry'
		);
		// A facilitator may not delete it silently either: removal is recorded (moderation).
		expect(check(live, facilitator, (d) => getDissentMap(d).delete('budget:u-zoe'))).toBe(
			'not-your-entry'
		);
		expect(
			check(live, facilitator, (d) => removeDissent(d, null, ana, 'budget', 'u-zoe'))
		).toBeNull();
		expect(check(live, participant, (d) => removeDissent(d, null, ben, 'budget', 'u-zoe'))).toBe(
			'not-your-entry'
		);
		// The record of a removal names the facilitator who made it.
		expect(check(live, facilitator, (d) => removeDissent(d, null, zoe, 'budget', 'u-zoe'))).toBe(
			'not-your-entry'
		);
	});

	it('refuses a board past its size budget, however it is made', () => {
		const live = createFixtureBoard();
		const size = Y.encodeStateAsUpdate(live).length;
		const policy = new ContentPolicy({ ...DEFAULT_CONTENT_LIMITS, maxDocBytes: size + 300 });
		const note = (text: string) => edit(live, (d) => getNoteText(d, 'beta').insert(0, text));
		expect(policy.check('board', live, note('a'.repeat(100)), participant)).toBeNull();
		expect(policy.check('board', live, note('b'.repeat(400)), participant)).toBe('board-too-large');
	});
});

describe('facilitation content policy', () => {
	const checkFacilitation = (live: Y.Doc, change: (doc: Y.Doc) => void) =>
		check(live, facilitator, change, DEFAULT_CONTENT_LIMITS, 'facilitation');

	it('accepts the facilitator’s own changes and refuses what the server records', () => {
		const live = new Y.Doc();
		expect(checkFacilitation(live, (d) => setLocked(d, null, true))).toBeNull();
		expect(checkFacilitation(live, (d) => markAgreed(d, null, ana, 'vision', null, 5))).toBeNull();
		expect(checkFacilitation(live, (d) => markAgreed(d, null, ben, 'vision', null, 5))).toBe(
			'not-your-entry'
		);
		const consent = {
			version: 1,
			userId: ben.id,
			name: ben.name,
			decision: 'agree' as const,
			comment: '',
			at: 1
		};
		expect(checkFacilitation(live, (d) => setConsentEntry(d, null, consent))).toBe('server-only');
		expect(checkFacilitation(live, (d) => d.getMap('state').set('published', { version: 9 }))).toBe(
			'server-only'
		);
		expect(checkFacilitation(live, (d) => d.getMap('state').set('locked', 'yes'))).toBe(
			'bad-value'
		);
	});

	it('refuses warning thresholds from any connection: only Settings sets them, on the server', () => {
		const live = new Y.Doc();
		const thresholds = { overloadShare: 0.9, overloadMin: 3, consultedLeftOut: 1 };
		expect(checkFacilitation(live, (d) => setThresholds(d, null, thresholds))).toBe('server-only');
	});

	it('takes the queue order the facilitator picks, and the rows of a round from the server only', () => {
		const live = new Y.Doc();
		expect(checkFacilitation(live, (d) => setQueueOrder(d, null, 'issues'))).toBeNull();
		expect(checkFacilitation(live, (d) => d.getMap('state').set('queueOrder', 'loudest'))).toBe(
			'bad-value'
		);
		const round = { number: 1, named: false, startedAt: 1, submitted: 0, cardIds: ['vision'] };
		expect(checkFacilitation(live, (d) => d.getMap('state').set('round', round))).toBe(
			'server-only'
		);
	});
});
