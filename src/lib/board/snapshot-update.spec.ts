import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cycleCell, placeCard, setCell, setDissent, unplaceCard } from './operations.ts';
import { getCellMap } from './schema.ts';
import { seedBoard } from './seed.ts';
import { readBoard } from './snapshot.ts';
import { addChanges, noChanges, updateBoard } from './snapshot-update.ts';

const ana = { id: 'u-ana', name: 'Ana' };

const board = () => {
	const doc = new Y.Doc();
	seedBoard(doc, {
		roles: ['pm', 'eng', 'des'].map((id) => ({ id, name: id, label: id, color: '#123456' })),
		cards: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: `Card ${id}` }))
	});
	for (const id of ['a', 'b', 'c']) placeCard(doc, null, ana, id);
	return doc;
};

/** A snapshot kept current by `updateBoard`, the way a tab keeps it. */
const follow = (doc: Y.Doc) => {
	let snapshot = readBoard(doc);
	let changes = noChanges();
	doc.on('afterTransaction', (transaction: Y.Transaction) =>
		addChanges(changes, doc, transaction.changed)
	);
	return () => {
		snapshot = updateBoard(doc, snapshot, changes);
		changes = noChanges();
		return snapshot;
	};
};

describe('updateBoard', () => {
	it('patches letters into the snapshot readBoard would return, and only them', () => {
		const doc = board();
		const current = follow(doc);
		const before = current();
		let seed = 3;
		for (let i = 0; i < 200; i++) {
			seed = (seed * 16807) % 2147483647;
			cycleCell(doc, null, ana, ['a', 'b', 'c'][seed % 3], ['pm', 'eng', 'des'][(seed >> 3) % 3]);
			if (i % 7 === 0) expect(current()).toEqual(readBoard(doc));
		}
		const after = current();
		expect(after).toEqual(readBoard(doc));
		expect(after.rows).toBe(before.rows);
		expect(after.roles).toBe(before.roles);
	});

	it('shows no letter written for a tray card or a missing role, as readBoard does', () => {
		const doc = board();
		const current = follow(doc);
		const before = current();
		// Peers can leave such entries (a letter set while the card went back to the tray).
		getCellMap(doc).set('d:pm', 'A');
		getCellMap(doc).set('a:gone', 'R');
		getCellMap(doc).set('b:eng', 'nonsense');
		expect(current()).toBe(before);
		expect(current()).toEqual(readBoard(doc));
	});

	it('reads the board again after any other change', () => {
		const doc = board();
		const current = follow(doc);
		setCell(doc, null, ana, 'a', 'pm', 'A');
		unplaceCard(doc, null, ana, 'b');
		setDissent(doc, null, ana, 'c', 'Not us');
		expect(current()).toEqual(readBoard(doc));
	});
});
