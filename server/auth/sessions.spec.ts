import { describe, it, expect, beforeEach } from 'vitest';
import { openStore, type Store } from '../store/index.ts';
import { createSessionManager, type SessionManager } from './sessions.ts';
import { hashSecret } from './tokens.ts';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

describe('session tokens', () => {
	let store: Store;
	let clock: number;
	let sessions: SessionManager;
	let ended: string[];
	let held: string[];

	beforeEach(async () => {
		store = await openStore({ databasePath: ':memory:' });
		await store.users.create({
			id: 'u1',
			username: 'ana',
			displayName: 'Ana',
			passwordHash: null,
			isGuest: false,
			color: '#2563eb'
		});
		clock = Date.UTC(2025, 0, 1);
		ended = [];
		held = [];
		sessions = createSessionManager(store.sessions, {
			ttlMs: 10 * DAY,
			now: () => clock,
			ended: (id) => ended.push(id),
			held: () => held
		});
	});

	it('issues <id>.<secret> with 120-bit parts and stores only a hash of the secret', async () => {
		const { token, session } = await sessions.createSession('u1');
		const [id, secret] = token.split('.');
		expect(id).toMatch(/^[a-z2-9]{24}$/);
		expect(secret).toMatch(/^[a-z2-9]{24}$/);
		expect(session.id).toBe(id);

		const stored = await store.sessions.get(id);
		expect(Array.from(stored!.session.secretHash)).toEqual(Array.from(hashSecret(secret)));
		expect(JSON.stringify(stored)).not.toContain(secret);
	});

	it('validates its own token and returns the user', async () => {
		const { token } = await sessions.createSession('u1');
		const result = await sessions.validateSessionToken(token);
		expect(result?.user).toEqual({
			id: 'u1',
			username: 'ana',
			displayName: 'Ana',
			color: '#2563eb',
			isGuest: false
		});
		expect(result?.session.expiresAt.getTime()).toBe(clock + 10 * DAY);
	});

	it('rejects a wrong secret, a malformed token and an unknown id', async () => {
		const { token } = await sessions.createSession('u1');
		const [id, secret] = token.split('.');
		const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		expect(await sessions.validateSessionToken(`${id}.${flipped}`)).toBeNull();
		expect(await sessions.validateSessionToken(id)).toBeNull();
		expect(await sessions.validateSessionToken(`${id}.${secret}.x`)).toBeNull();
		expect(await sessions.validateSessionToken(`nosuchsession.${secret}`)).toBeNull();
		expect(await sessions.validateSessionToken('')).toBeNull();
		// A wrong secret does not let anyone delete the real session.
		expect(await sessions.validateSessionToken(token)).not.toBeNull();
	});

	it('expires after the inactivity period and deletes the row', async () => {
		const { token, session } = await sessions.createSession('u1');
		clock += 10 * DAY;
		expect(await sessions.validateSessionToken(token)).toBeNull();
		expect(await store.sessions.get(session.id)).toBeNull();
	});

	it('slides forward while used, at most once per activity interval', async () => {
		const { token } = await sessions.createSession('u1');
		const created = clock;

		clock += 30 * 60 * 1000;
		const early = await sessions.validateSessionToken(token);
		expect(early?.extended).toBe(false);
		expect(early?.session.expiresAt.getTime()).toBe(created + 10 * DAY);

		clock += HOUR;
		const later = await sessions.validateSessionToken(token);
		expect(later?.extended).toBe(true);
		expect(later?.session.expiresAt.getTime()).toBe(clock + 10 * DAY);

		// Used every 9 days, it outlives the original 10-day expiry many times over.
		for (let i = 0; i < 5; i++) {
			clock += 9 * DAY;
			expect(await sessions.validateSessionToken(token)).not.toBeNull();
		}
	});

	it('sign-out deletes one session and reports it ended', async () => {
		const a = await sessions.createSession('u1');
		const b = await sessions.createSession('u1');
		await sessions.invalidateSession(a.session.id);
		expect(ended).toEqual([a.session.id]);
		expect(await sessions.validateSessionToken(a.token)).toBeNull();
		expect(await sessions.validateSessionToken(b.token)).not.toBeNull();
	});

	it('reports a session found expired as ended', async () => {
		const { token, session } = await sessions.createSession('u1');
		clock += 11 * DAY;
		expect(await sessions.validateSessionToken(token)).toBeNull();
		expect(ended).toEqual([session.id]);
	});

	it('sweeps expired sessions, reporting those still held open as ended', async () => {
		const old = await sessions.createSession('u1');
		clock += 5 * DAY;
		const { token, session } = await sessions.createSession('u1');
		held = [old.session.id, session.id];
		clock += 6 * DAY;
		expect(await sessions.deleteExpiredSessions()).toBe(1);
		expect(ended).toEqual([old.session.id]);
		expect(await sessions.validateSessionToken(token)).not.toBeNull();
	});
});
