/**
 * Changes the server itself makes to a live document (a reveal's results, vote totals, the
 * published phase, letters adopted from the majority) and reads of its current state. A write
 * goes through the room like a client's update: the room is loaded if nobody has it open, the
 * change is committed to the store, and only then broadcast to every connected client. Holding
 * the room while doing so keeps it from unloading halfway.
 */
import type * as Y from 'yjs';
import type { Room } from './room.ts';

export interface RoomHolder {
	acquire(name: string): Promise<Room>;
	release(room: Room): void;
}

/** Runs `fn` on the room's live document and resolves once what it changed is committed. */
export async function transactRoom<T>(
	rooms: RoomHolder,
	name: string,
	fn: (doc: Y.Doc) => T
): Promise<T> {
	const room = await rooms.acquire(name);
	try {
		if (room.isDestroyed) throw new Error(`${name} is closed`);
		const result = fn(room.doc);
		await room.flush();
		return result;
	} finally {
		rooms.release(room);
	}
}

/** Runs `fn` on the room's current document; `fn` must only read. */
export async function readRoom<T>(
	rooms: RoomHolder,
	name: string,
	fn: (doc: Y.Doc) => T
): Promise<T> {
	const room = await rooms.acquire(name);
	try {
		if (room.isDestroyed) throw new Error(`${name} is closed`);
		return fn(room.doc);
	} finally {
		rooms.release(room);
	}
}
