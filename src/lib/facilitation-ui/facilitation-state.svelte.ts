/**
 * The facilitation room as the browser sees it: the document from the `facilitation` room over
 * the standard y-websocket client, this person's presence there, and the facilitator's writes.
 * Only the facilitator's writes are kept by the server; everyone else reads. Reads are snapshots
 * (`readFacilitation`), rebuilt on the first read after a change while something renders them.
 *
 * Beside it: who is here (`attendees`), server time (`clock`), and the typed client of the
 * facilitation HTTP API (`client`) for private things (my proposals, my votes) and the steps the
 * server takes (reveal, adopt, publish, consent).
 */
import { createContext } from 'svelte';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { onPermissionDenied } from '#lib/board-client/connect.ts';
import type { RowEdit } from '#lib/board/index.ts';
import type { MyVotes } from '#lib/contracts/facilitation-api.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';
import { CLOSE_ROLE_CHANGED, closeMessage, syncServerUrl } from '#lib/contracts/sync.ts';
import {
	markAgreed,
	readFacilitation,
	setFollow,
	setLocked,
	setPhase,
	setSpotlight,
	setTimer,
	setQueueOrder,
	setVoteBudget,
	unmarkAgreed,
	type FacilitationSnapshot
} from '#lib/facilitation/facilitation-doc.ts';
import type { PhaseId } from '#lib/facilitation/phases.ts';
import type { QueueOrder } from '#lib/facilitation/queue.ts';
import {
	addMinute,
	pause,
	reset,
	setDuration,
	start,
	type TimerState
} from '#lib/facilitation/timer.ts';
import { ReactiveSnapshot } from '#lib/sync-client/reactive-snapshot.svelte.ts';
import { Attendees, type Status } from './attendees.svelte.ts';
import { FacilitationClient } from './facilitation-client.ts';
import { ServerClock } from './server-clock.svelte.ts';

export type Self = { id: string; name: string; color: string; role: MemberRole };

export class FacilitationState {
	readonly workshopId: string;
	readonly self: Self;
	readonly doc = new Y.Doc();
	/** This tab's transaction origin. */
	readonly origin = { source: 'drawline-facilitation-tab' };
	readonly isFacilitator: boolean;
	readonly client: FacilitationClient;
	readonly clock: ServerClock;
	readonly attendees = new Attendees();

	/** True once the first sync with the server completed. */
	synced = $state(false);
	/** Set when the server ended this connection for good (removed, signed out, deleted). */
	closedReason: string | null = $state(null);
	status: Status = $state({ ready: false, hand: false });
	/** My votes, as the server last told me. */
	myVotes: MyVotes | null = $state(null);

	#snapshot = new ReactiveSnapshot(() => readFacilitation(this.doc));
	#publishStatus: (() => void) | null = null;
	#onAccessChanged: (() => void) | undefined;

	constructor(options: {
		workshopId: string;
		self: Self;
		initialState?: Uint8Array | null;
		/** The server refused a write to this room, or reconnects us because our role changed. */
		onAccessChanged?: () => void;
	}) {
		this.workshopId = options.workshopId;
		this.#onAccessChanged = options.onAccessChanged;
		this.self = options.self;
		this.isFacilitator = options.self.role === 'facilitator';
		this.client = new FacilitationClient(options.workshopId);
		this.clock = new ServerClock(this.client);
		if (options.initialState) Y.applyUpdate(this.doc, options.initialState, 'server-render');
		this.doc.on('update', this.#snapshot.changed);
	}

	get snapshot(): FacilitationSnapshot {
		return this.#snapshot.current;
	}

	/** Connects to the room and the clock; returns the function that disconnects. */
	start(): () => void {
		const provider = new WebsocketProvider(
			syncServerUrl(location, this.workshopId),
			'facilitation',
			this.doc,
			{ disableBc: true, maxBackoffTime: 5000 }
		);
		onPermissionDenied(provider, () => this.#onAccessChanged?.());
		const publishStatus = () =>
			provider.awareness.setLocalState({
				user: { id: this.self.id, name: this.self.name, color: this.self.color },
				status: $state.snapshot(this.status)
			});
		publishStatus();
		const stopAttendees = this.attendees.attach(provider.awareness);
		const onSync = (synced: boolean) => {
			if (synced) {
				this.synced = true;
				void this.clock.measure();
			}
		};
		const onClosed = ({ code, reason }: { code: number; reason: string }) => {
			this.closedReason = closeMessage(code, reason);
		};
		// y-websocket reconnects by itself; the page must reload to show what the new role may do.
		const onConnectionClose = (event: CloseEvent | null) => {
			if (event?.code === CLOSE_ROLE_CHANGED) this.#onAccessChanged?.();
		};
		provider.on('sync', onSync);
		provider.on('closed', onClosed);
		provider.on('connection-close', onConnectionClose);
		const onUnload = () => provider.awareness.setLocalState(null);
		window.addEventListener('pagehide', onUnload);
		this.#publishStatus = publishStatus;
		return () => {
			window.removeEventListener('pagehide', onUnload);
			stopAttendees();
			provider.off('sync', onSync);
			provider.off('closed', onClosed);
			provider.off('connection-close', onConnectionClose);
			provider.awareness.setLocalState(null);
			provider.destroy();
			this.#publishStatus = null;
		};
	}

	setStatus(change: Partial<Status>): void {
		this.status = { ...this.status, ...change };
		this.#publishStatus?.();
	}

	// ---- Facilitator: writes to the facilitation document -------------------------------------

	#write(change: (doc: Y.Doc) => void): void {
		if (!this.isFacilitator) return;
		change(this.doc);
	}

	setPhase(phase: PhaseId): void {
		this.#write((doc) => setPhase(doc, this.origin, phase));
	}

	#timer(update: (timer: TimerState, now: number) => TimerState): void {
		this.#write((doc) => setTimer(doc, this.origin, update(this.snapshot.timer, this.clock.now)));
	}

	startTimer(): void {
		this.#timer(start);
	}
	pauseTimer(): void {
		this.#timer(pause);
	}
	addMinute(): void {
		this.#timer(addMinute);
	}
	resetTimer(): void {
		this.#timer((timer) => reset(timer));
	}
	setTimerMinutes(minutes: number): void {
		this.#timer((timer) => setDuration(timer, minutes * 60_000));
	}

	setLocked(locked: boolean): void {
		this.#write((doc) => setLocked(doc, this.origin, locked));
	}

	spotlight(cardId: string | null): void {
		this.#write((doc) => setSpotlight(doc, this.origin, cardId));
	}

	bringEveryoneTo(cardId: string | null): void {
		this.#write((doc) => setFollow(doc, this.origin, cardId, this.clock.now));
	}

	markAgreed(cardId: string, edit: RowEdit | null): void {
		this.#write((doc) =>
			markAgreed(
				doc,
				this.origin,
				{ id: this.self.id, name: this.self.name },
				cardId,
				edit,
				this.clock.now
			)
		);
	}

	unmarkAgreed(cardId: string): void {
		this.#write((doc) => unmarkAgreed(doc, this.origin, cardId));
	}

	setVoteBudget(budget: number): void {
		this.#write((doc) => setVoteBudget(doc, this.origin, budget));
	}

	setQueueOrder(order: QueueOrder): void {
		this.#write((doc) => setQueueOrder(doc, this.origin, order));
	}

	// ---- My votes ------------------------------------------------------------------------------

	async loadMyVotes(): Promise<MyVotes> {
		this.myVotes = await this.client.loadMyVotes();
		return this.myVotes;
	}

	async vote(cardId: string, delta: 1 | -1): Promise<MyVotes> {
		this.myVotes = await this.client.vote(cardId, delta);
		return this.myVotes;
	}

	/** Gives everyone their votes back (facilitator). */
	async clearVotes(): Promise<void> {
		await this.client.clearVotes();
		await this.loadMyVotes();
	}
}

export const [getFacilitation, setFacilitation] = createContext<FacilitationState>();
