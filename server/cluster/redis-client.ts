/**
 * A Redis connection that retries for ever with a capped back-off and logs one
 * line when its link breaks and one when it is back, not one per retry.
 */
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 2000);

/**
 * `failFast`: a command sent while the link is down fails at once instead of queueing, for
 * callers that have somewhere else to turn (the store, a local count).
 */
export function createRedisClient(url: string, name: string, failFast: boolean): RedisClient {
	const client: RedisClient = createClient({
		url,
		socket: { reconnectStrategy },
		disableOfflineQueue: failFast
	});
	let down = false;
	client.on('error', (error: Error) => {
		if (!down) console.error(`redis ${name}: ${error.message}; retrying`);
		down = true;
	});
	client.on('ready', () => {
		if (down) console.log(`redis ${name}: connected again`);
		down = false;
	});
	return client;
}
