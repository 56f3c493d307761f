/**
 * The facilitation document as the browser sees it, plus everything a screen does with it.
 *
 * The document comes from the `facilitation` room over the standard y-websocket client. Only the
 * facilitator's writes are kept by the server; everyone else reads. Presence in this room carries
 * each person's ready and hand-raised status (awareness: `status: { ready, hand }`; the server
 * stamps the real `user`). Reads are snapshots (`readFacilitation`), rebuilt on the first read
 * after a change while something renders them (`createSubscriber`). Private things (my
 * proposals, my votes) and server-side steps (reveal, adopt, publish, consent) go through the
 * JSON endpoints under /w/<id>/facilitation.
 *
 * Times in the document are server time: `now` is this browser's clock corrected by an offset
 * measured against `/facilitation/time`, so a timer reads the same on every screen.
 */
import { createContext } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { onPermissionDenied } from '#lib/board-client/connect.ts';
import type { RowEdit } from '#lib/board/index.ts';
import type {
	AdoptResponse,
	ClockReading,
	ConsentList,
	MyProposal,
	MyVotes,
	PublishResult,
	StartRoundResponse
} from '#lib/contracts/facilitation-api.ts';
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
	setVoteBudget,
	unmarkAgreed,
	type ConsentDecision,
	type FacilitationSnapshot
} from '#lib/facilitation/facilitation-doc.ts';
import type { PhaseId } from '#lib/facilitation/phases.ts';
import type { ProposalCells } from '#lib/facilitation/proposals.ts';
import {
	addMinute,
	estimateOffset,
	pause,
	reset,
	setDuration,
	start,
	type ClockSample,
	type TimerState
} from '#lib/facilitation/timer.ts';

export type Self = { id: string; name: string; color: string; role: MemberRole };

export type Status = { ready: boolean; hand: boolean };

export type Attendee = {
	clientId: number;
	userId: string;
	name: string;
	color: string;
	status: Status;
};

/** A refused request, with the server's message. */
export class RequestError extends Error {
	status: number;
	constructor(status: number, message: string) {
		super(message);
		this.status = status;
	}
}

const readStatus = (value: unknown): Status => {
	const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<
		string,
		unknown
	>;
	return { ready: entry.ready === true, hand: entry.hand === true };
};

export class FacilitationState {
	readonly workshopId: string;
	readonly self: Self;
	readonly doc = new Y.Doc();
	/** This tab's transaction origin. */
	readonly origin = { source: 'drawline-facilitation-tab' };
	readonly isFacilitator: boolean;

	/** True once the first sync with the server completed. */
	synced = $state(false);
	/** Set when the server ended this connection for good (removed, signed out, deleted). */
	closedReason: string | null = $state(null);
	/** Milliseconds to add to `Date.now()` to get server time. */
	offset = $state(0);
	status: Status = $state({ ready: false, hand: false });
	/** My votes, as the server last told me. */
	myVotes: MyVotes | null = $state(null);

	#provider: WebsocketProvider | null = null;
	#version = 0;
	#cache: { version: number; snapshot: FacilitationSnapshot } | null = null;
	#subscribe: () => void;
	#awarenessVersion = 0;
	#attendees: { version: number; list: Attendee[] } | null = null;
	#subscribeAwareness: () => void;
	#notifyAwareness: (() => void) | null = null;
	#tick: () => void;
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
		if (options.initialState) Y.applyUpdate(this.doc, options.initialState, 'server-render');
		this.doc.on('update', () => this.#version++);
		this.#subscribe = createSubscriber((changed) => {
			this.doc.on('update', changed);
			return () => this.doc.off('update', changed);
		});
		this.#subscribeAwareness = createSubscriber((changed) => {
			this.#notifyAwareness = changed;
			return () => (this.#notifyAwareness = null);
		});
		this.#tick = createSubscriber((changed) => {
			const timer = setInterval(changed, 250);
			return () => clearInterval(timer);
		});
	}

	get snapshot(): FacilitationSnapshot {
		this.#subscribe();
		if (this.#cache?.version !== this.#version) {
			this.#cache = { version: this.#version, snapshot: readFacilitation(this.doc) };
		}
		return this.#cache.snapshot;
	}

	/** Server time, updated four times a second while something shows it. */
	get now(): number {
		this.#tick();
		return Date.now() + this.offset;
	}

	/** Everyone connected to the workshop now, one entry per person (their first tab). */
	get attendees(): Attendee[] {
		this.#subscribeAwareness();
		if (this.#attendees?.version === this.#awarenessVersion) return this.#attendees.list;
		const byUser = new Map<string, Attendee>();
		const states = this.#provider?.awareness.getStates() ?? new Map();
		for (const [clientId, state] of states) {
			const user = (state as Record<string, unknown>).user as Record<string, unknown> | undefined;
			if (!user || typeof user.id !== 'string') continue;
			const entry: Attendee = {
				clientId,
				userId: user.id,
				name: typeof user.name === 'string' ? user.name : '',
				color: typeof user.color === 'string' ? user.color : '#556274',
				status: readStatus((state as Record<string, unknown>).status)
			};
			const previous = byUser.get(user.id);
			// Several tabs of one person: raised in any tab counts.
			if (previous) {
				previous.status = {
					ready: previous.status.ready || entry.status.ready,
					hand: previous.status.hand || entry.status.hand
				};
			} else byUser.set(user.id, entry);
		}
		const list = [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
		this.#attendees = { version: this.#awarenessVersion, list };
		return list;
	}

	/** Connects to the room and the clock; returns the function that disconnects. */
	start(): () => void {
		const provider = new WebsocketProvider(
			syncServerUrl(location, this.workshopId),
			'facilitation',
			this.doc,
			{
				disableBc: true,
				maxBackoffTime: 5000
			}
		);
		onPermissionDenied(provider, () => this.#onAccessChanged?.());
		this.#provider = provider;
		const publishStatus = () =>
			provider.awareness.setLocalState({
				user: { id: this.self.id, name: this.self.name, color: this.self.color },
				status: $state.snapshot(this.status)
			});
		publishStatus();
		const onAwareness = () => {
			this.#awarenessVersion++;
			this.#notifyAwareness?.();
		};
		const onSync = (synced: boolean) => {
			if (synced) {
				this.synced = true;
				void this.measureClock();
			}
		};
		const onClosed = ({ code, reason }: { code: number; reason: string }) => {
			this.closedReason = closeMessage(code, reason);
		};
		// y-websocket reconnects by itself; the page must reload to show what the new role may do.
		const onConnectionClose = (event: CloseEvent | null) => {
			if (event?.code === CLOSE_ROLE_CHANGED) this.#onAccessChanged?.();
		};
		provider.awareness.on('change', onAwareness);
		provider.on('sync', onSync);
		provider.on('closed', onClosed);
		provider.on('connection-close', onConnectionClose);
		const onUnload = () => provider.awareness.setLocalState(null);
		window.addEventListener('pagehide', onUnload);
		this.#publishStatus = publishStatus;
		return () => {
			window.removeEventListener('pagehide', onUnload);
			provider.awareness.off('change', onAwareness);
			provider.off('sync', onSync);
			provider.off('closed', onClosed);
			provider.off('connection-close', onConnectionClose);
			provider.awareness.setLocalState(null);
			provider.destroy();
			this.#provider = null;
			this.#publishStatus = null;
		};
	}

	#publishStatus: (() => void) | null = null;

	setStatus(change: Partial<Status>): void {
		this.status = { ...this.status, ...change };
		this.#publishStatus?.();
	}

	/** Measures the server clock offset from a few round trips; the quickest one wins. */
	async measureClock(rounds = 3): Promise<void> {
		const samples: ClockSample[] = [];
		for (let i = 0; i < rounds; i++) {
			const sentAt = Date.now();
			try {
				const response = await fetch(`/w/${this.workshopId}/facilitation/time`, {
					cache: 'no-store',
					headers: { accept: 'application/json' }
				});
				if (!response.ok) continue;
				const { now } = (await response.json()) as ClockReading;
				samples.push({ sentAt, serverNow: now, receivedAt: Date.now() });
			} catch {
				// Offline: keep the last offset.
			}
		}
		if (samples.length > 0) this.offset = estimateOffset(samples);
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
		this.#write((doc) => setTimer(doc, this.origin, update(this.snapshot.timer, this.now)));
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
		this.#write((doc) => setFollow(doc, this.origin, cardId, this.now));
	}

	markAgreed(cardId: string, edit: RowEdit | null): void {
		this.#write((doc) =>
			markAgreed(
				doc,
				this.origin,
				{ id: this.self.id, name: this.self.name },
				cardId,
				edit,
				this.now
			)
		);
	}

	unmarkAgreed(cardId: string): void {
		this.#write((doc) => unmarkAgreed(doc, this.origin, cardId));
	}

	setVoteBudget(budget: number): void {
		this.#write((doc) => setVoteBudget(doc, this.origin, budget));
	}

	// ---- Server steps -------------------------------------------------------------------------

	async request<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`/w/${this.workshopId}/facilitation/${path}`, {
			method,
			headers: {
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await response.text();
		let parsed: unknown = null;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			parsed = null;
		}
		if (!response.ok) {
			const message =
				(parsed as { message?: string } | null)?.message ??
				`The server refused this (${response.status}).`;
			throw new RequestError(response.status, message);
		}
		return parsed as T;
	}

	startRound(named: boolean) {
		return this.request<StartRoundResponse>('POST', 'round', { named });
	}
	reveal() {
		return this.request('POST', 'reveal');
	}
	adoptMajority(cardId: string, roleId?: string) {
		return this.request<AdoptResponse>('POST', 'adopt', {
			cardId,
			...(roleId ? { roleId } : {})
		});
	}
	publish() {
		return this.request<PublishResult>('POST', 'publish');
	}
	loadMyProposal() {
		return this.request<MyProposal>('GET', 'proposals');
	}
	saveMyProposal(cells: ProposalCells) {
		return this.request<MyProposal>('PUT', 'proposals', { cells });
	}
	async loadMyVotes(): Promise<MyVotes> {
		this.myVotes = await this.request<MyVotes>('GET', 'votes');
		return this.myVotes;
	}
	async vote(cardId: string, delta: 1 | -1): Promise<MyVotes> {
		this.myVotes = await this.request<MyVotes>('POST', 'votes', { cardId, delta });
		return this.myVotes;
	}
	async clearVotes(): Promise<void> {
		await this.request('DELETE', 'votes');
		await this.loadMyVotes();
	}
	consent(version: number, decision: ConsentDecision, comment: string) {
		return this.request('POST', 'consent', { version, decision, comment });
	}
	loadConsents(version: number) {
		return this.request<ConsentList>('GET', `consent?v=${version}`);
	}
}

export const [getFacilitation, setFacilitation] = createContext<FacilitationState>();
