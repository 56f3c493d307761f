/**
 * Sign-in and creation throttles counted in Redis, so every instance sees the
 * same failures: a guesser spreading attempts over instances (round robin
 * does it for him) waits as long as one who stays on one. Each key is a hash
 * with its failure count and the time it is blocked until, updated in one
 * script (atomic across instances) and expiring after `forgetAfterMs` without
 * a failure. Times come from the instances' clocks, which must agree to within
 * a second or so (NTP).
 *
 * While Redis cannot answer, each instance counts on its own (memoryThrottles):
 * still throttled, per instance, rather than not at all or not signing in.
 */
import {
	memoryThrottles,
	type KnownAddresses,
	type Throttle,
	type ThrottleBackend
} from '../auth/throttle.ts';
import type { RedisClient } from './redis-client.ts';

/** KEYS[1]: the key's hash. ARGV: now, freeFailures, baseDelayMs, maxDelayMs, forgetAfterMs. */
const FAIL = `
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local over = failures - tonumber(ARGV[2])
if over >= 0 then
	local delay = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ over)
	redis.call('HSET', KEYS[1], 'blockedUntil', string.format('%.0f', tonumber(ARGV[1]) + delay))
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return failures
`;

/** KEYS[1]: the account's sorted set. ARGV: address, now, limit, keep-for ms. */
const REMEMBER = `
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[3]) - 1)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0
`;

/** An account's known addresses are forgotten after this long without a sign-in. */
const KNOWN_FOR_MS = 90 * 24 * 60 * 60_000;

export function redisThrottles(client: RedisClient, prefix: string): ThrottleBackend {
	let failing = false;
	/** Runs `shared` on Redis, or `local` when Redis cannot answer. */
	async function either<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
		try {
			const result = await shared();
			failing = false;
			return result;
		} catch (error) {
			if (!failing) {
				console.error(
					`throttles: Redis unavailable (${(error as Error).message}); counting per instance`
				);
			}
			failing = true;
			return local();
		}
	}

	return {
		throttle(name, options): Throttle {
			const now = options.now ?? Date.now;
			const local = memoryThrottles.throttle(name, options);
			const key = (k: string) => `${prefix}throttle:${name}:${k}`;
			return {
				retryAfter: (k) =>
					either(
						async () => {
							const until = await client.hGet(key(k), 'blockedUntil');
							return until ? Math.max(0, Number(until) - now()) : 0;
						},
						() => local.retryAfter(k)
					),
				fail: (k) =>
					either(
						async () =>
							Number(
								await client.eval(FAIL, {
									keys: [key(k)],
									arguments: [
										String(now()),
										String(options.freeFailures),
										String(options.baseDelayMs),
										String(options.maxDelayMs),
										String(options.forgetAfterMs)
									]
								})
							),
						() => local.fail(k)
					),
				reset: (k) =>
					either(
						async () => void (await client.del(key(k))),
						() => local.reset(k)
					)
			};
		},
		knownAddresses(limit): KnownAddresses {
			const local = memoryThrottles.knownAddresses(limit);
			const key = (account: string) => `${prefix}known-addresses:${account}`;
			return {
				has: (account, address) =>
					either(
						async () => (await client.zScore(key(account), address)) !== null,
						() => local.has(account, address)
					),
				remember: (account, address) =>
					either(
						async () =>
							void (await client.eval(REMEMBER, {
								keys: [key(account)],
								arguments: [address, String(Date.now()), String(limit), String(KNOWN_FOR_MS)]
							})),
						() => local.remember(account, address)
					)
			};
		}
	};
}
