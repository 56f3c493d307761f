import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { placeCard, setCell, setDissent } from './operations.ts';
import { CARDS, CELLS, DISSENT, META, NOTES, ROLES, ROW_EDITS } from './schema.ts';
import { seedBoard } from './seed.ts';
import { cellKey, letterAt, readBoard } from './snapshot.ts';

const ana = { id: 'u-ana', name: 'Ana' };

const newBoard = () => {
	const doc = new Y.Doc();
	seedBoard(doc, {
		roles: [
			{ id: 'pm', name: 'Product Manager', label: 'PM', color: '#1e88e5' },
			{ id: 'eng', name: 'Engineering', label: 'ENG', color: '#43a047' }
		],
		cards: [
			{ id: 'c1', title: 'zebra crossing', category: 'b' },
			{ id: 'c2', title: 'Apple', category: 'b' },
			{ id: 'c3', title: 'item 10', category: 'a' },
			{ id: 'c4', title: 'item 9', category: 'a' },
			{ id: 'c5', title: 'Placed', category: 'a' }
		]
	});
	return doc;
};

describe('readBoard', () => {
	it('lists the tray by category then title, case-insensitively and numerically', () => {
		expect(readBoard(newBoard()).tray.map((card) => card.title)).toEqual([
			'item 9',
			'item 10',
			'Placed',
			'Apple',
			'zebra crossing'
		]);
	});

	it('reads the schema roots the design names', () => {
		expect([ROLES, CARDS, CELLS, NOTES, DISSENT, ROW_EDITS, META]).toEqual([
			'roles',
			'cards',
			'cells',
			'notes',
			'dissent',
			'rowEdits',
			'meta'
		]);
	});

	it('shows only letters of placed rows and existing roles', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'c5');
		setCell(doc, null, ana, 'c5', 'pm', 'A');
		const cells = doc.getMap(CELLS);
		cells.set('c1:pm', 'R'); // tray card
		cells.set('gone:pm', 'R'); // deleted card
		cells.set('c5:gone', 'R'); // deleted role
		cells.set('c5:eng', 'X'); // not a letter
		const board = readBoard(doc);
		expect(board.cells).toEqual({ 'c5:pm': 'A' });
		expect(letterAt(board, 'c5', 'pm')).toBe('A');
		expect(letterAt(board, 'c5', 'eng')).toBeNull();
		expect(cellKey('c5', 'pm')).toBe('c5:pm');
	});

	it('survives entries of the wrong type from a misbehaving peer', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'c5');
		setDissent(doc, null, ana, 'c5', 'Because');
		doc.transact(() => {
			doc.getMap(CARDS).set('junk', 'not a map');
			doc.getMap(CARDS).set('__proto__', new Y.Map());
			doc.getMap(ROLES).set('junk', 42);
			(doc.getMap(CARDS).get('c5') as Y.Map<unknown>).set('title', 7);
			doc.getMap(NOTES).set('c4', 'plain string');
			doc.getMap(DISSENT).set('c5:u-x', null);
			doc.getMap(DISSENT).set('c1:u-x', { reason: 'on a tray card' });
			doc.getMap(ROW_EDITS).set('c3', 'junk');
			doc.getMap(META).set('focusRoleId', 'nobody');
		});
		const board = readBoard(doc);
		expect(board.rows.map((row) => [row.id, row.title])).toEqual([['c5', '']]);
		expect(board.tray).toHaveLength(4);
		expect(board.roles.map((role) => role.id)).toEqual(['pm', 'eng']);
		expect(board.notes).toEqual({});
		expect(board.dissent.map((entry) => entry.userId)).toEqual(['u-ana']);
		expect(board.rowEdits).toEqual({ c5: expect.objectContaining({ userId: 'u-ana' }) });
		expect(board.focusRoleId).toBe('pm');
		expect(Object.getPrototypeOf(board.notes)).toBe(Object.prototype);
	});

	it('is plain JSON', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, 'c5', { roleId: 'eng' });
		const board = readBoard(doc);
		expect(JSON.parse(JSON.stringify(board))).toEqual(board);
	});
});
