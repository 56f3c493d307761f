/**
 * The browser's links to a workshop board: the board document synced over the app's own
 * WebSocket (y-websocket protocol, room `/sync/<workshopId>/board`), kept in IndexedDB so that
 * edits made offline survive a reload and merge on reconnect, and an undo manager that tracks this
 * tab's own edits only. The board lock is read from the facilitation room that the facilitation UI
 * already holds open (one connection per room per tab), not from a second socket here.
 *
 * Cross-tab BroadcastChannel sync is off: every tab talks to the server, which is the one place
 * that checks who may write (a reader's tab must not be able to hand edits to a writer's tab).
 *
 * A write the server refuses (a reader, or a participant while the board is locked) comes back as
 * a y-protocols auth "permission denied" message, once per connection. Yjs applies a client's
 * edits in order, so nothing this document writes afterwards could land either: `onRefused` lets
 * the session throw the local state away and start over from the server (`clearLocalBoard`).
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import { readAuthMessage } from 'y-protocols/auth';
import { CARDS, CELLS, META, NOTES, ROLES } from '#lib/board/index.ts';
import { MESSAGE_AUTH, syncServerUrl } from '#lib/contracts/sync.ts';

export type BoardLink = {
	provider: WebsocketProvider;
	awareness: Awareness;
	/** Null when the browser has no IndexedDB (private modes of some browsers). */
	persistence: IndexeddbPersistence | null;
	undoManager: Y.UndoManager;
	destroy(): void;
};

export type LinkOptions = {
	workshopId: string;
	userId: string;
	/** The transaction origin of this tab's edits: the undo manager tracks it and nothing else. */
	origin: object;
	/** The server refused a write of this document. */
	onRefused?: (reason: string) => void;
};

// Not dissent or row edits: undoing would restore someone else's entry (the dissent a row had
// before it was unplaced, the edit before ours), which only that person may write.
const UNDO_SCOPE = [ROLES, CARDS, CELLS, NOTES, META];

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

/** Calls `onDenied` when the server refuses a write on `provider`'s socket. */
export function onPermissionDenied(
	provider: WebsocketProvider,
	onDenied: (reason: string) => void
): void {
	provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder: decoding.Decoder) => {
		readAuthMessage(decoder, provider.doc, (_doc, reason) => onDenied(reason));
	};
}

/** Deletes this user's locally kept copy of a board (edits not yet on the server included). */
export async function clearLocalBoard(workshopId: string, userId: string): Promise<void> {
	if (!hasIndexedDb()) return;
	try {
		await clearDocument(localStoreName(workshopId, userId));
	} catch {
		// Blocked or unavailable: the next refusal tries again.
	}
}

export function linkBoard(
	doc: Y.Doc,
	{ workshopId, userId, origin, onRefused }: LinkOptions
): BoardLink {
	const url = syncServerUrl(location, workshopId);
	// Local edits are loaded before the socket opens, so the first sync already carries them.
	const persistence = hasIndexedDb()
		? new IndexeddbPersistence(localStoreName(workshopId, userId), doc)
		: null;
	const awareness = new Awareness(doc);
	const provider = new WebsocketProvider(url, 'board', doc, {
		awareness,
		disableBc: true,
		maxBackoffTime: 5000,
		connect: false
	});
	if (onRefused) onPermissionDenied(provider, onRefused);
	provider.connect();
	const undoManager = new Y.UndoManager(
		UNDO_SCOPE.map((name) => doc.getMap(name)),
		{ trackedOrigins: new Set([origin]), captureTimeout: 400 }
	);

	return {
		provider,
		awareness,
		persistence,
		undoManager,
		destroy() {
			undoManager.destroy();
			awareness.setLocalState(null);
			provider.destroy();
			awareness.destroy();
			void persistence?.destroy();
		}
	};
}
