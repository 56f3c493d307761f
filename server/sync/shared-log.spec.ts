import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from '../store/docs.ts';
import { useStoreBackend } from '../store/__fixtures__/backends.ts';
import { DocLog } from './persistence.ts';

const FOREIGN = Symbol('foreign');

/** One instance's copy of a document: its log writes its own edits and applies others'. */
function instance(store: DocStore, compactThreshold = 1000) {
	const doc = new Y.Doc();
	const log = new DocLog({
		store,
		name: 'w/board',
		seq: 0,
		tailLength: 0,
		batchMs: 0,
		compactThreshold,
		snapshot: () => Y.encodeStateAsUpdate(doc),
		onCommit: () => {},
		onForeign: (updates) => {
			for (const update of updates) Y.applyUpdate(doc, update, FOREIGN);
		},
		onError: (error) => {
			throw error;
		}
	});
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== FOREIGN) log.enqueue(update, origin);
	});
	return { doc, log, edits: doc.getMap<number>('edits') };
}

describe('DocLog on a store several instances share (postgres)', () => {
	const db = useStoreBackend('postgres');

	it('reads the rows others appended between its own, before it moves past them', async () => {
		const a = instance(db.store().docs);
		const b = instance((await db.openAnother()).docs);
		a.edits.set('a1', 1);
		await a.log.flush();
		// B has not heard of a1: its append lands after it, and the gap makes it read a1.
		b.edits.set('b1', 1);
		await b.log.flush();
		await b.log.catchUp();
		expect(b.edits.toJSON()).toEqual({ a1: 1, b1: 1 });

		// A learns of b1 the way the relay would tell it: seq 2, right after its own.
		a.log.remote(2, 2);
		a.edits.set('a2', 2);
		await a.log.flush();
		await a.log.catchUp();
		expect(a.edits.toJSON()).toEqual({ a1: 1, a2: 2 });

		// A message that skips rows (the relay dropped one) makes B read them from the store.
		b.log.remote(4, 4);
		await b.log.catchUp();
		expect(b.edits.toJSON()).toEqual({ a1: 1, a2: 2, b1: 1 });
	});

	it('compacts only what it has applied, so a snapshot never drops rows of others', async () => {
		const store = db.store().docs;
		const a = instance(store, 5);
		const b = instance((await db.openAnother()).docs, 5);
		for (let i = 0; i < 20; i++) {
			a.edits.set(`a${i}`, i);
			b.edits.set(`b${i}`, i);
			await Promise.all([a.log.flush(), b.log.flush()]);
		}
		await Promise.all([a.log.compact(), b.log.compact()]);
		const stored = await store.load('w/board');
		const reloaded = new Y.Doc();
		for (const update of stored.updates) Y.applyUpdate(reloaded, update);
		expect(Object.keys(reloaded.getMap('edits').toJSON())).toHaveLength(40);
	});
});
