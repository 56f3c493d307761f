/**
 * The browser's links to a workshop board: the board document synced over the app's own
 * WebSocket (y-websocket protocol, room `/sync/<workshopId>/board`), kept in IndexedDB so that
 * edits made offline survive a reload and merge on reconnect, an undo manager that tracks this
 * tab's own edits only, and a read-only view of the facilitation document for the board lock.
 *
 * Cross-tab BroadcastChannel sync is off: every tab talks to the server, which is the one place
 * that checks who may write (a reader's tab must not be able to hand edits to a writer's tab).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import { CARDS, CELLS, DISSENT, META, NOTES, ROLES, ROW_EDITS } from '#lib/board/index.ts';

export type BoardLink = {
	provider: WebsocketProvider;
	awareness: Awareness;
	/** Null when the browser has no IndexedDB (private modes of some browsers). */
	persistence: IndexeddbPersistence | null;
	undoManager: Y.UndoManager;
	facilitation: { doc: Y.Doc; provider: WebsocketProvider };
	destroy(): void;
};

export type LinkOptions = {
	workshopId: string;
	userId: string;
	/** The transaction origin of this tab's edits: the undo manager tracks it and nothing else. */
	origin: object;
};

const UNDO_SCOPE = [ROLES, CARDS, CELLS, NOTES, DISSENT, ROW_EDITS, META];

export const syncServerUrl = (workshopId: string): string =>
	`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync/${encodeURIComponent(workshopId)}`;

/** One database per user and workshop: a shared computer never mixes two people's edits. */
export const localStoreName = (workshopId: string, userId: string): string =>
	`drawline:${userId}:${workshopId}:board`;

const hasIndexedDb = (): boolean => {
	try {
		return typeof indexedDB !== 'undefined';
	} catch {
		return false;
	}
};

export function linkBoard(doc: Y.Doc, { workshopId, userId, origin }: LinkOptions): BoardLink {
	const url = syncServerUrl(workshopId);
	// Local edits are loaded before the socket opens, so the first sync already carries them.
	const persistence = hasIndexedDb()
		? new IndexeddbPersistence(localStoreName(workshopId, userId), doc)
		: null;
	const awareness = new Awareness(doc);
	const provider = new WebsocketProvider(url, 'board', doc, {
		awareness,
		disableBc: true,
		maxBackoffTime: 5000
	});
	const undoManager = new Y.UndoManager(
		UNDO_SCOPE.map((name) => doc.getMap(name)),
		{ trackedOrigins: new Set([origin]), captureTimeout: 400 }
	);

	const facilitationDoc = new Y.Doc();
	const facilitationProvider = new WebsocketProvider(url, 'facilitation', facilitationDoc, {
		disableBc: true,
		maxBackoffTime: 5000,
		connect: false
	});
	// Only read for the lock: presence lives in the board room.
	facilitationProvider.awareness.setLocalState(null);
	facilitationProvider.connect();

	return {
		provider,
		awareness,
		persistence,
		undoManager,
		facilitation: { doc: facilitationDoc, provider: facilitationProvider },
		destroy() {
			undoManager.destroy();
			awareness.setLocalState(null);
			provider.destroy();
			awareness.destroy();
			void persistence?.destroy();
			facilitationProvider.awareness.setLocalState(null);
			facilitationProvider.destroy();
			facilitationDoc.destroy();
		}
	};
}
