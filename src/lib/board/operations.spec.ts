import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addCard,
	clearDissent,
	cycleCell,
	deleteCard,
	editCard,
	getNoteText,
	moveRow,
	placeCard,
	setCell,
	setDissent,
	unplaceCard
} from './operations.ts';
import { CELLS, DISSENT, ROW_EDITS, getCellMap, getNoteMap } from './schema.ts';
import { seedBoard } from './seed.ts';
import { readBoard } from './snapshot.ts';
import { BoardError, LIMITS } from './validate.ts';

const ana = { id: 'u-ana', name: 'Ana' };
const ben = { id: 'u-ben', name: 'Ben' };

const newBoard = (cards = ['a', 'b', 'c', 'd']) => {
	const doc = new Y.Doc();
	seedBoard(doc, {
		roles: [
			{ id: 'pm', name: 'Product Manager', label: 'PM', color: '#1e88e5' },
			{ id: 'eng', name: 'Engineering', label: 'ENG', color: '#43a047' }
		],
		cards: cards.map((id) => ({ id, title: `Card ${id}`, category: 'General' }))
	});
	return doc;
};

const rowIds = (doc: Y.Doc) => readBoard(doc).rows.map((row) => row.id);

const codeOf = (fn: () => unknown): string | undefined => {
	try {
		fn();
	} catch (error) {
		return error instanceof BoardError ? error.code : `not a BoardError: ${error}`;
	}
	return undefined;
};

describe('addCard', () => {
	it('adds a tray card with a note, normalised fields and an edit record', () => {
		const doc = newBoard([]);
		const id = addCard(doc, null, ana, {
			title: '  Run   beta\nprograms ',
			detail: ' Recruit testers.\r\nCollect feedback. ',
			category: 'Execution',
			cadence: ['weekly', 'weekly', 'monthly']
		});
		expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
		const { tray, rows, rowEdits } = readBoard(doc);
		expect(rows).toEqual([]);
		expect(tray).toEqual([
			{
				id,
				title: 'Run beta programs',
				detail: 'Recruit testers.\nCollect feedback.',
				category: 'Execution',
				source: '',
				cadence: ['weekly', 'monthly'],
				placed: false,
				order: ''
			}
		]);
		expect(getNoteMap(doc).get(id)).toBeInstanceOf(Y.Text);
		expect(rowEdits[id]).toMatchObject({ userId: 'u-ana', name: 'Ana' });
	});

	it('validates its input and writes nothing when refusing', () => {
		const doc = newBoard(['a']);
		const before = Y.encodeStateAsUpdate(doc);
		expect(codeOf(() => addCard(doc, null, ana, { title: '   ' }))).toBe('invalid-input');
		expect(codeOf(() => addCard(doc, null, ana, { title: 'x'.repeat(LIMITS.title + 1) }))).toBe(
			'invalid-input'
		);
		expect(codeOf(() => addCard(doc, null, ana, { title: 'ok', detail: 7 as never }))).toBe(
			'invalid-input'
		);
		expect(codeOf(() => addCard(doc, null, ana, { title: 'ok', cadence: 'daily' as never }))).toBe(
			'invalid-input'
		);
		expect(codeOf(() => addCard(doc, null, ana, { id: 'a', title: 'Clash' }))).toBe('duplicate-id');
		expect(codeOf(() => addCard(doc, null, ana, { id: 'a:b', title: 'Colon' }))).toBe(
			'invalid-input'
		);
		expect(codeOf(() => addCard(doc, null, ana, { id: '__proto__', title: 'Proto' }))).toBe(
			'invalid-input'
		);
		expect(codeOf(() => addCard(doc, null, { id: '', name: 'Nobody' }, { title: 'ok' }))).toBe(
			'invalid-input'
		);
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});

	it('accepts exactly the title limit', () => {
		const doc = newBoard([]);
		const id = addCard(doc, null, ana, { title: 'x'.repeat(LIMITS.title) });
		expect(readBoard(doc).tray[0].id).toBe(id);
	});
});

describe('editCard', () => {
	it('changes only given fields and records rewording as a row edit', () => {
		const doc = newBoard(['a']);
		editCard(doc, null, ben, 'a', { category: 'Strategy', seniority: ['senior'] });
		expect(readBoard(doc).rowEdits.a).toBeUndefined();
		editCard(doc, null, ben, 'a', { title: 'Renamed' });
		const { tray, rowEdits } = readBoard(doc);
		expect(tray[0]).toMatchObject({
			title: 'Renamed',
			category: 'Strategy',
			seniority: ['senior'],
			detail: ''
		});
		expect(rowEdits.a).toMatchObject({ userId: 'u-ben' });
	});

	it('makes no transaction when nothing changes', () => {
		const doc = newBoard(['a']);
		let updates = 0;
		doc.on('update', () => updates++);
		editCard(doc, null, ana, 'a', { title: ' Card  a ' });
		expect(updates).toBe(0);
	});

	it('refuses unknown cards and bad fields', () => {
		const doc = newBoard(['a']);
		expect(codeOf(() => editCard(doc, null, ana, 'nope', { title: 'x' }))).toBe('unknown-card');
		expect(codeOf(() => editCard(doc, null, ana, 'a', { title: '' }))).toBe('invalid-input');
	});
});

describe('deleteCard', () => {
	it('removes the card with its letters, note, dissent and edit record', () => {
		const doc = newBoard(['a', 'b']);
		placeCard(doc, null, ana, 'a', { roleId: 'pm' });
		placeCard(doc, null, ana, 'b', { roleId: 'pm' });
		setCell(doc, null, ana, 'a', 'eng', 'A');
		setDissent(doc, null, ben, 'a', 'Not convinced');
		getNoteText(doc, 'a').insert(0, 'Why');
		deleteCard(doc, null, 'a');
		expect(rowIds(doc)).toEqual(['b']);
		expect([...getCellMap(doc).keys()]).toEqual(['b:pm']);
		expect(doc.getMap(DISSENT).size).toBe(0);
		expect(getNoteMap(doc).has('a')).toBe(false);
		expect(doc.getMap(ROW_EDITS).has('a')).toBe(false);
		expect(codeOf(() => deleteCard(doc, null, 'a'))).toBe('unknown-card');
	});
});

describe('placeCard', () => {
	it('appends by default and inserts next to a given neighbour', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		placeCard(doc, null, ana, 'b');
		placeCard(doc, null, ana, 'c', { afterId: 'a' });
		placeCard(doc, null, ana, 'd', { beforeId: 'c' });
		expect(rowIds(doc)).toEqual(['c', 'd', 'a', 'b']);
	});

	it('lets beforeId win over a disagreeing afterId', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		placeCard(doc, null, ana, 'b');
		placeCard(doc, null, ana, 'c');
		placeCard(doc, null, ana, 'd', { beforeId: 'a', afterId: 'c' });
		expect(rowIds(doc)).toEqual(['a', 'd', 'b', 'c']);
	});

	it('can give a role R and records the placement', () => {
		const doc = newBoard();
		placeCard(doc, null, ben, 'a', { roleId: 'eng' });
		const board = readBoard(doc);
		expect(board.cells).toEqual({ 'a:eng': 'R' });
		expect(board.rowEdits.a).toMatchObject({ userId: 'u-ben', name: 'Ben' });
		expect(typeof board.rowEdits.a.at).toBe('number');
	});

	it('refuses placed cards, unknown roles and neighbours that are not rows', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		expect(codeOf(() => placeCard(doc, null, ana, 'a'))).toBe('already-placed');
		expect(codeOf(() => placeCard(doc, null, ana, 'nope'))).toBe('unknown-card');
		expect(codeOf(() => placeCard(doc, null, ana, 'b', { roleId: 'nope' }))).toBe('unknown-role');
		expect(codeOf(() => placeCard(doc, null, ana, 'b', { beforeId: 'c' }))).toBe(
			'invalid-position'
		);
		expect(codeOf(() => placeCard(doc, null, ana, 'b', { afterId: 'b' }))).toBe('invalid-position');
		expect(rowIds(doc)).toEqual(['a']);
	});

	it('sweeps letters and dissent that peers left on the card in the tray', () => {
		const doc = newBoard();
		getCellMap(doc).set('a:pm', 'A');
		doc.getMap(DISSENT).set('a:u-ben', { userId: 'u-ben', name: 'Ben', reason: 'old', at: 1 });
		placeCard(doc, null, ana, 'a', { roleId: 'eng' });
		expect([...getCellMap(doc).keys()]).toEqual(['a:eng']);
		expect(doc.getMap(DISSENT).size).toBe(0);
	});
});

describe('unplaceCard', () => {
	it('clears letters and dissent but keeps the note', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a', { roleId: 'pm' });
		placeCard(doc, null, ana, 'b', { roleId: 'pm' });
		setCell(doc, null, ana, 'a', 'eng', 'A');
		setDissent(doc, null, ben, 'a', 'Engineering should not own this');
		getNoteText(doc, 'a').insert(0, 'Agreed after a long debate');
		unplaceCard(doc, null, ben, 'a');
		const board = readBoard(doc);
		expect(board.rows.map((row) => row.id)).toEqual(['b']);
		expect(board.tray.map((card) => card.id)).toEqual(['a', 'c', 'd']);
		expect([...getCellMap(doc).keys()]).toEqual(['b:pm']);
		expect(board.dissent).toEqual([]);
		expect(board.notes.a).toBe('Agreed after a long debate');
		expect(board.rowEdits.a).toMatchObject({ userId: 'u-ben' });
		expect(codeOf(() => unplaceCard(doc, null, ana, 'a'))).toBe('not-placed');
	});

	it('is undone, letters included, by an undo manager tracking the caller origin', () => {
		const doc = newBoard();
		const local = { local: true };
		const undo = new Y.UndoManager(
			[CELLS, 'cards', DISSENT, ROW_EDITS].map((name) => doc.getMap(name)),
			{ trackedOrigins: new Set([local]), captureTimeout: 0 }
		);
		placeCard(doc, null, ana, 'a', { roleId: 'pm' });
		setCell(doc, null, ana, 'a', 'eng', 'A');
		unplaceCard(doc, local, ana, 'a');
		expect(readBoard(doc).cells).toEqual({});
		undo.undo();
		expect(readBoard(doc).cells).toEqual({ 'a:pm': 'R', 'a:eng': 'A' });
		expect(rowIds(doc)).toEqual(['a']);
		expect(undo.canUndo()).toBe(false);
	});
});

describe('moveRow', () => {
	const fourRows = () => {
		const doc = newBoard();
		for (const id of ['a', 'b', 'c', 'd']) placeCard(doc, null, ana, id);
		return doc;
	};

	it('moves to the start, the end and between rows', () => {
		const doc = fourRows();
		moveRow(doc, null, ana, 'c', null, 'a');
		expect(rowIds(doc)).toEqual(['c', 'a', 'b', 'd']);
		moveRow(doc, null, ana, 'c', 'd', null);
		expect(rowIds(doc)).toEqual(['a', 'b', 'd', 'c']);
		moveRow(doc, null, ana, 'c', 'a', 'b');
		expect(rowIds(doc)).toEqual(['a', 'c', 'b', 'd']);
		moveRow(doc, null, ana, 'a', null, null);
		expect(rowIds(doc)).toEqual(['c', 'b', 'd', 'a']);
	});

	it('writes nothing when the row is already there, and is not a row edit', () => {
		const doc = fourRows();
		const edits = JSON.stringify(readBoard(doc).rowEdits);
		let updates = 0;
		doc.on('update', () => updates++);
		moveRow(doc, null, ben, 'b', 'a', 'c');
		expect(updates).toBe(0);
		moveRow(doc, null, ben, 'b', 'c', 'd');
		expect(updates).toBe(1);
		expect(JSON.stringify(readBoard(doc).rowEdits)).toBe(edits);
	});

	it('refuses tray cards and bad neighbours', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		expect(codeOf(() => moveRow(doc, null, ana, 'b', null, 'a'))).toBe('not-placed');
		expect(codeOf(() => moveRow(doc, null, ana, 'a', 'a', null))).toBe('invalid-position');
		expect(codeOf(() => moveRow(doc, null, ana, 'a', 'zzz', null))).toBe('invalid-position');
	});
});

describe('setCell and cycleCell', () => {
	it('sets, replaces and clears letters, recording each change', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		setCell(doc, null, ben, 'a', 'pm', 'A');
		expect(readBoard(doc).cells).toEqual({ 'a:pm': 'A' });
		expect(readBoard(doc).rowEdits.a.userId).toBe('u-ben');
		setCell(doc, null, ana, 'a', 'pm', 'C');
		expect(readBoard(doc).cells).toEqual({ 'a:pm': 'C' });
		setCell(doc, null, ana, 'a', 'pm', null);
		expect(readBoard(doc).cells).toEqual({});
		expect(readBoard(doc).rowEdits.a.userId).toBe('u-ana');
	});

	it('leaves the row edit alone when the letter does not change', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a', { roleId: 'pm' });
		setCell(doc, null, ben, 'a', 'pm', 'R');
		expect(readBoard(doc).rowEdits.a.userId).toBe('u-ana');
	});

	it('refuses bad letters, tray cards and unknown ids', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		expect(codeOf(() => setCell(doc, null, ana, 'a', 'pm', 'X' as never))).toBe('invalid-input');
		expect(codeOf(() => setCell(doc, null, ana, 'a', 'pm', 'r' as never))).toBe('invalid-input');
		expect(codeOf(() => setCell(doc, null, ana, 'a', 'pm', undefined as never))).toBe(
			'invalid-input'
		);
		expect(codeOf(() => setCell(doc, null, ana, 'b', 'pm', 'R'))).toBe('not-placed');
		expect(codeOf(() => setCell(doc, null, ana, 'nope', 'pm', 'R'))).toBe('unknown-card');
		expect(codeOf(() => setCell(doc, null, ana, 'a', 'nope', 'R'))).toBe('unknown-role');
		expect(() => setCell(doc, null, ana, 'a', 'pm', 'X' as never)).toThrow(
			'Unknown letter "X" for RACI: use R, A, A/R, C, I or null'
		);
		expect(codeOf(() => setCell(doc, null, ana, 'a', 'pm', 'A/C' as never))).toBe('invalid-input');
		expect(codeOf(() => setCell(doc, null, ana, 'a', 'pm', 'D'))).toBe('invalid-input');
	});

	it('cycles none → R → A → A/R → C → I → none', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		const seen = Array.from({ length: 7 }, () => cycleCell(doc, null, ana, 'a', 'eng'));
		expect(seen).toEqual(['R', 'A', 'A/R', 'C', 'I', null, 'R']);
		expect(readBoard(doc).cells).toEqual({ 'a:eng': 'R' });
		expect(codeOf(() => cycleCell(doc, null, ana, 'b', 'eng'))).toBe('not-placed');
	});

	it('passes the origin to the transaction', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		const origin = { mine: true };
		const origins: unknown[] = [];
		doc.on('afterTransaction', (transaction) => origins.push(transaction.origin));
		setCell(doc, origin, ana, 'a', 'pm', 'A');
		expect(origins).toEqual([origin]);
	});
});

describe('dissent', () => {
	it('keeps one entry per user and row, replaced and cleared by that user', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		setDissent(doc, null, ben, 'a', ' First thought ');
		setDissent(doc, null, ben, 'a', 'Second thought');
		setDissent(doc, null, ana, 'a', 'Mine');
		const entries = readBoard(doc).dissent.map(({ userId, name, reason }) => [
			userId,
			name,
			reason
		]);
		expect(entries.sort()).toEqual([
			['u-ana', 'Ana', 'Mine'],
			['u-ben', 'Ben', 'Second thought']
		]);
		clearDissent(doc, null, ben, 'a');
		clearDissent(doc, null, ben, 'a');
		expect(readBoard(doc).dissent.map((entry) => entry.userId)).toEqual(['u-ana']);
	});

	it('refuses empty reasons and rows that are not on the board', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'a');
		expect(codeOf(() => setDissent(doc, null, ben, 'a', '  '))).toBe('invalid-input');
		expect(codeOf(() => setDissent(doc, null, ben, 'b', 'tray'))).toBe('not-placed');
		expect(codeOf(() => clearDissent(doc, null, ben, 'nope'))).toBe('unknown-card');
	});
});

describe('getNoteText', () => {
	it('returns the note created with the card', () => {
		const doc = newBoard();
		const note = getNoteText(doc, 'a');
		expect(note).toBe(getNoteMap(doc).get('a'));
		note.insert(0, 'Because');
		expect(readBoard(doc).notes).toEqual({ a: 'Because' });
	});

	it('creates a missing note outside any tracked origin', () => {
		const doc = newBoard();
		getNoteMap(doc).delete('a');
		const undo = new Y.UndoManager(getNoteMap(doc));
		const note = getNoteText(doc, 'a');
		expect(getNoteMap(doc).get('a')).toBe(note);
		expect(undo.canUndo()).toBe(false);
		expect(codeOf(() => getNoteText(doc, 'nope'))).toBe('unknown-card');
	});
});
