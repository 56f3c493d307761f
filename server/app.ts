import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { Registry } from './metrics.ts';
import { openStore, type Store } from './store/index.ts';
import { createAuth, type Auth } from './auth/index.ts';
import { createSyncService, type SyncService } from './sync/service.ts';
import { createSyncAccess } from './sync/app-access.ts';
import { createPdfPool, type PdfPool } from './charter/pdf-pool.ts';

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
	close(): Promise<void>;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
	version: string;
};

export async function createApp(config: Config): Promise<App> {
	const metrics = new Registry();
	const store = await openStore(config);
	const auth = createAuth(store, config);
	const access = createSyncAccess(auth, store.workshops);
	const sync = createSyncService({ config, metrics, docs: store.docs, access });
	const pdf = createPdfPool(config.pdf, metrics);
	return {
		config,
		version: pkg.version,
		metrics,
		store,
		auth,
		sync,
		pdf,
		async close() {
			await pdf.close();
			await sync.close();
			auth.close();
			await store.close();
		}
	};
}
