import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { placeCard, readBoard, seedBoard, setCell } from '../../src/lib/board/index.ts';
import { readFacilitation, setVoteBudget } from '../../src/lib/facilitation/facilitation-doc.ts';
import { openStore, type Store } from '../store/index.ts';
import { addUsers, addWorkshop } from '../store/__fixtures__/seed.ts';
import type { FacilitationDeps } from './context.ts';
import { FacilitationError } from './errors.ts';
import { adoptMajority, getMyProposal, reveal, saveMyProposal, startRound } from './proposals.ts';
import { publishCharter, recordConsent } from './publish.ts';
import { castVote, getMyVotes } from './votes.ts';

/** The server steps against a real (in-memory) store and two in-memory documents for the rooms. */
let store: Store;
let deps: FacilitationDeps;
let board: Y.Doc;
let room: Y.Doc;
let workshopId: string;
const fay = { id: 'fay', name: 'Fay' };

beforeEach(async () => {
	store = await openStore({ databasePath: ':memory:' });
	await addUsers(store, ['fay', 'pat', 'ria'], (id) => id[0].toUpperCase() + id.slice(1));
	const workshop = await addWorkshop(store, 'fay', {
		title: 'Lines',
		team: 'Checkout',
		templateId: 'blank'
	});
	workshopId = workshop.id;
	await store.workshops.addMember(workshopId, 'pat', 'participant');
	await store.workshops.addMember(workshopId, 'ria', 'participant');
	board = new Y.Doc();
	room = new Y.Doc();
	seedBoard(board, {
		roles: [
			{ id: 'pm', name: 'Product Manager', label: 'PM', color: '#6d28d9' },
			{ id: 'eng', name: 'Engineering', label: 'ENG', color: '#1d4ed8' }
		],
		cards: [
			{ id: 'roadmap', title: 'Own the roadmap', detail: '', category: 'Strategy', source: 's' },
			{ id: 'deploy', title: 'Ship releases', detail: '', category: 'Delivery', source: 's' }
		],
		focusRoleId: 'pm'
	});
	placeCard(board, null, fay, 'roadmap');
	const docs = { board, facilitation: room };
	deps = {
		store,
		sync: {
			transact: async (_id, kind, fn) => fn(docs[kind]),
			readDoc: async (_id, kind, fn) => fn(docs[kind])
		}
	};
});

describe('blind proposal rounds', () => {
	it('starts a round in Propose, counts answers without naming them, reveals counts only', async () => {
		// The placed row and a tray card the facilitator picked.
		await startRound(deps, workshopId, fay, false, ['roadmap', 'deploy']);
		expect(readFacilitation(room)).toMatchObject({
			phase: 'propose',
			round: { number: 1, cardIds: ['roadmap', 'deploy'] }
		});
		await expect(
			saveMyProposal(deps, workshopId, 'pat', { 'roadmap:pm': 'A', 'ghost:pm': 'A' })
		).rejects.toMatchObject({ status: 400 });
		await saveMyProposal(deps, workshopId, 'pat', { 'roadmap:pm': 'A' });
		await saveMyProposal(deps, workshopId, 'ria', { 'roadmap:eng': 'A', 'deploy:pm': 'R' });
		expect(readFacilitation(room).round?.submitted).toBe(2);
		expect((await getMyProposal(deps, workshopId, 'ria')).cells).toEqual({
			'roadmap:eng': 'A',
			'deploy:pm': 'R'
		});

		const result = await reveal(deps, workshopId);
		// A picked tray card counts like a row.
		expect(result.rows).toEqual({ roadmap: 2, deploy: 1 });
		expect(result.cardIds).toEqual(['roadmap', 'deploy']);
		expect(result.cells['roadmap:pm'].counts).toEqual({ A: 1, none: 1 });
		expect(JSON.stringify(readFacilitation(room).reveal)).not.toMatch(/pat|ria/i);
		await expect(saveMyProposal(deps, workshopId, 'pat', {})).rejects.toThrow(FacilitationError);
		await expect(reveal(deps, workshopId)).rejects.toThrow(/already/);
	});

	it('asks about the placed rows unless the facilitator picks, and checks the pick', async () => {
		await expect(startRound(deps, workshopId, fay, false, ['ghost'])).rejects.toMatchObject({
			status: 400
		});
		expect(readFacilitation(room).round).toBeNull();
		await startRound(deps, workshopId, fay, false);
		expect(readFacilitation(room).round?.cardIds).toEqual(['roadmap']);
		await expect(
			saveMyProposal(deps, workshopId, 'pat', { 'deploy:pm': 'R' })
		).rejects.toMatchObject({ status: 400 });
	});

	it('refuses malformed proposals and saving before a round', async () => {
		await expect(saveMyProposal(deps, workshopId, 'pat', {})).rejects.toMatchObject({
			status: 409
		});
		await startRound(deps, workshopId, fay, false);
		await expect(saveMyProposal(deps, workshopId, 'pat', { roadmap: 'A' })).rejects.toMatchObject({
			status: 400
		});
		await expect(
			saveMyProposal(deps, workshopId, 'pat', { 'roadmap:pm': 'Z' })
		).rejects.toMatchObject({ status: 400 });
	});

	it('adopts the majority into the board, placing a tray card first, ties left alone', async () => {
		await startRound(deps, workshopId, fay, true, ['roadmap', 'deploy']);
		await saveMyProposal(deps, workshopId, 'pat', { 'deploy:eng': 'A', 'deploy:pm': 'C' });
		await saveMyProposal(deps, workshopId, 'ria', { 'deploy:eng': 'A', 'deploy:pm': 'I' });
		await expect(adoptMajority(deps, workshopId, fay, 'deploy')).rejects.toThrow(/Reveal/);
		await reveal(deps, workshopId);
		const letters = await adoptMajority(deps, workshopId, fay, 'deploy');
		expect(letters).toEqual({ eng: 'A' });
		const snapshot = readBoard(board);
		expect(snapshot.rows.map((row) => row.id)).toContain('deploy');
		expect(snapshot.cells['deploy:eng']).toBe('A');
		expect(snapshot.cells['deploy:pm']).toBeUndefined();
		expect(snapshot.rowEdits.deploy.name).toBe('Fay');
		await expect(adoptMajority(deps, workshopId, fay, 'roadmap')).rejects.toThrow(/Nobody/);
	});
});

describe('dot votes', () => {
	it('counts against the budget in the facilitation room and shares totals', async () => {
		setVoteBudget(room, null, 1);
		expect(await getMyVotes(deps, workshopId, 'pat')).toEqual({
			budget: 1,
			mine: {},
			remaining: 0 + 1
		});
		await castVote(deps, workshopId, 'pat', 'roadmap', 1);
		await expect(castVote(deps, workshopId, 'pat', 'roadmap', 1)).rejects.toThrow(/all 1/);
		await expect(castVote(deps, workshopId, 'ria', 'deploy', 1)).rejects.toMatchObject({
			status: 404
		});
		await expect(castVote(deps, workshopId, 'ria', 'roadmap', 2)).rejects.toMatchObject({
			status: 400
		});
		await castVote(deps, workshopId, 'ria', 'roadmap', 1);
		expect(readFacilitation(room).votes).toEqual({ roadmap: 2 });
	});
});

describe('publishing and consent', () => {
	it('stores the live board as v1, moves everyone to Published, takes consents per version', async () => {
		setCell(board, null, fay, 'roadmap', 'pm', 'A');
		setCell(board, null, fay, 'roadmap', 'eng', 'R');
		const published = await publishCharter(deps, workshopId, fay);
		expect(published.version).toBe(1);
		expect(readFacilitation(room)).toMatchObject({
			phase: 'published',
			published: { version: 1, by: fay }
		});
		const stored = await store.charters.get(workshopId, 1);
		expect(stored?.charter.sections.owns.map((item) => item.cardId)).toEqual(['roadmap']);
		expect(stored?.charter.participants.map((p) => p.id).sort()).toEqual(['fay', 'pat', 'ria']);

		await recordConsent(
			deps,
			workshopId,
			{ id: 'pat', name: 'Pat' },
			{ version: 1, decision: 'agree' }
		);
		await expect(
			recordConsent(
				deps,
				workshopId,
				{ id: 'ria', name: 'Ria' },
				{ version: 1, decision: 'object' }
			)
		).rejects.toThrow(/object to/);
		await expect(
			recordConsent(deps, workshopId, { id: 'pat', name: 'Pat' }, { version: 2, decision: 'agree' })
		).rejects.toMatchObject({ status: 404 });
		expect(readFacilitation(room).consents.map((c) => [c.userId, c.decision])).toEqual([
			['pat', 'agree']
		]);
	});

	it('refuses to publish an empty board', async () => {
		const empty = new Y.Doc();
		const bare: FacilitationDeps = {
			store,
			sync: {
				transact: async (_id, kind, fn) => fn(kind === 'board' ? empty : room),
				readDoc: async (_id, kind, fn) => fn(kind === 'board' ? empty : room)
			}
		};
		await expect(publishCharter(bare, workshopId, fay)).rejects.toMatchObject({ status: 409 });
	});
});
