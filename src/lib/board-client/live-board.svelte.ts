/**
 * The board document's life in this tab: it starts from the state the server rendered, is linked
 * to IndexedDB, the sync server and awareness by `start()`, and is replaced by a fresh copy from
 * the server when the server refuses one of its writes (Yjs needs a client's edits in order, so
 * nothing written after a refused edit could land). The old document stays on screen, read-only,
 * until the new one has synced, so the board never blanks.
 */
import * as Y from 'yjs';
import type { BoardState } from './board-state.svelte.ts';
import { clearLocalBoard, linkBoard, localStoreName } from './connect.ts';
import { ConnectionState } from './connection.svelte.ts';
import { HistoryState } from './history.svelte.ts';
import { keepBoardOffline } from './offline.ts';
import type { PresenceState } from './presence.svelte.ts';

export type LiveBoardOptions = {
	workshopId: string;
	userId: string;
	/** The transaction origin of this tab's edits. */
	origin: object;
	/** The board as the server had it when the page was rendered. */
	initialState: Uint8Array | null;
};

export type LinkHooks = {
	state: BoardState;
	presence: PresenceState;
	/** The server refused a write; the local document is being thrown away. */
	onRefused(reason: string): void;
	/** The document was rebuilt from the server after a refusal. */
	onRestored(): void;
};

export class LiveBoard {
	/** Replaced (never mutated into another board) when a refused write forces a fresh start. */
	doc: Y.Doc = $state.raw(new Y.Doc());
	/** True from a refused write until the board is rebuilt from the server. */
	restoring = $state(false);
	readonly connection = new ConnectionState();
	readonly history = new HistoryState();

	#workshopId: string;
	#userId: string;
	#origin: object;
	#remoteOrigins = new Set<unknown>([null]);

	constructor(options: LiveBoardOptions) {
		this.#workshopId = options.workshopId;
		this.#userId = options.userId;
		this.#origin = options.origin;
		if (options.initialState) {
			Y.applyUpdate(this.doc, options.initialState, 'server-render');
			this.#remoteOrigins.add('server-render');
		}
	}

	get #pendingKey(): string {
		return `${localStoreName(this.#workshopId, this.#userId)}:pending`;
	}

	/** Links the document to this browser's storage, the server and the others. */
	start(hooks: LinkHooks): () => void {
		let stopped = false;
		let stopLink = this.#connect(this.doc, hooks, (reason) => {
			if (stopped || this.restoring) return;
			this.restoring = true;
			hooks.onRefused(reason);
			stopLink();
			void this.#startOver(hooks).then((stop) => {
				if (stopped) return stop();
				stopLink = stop;
			});
		});
		return () => {
			stopped = true;
			stopLink();
		};
	}

	/** After a refused write: forgets the kept edits and builds a new document from the server. */
	async #startOver(hooks: LinkHooks): Promise<() => void> {
		await clearLocalBoard(this.#workshopId, this.#userId);
		this.connection.clearPending(this.#pendingKey);
		const fresh = new Y.Doc();
		let swapped = false;
		const swap = () => {
			if (swapped) return;
			swapped = true;
			const old = this.doc;
			this.doc = fresh;
			hooks.state.replaceDoc(fresh);
			old.destroy();
			this.restoring = false;
			hooks.onRestored();
		};
		return this.#connect(fresh, hooks, () => {}, swap);
	}

	/** Links `doc`; `refused` runs when the server refuses one of its writes, `synced` on sync. */
	#connect(
		doc: Y.Doc,
		hooks: LinkHooks,
		refused: (reason: string) => void,
		synced?: () => void
	): () => void {
		const link = linkBoard(doc, {
			workshopId: this.#workshopId,
			userId: this.#userId,
			origin: this.#origin,
			onRefused: refused
		});
		this.#remoteOrigins.add(link.provider);
		if (link.persistence) this.#remoteOrigins.add(link.persistence);
		const isRemote = (origin: unknown) => this.#remoteOrigins.has(origin);

		const stops = [
			hooks.presence.attach(link.awareness),
			this.history.attach(link.undoManager),
			this.connection.attach(link.provider, doc, this.#pendingKey, isRemote)
		];
		if (synced) {
			const onSync = (done: boolean) => done && synced();
			link.provider.on('sync', onSync);
			stops.push(() => link.provider.off('sync', onSync));
		}
		if (link.persistence) {
			// Kept once per visit, once synced: the service worker's copies of the page and its
			// assets would otherwise be fetched while the board is still connecting.
			let keeping = false;
			const keep = () => {
				if (keeping || this.connection.offlineReady || !navigator.onLine) return;
				keeping = true;
				void keepBoardOffline(this.#workshopId).then((ok) => {
					keeping = false;
					this.connection.offlineReady = ok;
				});
			};
			const onSync = (done: boolean) => done && keep();
			link.provider.on('sync', onSync);
			stops.push(() => link.provider.off('sync', onSync));
		}
		return () => {
			for (const stop of stops) stop();
			link.destroy();
			this.#remoteOrigins.delete(link.provider);
			if (link.persistence) this.#remoteOrigins.delete(link.persistence);
		};
	}
}
