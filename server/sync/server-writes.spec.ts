import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqlite } from '../store/sqlite/open.ts';
import { SqliteDocStore } from '../store/sqlite/docs.ts';
import { MESSAGE_SYNC } from '#lib/contracts/sync.ts';
import { WorkshopRoomPolicy } from '../workshop/room-policy.ts';
import { RoomRegistry } from './registry.ts';
import { Room, type Peer } from './room.ts';
import { readRoom, transactRoom } from './server-writes.ts';

function setup() {
	const store = new SqliteDocStore(openSqlite(':memory:'));
	let loads = 0;
	const rooms = new RoomRegistry({
		idleMs: 10,
		load: (name) => {
			loads++;
			return Room.load({
				store,
				name,
				kind: 'facilitation',
				batchMs: 0,
				compactThreshold: 100,
				maxAwarenessBytes: 8192,
				policy: new WorkshopRoomPolicy({ touchWorkshop: async () => {} })
			});
		}
	});
	return { store, rooms, loads: () => loads };
}

function listener(): Peer & { frames: Uint8Array[] } {
	const frames: Uint8Array[] = [];
	return {
		frames,
		sessionId: 's',
		userId: 'u',
		user: { id: 'u', name: 'U', color: '#000000' },
		role: 'participant',
		clientIds: new Set(),
		deniedNotified: false,
		send: (frame) => frames.push(frame),
		close() {}
	};
}

describe('server writes into rooms', () => {
	it('loads an idle room, commits the change, and leaves it to unload', async () => {
		const { store, rooms, loads } = setup();
		const value = await transactRoom(rooms, 'w1/facilitation', (doc) => {
			doc.getMap('state').set('phase', 'discuss');
			return 7;
		});
		expect(value).toBe(7);
		const stored = await store.load('w1/facilitation');
		const copy = new Y.Doc();
		for (const update of stored.updates) Y.applyUpdate(copy, update);
		expect(copy.getMap('state').get('phase')).toBe('discuss');
		expect(loads()).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(rooms.size).toBe(0);
	});

	it('broadcasts to connected clients only after committing', async () => {
		const { store, rooms } = setup();
		const room = await rooms.acquire('w2/facilitation');
		const peer = listener();
		room.add(peer);
		peer.frames.length = 0;
		let committedBeforeSend = false;
		const original = peer.send;
		peer.send = (frame) => {
			if (frame[0] === MESSAGE_SYNC) {
				void store
					.load('w2/facilitation')
					.then((s) => (committedBeforeSend = s.updates.length > 0));
			}
			original(frame);
		};
		await transactRoom(rooms, 'w2/facilitation', (doc) =>
			doc.transact(() => doc.getMap('votes').set('a', 2), 'server')
		);
		expect(peer.frames.length).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 5));
		expect(committedBeforeSend).toBe(true);
		expect(await readRoom(rooms, 'w2/facilitation', (doc) => doc.getMap('votes').get('a'))).toBe(2);
		rooms.release(room);
	});
});
