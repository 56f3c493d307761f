import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { Registry } from './metrics.ts';
import { openStore, type Store } from './store/index.ts';
import { createAuth, type Auth } from './auth/index.ts';
import { createSyncService, type SyncService } from './sync/service.ts';
import { createSyncAccess } from './sync/app-access.ts';
import { WorkshopRoomPolicy } from './workshop/room-policy.ts';
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
	/** Membership changes and workshop deletion, with what they mean for live rooms. */
	workshops: WorkshopService;
	close(): Promise<void>;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
	version: string;
};

export async function createApp(config: Config): Promise<App> {
	const metrics = new Registry();
	const store = await openStore(config);
	// Sessions and sockets know of each other: a session that ends closes its sockets.
	let sockets: SyncService | undefined;
	const auth = createAuth(store, config, {
		sessionEnded: (sessionId) => sockets?.closeSession(sessionId),
		heldSessions: () => sockets?.sessionIds() ?? []
	});
	const access = createSyncAccess(auth, store.workshops);
	const policy = new WorkshopRoomPolicy({
		touchWorkshop: (workshopId, at) => store.workshops.touch(workshopId, at),
		content: config.content
	});
	const sync = createSyncService({ config, metrics, docs: store.docs, access, policy });
	sockets = sync;
	return {
		config,
		version: pkg.version,
		metrics,
		store,
		auth,
		sync,
		workshops: createWorkshopService({ store, sync }),
		async close() {
			await sync.close();
			await policy.close();
			auth.close();
			await store.close();
		}
	};
}
