/**
 * The real-time sync service: authenticated WebSocket upgrades in, rooms of
 * Yjs documents behind them, the store underneath. One instance per process,
 * attached to the same HTTP server as the app (`handleUpgrade`).
 *
 * Steps of a connection: upgrade (path, Origin, session, membership — or an
 * HTTP error) → handshake → acquire the room (loading it once) → deliver
 * messages → on close, release the room (it unloads when idle).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import type { Config } from '../config.ts';
import type { Registry } from '../metrics.ts';
import type { DocStore } from '../store/docs.ts';
import { Connection, type Identity } from './connection.ts';
import { registerSyncMetrics } from './metrics.ts';
import type { RoomPolicy } from './policy.ts';
import type { ClusterCommand, Relay, RoomMessage } from './relay.ts';
import {
	CLOSE_FORBIDDEN,
	CLOSE_INTERNAL_ERROR,
	CLOSE_NOT_FOUND,
	CLOSE_ROLE_CHANGED,
	CLOSE_SERVICE_RESTART,
	CLOSE_TRY_AGAIN_LATER,
	CLOSE_UNAUTHORIZED,
	docName,
	type RoomKind
} from '#lib/contracts/sync.ts';
import { RoomRegistry } from './registry.ts';
import { Room } from './room.ts';
import { readRoom, transactRoom } from './server-writes.ts';
import {
	authorizeUpgrade,
	parseSyncPath,
	rejectUpgrade,
	type SyncAccess,
	type SyncTarget,
	type UpgradeDecision
} from './upgrade.ts';

export type SyncConfig = Pick<
	Config,
	| 'origin'
	| 'maxMessageBytes'
	| 'maxAwarenessBytes'
	| 'maxConnectionsPerRoom'
	| 'heartbeatMs'
	| 'maxBufferedBytes'
	| 'persistBatchMs'
	| 'compactThreshold'
	| 'roomIdleMs'
>;

export interface SyncServiceOptions {
	config: SyncConfig;
	metrics: Registry;
	docs: DocStore;
	access: SyncAccess;
	/** The app's rules for its rooms: dependencies, who may write, what may be written. */
	policy: RoomPolicy;
	/** Several instances: rooms and commands span them (the store must be shared). */
	relay?: Relay;
	/** Whether a session still exists and has not expired, read from the store. */
	sessionLive?: (sessionId: string) => Promise<boolean>;
}

export interface SyncService {
	/** Takes over upgrades under /sync/ and returns true; returns false for any other path. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/**
	 * Re-reads a member's role and closes their open connections: for good (4403) when removed,
	 * to reconnect with the new role (4001) when it changed. A closing socket takes no more writes.
	 */
	refreshMember(workshopId: string, userId: string): Promise<void>;
	/** Closes every socket of a session (4401): it was signed out, replaced or expired. */
	closeSession(sessionId: string): void;
	/** The sessions that have a socket open. */
	sessionIds(): Iterable<string>;
	/** Closes a deleted workshop's rooms (4404) and removes its stored documents. */
	removeWorkshop(workshopId: string): Promise<void>;
	/**
	 * A change made by the server itself (not a client) to a room's live document: the room is
	 * loaded if needed, the change committed, then broadcast to everyone connected.
	 */
	transact<T>(workshopId: string, kind: RoomKind, fn: (doc: Y.Doc) => T): Promise<T>;
	/** Reads a room's current document, loading it if needed; `fn` must not write. */
	readDoc<T>(workshopId: string, kind: RoomKind, fn: (doc: Y.Doc) => T): Promise<T>;
	/** Stops accepting, flushes every room, closes sockets with 1012. */
	close(): Promise<void>;
}

/** How long shutdown waits for clients to acknowledge the close frame. */
const SHUTDOWN_GRACE_MS = 2000;
/** An upgrade whose access keeps changing while it is checked gives up after this many checks. */
const MAX_ACCESS_CHECKS = 5;

export function createSyncService(options: SyncServiceOptions): SyncService {
	const { config, docs, access, policy, relay } = options;
	/** Per loaded room, the call that ends its relay subscription. */
	const subscriptions = new Map<Room, () => void>();
	const connections = new Set<Connection>();
	/** Open and pending connections per room, for the per-room limit. */
	const roomCounts = new Map<string, number>();
	/** The rooms each loaded room holds because the policy named them as its dependencies. */
	const held = new Map<Room, Room[]>();
	/**
	 * Upgrades between their access check and joining `connections`, by workshop. A role change,
	 * removal or sign-out in that window closes only sockets already open, so it marks these
	 * instead, and each marked one is checked again before it is accepted.
	 */
	const checking = new Map<string, Set<{ stale: boolean }>>();
	let closing = false;

	const rooms: RoomRegistry = new RoomRegistry({
		idleMs: config.roomIdleMs,
		load: loadRoom,
		unloaded(room) {
			subscriptions.get(room)?.();
			subscriptions.delete(room);
			const dependencies = held.get(room) ?? [];
			held.delete(room);
			for (const dependency of dependencies) rooms.release(dependency);
		}
	});

	const metrics = registerSyncMetrics(options.metrics, {
		connections: () => connections.size,
		rooms: () => rooms.size
	});

	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: config.maxMessageBytes,
		perMessageDeflate: false,
		clientTracking: false
	});
	wss.on('error', (error) => console.error('sync: websocket server error', error));

	const roomHooks = {
		refusedWrite: (_room: Room, reason: string) => metrics.refusedWrites.inc(1, { reason }),
		resyncRequested: () => metrics.resyncsRequested.inc(),
		droppedAwareness: (_room: Room, count: number) => metrics.droppedAwareness.inc(count),
		batchCommitted: (seconds: number) => metrics.persistBatch.observe(seconds),
		updateBroadcast: (seconds: number) => metrics.updateLatency.observe(seconds),
		compacted: () => metrics.compactions.inc(),
		broken(room: Room, error: Error) {
			console.error(`sync: cannot persist ${room.name}; closing its connections`, error);
			breakRoom(room, 'could not save changes');
		},
		tainted(room: Room) {
			console.error(`sync: a bad update reached ${room.name}; reloading it from the store`);
			// Commit what was applied before the bad update, then start over from the store.
			void room
				.flush()
				.catch(() => {})
				.then(() => breakRoom(room, 'document reloaded'));
		}
	};

	/** Closes a room's peers (they reconnect and re-sync) and forgets it, with the rooms it holds up. */
	function breakRoom(room: Room, reason: string): void {
		for (const [dependent, dependencies] of held) {
			if (dependencies.includes(room)) breakRoom(dependent, reason);
		}
		room.closePeers(CLOSE_INTERNAL_ERROR, reason);
		rooms.discard(room);
	}

	async function loadRoom(name: string): Promise<Room> {
		const kind = name.slice(name.lastIndexOf('/') + 1) as RoomKind;
		metrics.roomLoads.inc(1, { kind });
		// The rooms this one depends on (a board's facilitation) load alongside it, not before it.
		const acquiring = Promise.allSettled(
			policy.dependencies(name, kind).map((dependency) => rooms.acquire(dependency))
		);
		let dependencies: Room[] = [];
		let leave = () => {};
		try {
			// Subscribed before the load reads the store: an update committed elsewhere is either
			// in what the load reads or relayed after it (duplicates merge).
			let loaded: Room | null = null;
			const early: RoomMessage[] = [];
			let missedEarly = false;
			if (relay) {
				leave = await relay.join(name, {
					deliver: (message) => (loaded ? loaded.receiveRemote(message) : early.push(message)),
					missed: () => (loaded ? void loaded.catchUp() : (missedEarly = true))
				});
			}
			const [load, settled] = await Promise.all([
				Room.load({
					store: docs,
					name,
					kind,
					batchMs: config.persistBatchMs,
					compactThreshold: config.compactThreshold,
					maxAwarenessBytes: config.maxAwarenessBytes,
					policy,
					dependency: (wanted) => dependencies.find((d) => d.name === wanted)?.doc,
					hooks: roomHooks,
					publish: relay ? (message) => relay.publish(name, message) : undefined
				}).then(
					(room) => ({ room }),
					(error: unknown) => ({ error })
				),
				acquiring
			]);
			dependencies = fulfilled(settled);
			if ('error' in load) throw load.error;
			const room = load.room;
			const failed = settled.find((s) => s.status === 'rejected');
			if (failed) {
				// Nobody has seen this room: it took no write, so it goes without a flush.
				room.destroy();
				throw failed.reason;
			}
			loaded = room;
			for (const message of early.splice(0)) room.receiveRemote(message);
			if (missedEarly) void room.catchUp();
			if (relay) subscriptions.set(room, leave);
			if (dependencies.length > 0) held.set(room, dependencies);
			return room;
		} catch (error) {
			leave();
			metrics.roomLoadFailures.inc();
			for (const dependency of fulfilled(await acquiring)) rooms.release(dependency);
			throw error;
		}
	}

	function fulfilled(settled: PromiseSettledResult<Room>[]): Room[] {
		return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
	}

	const counters = {
		sent(bytes: number) {
			metrics.messagesOut.inc();
			metrics.bytesOut.inc(bytes);
		},
		received(bytes: number) {
			metrics.messagesIn.inc();
			metrics.bytesIn.inc(bytes);
		},
		closed(code: number) {
			metrics.closes.inc(1, { code: String(code) });
		}
	};

	function changeCount(name: string, delta: number): void {
		const next = (roomCounts.get(name) ?? 0) + delta;
		if (next > 0) roomCounts.set(name, next);
		else roomCounts.delete(name);
	}

	function reject(socket: Duplex, status: number, message: string): void {
		metrics.upgradesRejected.inc(1, { status: String(status) });
		rejectUpgrade(socket, status, message);
	}

	async function upgrade(
		req: IncomingMessage,
		socket: Duplex,
		head: Buffer,
		target: SyncTarget
	): Promise<void> {
		if (closing) return reject(socket, 503, 'Server is restarting');
		let decision: UpgradeDecision;
		const check = { stale: false };
		const inWorkshop = checking.get(target.workshopId) ?? new Set();
		checking.set(target.workshopId, inWorkshop.add(check));
		try {
			decision = await authorizeUpgrade(req, target, access, config.origin);
			for (let tries = 1; check.stale && decision.ok; tries++) {
				if (tries === MAX_ACCESS_CHECKS) return reject(socket, 503, 'Access is changing');
				check.stale = false;
				decision = await authorizeUpgrade(req, target, access, config.origin);
			}
		} catch (error) {
			console.error('sync: upgrade check failed', error);
			return reject(socket, 500, 'Could not check access');
		} finally {
			inWorkshop.delete(check);
			if (inWorkshop.size === 0) checking.delete(target.workshopId);
		}
		if (!decision.ok) return reject(socket, decision.status, decision.message);
		if (closing) return reject(socket, 503, 'Server is restarting');
		if (socket.destroyed) return;
		const name = docName(target.workshopId, target.kind);
		if ((roomCounts.get(name) ?? 0) >= config.maxConnectionsPerRoom) {
			return reject(socket, 503, 'This room is full');
		}
		changeCount(name, 1);
		let accepted = false;
		// If `ws` refuses the handshake itself (bad headers), give the slot back.
		socket.once('close', () => {
			if (!accepted) changeCount(name, -1);
		});
		const identity = decision.identity;
		wss.handleUpgrade(req, socket, head, (ws) => {
			accepted = true;
			accept(ws, identity, name);
		});
	}

	function accept(ws: WebSocket, identity: Identity, name: string): void {
		const connection = new Connection(
			ws,
			identity,
			{ maxBufferedBytes: config.maxBufferedBytes, maxQueuedBytes: config.maxMessageBytes * 4 },
			counters
		);
		connections.add(connection);
		let room: Room | null = null;
		let gone = false;
		ws.on('close', () => {
			gone = true;
			connections.delete(connection);
			changeCount(name, -1);
			if (room) {
				room.remove(connection);
				rooms.release(room);
			}
		});
		rooms.acquire(name).then(
			(loaded) => {
				if (gone || loaded.isDestroyed) {
					rooms.release(loaded);
					if (!gone) connection.close(CLOSE_TRY_AGAIN_LATER, 'room closed');
					return;
				}
				room = loaded;
				loaded.add(connection);
				connection.deliverTo((data) => {
					if (!closing) loaded.receive(connection, data);
				});
			},
			(error: unknown) => {
				console.error(`sync: loading ${name} failed`, error);
				connection.close(CLOSE_INTERNAL_ERROR, 'could not load this document');
			}
		);
	}

	/** Upgrades still being checked: their answer may predate what just changed. */
	function markChecking(workshopId?: string): void {
		const marked = workshopId ? [checking.get(workshopId) ?? []] : checking.values();
		for (const checks of marked) for (const check of checks) check.stale = true;
	}

	async function refreshMemberHere(workshopId: string, userId: string): Promise<void> {
		access.forgetMember(workshopId, userId);
		markChecking(workshopId);
		const affected = [...connections].filter(
			(c) => c.workshopId === workshopId && c.userId === userId
		);
		if (affected.length === 0) return;
		const role = await access.getRole(workshopId, userId);
		for (const connection of affected) {
			if (!role) connection.close(CLOSE_FORBIDDEN, 'removed from this workshop');
			else if (role !== connection.role) {
				connection.close(CLOSE_ROLE_CHANGED, 'your role in this workshop changed');
			}
		}
	}

	function closeSessionHere(sessionId: string): void {
		access.forgetSession(sessionId);
		markChecking();
		for (const connection of connections) {
			if (connection.sessionId === sessionId) connection.close(CLOSE_UNAUTHORIZED, 'signed out');
		}
	}

	/** Closes the workshop's sockets and forgets its rooms here, without writing. */
	async function closeWorkshopHere(workshopId: string): Promise<void> {
		access.forgetWorkshop(workshopId);
		markChecking(workshopId);
		for (const connection of connections) {
			if (connection.workshopId === workshopId) {
				connection.close(CLOSE_NOT_FOUND, 'this workshop was deleted');
			}
		}
		for (const kind of ['board', 'facilitation'] as const) {
			const room = rooms.get(docName(workshopId, kind));
			if (room) {
				await room.flush().catch(() => {});
				rooms.discard(room);
			}
		}
	}

	function runCommand(command: ClusterCommand): Promise<void> {
		switch (command.type) {
			case 'refresh-member':
				return refreshMemberHere(command.workshopId, command.userId);
			case 'close-session':
				return Promise.resolve(closeSessionHere(command.sessionId));
			case 'remove-workshop':
				return closeWorkshopHere(command.workshopId);
		}
	}

	relay?.onCommand((command) => {
		runCommand(command).catch((error: unknown) =>
			console.error(`sync: cluster command ${command.type} failed`, error)
		);
	});
	relay?.onResync(() => {
		for (const room of rooms.rooms()) void room.catchUp();
		access.forgetAll();
		markChecking();
		recheckHere().catch((error: unknown) =>
			console.error('sync: re-checking sockets after a relay gap failed', error)
		);
	});

	/**
	 * The relay may have dropped commands with the updates (Redis restarted, or this instance was
	 * cut off from it): a member removed, a role changed, a session ended or a workshop deleted
	 * elsewhere meanwhile. Each socket's workshop, role and session are read again from the
	 * store, which every instance changed before it sent the command, so nothing is missed.
	 */
	async function recheckHere(): Promise<void> {
		const open = [...connections];
		const workshops = new Set(open.map((c) => c.workshopId));
		const gone = new Set<string>();
		for (const workshopId of workshops) {
			if (!(await access.workshopExists(workshopId))) gone.add(workshopId);
		}
		for (const workshopId of gone) await closeWorkshopHere(workshopId);
		const members = new Map<string, { workshopId: string; userId: string }>();
		for (const c of open) {
			if (!gone.has(c.workshopId)) {
				members.set(`${c.workshopId}\n${c.userId}`, { workshopId: c.workshopId, userId: c.userId });
			}
		}
		for (const { workshopId, userId } of members.values()) {
			await refreshMemberHere(workshopId, userId);
		}
		const { sessionLive } = options;
		if (!sessionLive) return;
		for (const sessionId of new Set(open.map((c) => c.sessionId))) {
			if (!(await sessionLive(sessionId))) closeSessionHere(sessionId);
		}
	}

	/** Here, then on every other instance. */
	function everywhere(command: ClusterCommand): Promise<void> {
		relay?.command(command);
		return runCommand(command);
	}

	const heartbeat = setInterval(() => {
		for (const connection of connections) {
			if (!connection.alive) {
				connection.terminate();
				continue;
			}
			connection.alive = false;
			try {
				connection.ws.ping();
			} catch {
				connection.terminate();
			}
		}
	}, config.heartbeatMs);
	heartbeat.unref();

	return {
		handleUpgrade(req, socket, head) {
			const target = parseSyncPath(req.url);
			if (target === undefined) return false;
			socket.on('error', () => socket.destroy());
			if (target === null) {
				reject(socket, 404, 'No such room');
				return true;
			}
			void upgrade(req, socket, head, target);
			return true;
		},

		refreshMember(workshopId, userId) {
			return everywhere({ type: 'refresh-member', workshopId, userId });
		},

		closeSession(sessionId) {
			void everywhere({ type: 'close-session', sessionId });
		},

		sessionIds() {
			return new Set([...connections].map((c) => c.sessionId));
		},

		async removeWorkshop(workshopId) {
			await everywhere({ type: 'remove-workshop', workshopId });
			for (const kind of ['board', 'facilitation'] as const) {
				await docs.remove(docName(workshopId, kind));
			}
		},

		transact<T>(workshopId: string, kind: RoomKind, fn: (doc: Y.Doc) => T): Promise<T> {
			if (closing) return Promise.reject(new Error('The server is restarting'));
			return transactRoom(rooms, docName(workshopId, kind), fn);
		},

		readDoc<T>(workshopId: string, kind: RoomKind, fn: (doc: Y.Doc) => T): Promise<T> {
			return readRoom(rooms, docName(workshopId, kind), fn);
		},

		async close() {
			if (closing) return;
			closing = true;
			clearInterval(heartbeat);
			await rooms.flushAll();
			for (const connection of connections) {
				connection.close(CLOSE_SERVICE_RESTART, 'server restarting');
			}
			const deadline = Date.now() + SHUTDOWN_GRACE_MS;
			while (connections.size > 0 && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			for (const connection of connections) connection.terminate();
			rooms.destroyAll();
			wss.close();
		}
	};
}
