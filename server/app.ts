import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { Registry } from './metrics.ts';
import { openStore, type Store } from './store/index.ts';
import { createAuth, type Auth } from './auth/index.ts';
import { createSyncService, type SyncService } from './sync/service.ts';
import { createSyncAccess } from './sync/app-access.ts';
import { createPdfPool, type PdfPool } from './charter/pdf-pool.ts';
import { WorkshopRoomPolicy } from './workshop/room-policy.ts';
import { createRedisClient } from './cluster/redis-client.ts';
import { openRedisRelay } from './cluster/redis-relay.ts';
import { redisThrottles } from './cluster/redis-throttles.ts';
import type { Relay } from './sync/relay.ts';
import { createWorkshopService, type WorkshopService } from './workshop/service.ts';

/** Everything one server process holds: wired here once, used by HTTP routes and sockets alike. */
export interface App {
	config: Config;
	version: string;
	metrics: Registry;
	store: Store;
	auth: Auth;
	/** Live rooms (server/sync): the WebSocket upgrade and the hooks routes call. */
	sync: SyncService;
	/** Charter PDFs, laid out in worker threads. */
	pdf: PdfPool;
	/** Between instances (REDIS_URL); null with one instance. */
	relay: Relay | null;
	/** Membership changes and workshop deletion, with what they mean for live rooms. */
	workshops: WorkshopService;
	close(): Promise<void>;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
	version: string;
};

export async function createApp(config: Config): Promise<App> {
	const metrics = new Registry();
	metrics.info('drawline_instance_info', 'This process: its instance name and version', {
		instance: config.instanceName,
		version: pkg.version
	});
	const store = await openStore(config);
	// Sessions and sockets know of each other: a session that ends closes its sockets.
	let sockets: SyncService | undefined;
	// Several instances count sign-in failures and new accounts together, or spreading
	// attempts over instances would multiply the allowance.
	const throttleClient = config.redisUrl
		? createRedisClient(config.redisUrl, 'throttles', true)
		: null;
	throttleClient
		?.connect()
		.catch((error: Error) => console.error('redis throttles: cannot connect', error.message));
	const auth = createAuth(store, config, {
		sessionEnded: (sessionId) => sockets?.closeSession(sessionId),
		heldSessions: () => sockets?.sessionIds() ?? [],
		throttles: throttleClient ? redisThrottles(throttleClient, config.redisPrefix) : undefined
	});
	const access = createSyncAccess(auth, store.workshops);
	const policy = new WorkshopRoomPolicy({
		touchWorkshop: (workshopId, at) => store.workshops.touch(workshopId, at),
		content: config.content
	});
	const relay = config.redisUrl
		? await openRelay(config.redisUrl, config.redisPrefix, metrics)
		: null;
	const sync = createSyncService({
		config,
		metrics,
		docs: store.docs,
		access,
		policy,
		relay: relay ?? undefined,
		sessionLive: async (sessionId) => {
			const found = await store.sessions.get(sessionId);
			return found !== null && found.session.expiresAt > Date.now();
		}
	});
	sockets = sync;
	const pdf = createPdfPool(config.pdf, metrics);
	return {
		config,
		version: pkg.version,
		metrics,
		store,
		auth,
		sync,
		pdf,
		relay,
		workshops: createWorkshopService({ store, sync }),
		async close() {
			await pdf.close();
			await sync.close();
			await relay?.close();
			await policy.close();
			auth.close();
			await throttleClient?.close().catch(() => {});
			await store.close();
		}
	};
}

async function openRelay(url: string, prefix: string, metrics: Registry): Promise<Relay> {
	const messages = metrics.counter(
		'drawline_relay_messages_total',
		'Messages relayed between instances, by direction'
	);
	const bytes = metrics.counter(
		'drawline_relay_bytes_total',
		'Bytes relayed between instances, by direction'
	);
	return openRedisRelay({
		url,
		prefix,
		counted(direction, size) {
			messages.inc(1, { direction });
			bytes.inc(size, { direction });
		}
	});
}
