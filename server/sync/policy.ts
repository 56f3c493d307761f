/**
 * What the app decides about its rooms, injected into the sync service so the
 * generic layer (protocol, rooms, storage, presence) knows nothing of what the
 * documents mean. The sync layer asks; the policy answers from what it is shown
 * and must not change any document it is given.
 *
 * Order for every incoming update: `writeRefusal` (may this peer write now?),
 * the structural check, `checkUpdate` (may these bytes be written?), then
 * apply → commit → broadcast → `committed`. A refusal from either policy hook
 * goes down one path: nothing is applied, broadcast or stored, the peer is told
 * with a permission-denied message whose reason starts with the refusal, and
 * the refusal is counted by reason.
 */
import type * as Y from 'yjs';
import type { Role, RoomKind } from './access.ts';

/** Who sent a message, as the upgrade authenticated them. */
export interface PeerIdentity {
	readonly sessionId: string;
	readonly userId: string;
	readonly userName: string;
	readonly role: Role;
}

/** A loaded room as a policy sees it. Its documents are live: read them, never write them. */
export interface RoomView {
	readonly name: string;
	readonly kind: RoomKind;
	readonly doc: Y.Doc;
	/** A room named by `dependencies`, loaded for as long as this one is. */
	dependency(name: string): Y.Doc | undefined;
}

export interface UpdateCheck {
	readonly room: RoomView;
	readonly peer: PeerIdentity;
	/** The update as received; not yet applied. */
	readonly update: Uint8Array;
	/** The same update decoded (once, for every check), known to integrate into `room.doc`. */
	readonly decoded: ReturnType<typeof Y.decodeUpdate>;
}

export interface RoomPolicy {
	/** Rooms loaded before `name` and kept loaded as long as it is (a board reads its lock). */
	dependencies(name: string, kind: RoomKind): readonly string[];
	/** null when `peer` may write `room` now, else the refusal reason (a short token). */
	writeRefusal(room: RoomView, peer: PeerIdentity): string | null;
	/**
	 * null to accept an update from a peer allowed to write, else the refusal reason. Runs for
	 * every non-empty update before it is applied: its cost should follow the update's size.
	 */
	checkUpdate(check: UpdateCheck): string | null;
	/** A batch of the room's updates was committed and broadcast: keep it cheap. */
	committed(room: RoomView): void;
	/**
	 * A presence state from `peer`, its `user` already stamped by the server, as it is to be
	 * relayed: the app may overwrite what it knows better than the client.
	 */
	presence?(
		room: RoomView,
		peer: PeerIdentity,
		state: Record<string, unknown>
	): Record<string, unknown>;
}
