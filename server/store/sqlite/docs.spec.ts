import { describe, it, expect } from 'vitest';
import { openSqlite } from './open.ts';
import { SqliteDocStore } from './docs.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('SqliteDocStore', () => {
	it('loads snapshot then tail, and compaction keeps rows appended after the cut', async () => {
		const store = new SqliteDocStore(openSqlite(':memory:'));
		expect(await store.load('w/board')).toEqual({ updates: [], seq: 0, tailLength: 0 });

		await store.append('w/board', [bytes(1), bytes(2)]);
		const seq = await store.append('w/board', [bytes(3)]);
		expect(seq).toBe(3);
		await store.append('w/board', [bytes(4)]);
		await store.compact('w/board', bytes(9), seq);

		const loaded = await store.load('w/board');
		expect(loaded.updates.map((u) => Array.from(u))).toEqual([[9], [4]]);
		expect(loaded).toMatchObject({ seq: 4, tailLength: 1 });
		expect(await store.append('w/board', [bytes(5)])).toBe(5);
	});

	it('numbers on from the snapshot when compaction left no tail, and from 1 after removal', async () => {
		const store = new SqliteDocStore(openSqlite(':memory:'));
		const seq = await store.append('w/board', [bytes(1), bytes(2), bytes(3)]);
		await store.append('v/board', [bytes(7)]);
		await store.compact('w/board', bytes(9), seq);
		expect(await store.load('w/board')).toMatchObject({ seq: 3, tailLength: 0 });
		expect(await store.append('w/board', [])).toBe(3);
		expect(await store.append('w/board', [bytes(4)])).toBe(4);
		await store.remove('w/board');
		expect(await store.append('w/board', [bytes(5)])).toBe(1);
		expect(await store.append('v/board', [bytes(8)])).toBe(2);
	});

	it('keeps documents apart and removes one without touching the other', async () => {
		const store = new SqliteDocStore(openSqlite(':memory:'));
		await store.append('a/board', [bytes(1)]);
		await store.append('b/board', [bytes(2)]);
		await store.remove('a/board');
		expect((await store.load('a/board')).updates).toEqual([]);
		expect((await store.load('b/board')).updates.map((u) => Array.from(u))).toEqual([[2]]);
	});
});
