import { describe, it, expect, beforeEach } from 'vitest';
import { createSessionManager, type SessionManager } from '../auth/sessions.ts';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import { openStore, type Store } from '../store/index.ts';
import { addUsers, addWorkshop } from '../store/__fixtures__/seed.ts';
import { createSyncAccess } from './app-access.ts';
import type { SyncAccess } from './upgrade.ts';

const REMEMBER_MS = 5_000;

describe('sync access remembers checks only until something changes', () => {
	let store: Store;
	let sessions: SessionManager;
	let access: SyncAccess;
	let clock: number;
	let workshopId: string;
	const cookie = (token: string) => `${SESSION_COOKIE}=${token}`;

	beforeEach(async () => {
		store = await openStore({ databasePath: ':memory:' });
		await addUsers(store, ['ana', 'ben']);
		workshopId = (await addWorkshop(store, 'ana')).id;
		await store.workshops.addMember(workshopId, 'ben', 'participant');
		clock = Date.UTC(2026, 0, 1);
		sessions = createSessionManager(store.sessions, { ttlMs: 60_000, now: () => clock });
		access = createSyncAccess(sessions, store.workshops, {
			rememberMs: REMEMBER_MS,
			now: () => clock
		});
	});

	it('refuses a signed-out session at once, though it was just checked', async () => {
		const { token, session } = await sessions.createSession('ben');
		expect((await access.authenticate(cookie(token)))?.user.id).toBe('ben');
		await sessions.invalidateSession(session.id);
		access.forgetSession(session.id);
		expect(await access.authenticate(cookie(token))).toBeNull();
	});

	it('refuses a wrong secret for a remembered session', async () => {
		const { token } = await sessions.createSession('ben');
		await access.authenticate(cookie(token));
		const [id] = token.split('.');
		expect(await access.authenticate(cookie(`${id}.${'x'.repeat(24)}`))).toBeNull();
	});

	it('never trusts a session past its expiry, nor any check past the remembering time', async () => {
		const { token, session } = await sessions.createSession('ben');
		await access.authenticate(cookie(token));
		// Deleted behind the cache's back (no forget): trusted only until the remembering time ends.
		await store.sessions.delete(session.id);
		clock += REMEMBER_MS;
		expect(await access.authenticate(cookie(token))).toBeNull();

		const short = createSessionManager(store.sessions, { ttlMs: 1_000, now: () => clock });
		const shortAccess = createSyncAccess(short, store.workshops, {
			rememberMs: REMEMBER_MS,
			now: () => clock
		});
		const brief = await short.createSession('ben');
		expect(await shortAccess.authenticate(cookie(brief.token))).not.toBeNull();
		clock += 1_000;
		expect(await shortAccess.authenticate(cookie(brief.token))).toBeNull();
	});

	it('sees a changed role and a removal as soon as the member is forgotten', async () => {
		expect(await access.getRole(workshopId, 'ben')).toBe('participant');
		await store.workshops.setMemberRole(workshopId, 'ben', 'reader');
		access.forgetMember(workshopId, 'ben');
		expect(await access.getRole(workshopId, 'ben')).toBe('reader');
		await store.workshops.removeMember(workshopId, 'ben');
		access.forgetMember(workshopId, 'ben');
		expect(await access.getRole(workshopId, 'ben')).toBeNull();
	});

	it('forgets every member of a deleted workshop', async () => {
		expect(await access.getRole(workshopId, 'ana')).toBe('facilitator');
		expect(await access.getRole(workshopId, 'ben')).toBe('participant');
		await store.workshops.remove(workshopId);
		access.forgetWorkshop(workshopId);
		expect(await access.getRole(workshopId, 'ana')).toBeNull();
		expect(await access.getRole(workshopId, 'ben')).toBeNull();
		expect(await access.workshopExists(workshopId)).toBe(false);
	});

	it('reads everything again after forgetting all (commands from other instances may be lost)', async () => {
		const { token, session } = await sessions.createSession('ben');
		await access.authenticate(cookie(token));
		expect(await access.getRole(workshopId, 'ben')).toBe('participant');
		await store.sessions.delete(session.id);
		await store.workshops.removeMember(workshopId, 'ben');
		access.forgetAll();
		expect(await access.authenticate(cookie(token))).toBeNull();
		expect(await access.getRole(workshopId, 'ben')).toBeNull();
	});

	it('does not keep an answer read before the member was forgotten', async () => {
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const slow = createSyncAccess(
			sessions,
			{
				get: (id) => store.workshops.get(id),
				// Reads the row now, answers after the gate: a read that raced a removal.
				getMembership: async (w, u) => {
					const row = await store.workshops.getMembership(w, u);
					await gate;
					return row;
				}
			},
			{ rememberMs: REMEMBER_MS, now: () => clock }
		);
		const racing = slow.getRole(workshopId, 'ben');
		await store.workshops.removeMember(workshopId, 'ben');
		slow.forgetMember(workshopId, 'ben');
		release();
		expect(await racing).toBe('participant');
		expect(await slow.getRole(workshopId, 'ben')).toBeNull();
	});
});
