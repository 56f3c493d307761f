import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addRole,
	cellKey,
	deleteCard,
	editCard,
	moveRow,
	placeCard,
	readBoard,
	seedBoard,
	setCell,
	unplaceCard
} from '#lib/board/index.ts';
import { BoardState } from './board-state.svelte.ts';

const ana = { id: 'u-ana', name: 'Ana' };
const ben = { id: 'u-ben', name: 'Ben' };

const syncAll = (docs: Y.Doc[]) => {
	for (const from of docs) {
		for (const to of docs) {
			if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
		}
	}
};

/** Two peers on one board: roles pm, eng, des; cards a–e, a–d placed with eng Responsible. */
const peers = (): [Y.Doc, Y.Doc] => {
	const docs = [new Y.Doc(), new Y.Doc()] as [Y.Doc, Y.Doc];
	docs.forEach((doc, i) => (doc.clientID = i + 1));
	seedBoard(docs[0], {
		roles: ['pm', 'eng', 'des'].map((id) => ({ id, name: id, label: id, color: '#123456' })),
		cards: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, title: `Card ${id}` }))
	});
	for (const id of ['a', 'b', 'c', 'd']) placeCard(docs[0], null, ana, id, { roleId: 'eng' });
	syncAll(docs);
	return docs;
};

/** What a tab shows: every row's letters, as the grid reads them. */
const shown = (state: BoardState) =>
	Object.fromEntries(state.board.rows.map((row) => [row.id, state.rowCells(row.id)]));

describe('BoardState', () => {
	it("a peer's letter changes that row's letters and leaves every other row's object as it was", () => {
		const [mine, theirs] = peers();
		const state = new BoardState(mine);
		const before = shown(state);
		const { rows, roles, tray } = state.board;

		setCell(theirs, null, ben, 'b', 'pm', 'A');
		syncAll([mine, theirs]);

		const after = shown(state);
		expect(after.b).toEqual({ [cellKey('b', 'eng')]: 'R', [cellKey('b', 'pm')]: 'A' });
		expect(after.b).not.toBe(before.b);
		for (const id of ['a', 'c', 'd']) expect(after[id]).toBe(before[id]);
		// Nothing else on the board moved, so the grid's rows and columns stay the same objects.
		expect(state.board.rows).toBe(rows);
		expect(state.board.roles).toBe(roles);
		expect(state.board.tray).toBe(tray);
		expect(state.board).toEqual(readBoard(mine));
	});

	it('a change that is not a letter keeps the objects of every row it did not touch', () => {
		const [mine, theirs] = peers();
		const state = new BoardState(mine);
		const before = state.board.rows;
		const cells = shown(state);

		editCard(theirs, null, ben, 'c', { title: 'Renamed' });
		moveRow(theirs, null, ben, 'a', 'c', 'd');
		syncAll([mine, theirs]);

		const after = state.board.rows;
		expect(after.map((row) => row.id)).toEqual(['b', 'c', 'a', 'd']);
		expect(after.find((row) => row.id === 'c')?.title).toBe('Renamed');
		// The moved row has a new order key; the others are untouched.
		for (const id of ['b', 'd']) {
			expect(after.find((row) => row.id === id)).toBe(before.find((row) => row.id === id));
		}
		expect(shown(state)).toEqual(cells);
		for (const id of ['a', 'b', 'c', 'd']) expect(state.rowCells(id)).toBe(cells[id]);
	});

	it('shows what every peer shows after concurrent edits', () => {
		const [mine, theirs] = peers();
		const state = new BoardState(mine);
		const other = new BoardState(theirs);
		// Concurrently: letters on both sides, one row back to the tray while a letter lands on it,
		// a new column, a deleted card, a card placed.
		setCell(mine, null, ana, 'a', 'pm', 'A');
		setCell(theirs, null, ben, 'a', 'pm', 'C');
		setCell(mine, null, ana, 'b', 'des', 'I');
		unplaceCard(theirs, null, ben, 'b');
		const roleId = addRole(mine, null, { name: 'Sales', label: 'S', color: '#654321' });
		setCell(mine, null, ana, 'c', roleId, 'C');
		deleteCard(theirs, null, 'd');
		setCell(mine, null, ana, 'd', 'pm', 'A');
		placeCard(theirs, null, ben, 'e', { roleId: 'pm' });
		// Each tab read its own board meanwhile, so each patched its own snapshot first.
		expect(state.board).toEqual(readBoard(mine));
		expect(other.board).toEqual(readBoard(theirs));

		syncAll([mine, theirs]);

		expect(state.board).toEqual(readBoard(mine));
		expect(other.board).toEqual(state.board);
		expect(shown(other)).toEqual(shown(state));
		expect(state.board.rows.map((row) => row.id)).toEqual(['a', 'c', 'e']);
		expect(state.rowCells('b')).toEqual({});
		expect(state.rowCells('c')[cellKey('c', roleId)]).toBe('C');
	});

	it('reads a rebuilt document from the start', () => {
		const [mine, theirs] = peers();
		const state = new BoardState(mine);
		setCell(theirs, null, ben, 'a', 'pm', 'A');
		state.replaceDoc(theirs);
		expect(state.board).toEqual(readBoard(theirs));
		expect(state.rowCells('a')[cellKey('a', 'pm')]).toBe('A');
	});
});
