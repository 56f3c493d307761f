/**
 * Who is connected to the workshop's facilitation room now, one entry per person: presence in
 * that room carries each person's ready and hand-raised status (awareness `status: { ready, hand }`;
 * the server stamps the real `user`).
 */
import type { Awareness } from 'y-protocols/awareness';
import { ReactiveSnapshot } from '#lib/sync-client/reactive-snapshot.svelte.ts';

export type Status = { ready: boolean; hand: boolean };

export type Attendee = {
	clientId: number;
	userId: string;
	name: string;
	color: string;
	status: Status;
};

const readStatus = (value: unknown): Status => {
	const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<
		string,
		unknown
	>;
	return { ready: entry.ready === true, hand: entry.hand === true };
};

function readAttendees(awareness: Awareness | null): Attendee[] {
	const byUser = new Map<string, Attendee>();
	for (const [clientId, state] of awareness?.getStates() ?? new Map()) {
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
	return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export class Attendees {
	#awareness: Awareness | null = null;
	#snapshot = new ReactiveSnapshot(() => readAttendees(this.#awareness));

	/** Follows `awareness` until the returned function is called. */
	attach(awareness: Awareness): () => void {
		this.#awareness = awareness;
		awareness.on('change', this.#snapshot.changed);
		this.#snapshot.changed();
		return () => {
			awareness.off('change', this.#snapshot.changed);
			this.#awareness = null;
			this.#snapshot.changed();
		};
	}

	/** Everyone connected now, by name. */
	get list(): Attendee[] {
		return this.#snapshot.current;
	}
}
