/**
 * Which rooms are loaded. A room is loaded once however many clients connect
 * at the same instant (they share one promise), stays while anyone holds it,
 * and unloads — after a final flush — `idleMs` after the last holder lets
 * go. A holder arriving during that flush keeps the room. A load
 * that fails is forgotten, so the next connect tries again; nothing is written
 * for a room that never loaded.
 */
import type { Room } from './room.ts';

interface Entry {
	name: string;
	refs: number;
	room: Room | null;
	promise: Promise<Room>;
	idleTimer: ReturnType<typeof setTimeout> | null;
	unloading: Promise<void> | null;
}

export interface RegistryOptions {
	idleMs: number;
	/** Loads the room; runs once per (re)load. */
	load: (name: string) => Promise<Room>;
	/** Called after a room is destroyed, whether unloaded or discarded. */
	unloaded?: (room: Room) => void;
}

export class RoomRegistry {
	private entries = new Map<string, Entry>();
	private options: RegistryOptions;

	constructor(options: RegistryOptions) {
		this.options = options;
	}

	/** Loaded rooms (not those still loading). */
	get size(): number {
		let n = 0;
		for (const entry of this.entries.values()) if (entry.room) n++;
		return n;
	}

	rooms(): Room[] {
		return [...this.entries.values()].flatMap((e) => (e.room ? [e.room] : []));
	}

	get(name: string): Room | undefined {
		return this.entries.get(name)?.room ?? undefined;
	}

	/** Holds the room (loading it if needed) until the matching `release`. */
	acquire(name: string): Promise<Room> {
		const entry = this.entries.get(name) ?? this.startLoad(name);
		entry.refs++;
		if (entry.idleTimer) {
			clearTimeout(entry.idleTimer);
			entry.idleTimer = null;
		}
		return entry.promise;
	}

	private startLoad(name: string): Entry {
		const loading = this.options.load(name);
		const entry: Entry = {
			name,
			refs: 0,
			room: null,
			promise: loading,
			idleTimer: null,
			unloading: null
		};
		entry.promise = loading.then(
			(room) => {
				entry.room = room;
				return room;
			},
			(error: unknown) => {
				if (this.entries.get(name) === entry) this.entries.delete(name);
				throw error;
			}
		);
		this.entries.set(name, entry);
		return entry;
	}

	release(room: Room): void {
		const entry = this.entries.get(room.name);
		if (!entry || entry.room !== room) return;
		entry.refs = Math.max(0, entry.refs - 1);
		if (entry.refs > 0 || entry.idleTimer) return;
		entry.idleTimer = setTimeout(() => {
			entry.idleTimer = null;
			void this.unload(entry);
		}, this.options.idleMs);
		entry.idleTimer.unref();
	}

	/** Forgets the room at once, without writing: for a broken log or a deleted workshop. */
	discard(room: Room): void {
		const entry = this.entries.get(room.name);
		if (entry && entry.room === room) {
			if (entry.idleTimer) clearTimeout(entry.idleTimer);
			this.entries.delete(room.name);
		}
		this.finish(room);
	}

	/** Flushes every room, then destroys them all: for shutdown. */
	async flushAll(): Promise<void> {
		await Promise.allSettled(this.rooms().map((room) => room.flush()));
	}

	destroyAll(): void {
		for (const entry of this.entries.values()) {
			if (entry.idleTimer) clearTimeout(entry.idleTimer);
			if (entry.room) this.finish(entry.room);
		}
		this.entries.clear();
	}

	private unload(entry: Entry): Promise<void> {
		if (entry.unloading) return entry.unloading;
		entry.unloading = (async () => {
			const room = entry.room;
			if (!room || entry.refs > 0) return;
			try {
				// Only a flush: the log is already compacted whenever it passes the threshold.
				await room.flush();
			} catch (error) {
				console.error(`sync: final flush of ${room.name} failed`, error);
			}
			// Someone connected while we flushed: the room stays, fully usable.
			if (entry.refs > 0 || this.entries.get(entry.name) !== entry) return;
			this.entries.delete(entry.name);
			this.finish(room);
		})().finally(() => (entry.unloading = null));
		return entry.unloading;
	}

	private finish(room: Room): void {
		if (room.isDestroyed) return;
		room.destroy();
		this.options.unloaded?.(room);
	}
}
