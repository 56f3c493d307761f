/**
 * Presence policy: who may say what in a room's awareness.
 *
 * An awareness update is a list of (clientID, clock, JSON state). A connection
 * may only speak for its own user: a state whose `user.id` names someone else
 * is dropped, and every accepted state gets its `user` field replaced by the
 * server-side profile (id, display name, colour), so nobody can pose under
 * another name. A clientID held by another live connection is dropped too,
 * even the same user's (two tabs each keep their own presence: y-websocket
 * clients echo every state they hear, and taking an echo as a claim would move
 * one tab's clientID to the other). Each connection controls at most a few
 * clientIDs, and a state larger than the configured cap is dropped, so
 * presence cannot grow without bound.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export interface AwarenessEntry {
	clientID: number;
	clock: number;
	/** null removes the client's state. */
	state: Record<string, unknown> | null;
}

export interface PresenceUser {
	id: string;
	name: string;
	color: string;
}

/** One browser tab is one clientID; a handful leaves room for reconnects. */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;

/** Throws on bytes that are not an awareness update. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: AwarenessEntry[] = [];
	for (let i = 0; i < count; i++) {
		const clientID = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const state: unknown = JSON.parse(decoding.readVarString(decoder));
		if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
			throw new Error('awareness state must be an object or null');
		}
		entries.push({ clientID, clock, state: state as Record<string, unknown> | null });
	}
	if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
	return entries;
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientID);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, JSON.stringify(entry.state));
	}
	return encoding.toUint8Array(encoder);
}

function claimedUserId(state: Record<string, unknown>): unknown {
	const user = state.user;
	if (user && typeof user === 'object' && 'id' in user) return (user as { id: unknown }).id;
	return undefined;
}

export interface AwarenessSender {
	/** The connection's user: the profile stamped into its states. */
	user: PresenceUser;
	/** The clientIDs this connection already controls. */
	held: ReadonlySet<number>;
	/** True when another connection in the room controls `clientID`. */
	heldElsewhere: (clientID: number) => boolean;
	/** Largest state relayed, in bytes of JSON, profile included. */
	maxStateBytes: number;
}

/** Keeps the entries this connection may send, with the server's profile stamped in. */
export function filterAwareness(
	entries: AwarenessEntry[],
	sender: AwarenessSender
): AwarenessEntry[] {
	const { user, held } = sender;
	const accepted: AwarenessEntry[] = [];
	let count = held.size;
	for (const entry of entries) {
		if (sender.heldElsewhere(entry.clientID)) continue;
		if (!held.has(entry.clientID)) {
			if (entry.state === null || count >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
			count++;
		}
		if (entry.state === null) {
			accepted.push(entry);
			continue;
		}
		const claimed = claimedUserId(entry.state);
		if (claimed !== undefined && claimed !== user.id) continue;
		const state = { ...entry.state, user: { id: user.id, name: user.name, color: user.color } };
		if (Buffer.byteLength(JSON.stringify(state)) > sender.maxStateBytes) continue;
		accepted.push({ clientID: entry.clientID, clock: entry.clock, state });
	}
	return accepted;
}
