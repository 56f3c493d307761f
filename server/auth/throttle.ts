/**
 * Exponential back-off after repeated failures, per key (an IP address or an
 * account). The first `freeFailures` cost nothing; each further failure
 * doubles the wait, up to `maxDelayMs`. A key is forgotten once it has been
 * quiet for `forgetAfterMs`. Where the counts live is a `ThrottleBackend`:
 * this process by default, or Redis shared by every instance
 * (server/cluster/redis-throttles.ts), so a guesser gains nothing by spreading
 * attempts over instances.
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

export interface Throttle {
	/** Milliseconds to wait before `key` may try again; 0 when it may try now. */
	retryAfter(key: string): Promise<number>;
	/** Counts a failure; resolves with the failures counted for `key`, this one included. */
	fail(key: string): Promise<number>;
	reset(key: string): Promise<void>;
}

/** Addresses an account has signed in from, the most recent first, at most `limit` of them. */
export interface KnownAddresses {
	has(account: string, address: string): Promise<boolean>;
	remember(account: string, address: string): Promise<void>;
}

export interface ThrottleBackend {
	/** `name` keeps the keys of different throttles apart where they share one store. */
	throttle(name: string, options: ThrottleOptions): Throttle;
	knownAddresses(limit: number): KnownAddresses;
}

interface Entry {
	failures: number;
	lastFailureAt: number;
	blockedUntil: number;
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
		async retryAfter(key) {
			const entry = current(key);
			return entry ? Math.max(0, entry.blockedUntil - now()) : 0;
		},
		async fail(key) {
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
			return entry.failures;
		},
		async reset(key) {
			entries.delete(key);
		}
	};
}

function createKnownAddresses(limit: number): KnownAddresses {
	const known = new Map<string, string[]>();
	return {
		async has(account, address) {
			return known.get(account)?.includes(address) ?? false;
		},
		async remember(account, address) {
			const list = (known.get(account) ?? []).filter((a) => a !== address);
			list.unshift(address);
			known.delete(account);
			if (known.size >= 100_000) known.delete(known.keys().next().value as string);
			known.set(account, list.slice(0, limit));
		}
	};
}

/** Counts in this process: right for one instance, and the fallback while Redis is away. */
export const memoryThrottles: ThrottleBackend = {
	throttle: (_name, options) => createThrottle(options),
	knownAddresses: createKnownAddresses
};

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
	retryAfter(attempt: SignInAttempt): Promise<number>;
	fail(attempt: SignInAttempt): Promise<void>;
	succeed(attempt: SignInAttempt): Promise<void>;
}

/**
 * Who may guess, and how fast. Guesses are slowed per address and account together, so someone
 * guessing from one address never slows the account's owner at another. One address is also
 * slowed across all accounts. The account as a whole has a ceiling that bounds guessing spread
 * over many addresses; each address adds at most `pairFreeFailures` to it, and an address the
 * owner has signed in from before is exempt from it, so a lock-out needs many addresses and
 * still spares the owner's usual ones.
 */
export function createSignInThrottle(
	options: SignInThrottleOptions,
	backend: ThrottleBackend = memoryThrottles
): SignInThrottle {
	const shared = {
		baseDelayMs: options.baseDelayMs,
		maxDelayMs: options.maxDelayMs,
		forgetAfterMs: options.forgetAfterMs,
		now: options.now
	};
	const pairs = backend.throttle('sign-in-pair', {
		...shared,
		freeFailures: options.pairFreeFailures
	});
	const addresses = backend.throttle('sign-in-address', {
		...shared,
		freeFailures: options.addressFreeFailures
	});
	const accounts = backend.throttle('sign-in-account', {
		...shared,
		freeFailures: options.accountFreeFailures
	});
	const known = backend.knownAddresses(options.knownAddressesPerAccount ?? 8);
	const pairKey = ({ address, account }: SignInAttempt) => `${address}\n${account}`;

	return {
		async retryAfter(attempt) {
			const [pair, address, account] = await Promise.all([
				pairs.retryAfter(pairKey(attempt)),
				addresses.retryAfter(attempt.address),
				known
					.has(attempt.account, attempt.address)
					.then((isKnown) => (isKnown ? 0 : accounts.retryAfter(attempt.account)))
			]);
			return Math.max(pair, address, account);
		},
		async fail(attempt) {
			const [pairFailures] = await Promise.all([
				pairs.fail(pairKey(attempt)),
				addresses.fail(attempt.address)
			]);
			if (pairFailures <= options.pairFreeFailures) await accounts.fail(attempt.account);
		},
		async succeed(attempt) {
			await Promise.all([
				pairs.reset(pairKey(attempt)),
				known.remember(attempt.account, attempt.address)
			]);
		}
	};
}
