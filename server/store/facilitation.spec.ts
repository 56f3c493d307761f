import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './index.ts';
import { BACKENDS, useStoreBackend } from './__fixtures__/backends.ts';
import { addUsers, addWorkshop } from './__fixtures__/seed.ts';

describe.each(BACKENDS)('facilitation store (%s)', (backend) => {
	const db = useStoreBackend(backend);
	let store: Store;
	let workshopId: string;

	beforeEach(async () => {
		store = db.store();
		await addUsers(store, ['fay', 'pat', 'ria']);
		workshopId = (
			await addWorkshop(store, 'fay', { title: 'Lines', team: 'Team', templateId: 'pillars' })
		).id;
	});

	describe('proposal rounds', () => {
		it('numbers rounds and keeps each person’s proposals apart', async () => {
			expect(await store.facilitation.currentRound(workshopId)).toBeNull();
			const first = await store.facilitation.startRound(workshopId, false, 'fay');
			expect(first).toMatchObject({ round: 1, named: false, revealedAt: null });
			await store.facilitation.saveProposal(workshopId, 1, 'pat', { 'a:pm': 'A' });
			await store.facilitation.saveProposal(workshopId, 1, 'ria', { 'a:eng': 'A' });
			await store.facilitation.saveProposal(workshopId, 1, 'pat', { 'a:pm': 'R' });
			expect((await store.facilitation.getProposal(workshopId, 1, 'pat'))?.cells).toEqual({
				'a:pm': 'R'
			});
			expect(await store.facilitation.getProposal(workshopId, 1, 'fay')).toBeNull();
			expect(await store.facilitation.countProposals(workshopId, 1)).toBe(2);
			const second = await store.facilitation.startRound(workshopId, true, 'fay');
			expect(second).toMatchObject({ round: 2, named: true });
			expect(await store.facilitation.countProposals(workshopId, 2)).toBe(0);
			expect((await store.facilitation.currentRound(workshopId))?.round).toBe(2);
		});

		it('closes a round to changes once revealed', async () => {
			await store.facilitation.startRound(workshopId, false, 'fay');
			expect(await store.facilitation.saveProposal(workshopId, 1, 'pat', { 'a:pm': 'A' })).toBe(
				'saved'
			);
			expect(await store.facilitation.markRevealed(workshopId, 1, 5)).toBe(true);
			expect(await store.facilitation.markRevealed(workshopId, 1, 6)).toBe(false);
			expect(await store.facilitation.saveProposal(workshopId, 1, 'pat', { 'a:pm': 'C' })).toBe(
				'revealed'
			);
			expect(await store.facilitation.saveProposal(workshopId, 9, 'pat', {})).toBe('no-round');
			const all = await store.facilitation.listProposals(workshopId, 1);
			expect(all).toEqual([
				{ userId: 'pat', name: 'PAT', cells: { 'a:pm': 'A' }, updatedAt: expect.any(Number) }
			]);
		});

		it('forgets a proposal saved empty', async () => {
			await store.facilitation.startRound(workshopId, false, 'fay');
			await store.facilitation.saveProposal(workshopId, 1, 'pat', { 'a:pm': 'A' });
			await store.facilitation.saveProposal(workshopId, 1, 'pat', {});
			expect(await store.facilitation.countProposals(workshopId, 1)).toBe(0);
		});
	});

	describe('dot votes', () => {
		it('enforces the budget per person and totals per card', async () => {
			const f = store.facilitation;
			expect(await f.vote(workshopId, 'pat', 'a', 1, 2)).toEqual({
				ok: true,
				mine: { a: 1 },
				total: 1
			});
			expect(await f.vote(workshopId, 'pat', 'a', 1, 2)).toEqual({
				ok: true,
				mine: { a: 2 },
				total: 2
			});
			expect(await f.vote(workshopId, 'pat', 'b', 1, 2)).toMatchObject({
				ok: false,
				reason: 'over-budget'
			});
			expect(await f.vote(workshopId, 'ria', 'a', 1, 2)).toMatchObject({ ok: true, total: 3 });
			expect(await f.vote(workshopId, 'pat', 'a', -1, 2)).toEqual({
				ok: true,
				mine: { a: 1 },
				total: 2
			});
			expect(await f.vote(workshopId, 'pat', 'b', -1, 2)).toMatchObject({
				ok: false,
				reason: 'none-to-remove'
			});
			expect(await f.voteTotals(workshopId)).toEqual({ a: 2 });
			await f.vote(workshopId, 'pat', 'a', -1, 2);
			expect(await f.myVotes(workshopId, 'pat')).toEqual({});
			await f.clearVotes(workshopId);
			expect(await f.voteTotals(workshopId)).toEqual({});
		});
	});
});
