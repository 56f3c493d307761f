/**
 * Who else is on the board, and where: y-protocols awareness, one state per open tab.
 *
 * Local state fields:
 *   user      { id, name, color }: the server drops a state whose `user.id` is not the
 *             connection's own user and replaces `user` with the server-side profile, so names
 *             and colours of others can be trusted and a role cannot be smuggled in there
 *   role      the workshop role this tab believes it has (display only; the member list loaded
 *             with the page wins)
 *   focus     { cardId?, roleId? }: the cell, card, row or column this tab has focused
 *   dragging  { kind, id }: what this tab is dragging
 */
import type { Awareness } from 'y-protocols/awareness';
import { isMemberRole, type MemberRole } from '#lib/contracts/roles.ts';
import { ReactiveSnapshot } from '#lib/sync-client/reactive-snapshot.svelte.ts';

export type Focus = { cardId?: string; roleId?: string };

export type Dragging = { kind: 'card' | 'row' | 'role'; id: string };

export type Member = { id: string; name: string; color: string; role: MemberRole };

export type Peer = {
	clientId: number;
	userId: string;
	name: string;
	color: string;
	role: MemberRole | null;
	focus: Focus | null;
	dragging: Dragging | null;
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const readFocus = (value: unknown): Focus | null => {
	if (typeof value !== 'object' || value === null) return null;
	const { cardId, roleId } = value as Record<string, unknown>;
	const focus: Focus = {};
	if (typeof cardId === 'string') focus.cardId = cardId;
	if (typeof roleId === 'string') focus.roleId = roleId;
	return focus.cardId || focus.roleId ? focus : null;
};

const readDragging = (value: unknown): Dragging | null => {
	if (typeof value !== 'object' || value === null) return null;
	const { kind, id } = value as Record<string, unknown>;
	if ((kind === 'card' || kind === 'row' || kind === 'role') && typeof id === 'string') {
		return { kind, id };
	}
	return null;
};

export class PresenceState {
	#awareness: Awareness | null = null;
	#focus: Focus | null = null;
	#members: Map<string, Member>;
	#self: Member;
	#peers = new ReactiveSnapshot(() => this.#readPeers());

	constructor(self: Member, members: Member[]) {
		this.#self = self;
		this.#members = new Map(members.map((member) => [member.id, member]));
	}

	/** Starts publishing this tab's presence; returns the function that stops it. */
	attach(awareness: Awareness): () => void {
		this.#awareness = awareness;
		awareness.setLocalState({
			user: { id: this.#self.id, name: this.#self.name, color: this.#self.color },
			role: this.#self.role,
			// A link rebuilt (say after a refused write) keeps showing what this tab looks at.
			focus: this.#focus,
			dragging: null
		});
		const changed = this.#peers.changed;
		awareness.on('change', changed);
		changed();
		return () => {
			awareness.off('change', changed);
			// Only the link still attached stops being published to; a newer one carries on.
			if (this.#awareness === awareness) this.#awareness = null;
			changed();
		};
	}

	/** Other tabs on this board, this user's other tabs included, by name. */
	get peers(): Peer[] {
		return this.#peers.current;
	}

	#readPeers(): Peer[] {
		const awareness = this.#awareness;
		const peers: Peer[] = [];
		awareness?.getStates().forEach((state, clientId) => {
			if (clientId === awareness.clientID) return;
			const user = state.user as Record<string, unknown> | undefined;
			const userId = text(user?.id);
			if (!userId) return;
			const member = this.#members.get(userId);
			const claimed = text(state.role);
			peers.push({
				clientId,
				userId,
				name: text(user?.name) || member?.name || 'Someone',
				color: text(user?.color) || member?.color || '#556274',
				role: member?.role ?? (isMemberRole(claimed) ? claimed : null),
				focus: readFocus(state.focus),
				dragging: readDragging(state.dragging)
			});
		});
		peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
		return peers;
	}

	/**
	 * Everyone here, once per person and this user first, then the members who are not on the
	 * board right now.
	 */
	get people(): (Member & { self: boolean; online: boolean })[] {
		const seen = new Set([this.#self.id]);
		const people = [{ ...this.#self, self: true, online: true }];
		for (const peer of this.peers) {
			if (seen.has(peer.userId)) continue;
			seen.add(peer.userId);
			people.push({
				id: peer.userId,
				name: peer.name,
				color: peer.color,
				role: peer.role ?? 'participant',
				self: false,
				online: true
			});
		}
		for (const member of this.#members.values()) {
			if (seen.has(member.id)) continue;
			people.push({ ...member, self: false, online: false });
		}
		return people;
	}

	/** How many people have the board open, this user included. */
	get onlineCount(): number {
		return new Set([this.#self.id, ...this.peers.map((peer) => peer.userId)]).size;
	}

	get self(): Member {
		return this.#self;
	}

	setFocus(focus: Focus | null): void {
		const current = readFocus(this.#awareness?.getLocalState()?.focus);
		this.#focus = focus;
		if (current?.cardId === focus?.cardId && current?.roleId === focus?.roleId) return;
		this.#awareness?.setLocalStateField('focus', focus);
	}

	setDragging(dragging: Dragging | null): void {
		this.#awareness?.setLocalStateField('dragging', dragging);
	}
}
