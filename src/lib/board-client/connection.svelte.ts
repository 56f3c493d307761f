/**
 * Whether the board is live, for the status pill: connecting (first time), connected (synced
 * with the server), reconnecting (the socket dropped and the client retries), offline (the
 * browser says so), or closed (the server ended access: signed out, removed, workshop deleted).
 *
 * `pending` counts this tab's edits that have not reached the server yet. The count lives in
 * localStorage with the edits themselves in IndexedDB, so a reload while offline still shows it.
 * It is cleared when a connection completes its sync: the client answers the server's sync step 1
 * with everything the server lacks before the server's step 2 arrives on the same socket.
 */
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { closeMessage } from '#lib/contracts/sync.ts';

export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

const readCount = (key: string): number => {
	try {
		const value = Number(localStorage.getItem(key));
		return Number.isInteger(value) && value > 0 ? value : 0;
	} catch {
		return 0;
	}
};

const writeCount = (key: string, count: number): void => {
	try {
		if (count > 0) localStorage.setItem(key, String(count));
		else localStorage.removeItem(key);
	} catch {
		// Storage full or disabled: the count is only shown, the edits are in IndexedDB.
	}
};

export class ConnectionState {
	phase: ConnectionPhase = $state('connecting');
	pending = $state(0);
	/** Set once the page itself is kept, so that it also loads without a network. */
	offlineReady = $state(false);
	closedReason: string | null = $state(null);

	/** Forgets the pending edits: they were thrown away after the server refused them. */
	clearPending(storageKey: string): void {
		this.pending = 0;
		writeCount(storageKey, 0);
	}

	/**
	 * Follows `provider`; `isRemote(origin)` tells updates that came from elsewhere (the socket,
	 * IndexedDB, the server-rendered state) from this tab's edits.
	 */
	attach(
		provider: WebsocketProvider,
		doc: Y.Doc,
		storageKey: string,
		isRemote: (origin: unknown) => boolean
	): () => void {
		let everSynced = false;
		this.pending = readCount(storageKey);

		const setPending = (count: number) => {
			this.pending = count;
			writeCount(storageKey, count);
		};
		const offlinePhase = (): ConnectionPhase =>
			!navigator.onLine ? 'offline' : everSynced ? 'reconnecting' : 'connecting';

		const onStatus = ({ status }: { status: string }) => {
			if (this.phase === 'closed') return;
			if (status !== 'connected') this.phase = offlinePhase();
		};
		const onSync = (synced: boolean) => {
			if (!synced || this.phase === 'closed') return;
			everSynced = true;
			this.phase = 'connected';
			setPending(0);
		};
		const onClosed = ({ code, reason }: { code: number; reason: string }) => {
			this.phase = 'closed';
			this.closedReason = closeMessage(code, reason);
		};
		const onUpdate = (_update: Uint8Array, origin: unknown) => {
			if (isRemote(origin)) return;
			if (this.phase !== 'connected' || !provider.synced) setPending(this.pending + 1);
		};
		// Browsers keep a dead socket open for a while; drop it at once and retry when back.
		const onOffline = () => {
			if (this.phase === 'closed') return;
			this.phase = 'offline';
			provider.disconnect();
		};
		const onOnline = () => {
			if (this.phase === 'closed') return;
			this.phase = everSynced ? 'reconnecting' : 'connecting';
			provider.connect();
		};

		provider.on('status', onStatus);
		provider.on('sync', onSync);
		provider.on('closed', onClosed);
		doc.on('update', onUpdate);
		window.addEventListener('offline', onOffline);
		window.addEventListener('online', onOnline);
		if (!navigator.onLine) onOffline();
		else if (provider.synced) onSync(true);

		return () => {
			provider.off('status', onStatus);
			provider.off('sync', onSync);
			provider.off('closed', onClosed);
			doc.off('update', onUpdate);
			window.removeEventListener('offline', onOffline);
			window.removeEventListener('online', onOnline);
		};
	}
}
