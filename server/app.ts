import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { Registry } from './metrics.ts';
import { openStore, type Store } from './store/index.ts';
import { createAuth, type Auth } from './auth/index.ts';

/** Everything one server process holds: wired here once, used by HTTP routes and sockets alike. */
export interface App {
	config: Config;
	version: string;
	metrics: Registry;
	store: Store;
	auth: Auth;
	/** Live rooms (server/sync); optional until the sync service is wired in. */
	sync?: {
		refreshMember(workshopId: string, userId: string): void;
		closeSession(sessionId: string): void;
		removeWorkshop(workshopId: string): void;
	};
	close(): Promise<void>;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
	version: string;
};

export async function createApp(config: Config): Promise<App> {
	const metrics = new Registry();
	const store = await openStore(config);
	const auth = createAuth(store, config);
	return {
		config,
		version: pkg.version,
		metrics,
		store,
		auth,
		async close() {
			auth.close();
			await store.close();
		}
	};
}
