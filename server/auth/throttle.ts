/**
 * Exponential back-off after repeated failures, kept in memory per key (an IP
 * address or an account). The first `freeFailures` cost nothing; each further
 * failure doubles the wait, up to `maxDelayMs`. A key is forgotten once it
 * has been quiet for `forgetAfterMs`.
 */

export interface ThrottleOptions {
	freeFailures: number;
	baseDelayMs: number;
	maxDelayMs: number;
	forgetAfterMs: number;
	/** Upper bound on tracked keys, so a flood of addresses cannot grow memory without limit. */
	maxKeys?: number;
	now?: () => number;
}

interface Entry {
	failures: number;
	lastFailureAt: number;
	blockedUntil: number;
}

export interface Throttle {
	/** Milliseconds to wait before `key` may try again; 0 when it may try now. */
	retryAfter(key: string): number;
	/** Failures counted for `key` since it was last quiet or reset. */
	failures(key: string): number;
	fail(key: string): void;
	reset(key: string): void;
}

export function createThrottle(options: ThrottleOptions): Throttle {
	const now = options.now ?? Date.now;
	const maxKeys = options.maxKeys ?? 100_000;
	const entries = new Map<string, Entry>();

	function current(key: string): Entry | undefined {
		const entry = entries.get(key);
		if (entry && now() - entry.lastFailureAt > options.forgetAfterMs) {
			entries.delete(key);
			return undefined;
		}
		return entry;
	}

	function prune(): void {
		const at = now();
		for (const [key, entry] of entries) {
			if (at - entry.lastFailureAt > options.forgetAfterMs) entries.delete(key);
		}
		// Still full: drop the oldest (Map keeps insertion order).
		for (const key of entries.keys()) {
			if (entries.size < maxKeys) break;
			entries.delete(key);
		}
	}

	return {
		retryAfter(key) {
			const entry = current(key);
			return entry ? Math.max(0, entry.blockedUntil - now()) : 0;
		},
		failures(key) {
			return current(key)?.failures ?? 0;
		},
		fail(key) {
			const at = now();
			const entry = current(key) ?? { failures: 0, lastFailureAt: at, blockedUntil: 0 };
			entry.failures += 1;
			entry.lastFailureAt = at;
			const over = entry.failures - options.freeFailures;
			if (over >= 0) {
				entry.blockedUntil = at + Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** over);
			}
			entries.delete(key);
			if (entries.size >= maxKeys) prune();
			entries.set(key, entry);
		},
		reset(key) {
			entries.delete(key);
		}
	};
}

export interface SignInThrottleOptions {
	/** Failures one address may make on one account before its wait starts doubling. */
	pairFreeFailures: number;
	/** Failures one address may make across all accounts (password spraying). */
	addressFreeFailures: number;
	/** Failures on one account from all addresses together before everyone's wait doubles. */
	accountFreeFailures: number;
	baseDelayMs: number;
	maxDelayMs: number;
	forgetAfterMs: number;
	/** Addresses remembered per account after a successful sign-in. */
	knownAddressesPerAccount?: number;
	now?: () => number;
}

export interface SignInAttempt {
	address: string;
	account: string;
}

export interface SignInThrottle {
	retryAfter(attempt: SignInAttempt): number;
	fail(attempt: SignInAttempt): void;
	succeed(attempt: SignInAttempt): void;
}

/**
 * Who may guess, and how fast. Guesses are slowed per address and account together, so someone
 * guessing from one address never slows the account's owner at another. One address is also
 * slowed across all accounts. The account as a whole has a ceiling that bounds guessing spread
 * over many addresses; each address adds at most `pairFreeFailures` to it, and an address the
 * owner has signed in from before is exempt from it, so a lock-out needs many addresses and
 * still spares the owner's usual ones.
 */
export function createSignInThrottle(options: SignInThrottleOptions): SignInThrottle {
	const shared = {
		baseDelayMs: options.baseDelayMs,
		maxDelayMs: options.maxDelayMs,
		forgetAfterMs: options.forgetAfterMs,
		now: options.now
	};
	const pairs = createThrottle({ ...shared, freeFailures: options.pairFreeFailures });
	const addresses = createThrottle({ ...shared, freeFailures: options.addressFreeFailures });
	const accounts = createThrottle({ ...shared, freeFailures: options.accountFreeFailures });
	const known = new Map<string, string[]>();
	const knownLimit = options.knownAddressesPerAccount ?? 8;
	const pairKey = ({ address, account }: SignInAttempt) => `${address}\n${account}`;

	const isKnown = ({ address, account }: SignInAttempt) =>
		known.get(account)?.includes(address) ?? false;

	return {
		retryAfter(attempt) {
			return Math.max(
				pairs.retryAfter(pairKey(attempt)),
				addresses.retryAfter(attempt.address),
				isKnown(attempt) ? 0 : accounts.retryAfter(attempt.account)
			);
		},
		fail(attempt) {
			const key = pairKey(attempt);
			const before = pairs.failures(key);
			pairs.fail(key);
			addresses.fail(attempt.address);
			if (before < options.pairFreeFailures) accounts.fail(attempt.account);
		},
		succeed(attempt) {
			pairs.reset(pairKey(attempt));
			const list = (known.get(attempt.account) ?? []).filter((a) => a !== attempt.address);
			list.unshift(attempt.address);
			known.delete(attempt.account);
			if (known.size >= 100_000) known.delete(known.keys().next().value as string);
			known.set(attempt.account, list.slice(0, knownLimit));
		}
	};
}
