import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import { randomId } from '../store/ids.ts';
import {
	defaultDisplayName,
	displayNameProblem,
	normalizeDisplayName,
	normalizeUsername,
	usernameProblem
} from './accounts.ts';
import { colorFor } from './colors.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import {
	createSessionManager,
	toAuthUser,
	type AuthUser,
	type Session,
	type SessionManager
} from './sessions.ts';
import { createSignInThrottle, memoryThrottles, type ThrottleBackend } from './throttle.ts';

export type AuthField = 'username' | 'password' | 'displayName' | 'form';
export type FieldErrors = Partial<Record<AuthField, string>>;

export type AuthResult =
	| { ok: true; user: AuthUser; token: string; session: Session }
	| { ok: false; errors: FieldErrors };

export interface Auth extends SessionManager {
	/** With `guestId`, the guest becomes this account and keeps its workshops. */
	signUp(input: {
		username: string;
		password: string;
		displayName?: string;
		guestId?: string;
		/** Keys the per-address limit on new accounts and guests. */
		ip?: string;
	}): Promise<AuthResult>;
	/** `ip` and the normalised username key the sign-in throttle (see throttle.ts). */
	signIn(input: { username: string; password: string; ip: string }): Promise<AuthResult>;
	joinAsGuest(input: { displayName: string; ip?: string }): Promise<AuthResult>;
	close(): void;
}

export interface AuthOptions {
	/** Sign-in failures before the wait starts doubling: one address on one account, one address on any account, and one account from all addresses (see throttle.ts). */
	pairFreeFailures?: number;
	addressFreeFailures?: number;
	accountCeiling?: number;
	/** Accounts and guests one address may create per hour before creation slows down. */
	ipFreeCreations?: number;
	now?: () => number;
	/** Called once a session has ended (signed out, replaced, expired). */
	sessionEnded?: (sessionId: string) => void;
	/** Sessions held open elsewhere (live sockets), checked for expiry at each sweep. */
	heldSessions?: () => Iterable<string>;
	/** Where failures and creations are counted: this process unless instances share Redis. */
	throttles?: ThrottleBackend;
}

const WRONG = 'Wrong username or password.';

export function createAuth(
	store: Pick<Store, 'users' | 'sessions'>,
	config: Pick<Config, 'sessionTtlMs'>,
	options: AuthOptions = {}
): Auth {
	const sessions = createSessionManager(store.sessions, {
		ttlMs: config.sessionTtlMs,
		now: options.now,
		ended: options.sessionEnded,
		held: options.heldSessions
	});
	const throttleDefaults = {
		baseDelayMs: 2_000,
		maxDelayMs: 15 * 60_000,
		forgetAfterMs: 60 * 60_000,
		now: options.now
	};
	const throttles = options.throttles ?? memoryThrottles;
	const signInThrottle = createSignInThrottle(
		{
			...throttleDefaults,
			pairFreeFailures: options.pairFreeFailures ?? 5,
			addressFreeFailures: options.addressFreeFailures ?? 20,
			accountFreeFailures: options.accountCeiling ?? 100
		},
		throttles
	);
	// Every account or guest created counts against its address, so a script cannot fill the
	// database; a whole office behind one address still fits in the free allowance.
	const creationThrottle = throttles.throttle('creation', {
		...throttleDefaults,
		freeFailures: options.ipFreeCreations ?? 60
	});
	async function creationWait(ip: string | undefined): Promise<AuthResult | null> {
		if (!ip) return null;
		const wait = await creationThrottle.retryAfter(ip);
		if (wait === 0) return null;
		const seconds = Math.ceil(wait / 1000);
		return {
			ok: false,
			errors: { form: `Too many new accounts from your network, try again in ${seconds} s.` }
		};
	}

	// Unknown accounts are checked against this hash, so they take as long as known ones.
	const dummyHash = hashPassword('drawline-timing-equaliser');

	const sweep = setInterval(
		() => void sessions.deleteExpiredSessions().catch(() => {}),
		60 * 60_000
	);
	sweep.unref();

	async function startSession(user: AuthUser): Promise<AuthResult> {
		const { token, session } = await sessions.createSession(user.id);
		return { ok: true, user, token, session };
	}

	return {
		...sessions,

		async signUp(input) {
			const username = normalizeUsername(input.username);
			const displayName =
				normalizeDisplayName(input.displayName ?? '') || defaultDisplayName(username);
			const errors: FieldErrors = {};
			const usernameError = usernameProblem(username);
			if (usernameError) errors.username = usernameError;
			const passwordError = passwordProblem(input.password, username);
			if (passwordError) errors.password = passwordError;
			const nameError = displayNameProblem(displayName);
			if (nameError) errors.displayName = nameError;
			if (Object.keys(errors).length > 0) return { ok: false, errors };
			const limited = await creationWait(input.ip);
			if (limited) return limited;

			if (await store.users.getByUsername(username)) {
				return { ok: false, errors: { username: 'That name is taken. Sign in, or pick another.' } };
			}
			const passwordHash = await hashPassword(input.password);
			const id = randomId(16);
			const user = input.guestId
				? await store.users.claimGuest(input.guestId, { username, displayName, passwordHash })
				: await store.users.create({
						id,
						username,
						displayName,
						passwordHash,
						isGuest: false,
						color: colorFor(id)
					});
			// Lost a race with another sign-up for the same name.
			if (!user)
				return { ok: false, errors: { username: 'That name is taken. Sign in, or pick another.' } };
			if (input.ip) await creationThrottle.fail(input.ip);
			return startSession(toAuthUser(user));
		},

		async signIn(input) {
			const username = normalizeUsername(input.username);
			if (!username) return { ok: false, errors: { username: 'Enter your username or email.' } };
			if (!input.password) return { ok: false, errors: { password: 'Enter your password.' } };
			if (input.password.length > 1024) return { ok: false, errors: { password: WRONG } };

			const attempt = { address: input.ip, account: username };
			const wait = await signInThrottle.retryAfter(attempt);
			if (wait > 0) {
				const seconds = Math.ceil(wait / 1000);
				return { ok: false, errors: { form: `Too many attempts, try again in ${seconds} s.` } };
			}

			const found = await store.users.getByUsername(username);
			const valid =
				found && found.passwordHash
					? await verifyPassword(found.passwordHash, input.password)
					: (await verifyPassword(await dummyHash, input.password), false);
			if (!found || !valid) {
				await signInThrottle.fail(attempt);
				return { ok: false, errors: { password: WRONG } };
			}
			await signInThrottle.succeed(attempt);
			return startSession(toAuthUser(found));
		},

		async joinAsGuest(input) {
			const displayName = normalizeDisplayName(input.displayName);
			const problem = displayNameProblem(displayName);
			if (problem) return { ok: false, errors: { displayName: problem } };
			const limited = await creationWait(input.ip);
			if (limited) return limited;
			const id = randomId(16);
			// The colon cannot occur in a chosen username, so guests never collide with accounts.
			const user = await store.users.create({
				id,
				username: `guest:${id}`,
				displayName,
				passwordHash: null,
				isGuest: true,
				color: colorFor(id)
			});
			if (!user) return { ok: false, errors: { form: 'Could not create a guest, try again.' } };
			if (input.ip) await creationThrottle.fail(input.ip);
			return startSession(toAuthUser(user));
		},

		close() {
			clearInterval(sweep);
		}
	};
}
