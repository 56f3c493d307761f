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
