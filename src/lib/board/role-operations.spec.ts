import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, placeCard, setCell } from './operations.ts';
import { addRole, deleteRole, editRole, moveRole, setFocusRole } from './role-operations.ts';
import { getCellMap } from './schema.ts';
import { seedBoard } from './seed.ts';
import { readBoard } from './snapshot.ts';
import { BoardError } from './validate.ts';

const ana = { id: 'u-ana', name: 'Ana' };

const codeOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		return (error as BoardError).code;
	}
};

const roleIds = (doc: Y.Doc) => readBoard(doc).roles.map((role) => role.id);

const newBoard = () => {
	const doc = new Y.Doc();
	for (const id of ['pm', 'eng', 'design', 'sales']) {
		addRole(doc, null, { id, name: id.toUpperCase(), label: id.slice(0, 3), color: '#123' });
	}
	return doc;
};

describe('addRole', () => {
	it('appends columns, makes the first one the focus and normalises fields', () => {
		const doc = new Y.Doc();
		const pm = addRole(doc, null, { name: ' Product  Manager ', label: 'PM', color: '#1E88E5' });
		const eng = addRole(doc, null, { name: 'Engineering', label: 'ENG', color: '#abc' });
		const board = readBoard(doc);
		expect(board.roles.map(({ id, name, color }) => [id, name, color])).toEqual([
			[pm, 'Product Manager', '#1e88e5'],
			[eng, 'Engineering', '#aabbcc']
		]);
		expect(board.focusRoleId).toBe(pm);
	});

	it('refuses bad names, labels, colours and taken ids', () => {
		const doc = newBoard();
		const role = { name: 'Marketing', label: 'MKT', color: '#c2410c' };
		expect(codeOf(() => addRole(doc, null, { ...role, name: '' }))).toBe('invalid-input');
		expect(codeOf(() => addRole(doc, null, { ...role, label: 'A label far too long' }))).toBe(
			'invalid-input'
		);
		expect(codeOf(() => addRole(doc, null, { ...role, color: 'red' }))).toBe('invalid-input');
		expect(codeOf(() => addRole(doc, null, { ...role, color: undefined as never }))).toBe(
			'invalid-input'
		);
		expect(codeOf(() => addRole(doc, null, { ...role, id: 'pm' }))).toBe('duplicate-id');
		expect(roleIds(doc)).toEqual(['pm', 'eng', 'design', 'sales']);
	});
});

describe('editRole', () => {
	it('changes the given fields only', () => {
		const doc = newBoard();
		editRole(doc, null, 'eng', { name: 'Platform Engineering', color: '#000000' });
		expect(readBoard(doc).roles[1]).toMatchObject({
			name: 'Platform Engineering',
			label: 'eng',
			color: '#000000'
		});
		expect(codeOf(() => editRole(doc, null, 'nope', { name: 'x' }))).toBe('unknown-role');
		expect(codeOf(() => editRole(doc, null, 'eng', { label: '' }))).toBe('invalid-input');
	});
});

describe('deleteRole', () => {
	it('removes the column and its letters', () => {
		const doc = newBoard();
		placeCard(doc, null, ana, addCard(doc, null, ana, { id: 'a', title: 'A card' }));
		setCell(doc, null, ana, 'a', 'eng', 'A');
		setCell(doc, null, ana, 'a', 'pm', 'R');
		deleteRole(doc, null, 'eng');
		expect(roleIds(doc)).toEqual(['pm', 'design', 'sales']);
		expect([...getCellMap(doc).keys()]).toEqual(['a:pm']);
		expect(readBoard(doc).focusRoleId).toBe('pm');
	});

	it('moves the focus to the first remaining role, and clears it with the last role', () => {
		const doc = newBoard();
		moveRole(doc, null, 'design', null, 'pm');
		deleteRole(doc, null, 'pm');
		expect(readBoard(doc).focusRoleId).toBe('design');
		setFocusRole(doc, null, 'sales');
		deleteRole(doc, null, 'design');
		expect(readBoard(doc).focusRoleId).toBe('sales');
		deleteRole(doc, null, 'eng');
		deleteRole(doc, null, 'sales');
		expect(readBoard(doc).focusRoleId).toBeNull();
		expect(codeOf(() => deleteRole(doc, null, 'sales'))).toBe('unknown-role');
	});
});

describe('moveRole', () => {
	it('reorders columns and refuses bad neighbours', () => {
		const doc = newBoard();
		moveRole(doc, null, 'sales', null, 'pm');
		expect(roleIds(doc)).toEqual(['sales', 'pm', 'eng', 'design']);
		moveRole(doc, null, 'pm', 'design', null);
		expect(roleIds(doc)).toEqual(['sales', 'eng', 'design', 'pm']);
		moveRole(doc, null, 'pm', 'sales', 'eng');
		expect(roleIds(doc)).toEqual(['sales', 'pm', 'eng', 'design']);
		expect(codeOf(() => moveRole(doc, null, 'pm', 'pm', null))).toBe('invalid-position');
		expect(codeOf(() => moveRole(doc, null, 'nope', null, null))).toBe('unknown-role');
	});
});

describe('setFocusRole', () => {
	it('moves the focus to an existing role only', () => {
		const doc = newBoard();
		setFocusRole(doc, null, 'eng');
		expect(readBoard(doc).focusRoleId).toBe('eng');
		expect(codeOf(() => setFocusRole(doc, null, 'nope'))).toBe('unknown-role');
	});
});

describe('seedBoard', () => {
	const template = {
		roles: [
			{ id: 'pm', name: 'Product Manager', label: 'PM', color: '#6d28d9' },
			{ id: 'eng', name: 'Engineering', label: 'ENG', color: '#1d4ed8' },
			{ id: 'sales', name: 'Sales', label: 'SLS', color: '#047857' }
		],
		cards: [
			{ id: 'vision', title: 'Set the vision', detail: 'Why', category: 'Strategy', source: 's1' },
			{ id: 'beta', title: 'Run betas', detail: '', category: 'Execution', source: 's2' }
		],
		focusRoleId: 'eng'
	};

	it('creates roles in order, cards in the tray and sets the focus', () => {
		const doc = new Y.Doc();
		seedBoard(doc, template);
		const board = readBoard(doc);
		expect(board.roles.map((role) => role.id)).toEqual(['pm', 'eng', 'sales']);
		expect(board.tray.map((card) => card.id)).toEqual(['beta', 'vision']);
		expect(board.rows).toEqual([]);
		expect(board.focusRoleId).toBe('eng');
		expect(board.rowEdits).toEqual({});
	});

	it('refuses a second seeding, duplicate ids and an unknown focus, writing nothing', () => {
		const doc = new Y.Doc();
		const dup = { ...template, cards: [...template.cards, { ...template.cards[0], id: 'pm' }] };
		expect(codeOf(() => seedBoard(doc, dup))).toBe('duplicate-id');
		expect(codeOf(() => seedBoard(doc, { ...template, focusRoleId: 'ceo' }))).toBe('unknown-role');
		const long = { ...template, cards: [{ title: 'x'.repeat(141) }] };
		expect(codeOf(() => seedBoard(doc, long))).toBe('invalid-input');
		expect(readBoard(doc).roles).toEqual([]);
		seedBoard(doc, template);
		expect(codeOf(() => seedBoard(doc, template))).toBe('already-seeded');
	});
});
