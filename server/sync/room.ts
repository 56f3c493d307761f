/**
 * One live document: loaded from the store once, changed by its writers,
 * committed before anything is broadcast, and flushed before it unloads.
 *
 * Lifecycle: `Room.load` (snapshot + tail from the store) → `add` peers (each
 * gets our step 1 and the current presence) → `receive` their messages (sync,
 * updates, awareness) → `flush` → `destroy`. An incoming update passes the
 * policy's write check, the structural check, the integrability check (it must
 * build only on what the room holds) and the policy's content check, in that
 * order, before it touches the document; what the document then emits is
 * queued in the log, committed, and only then sent to the other peers. A sync
 * step 2 answer is encoded when asked and sent once everything applied before
 * it is committed, so a client never receives state a crash could lose.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocStore } from '../store/docs.ts';
import { CLOSE_INVALID_PAYLOAD, type RoomKind } from '#lib/contracts/sync.ts';
import type { Role } from './access.ts';
import {
	decodeAwarenessUpdate,
	encodeAwarenessUpdate,
	filterAwareness,
	type PresenceUser
} from './awareness.ts';
import { DocLog } from './persistence.ts';
import type { PeerIdentity, RoomPolicy, RoomView } from './policy.ts';
import type { RoomMessage } from './relay.ts';
import { checkUpdate, missingDependency } from './validate.ts';
import {
	ProtocolError,
	encodeAwareness,
	encodePermissionDenied,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	isEmptyUpdate,
	readMessage
} from './protocol.ts';

/** What a room needs from a connection; tests use plain objects. */
export interface Peer {
	readonly sessionId: string;
	readonly userId: string;
	readonly user: PresenceUser;
	readonly role: Role;
	readonly clientIds: Set<number>;
	deniedNotified: boolean;
	send(data: Uint8Array): void;
	close(code: number, reason: string): void;
}

export interface RoomHooks {
	/** An update was refused by the policy: nothing of it was applied, stored or sent. */
	refusedWrite?(room: Room, reason: string): void;
	/** An update built on updates the room lacks: not applied, its sender asked to re-sync. */
	resyncRequested?(room: Room): void;
	droppedAwareness?(room: Room, count: number): void;
	batchCommitted?(seconds: number, size: number): void;
	/** From an update's arrival to its broadcast, commit included. */
	updateBroadcast?(seconds: number): void;
	compacted?(room: Room): void;
	/** The log failed to commit: the room must close its peers and unload without writing. */
	broken?(room: Room, error: Error): void;
	/**
	 * Yjs threw halfway through an update, so the document may hold part of it.
	 * Nothing of that update was stored or sent; the room has stopped taking
	 * messages and must be reloaded from the store.
	 */
	tainted?(room: Room): void;
}

export interface RoomOptions {
	store: DocStore;
	name: string;
	kind: RoomKind;
	batchMs: number;
	compactThreshold: number;
	/** Largest awareness state relayed, in bytes of JSON. */
	maxAwarenessBytes: number;
	/** Asked at every write, so a change it depends on (a lock) takes effect at once. */
	policy: RoomPolicy;
	/** The live documents of the rooms the policy named as this room's dependencies. */
	dependency?: (name: string) => Y.Doc | undefined;
	hooks?: RoomHooks;
	/** Publishes to the room on other instances (several instances on one store). */
	publish?: (message: RoomMessage) => void;
}

/** Origin of the transaction that replays stored updates: not written back. */
const LOADING = Symbol('loading');
/** Origin of updates and presence from other instances: shown to peers, not written back. */
const REMOTE = Symbol('remote');

export class Room implements RoomView {
	readonly name: string;
	readonly kind: RoomKind;
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	readonly peers = new Set<Peer>();
	private log: DocLog;
	private owners = new Map<number, Peer>();
	private maxAwarenessBytes: number;
	private policy: RoomPolicy;
	private dependencies: (name: string) => Y.Doc | undefined;
	private hooks: RoomHooks;
	private publish: (message: RoomMessage) => void;
	private destroyed = false;
	private frozen = false;
	/** Updates emitted while applying a peer's update, held until Yjs returns cleanly. */
	private applying: Uint8Array[] | null = null;
	/**
	 * Our step 1, and the whole document as a step 2 (what every new client asks for), encoded
	 * once per change of the document rather than once per client: a room that a whole workshop
	 * joins at once encodes its board once.
	 */
	private stepOne: Uint8Array | null = null;
	private wholeState: Uint8Array | null = null;
	/** Peers sent our state vector after an update the room could not integrate (askToResync). */
	private askedToResync = new WeakSet<Peer>();

	static async load(options: RoomOptions): Promise<Room> {
		const stored = await options.store.load(options.name);
		const doc = new Y.Doc();
		doc.transact(() => {
			for (const update of stored.updates) Y.applyUpdate(doc, update, LOADING);
		}, LOADING);
		// A log written before rooms refused unintegrable updates may still hold some.
		if (dropPending(doc))
			console.error(`sync: ${options.name} dropped stored updates it cannot integrate`);
		const room = new Room(options, doc, stored.seq, stored.tailLength);
		// A log left long (by a crash, or an older threshold) is compacted on first load.
		void room.log.compact(true);
		return room;
	}

	private constructor(options: RoomOptions, doc: Y.Doc, seq: number, tailLength: number) {
		this.name = options.name;
		this.kind = options.kind;
		this.doc = doc;
		this.maxAwarenessBytes = options.maxAwarenessBytes;
		this.policy = options.policy;
		this.dependencies = options.dependency ?? (() => undefined);
		this.hooks = options.hooks ?? {};
		this.publish = options.publish ?? (() => {});
		this.log = new DocLog({
			store: options.store,
			name: options.name,
			seq,
			tailLength,
			batchMs: options.batchMs,
			compactThreshold: options.compactThreshold,
			snapshot: () => this.snapshot(),
			onCommit: (batch, last) => {
				for (const { update, origin, queuedAt } of batch) {
					this.broadcast(encodeUpdate(update), origin);
					this.hooks.updateBroadcast?.((performance.now() - queuedAt) / 1000);
				}
				const updates = batch.map((p) => p.update);
				this.publish({ type: 'update', first: last - batch.length + 1, last, updates });
				this.policy.committed(this);
			},
			onForeign: (updates) => this.applyRemote(updates),
			onError: (error) => this.hooks.broken?.(this, error),
			onBatchCommitted: this.hooks.batchCommitted,
			onCompacted: () => this.hooks.compacted?.(this)
		});
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			this.forgetEncodedState();
			if (origin === LOADING) return;
			// Committed by another instance already: only this instance's peers need it.
			if (origin === REMOTE) return this.broadcast(encodeUpdate(update), null);
			if (this.applying) this.applying.push(update);
			else this.log.enqueue(update, origin);
		});
		this.awareness = new awarenessProtocol.Awareness(doc);
		this.awareness.setLocalState(null);
		this.awareness.on(
			'update',
			(
				{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
				origin: unknown
			) => {
				const changed = added.concat(updated, removed);
				const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
				// Everyone, the sender included: its own echo keeps the client's idle watchdog quiet.
				this.broadcast(encodeAwareness(update), null);
				if (origin !== REMOTE) this.publish({ type: 'awareness', update });
			}
		);
	}

	get isDestroyed(): boolean {
		return this.destroyed;
	}

	get tailLength(): number {
		return this.log.tailLength;
	}

	add(peer: Peer): void {
		this.peers.add(peer);
		peer.send((this.stepOne ??= encodeSyncStep1(this.doc)));
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) {
			peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
		}
	}

	remove(peer: Peer): void {
		if (!this.peers.delete(peer)) return;
		const mine = [...peer.clientIds];
		for (const id of mine) this.owners.delete(id);
		if (!this.destroyed && mine.length > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, mine, null);
		}
	}

	dependency(name: string): Y.Doc | undefined {
		return this.dependencies(name);
	}

	/** Handles one frame from `peer`; a malformed one closes that peer only. */
	receive(peer: Peer, data: Uint8Array): void {
		if (this.destroyed || this.frozen) return;
		try {
			const message = readMessage(data);
			switch (message.type) {
				case 'sync-step-1':
					return this.answerSyncStep1(peer, message.stateVector);
				case 'sync-step-2':
					this.askedToResync.delete(peer);
					return this.applyUpdate(peer, message.update);
				case 'update':
					return this.applyUpdate(peer, message.update);
				case 'awareness':
					return this.applyAwareness(peer, message.update);
				case 'query-awareness':
					return this.sendAllAwareness(peer);
			}
		} catch (error) {
			const code = error instanceof ProtocolError ? error.closeCode : CLOSE_INVALID_PAYLOAD;
			peer.close(code, error instanceof ProtocolError ? error.message : 'malformed message');
		}
	}

	/** A message from the room on another instance. */
	receiveRemote(message: RoomMessage): void {
		if (this.destroyed || this.frozen) return;
		if (message.type === 'awareness') {
			try {
				awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, REMOTE);
			} catch (error) {
				console.error(`sync: bad presence relayed to ${this.name}`, error);
			}
			return;
		}
		if (!this.applyRemote(message.updates)) return;
		this.log.remote(message.first, message.last);
	}

	/** Reads what other instances committed that this room has not seen (after a relay outage). */
	catchUp(): Promise<void> {
		return this.log.catchUp();
	}

	/** Resolves once every update applied so far is committed. */
	flush(): Promise<void> {
		return this.log.flush();
	}

	compact(): Promise<void> {
		return this.log.compact();
	}

	closePeers(code: number, reason: string): void {
		for (const peer of [...this.peers]) peer.close(code, reason);
	}

	destroy(): void {
		if (this.destroyed) return;
		this.destroyed = true;
		this.awareness.destroy();
		this.doc.destroy();
	}

	private broadcast(data: Uint8Array, except: unknown): void {
		for (const peer of this.peers) {
			if (peer !== except) peer.send(data);
		}
	}

	private answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
		const reply = isEmptyStateVector(stateVector)
			? (this.wholeState ??= encodeSyncStep2(this.doc))
			: encodeSyncStep2(this.doc, stateVector);
		this.log.whenCommitted((error) => {
			if (!error) peer.send(reply);
		});
	}

	private applyUpdate(peer: Peer, update: Uint8Array): void {
		if (isEmptyUpdate(update)) return;
		const identity = identify(peer);
		const denied = this.policy.writeRefusal(this, identity);
		if (denied) return this.refuse(peer, denied);
		const checked = checkUpdate(update);
		if ('problem' in checked) return peer.close(CLOSE_INVALID_PAYLOAD, checked.problem);
		if (missingDependency(checked.decoded, this.doc)) return this.askToResync(peer);
		const refused = this.policy.checkUpdate({
			room: this,
			peer: identity,
			update,
			decoded: checked.decoded
		});
		if (refused) return this.refuse(peer, refused);
		const emitted: Uint8Array[] = [];
		this.applying = emitted;
		try {
			Y.applyUpdate(this.doc, update, peer);
		} catch {
			this.applying = null;
			this.frozen = true;
			peer.close(CLOSE_INVALID_PAYLOAD, 'malformed update');
			this.hooks.tainted?.(this);
			return;
		}
		this.applying = null;
		if (dropPending(this.doc)) {
			this.forgetEncodedState();
			console.error(`sync: ${this.name} held back part of an update it had checked; dropped it`);
		}
		for (const change of emitted) this.log.enqueue(change, peer);
	}

	private forgetEncodedState(): void {
		this.stepOne = null;
		this.wholeState = null;
	}

	/**
	 * An update that builds on updates this room has not seen is not applied. Its sender is not
	 * refused, which would make it throw its edits away: it usually did nothing wrong (it wrote
	 * on another instance, whose updates have not arrived here yet, then reconnected here, or
	 * its edits crossed the server's first sync message). The room sends its state vector, as at
	 * connect, and the client answers with everything the room lacks, this update included.
	 * Asked once until that answer, so a stream of such updates costs one message.
	 */
	private askToResync(peer: Peer): void {
		this.hooks.resyncRequested?.(this);
		if (this.askedToResync.has(peer)) return;
		this.askedToResync.add(peer);
		peer.send((this.stepOne ??= encodeSyncStep1(this.doc)));
	}

	/** Nothing of the update reaches the document, the log or other peers; its sender is told once. */
	private refuse(peer: Peer, reason: string): void {
		this.hooks.refusedWrite?.(this, reason);
		if (peer.deniedNotified) return;
		peer.deniedNotified = true;
		peer.send(encodePermissionDenied(`${reason}: your changes to ${this.kind} are not saved`));
	}

	/** Updates another instance committed; false (and the room reloads) if Yjs rejects them. */
	private applyRemote(updates: Uint8Array[]): boolean {
		if (this.destroyed || this.frozen) return false;
		try {
			this.doc.transact(() => {
				for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE);
			}, REMOTE);
			return true;
		} catch {
			this.frozen = true;
			this.hooks.tainted?.(this);
			return false;
		}
	}

	/** The whole state for compaction, refused unless it loads back cleanly. */
	private snapshot(): Uint8Array {
		const merged = Y.encodeStateAsUpdate(this.doc);
		Y.applyUpdate(new Y.Doc(), merged);
		return merged;
	}

	private applyAwareness(peer: Peer, bytes: Uint8Array): void {
		const entries = decodeAwarenessUpdate(bytes);
		const accepted = filterAwareness(entries, {
			user: peer.user,
			held: peer.clientIds,
			heldElsewhere: (id) => {
				const owner = this.owners.get(id);
				return owner !== undefined && owner !== peer;
			},
			maxStateBytes: this.maxAwarenessBytes
		});
		if (accepted.length < entries.length) {
			this.hooks.droppedAwareness?.(this, entries.length - accepted.length);
		}
		if (accepted.length === 0) return;
		const stamp = this.policy.presence?.bind(this.policy);
		if (stamp) {
			const identity = identify(peer);
			for (const entry of accepted) {
				if (entry.state !== null) entry.state = stamp(this, identity, entry.state);
			}
		}
		for (const { clientID, state } of accepted) {
			if (state === null) continue;
			this.owners.set(clientID, peer);
			peer.clientIds.add(clientID);
		}
		awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), peer);
		for (const { clientID, state } of accepted) {
			if (state !== null) continue;
			this.owners.delete(clientID);
			peer.clientIds.delete(clientID);
		}
	}

	private sendAllAwareness(peer: Peer): void {
		const states = [...this.awareness.getStates().keys()];
		peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
	}
}

/**
 * Forgets what Yjs holds back as pending (it would go out in every sync step 2 and snapshot, and be
 * retried on every update). True when there was any.
 */
function dropPending(doc: Y.Doc): boolean {
	const { store } = doc;
	if (store.pendingStructs === null && store.pendingDs === null) return false;
	store.pendingStructs = null;
	store.pendingDs = null;
	return true;
}

/** A client with an empty document (a fresh page) asks for everything. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
	return stateVector.length === 1 && stateVector[0] === 0;
}

function identify(peer: Peer): PeerIdentity {
	return {
		sessionId: peer.sessionId,
		userId: peer.userId,
		userName: peer.user.name,
		role: peer.role
	};
}
