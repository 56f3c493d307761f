import { describe, it, expect, beforeEach } from 'vitest';
import { openStore, type Store } from '../store/index.ts';
import { createAuth, type Auth } from './index.ts';

describe('accounts', () => {
	let store: Store;
	let auth: Auth;
	let clock: number;

	beforeEach(async () => {
		store = await openStore({ databasePath: ':memory:' });
		clock = Date.now();
		auth = createAuth(store, { sessionTtlMs: 30 * 24 * 3600_000 }, { now: () => clock });
		return () => auth.close();
	});

	it('signs up, normalising the username, and signs in with either case', async () => {
		const up = await auth.signUp({ username: '  Ana.Lima ', password: 'plum tree at dusk' });
		expect(up.ok && up.user).toMatchObject({
			username: 'ana.lima',
			displayName: 'Ana.Lima'.toLowerCase(),
			isGuest: false
		});
		expect(up.ok && up.user.color).toMatch(/^#[0-9a-f]{6}$/);
		const stored = await store.users.getByUsername('ana.lima');
		expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);

		const inn = await auth.signIn({
			username: 'ANA.LIMA',
			password: 'plum tree at dusk',
			ip: '1.1.1.1'
		});
		expect(inn.ok).toBe(true);
	});

	it('says which field is wrong at sign-up', async () => {
		await auth.signUp({
			username: 'ana@example.com',
			password: 'plum tree at dusk',
			displayName: 'Ana'
		});
		const taken = await auth.signUp({ username: 'ANA@example.com', password: 'another good one' });
		expect(taken).toEqual({ ok: false, errors: { username: expect.stringMatching(/taken/) } });
		const weak = await auth.signUp({ username: 'bo', password: 'password' });
		expect(weak.ok).toBe(false);
		if (!weak.ok) {
			expect(weak.errors.username).toMatch(/at least 3/);
			expect(weak.errors.password).toMatch(/most common/);
		}
	});

	it('gives the same answer for an unknown user and a wrong password', async () => {
		await auth.signUp({ username: 'ana', password: 'plum tree at dusk' });
		const unknown = await auth.signIn({
			username: 'nobody',
			password: 'plum tree at dusk',
			ip: 'a'
		});
		const wrong = await auth.signIn({ username: 'ana', password: 'plum tree at dawn', ip: 'a' });
		expect(unknown).toEqual(wrong);
		expect(wrong).toEqual({ ok: false, errors: { password: 'Wrong username or password.' } });
	});

	it('slows one address guessing an account, even with the right password, but not its owner elsewhere', async () => {
		await auth.signUp({ username: 'ana', password: 'plum tree at dusk' });
		for (let i = 0; i < 5; i++) {
			const r = await auth.signIn({ username: 'ana', password: `guess ${i} nope`, ip: '10.0.0.1' });
			expect(r.ok).toBe(false);
		}
		const blocked = await auth.signIn({
			username: 'ana',
			password: 'plum tree at dusk',
			ip: '10.0.0.1'
		});
		expect(blocked).toEqual({
			ok: false,
			errors: { form: 'Too many attempts, try again in 2 s.' }
		});
		expect(
			(await auth.signIn({ username: 'ana', password: 'plum tree at dusk', ip: '10.0.1.1' })).ok
		).toBe(true);
		clock += 2000;
		expect(
			(await auth.signIn({ username: 'ana', password: 'plum tree at dusk', ip: '10.0.0.1' })).ok
		).toBe(true);
	});

	it('bounds guessing from many addresses on one account, sparing where its owner signed in before', async () => {
		auth.close();
		auth = createAuth(
			store,
			{ sessionTtlMs: 30 * 24 * 3600_000 },
			{ now: () => clock, pairFreeFailures: 2, accountCeiling: 6 }
		);
		await auth.signUp({ username: 'ana', password: 'plum tree at dusk' });
		expect(
			(await auth.signIn({ username: 'ana', password: 'plum tree at dusk', ip: '10.0.1.1' })).ok
		).toBe(true);
		for (let a = 0; a < 3; a++) {
			for (let i = 0; i < 2; i++) {
				await auth.signIn({ username: 'ana', password: `guess ${i} nope`, ip: `10.0.0.${a}` });
			}
		}
		const fresh = await auth.signIn({
			username: 'ana',
			password: 'plum tree at dusk',
			ip: '10.9.9.9'
		});
		expect(fresh.ok === false && fresh.errors.form).toMatch(/Too many attempts/);
		expect(
			(await auth.signIn({ username: 'ana', password: 'plum tree at dusk', ip: '10.0.1.1' })).ok
		).toBe(true);
	});

	it('slows down one address trying many accounts', async () => {
		for (let i = 0; i < 20; i++) {
			await auth.signIn({ username: `user${i}`, password: 'whatever it is', ip: '6.6.6.6' });
		}
		const r = await auth.signIn({ username: 'someone', password: 'whatever it is', ip: '6.6.6.6' });
		expect(r.ok === false && r.errors.form).toMatch(/Too many attempts/);
		const elsewhere = await auth.signIn({
			username: 'someone',
			password: 'whatever it is',
			ip: '7.7.7.7'
		});
		expect(elsewhere.ok === false && elsewhere.errors.password).toBeTruthy();
	});

	it('creates a guest with a display name and a session, but no password', async () => {
		expect(await auth.joinAsGuest({ displayName: '   ' })).toEqual({
			ok: false,
			errors: { displayName: 'Enter the name others will see.' }
		});
		expect((await auth.joinAsGuest({ displayName: 'x'.repeat(41) })).ok).toBe(false);
		const guest = await auth.joinAsGuest({ displayName: '  Sam   from Sales ' });
		if (!guest.ok) throw new Error('guest failed');
		expect(guest.user).toMatchObject({ displayName: 'Sam from Sales', isGuest: true });
		expect((await auth.validateSessionToken(guest.token))?.user.id).toBe(guest.user.id);
		const stored = await store.users.getByUsername(guest.user.username);
		expect(stored?.passwordHash).toBeNull();
		// No password means no way in through the sign-in form.
		expect((await auth.signIn({ username: guest.user.username, password: '', ip: 'x' })).ok).toBe(
			false
		);
	});

	it('slows down one address creating many accounts or guests', async () => {
		const limited = createAuth(
			store,
			{ sessionTtlMs: 3600_000 },
			{ ipFreeCreations: 3, now: () => clock }
		);
		try {
			await limited.signUp({ username: 'one', password: 'plum tree at dusk', ip: '9.9.9.9' });
			await limited.joinAsGuest({ displayName: 'Two', ip: '9.9.9.9' });
			await limited.joinAsGuest({ displayName: 'Three', ip: '9.9.9.9' });
			const fourth = await limited.joinAsGuest({ displayName: 'Four', ip: '9.9.9.9' });
			expect(fourth.ok === false && fourth.errors.form).toMatch(
				/Too many new accounts .* try again in 2 s/
			);
			expect((await limited.joinAsGuest({ displayName: 'Elsewhere', ip: '8.8.8.8' })).ok).toBe(
				true
			);
			clock += 2000;
			expect((await limited.joinAsGuest({ displayName: 'Later', ip: '9.9.9.9' })).ok).toBe(true);
		} finally {
			limited.close();
		}
	});

	it('turns a guest into an account that keeps its id (and so its workshops)', async () => {
		await auth.signUp({ username: 'taken', password: 'plum tree at dusk' });
		const guest = await auth.joinAsGuest({ displayName: 'Sam' });
		if (!guest.ok) throw new Error('guest failed');
		const clash = await auth.signUp({
			username: 'taken',
			password: 'another fine one',
			guestId: guest.user.id
		});
		expect(clash.ok === false && clash.errors.username).toMatch(/taken/);
		const claimed = await auth.signUp({
			username: 'sam',
			password: 'another fine one',
			guestId: guest.user.id
		});
		expect(claimed.ok && claimed.user).toMatchObject({
			id: guest.user.id,
			username: 'sam',
			displayName: 'sam',
			isGuest: false
		});
		expect((await auth.signIn({ username: 'sam', password: 'another fine one', ip: 'z' })).ok).toBe(
			true
		);
	});
});
