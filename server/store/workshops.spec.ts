import { describe, it, expect, beforeEach } from 'vitest';
import type { Store } from './index.ts';
import { BACKENDS, useStoreBackend } from './__fixtures__/backends.ts';
import { addUsers, addWorkshop } from './__fixtures__/seed.ts';

describe.each(BACKENDS)('workshops, memberships and invites (%s)', (backend) => {
	const db = useStoreBackend(backend);
	let store: Store;
	beforeEach(async () => {
		store = db.store();
		await addUsers(store, ['fac', 'pat']);
	});

	it('makes the creator facilitator and lists workshops per user, archived apart', async () => {
		const w = await store.workshops.create({
			title: 'PM lines',
			team: 'Checkout',
			templateId: 't',
			focusRoleId: 'pm',
			createdBy: 'fac',
			framework: 'daci'
		});
		expect((await store.workshops.get(w.id))?.framework).toBe('daci');
		expect(await store.workshops.getMembership(w.id, 'fac')).toEqual({ role: 'facilitator' });
		expect(await store.workshops.getMembership(w.id, 'pat')).toBeNull();
		expect(
			(await store.workshops.listForUser('fac')).map((s) => [s.title, s.role, s.memberCount])
		).toEqual([['PM lines', 'facilitator', 1]]);
		expect(await store.workshops.listForUser('pat')).toEqual([]);

		await store.workshops.setArchived(w.id, true);
		expect(await store.workshops.listForUser('fac')).toEqual([]);
		expect((await store.workshops.listForUser('fac', { archived: true })).length).toBe(1);
		expect(await store.workshops.countForUser('fac')).toEqual({ active: 0, archived: 1 });
	});

	it('joining never lowers a role', async () => {
		const w = await addWorkshop(store, 'fac');
		expect(await store.workshops.addMember(w.id, 'fac', 'reader')).toBe('facilitator');
		expect(await store.workshops.addMember(w.id, 'pat', 'reader')).toBe('reader');
		expect(await store.workshops.addMember(w.id, 'pat', 'participant')).toBe('participant');
		expect(await store.workshops.addMember(w.id, 'pat', 'reader')).toBe('participant');
		expect((await store.workshops.listMembers(w.id)).map((m) => [m.userId, m.role])).toEqual([
			['fac', 'facilitator'],
			['pat', 'participant']
		]);
	});

	it('records when a member was removed, and counts the workshops an account started', async () => {
		const before = Date.now();
		const w = await addWorkshop(store, 'fac');
		await store.workshops.addMember(w.id, 'pat', 'participant');
		expect(await store.workshops.removedAt(w.id, 'pat')).toBeNull();
		await store.workshops.removeMember(w.id, 'pat');
		expect(await store.workshops.removedAt(w.id, 'pat')).toBeGreaterThanOrEqual(before);
		await store.workshops.removeMember(w.id, 'fac-never-joined');
		expect(await store.workshops.removedAt(w.id, 'fac-never-joined')).toBeNull();
		expect(await store.workshops.countCreatedSince('fac', before)).toBe(1);
		expect(await store.workshops.countCreatedSince('fac', Date.now() + 1000)).toBe(0);
		expect(await store.workshops.countCreatedSince('pat', before)).toBe(0);
	});

	it('deleting a workshop removes its memberships and invites', async () => {
		const w = await addWorkshop(store, 'fac');
		await store.workshops.addMember(w.id, 'pat', 'participant');
		await store.invites.create({
			workshopId: w.id,
			role: 'reader',
			label: '',
			createdBy: 'fac',
			tokenHash: 'h1'
		});
		await store.workshops.remove(w.id);
		expect(await store.workshops.get(w.id)).toBeNull();
		expect(await store.workshops.getMembership(w.id, 'pat')).toBeNull();
		expect(await store.invites.findByTokenHash('h1')).toBeNull();
	});

	it('revokes an invite only within its own workshop', async () => {
		const a = await addWorkshop(store, 'fac', { title: 'A' });
		const b = await addWorkshop(store, 'fac', { title: 'B' });
		const invite = await store.invites.create({
			workshopId: a.id,
			role: 'participant',
			label: 'Eng',
			createdBy: 'fac',
			tokenHash: 'h2'
		});
		expect(await store.invites.revoke(b.id, invite.id)).toBe(false);
		expect(await store.invites.revoke(a.id, invite.id)).toBe(true);
		expect(await store.invites.revoke(a.id, invite.id)).toBe(false);
		expect((await store.invites.findByTokenHash('h2'))?.revokedAt).toEqual(expect.any(Number));
	});
});
