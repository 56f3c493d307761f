import type { Store } from '../store/index.ts';
import type { SyncService } from '../sync/service.ts';

/** What facilitation needs from the app: the store and the live rooms. */
export interface FacilitationDeps {
	store: Store;
	sync: Pick<SyncService, 'transact' | 'readDoc'>;
}

/** Who is acting: the signed-in user, as rows and charters record them. */
export interface Actor {
	id: string;
	name: string;
}

/** Origin of the server's own transactions in live documents. */
export const SERVER_ORIGIN = 'drawline/server';
