import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqlite } from '../store/sqlite/open.ts';
import { SqliteDocStore } from '../store/sqlite/docs.ts';
import type { DocStore } from '../store/docs.ts';
import { DocLog, type PendingUpdate } from './persistence.ts';

function counting(inner: DocStore = new SqliteDocStore(openSqlite(':memory:'))) {
	const calls = { append: [] as number[], compact: 0 };
	const store: DocStore = {
		shared: inner.shared,
		load: (doc) => inner.load(doc),
		append: (doc, after, updates) => {
			calls.append.push(updates.length);
			return inner.append(doc, after, updates);
		},
		compact: (doc, merged, upto) => {
			calls.compact++;
			return inner.compact(doc, merged, upto);
		},
		remove: (doc) => inner.remove(doc)
	};
	return { store, calls, inner };
}

function makeLog(
	store: DocStore,
	doc: Y.Doc,
	extra: Partial<ConstructorParameters<typeof DocLog>[0]> = {}
) {
	const committed: PendingUpdate[][] = [];
	const log = new DocLog({
		store,
		name: 'w/board',
		seq: 0,
		tailLength: 0,
		batchMs: 0,
		compactThreshold: 1000,
		snapshot: () => Y.encodeStateAsUpdate(doc),
		onCommit: (batch) => committed.push(batch),
		onError: () => {},
		...extra
	});
	doc.on('update', (update: Uint8Array, origin: unknown) => log.enqueue(update, origin));
	return { log, committed };
}

describe('DocLog', () => {
	it('commits updates arriving in one turn as one transaction, then hands them over in order', async () => {
		const { store, calls } = counting();
		const doc = new Y.Doc();
		const { log, committed } = makeLog(store, doc);
		for (let i = 0; i < 25; i++) doc.getArray('a').push([i]);
		expect(committed).toHaveLength(0);
		await log.flush();
		expect(calls.append).toEqual([25]);
		expect(committed.flat().map((p) => p.update)).toHaveLength(25);

		doc.getArray('a').push(['later']);
		await log.flush();
		expect(calls.append).toEqual([25, 1]);
	});

	it('runs whenCommitted after exactly the updates enqueued before it', async () => {
		const { store } = counting();
		const doc = new Y.Doc();
		const { log, committed } = makeLog(store, doc);
		const seen: number[] = [];
		log.whenCommitted(() => seen.push(committed.length)); // nothing pending: at once
		doc.getMap('m').set('a', 1);
		log.whenCommitted(() => seen.push(committed.flat().length));
		await log.flush();
		expect(seen).toEqual([0, 1]);
	});

	it('waits batchMs to group a burst when configured', async () => {
		const { store, calls } = counting();
		const doc = new Y.Doc();
		const { log } = makeLog(store, doc, { batchMs: 20 });
		doc.getMap('m').set('a', 1);
		await new Promise((resolve) => setTimeout(resolve, 5));
		doc.getMap('m').set('b', 2);
		await log.flush();
		expect(calls.append).toEqual([2]);
	});

	it('compacts past the threshold, keeping the state and rows appended after the cut', async () => {
		const { store, calls, inner } = counting();
		const doc = new Y.Doc();
		const { log } = makeLog(store, doc, { compactThreshold: 10 });
		for (let i = 0; i < 30; i++) {
			doc.getMap('m').set(`k${i}`, i);
			await log.flush();
		}
		await log.compact(true);
		expect(calls.compact).toBeGreaterThan(0);
		expect(log.tailLength).toBeLessThanOrEqual(10);
		const stored = await inner.load('w/board');
		const copy = new Y.Doc();
		for (const update of stored.updates) Y.applyUpdate(copy, update);
		expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
	});

	it('stops and reports when the store cannot commit; nothing is handed over', async () => {
		const failing: DocStore = {
			...counting().store,
			append: async () => {
				throw new Error('database is locked');
			}
		};
		const doc = new Y.Doc();
		let reported: Error | null = null;
		const { log, committed } = makeLog(failing, doc, { onError: (e: Error) => (reported = e) });
		doc.getMap('m').set('a', 1);
		await expect(log.flush()).rejects.toThrow('database is locked');
		expect(reported).not.toBeNull();
		expect(committed).toHaveLength(0);
		expect(log.failed).toBe(true);
	});
});
