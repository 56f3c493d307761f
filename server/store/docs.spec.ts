import { beforeEach, describe, it, expect } from 'vitest';
import type { DocStore } from './docs.ts';
import { BACKENDS, useStoreBackend } from './__fixtures__/backends.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const rows = async (store: DocStore, doc: string, afterSeq?: number) =>
	(await store.load(doc, afterSeq)).updates.map((u) => Array.from(u));

describe.each(BACKENDS)('doc store (%s)', (backend) => {
	const db = useStoreBackend(backend);
	let store: DocStore;
	beforeEach(() => {
		store = db.store().docs;
	});

	it('loads snapshot then tail, and compaction keeps rows appended after the cut', async () => {
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
		const seq = await store.append('w/board', 0, [bytes(1), bytes(2), bytes(3)]);
		await store.compact('w/board', bytes(9), seq);
		const loaded = await store.load('w/board');
		expect(loaded).toMatchObject({ seq: 3, tailLength: 0 });
		expect(await store.append('w/board', loaded.seq, [])).toBe(3);
		expect(await store.append('w/board', loaded.seq, [bytes(4)])).toBe(4);
		expect(await rows(store, 'w/board')).toEqual([[9], [4]]);
	});

	it('reads only what came after a seq, led by a snapshot that replaced rows past it', async () => {
		await store.append('w/board', 0, [bytes(1), bytes(2), bytes(3)]);
		expect(await rows(store, 'w/board', 1)).toEqual([[2], [3]]);
		expect(await rows(store, 'w/board', 3)).toEqual([]);
		await store.compact('w/board', bytes(9), 2);
		expect(await rows(store, 'w/board', 1)).toEqual([[9], [3]]);
		expect(await rows(store, 'w/board', 2)).toEqual([[3]]);
		// An older snapshot never replaces a newer one.
		await store.compact('w/board', bytes(8), 1);
		expect(await rows(store, 'w/board')).toEqual([[9], [3]]);
	});

	it('keeps documents apart and removes one without touching the other', async () => {
		await store.append('a/board', 0, [bytes(1)]);
		await store.append('b/board', 0, [bytes(2)]);
		await store.remove('a/board');
		expect((await store.load('a/board')).updates).toEqual([]);
		expect(await rows(store, 'b/board')).toEqual([[2]]);
	});

	if (backend === 'sqlite') {
		it('refuses, writing nothing, an append after a seq someone else has already written past', async () => {
			await store.append('w/board', 0, [bytes(1), bytes(2)]);
			await expect(store.append('w/board', 1, [bytes(7)])).rejects.toThrow(/UNIQUE|constraint/i);
			await expect(store.append('w/board', 0, [bytes(7), bytes(8), bytes(9)])).rejects.toThrow(
				/UNIQUE|constraint/i
			);
			expect(await rows(store, 'w/board')).toEqual([[1], [2]]);
		});
	} else {
		it('orders appends from several instances into one dense log, and says when others came between', async () => {
			const other = (await db.openAnother()).docs;
			expect(await store.append('w/board', 0, [bytes(1)])).toBe(1);
			// The other instance saw nothing yet: its rows go after the head, not onto seq 1.
			const theirs = await other.append('w/board', 0, [bytes(2), bytes(3)]);
			expect(theirs).toBe(3);
			const mine = await store.append('w/board', 1, [bytes(4)]);
			expect(mine).toBe(4);
			// 4 − 1 row > 1: rows 2..3 are someone else's, and reading past 1 finds them.
			expect(await rows(store, 'w/board', 1)).toEqual([[2], [3], [4]]);

			const writers = [store, other, store, other, store, other];
			const seqs = await Promise.all(
				writers.map((s, i) => s.append('w/board', 0, [bytes(10 + i)]))
			);
			expect([...seqs].sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10]);
			expect((await store.load('w/board')).tailLength).toBe(10);
		});

		it('compacts on one instance while another appends, losing no row', async () => {
			const other = (await db.openAnother()).docs;
			await store.append('w/board', 0, [bytes(1), bytes(2)]);
			const appending = Promise.all(
				Array.from({ length: 20 }, (_, i) => other.append('w/board', 0, [bytes(20 + i)]))
			);
			await store.compact('w/board', bytes(9), 2);
			await appending;
			const loaded = await store.load('w/board');
			expect(loaded.updates.map((u) => Array.from(u))[0]).toEqual([9]);
			expect(loaded).toMatchObject({ seq: 22, tailLength: 20 });
		});
	}
});
