/**
 * One client socket: who it is, what it may do, and the limits that keep one
 * misbehaving client from hurting the process. Messages that arrive while the
 * room is still loading wait in a short queue; a client that cannot keep up
 * with what we send is closed (it re-syncs when it reconnects) rather than
 * letting its send buffer grow server memory.
 */
import type { WebSocket, RawData } from 'ws';
import type { MemberRole } from '#lib/contracts/roles.ts';
import {
	CLOSE_TRY_AGAIN_LATER,
	CLOSE_UNSUPPORTED_DATA,
	type RoomKind
} from '#lib/contracts/sync.ts';
import type { PresenceUser } from './awareness.ts';

export interface Identity {
	sessionId: string;
	workshopId: string;
	kind: RoomKind;
	readonly role: MemberRole;
	user: PresenceUser;
}

export interface ConnectionLimits {
	maxBufferedBytes: number;
	/** Bytes a client may send before its room has loaded. */
	maxQueuedBytes: number;
}

export interface ConnectionCounters {
	sent(bytes: number): void;
	received(bytes: number): void;
	closed(code: number): void;
}

/** How long a closing socket may take to finish its close handshake. */
const CLOSE_GRACE_MS = 1000;

let nextId = 1;

export class Connection {
	readonly id = nextId++;
	readonly ws: WebSocket;
	readonly sessionId: string;
	readonly workshopId: string;
	readonly kind: RoomKind;
	readonly user: PresenceUser;
	role: MemberRole;
	/** Awareness clientIDs this connection speaks for. */
	readonly clientIds = new Set<number>();
	/** Set by a pong or any message; cleared by each heartbeat. */
	alive = true;
	/** The client has been told once that its writes are refused. */
	deniedNotified = false;
	private limits: ConnectionLimits;
	private counters: ConnectionCounters;
	private handler: ((data: Uint8Array) => void) | null = null;
	private queue: Uint8Array[] = [];
	private queuedBytes = 0;
	private closing = false;

	constructor(
		ws: WebSocket,
		identity: Identity,
		limits: ConnectionLimits,
		counters: ConnectionCounters
	) {
		this.ws = ws;
		this.sessionId = identity.sessionId;
		this.workshopId = identity.workshopId;
		this.kind = identity.kind;
		this.role = identity.role;
		this.user = identity.user;
		this.limits = limits;
		this.counters = counters;
		ws.on('error', () => {
			// `ws` has already closed the socket with the right code (1002, 1007, 1009...).
		});
		ws.on('pong', () => (this.alive = true));
		ws.on('message', (data, isBinary) => this.receive(data, isBinary));
	}

	get userId(): string {
		return this.user.id;
	}

	get isOpen(): boolean {
		return !this.closing && this.ws.readyState === this.ws.OPEN;
	}

	/** Starts delivering messages, first those queued while the room loaded. */
	deliverTo(handler: (data: Uint8Array) => void): void {
		this.handler = handler;
		const queued = this.queue;
		this.queue = [];
		this.queuedBytes = 0;
		for (const data of queued) {
			if (this.closing) return;
			handler(data);
		}
	}

	send(data: Uint8Array): void {
		if (!this.isOpen) return;
		this.ws.send(data);
		this.sent(data.byteLength);
	}

	close(code: number, reason: string): void {
		if (this.closing) return;
		this.closing = true;
		this.counters.closed(code);
		if (this.ws.readyState === this.ws.CONNECTING || this.ws.readyState === this.ws.OPEN) {
			this.ws.close(code, reason);
		}
		// A client that never answers the close frame must not hold the socket.
		setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS).unref();
	}

	terminate(): void {
		this.closing = true;
		this.ws.terminate();
	}

	private sent(bytes: number): void {
		this.counters.sent(bytes);
		if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
			this.close(CLOSE_TRY_AGAIN_LATER, 'send buffer full');
		}
	}

	private receive(raw: RawData, isBinary: boolean): void {
		if (this.closing) return;
		this.alive = true;
		if (!isBinary) return this.close(CLOSE_UNSUPPORTED_DATA, 'binary messages only');
		const data = raw as Buffer;
		this.counters.received(data.byteLength);
		if (this.handler) return this.handler(data);
		this.queuedBytes += data.byteLength;
		if (this.queuedBytes > this.limits.maxQueuedBytes) {
			return this.close(CLOSE_TRY_AGAIN_LATER, 'too much data before the room loaded');
		}
		this.queue.push(data);
	}
}
