import { describe, it, expect } from 'vitest';
import { openSqlite } from './open.ts';
import { SqliteDocStore } from './docs.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const rows = async (store: SqliteDocStore, doc: string) =>
	(await store.load(doc)).updates.map((u) => Array.from(u));

describe('SqliteDocStore', () => {
	it('loads snapshot then tail, and compaction keeps rows appended after the cut', async () => {
		const store = new SqliteDocStore(openSqlite(':memory:'));
		expect(await store.load('w/board')).toEqual({ updates: [], seq: 0, tailLength: 0 });

		expect(await store.append('w/board', 0, [bytes(1), bytes(2)])).toBe(2);
		const seq = await store.append('w/board', 2, [bytes(3)]);
		expect(seq).toBe(3);
		await store.append('w/board', 3, [bytes(4)]);
		await store.compact('w/board', bytes(9), seq);

		const loaded = await store.load('w/board');
		expect(loaded.updates.map((u) => Array.from(u))).toEqual([[9], [4]]);
		expect(loaded).toMatchObject({ seq: 4, tailLength: 1 });
		expect(await store.append('w/board', loaded.seq, [bytes(5)])).toBe(5);
	});

	it('numbers on from the snapshot when compaction left no tail', async () => {
		const store = new SqliteDocStore(openSqlite(':memory:'));
		const seq = await store.append('w/board', 0, [bytes(1), bytes(2), bytes(3)]);
		await store.compact('w/board', bytes(9), seq);
		const loaded = await store.load('w/board');
		expect(loaded).toMatchObject({ seq: 3, tailLength: 0 });
		expect(await store.append('w/board', loaded.seq, [])).toBe(3);
		expect(await store.append('w/board', loaded.seq, [bytes(4)])).toBe(4);
		expect(await rows(store, 'w/board')).toEqual([[9], [4]]);
	});

	it('refuses, writing nothing, an append after a seq someone else has already written past', async () => {
		const store = new SqliteDocStore(openSqlite(':memory:'));
		await store.append('w/board', 0, [bytes(1), bytes(2)]);
		await expect(store.append('w/board', 1, [bytes(7)])).rejects.toThrow(/UNIQUE|constraint/i);
		await expect(store.append('w/board', 0, [bytes(7), bytes(8), bytes(9)])).rejects.toThrow(
			/UNIQUE|constraint/i
		);
		expect(await rows(store, 'w/board')).toEqual([[1], [2]]);
	});

	it('keeps documents apart and removes one without touching the other', async () => {
		const store = new SqliteDocStore(openSqlite(':memory:'));
		await store.append('a/board', 0, [bytes(1)]);
		await store.append('b/board', 0, [bytes(2)]);
		await store.remove('a/board');
		expect(await store.load('a/board')).toEqual({ updates: [], seq: 0, tailLength: 0 });
		expect(await rows(store, 'b/board')).toEqual([[2]]);
	});
});
