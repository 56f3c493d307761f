import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqlite } from '../store/sqlite/open.ts';
import { SqliteDocStore } from '../store/sqlite/docs.ts';
import type { DocStore } from '../store/docs.ts';
import { WorkshopRoomPolicy } from '../workshop/room-policy.ts';
import { RoomRegistry } from './registry.ts';
import { Room } from './room.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(options: { idleMs?: number; store?: DocStore; slowLoadMs?: number } = {}) {
	const store = options.store ?? new SqliteDocStore(openSqlite(':memory:'));
	const loads: string[] = [];
	const unloaded: string[] = [];
	const registry = new RoomRegistry({
		idleMs: options.idleMs ?? 10,
		async load(name) {
			loads.push(name);
			if (options.slowLoadMs) await wait(options.slowLoadMs);
			return Room.load({
				store,
				name,
				kind: 'board',
				batchMs: 0,
				compactThreshold: 100,
				maxAwarenessBytes: 8192,
				policy: new WorkshopRoomPolicy({ touchWorkshop: async () => {} })
			});
		},
		unloaded: (room) => unloaded.push(room.name)
	});
	return { registry, store, loads, unloaded };
}

describe('RoomRegistry', () => {
	it('loads a room once for twenty holders arriving while it loads', async () => {
		const { registry, loads } = setup({ slowLoadMs: 20 });
		const rooms = await Promise.all(Array.from({ length: 20 }, () => registry.acquire('w/board')));
		expect(loads).toEqual(['w/board']);
		expect(new Set(rooms).size).toBe(1);
		expect(registry.size).toBe(1);
	});

	it('unloads after the last holder leaves, with a final flush', async () => {
		const { registry, store, unloaded } = setup({ idleMs: 10 });
		const room = await registry.acquire('w/board');
		room.doc.getText('t').insert(0, 'written just before leaving');
		registry.release(room);
		expect(registry.size).toBe(1);
		await wait(60);
		expect(unloaded).toEqual(['w/board']);
		expect(registry.size).toBe(0);
		const stored = await store.load('w/board');
		const copy = new Y.Doc();
		for (const u of stored.updates) Y.applyUpdate(copy, u);
		expect(copy.getText('t').toString()).toBe('written just before leaving');
	});

	it('keeps the room when someone arrives before it unloads', async () => {
		const { registry, loads } = setup({ idleMs: 20 });
		const room = await registry.acquire('w/board');
		registry.release(room);
		await wait(5);
		expect(await registry.acquire('w/board')).toBe(room);
		await wait(50);
		expect(loads).toHaveLength(1);
		expect(room.isDestroyed).toBe(false);
	});

	it('forgets a failed load so the next holder retries, and writes nothing', async () => {
		const inner = new SqliteDocStore(openSqlite(':memory:'));
		let fail = true;
		let appends = 0;
		const store: DocStore = {
			shared: false,
			load: async (doc) => {
				if (fail) throw new Error('database unavailable');
				return inner.load(doc);
			},
			append: async (doc, after, updates) => {
				appends++;
				return inner.append(doc, after, updates);
			},
			compact: (doc, merged, upto) => inner.compact(doc, merged, upto),
			remove: (doc) => inner.remove(doc)
		};
		const { registry, loads } = setup({ store });
		const attempts = await Promise.allSettled([
			registry.acquire('w/board'),
			registry.acquire('w/board')
		]);
		expect(attempts.map((a) => a.status)).toEqual(['rejected', 'rejected']);
		expect(registry.size).toBe(0);
		fail = false;
		await registry.acquire('w/board');
		expect(loads).toHaveLength(2);
		expect(appends).toBe(0);
	});
});
