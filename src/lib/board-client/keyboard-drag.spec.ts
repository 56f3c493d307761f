import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, BoardRole } from '#lib/board/index.ts';
import type { DragItem, DropTarget } from './drag.svelte.ts';
import { describeDrop, firstTarget, nextTarget } from './keyboard-drag.ts';
import { fixtureCard as card } from '#lib/board/__fixtures__/cards.ts';

const role = (id: string, name: string): BoardRole => ({
	id,
	name,
	label: id,
	color: '#000',
	order: ''
});

const board: BoardSnapshot = {
	framework: 'raci',
	focusRoleId: 'pm',
	roles: [role('pm', 'Product Manager'), role('eng', 'Engineering'), role('des', 'Design')],
	rows: ['a', 'b', 'c'].map((id) => card(id, true)),
	tray: [card('t', false)],
	cells: {},
	notes: {},
	dissent: [],
	rowEdits: {}
};

/** Presses `keys` from the first target and returns where the drop would land. */
const press = (item: DragItem, ...keys: string[]): DropTarget => {
	let target = firstTarget(item, board);
	for (const key of keys) target = nextTarget(key, item, target, board) ?? target;
	return target;
};

describe('keyboard moves', () => {
	it('starts a tray card at the end, steps up through the rows and picks a role', () => {
		const item: DragItem = { kind: 'card', id: 't', label: 'T' };
		expect(firstTarget(item, board)).toEqual({ zone: 'rows', gap: 3, roleId: null });
		expect(press(item, 'ArrowUp', 'ArrowUp')).toEqual({ zone: 'rows', gap: 1, roleId: null });
		expect(press(item, 'Home', 'ArrowUp')).toEqual({ zone: 'rows', gap: 0, roleId: null });
		expect(press(item, 'ArrowRight', 'ArrowRight')).toEqual({
			zone: 'rows',
			gap: 3,
			roleId: 'eng'
		});
		expect(press(item, 'ArrowLeft')).toEqual({ zone: 'rows', gap: 3, roleId: 'des' });
		expect(describeDrop(item, press(item, 'ArrowUp', 'ArrowRight'), board)).toBe(
			'Row 3 of 4, between “B” and “C”, with Product Manager Responsible.'
		);
	});

	it('moves a row one place per key, never onto the gaps that leave it where it is', () => {
		const item: DragItem = { kind: 'row', id: 'b', label: 'B' };
		expect(firstTarget(item, board)).toEqual({ zone: 'rows', gap: 1, roleId: null });
		expect(press(item, 'ArrowDown')).toEqual({ zone: 'rows', gap: 3, roleId: null });
		expect(press(item, 'ArrowUp')).toEqual({ zone: 'rows', gap: 0, roleId: null });
		expect(press(item, 'ArrowDown', 'ArrowDown', 'ArrowUp')).toEqual({
			zone: 'rows',
			gap: 1,
			roleId: null
		});
		expect(describeDrop(item, press(item, 'ArrowUp'), board)).toBe('Row 1 of 3, above “A”.');
		expect(describeDrop(item, press(item, 'End'), board)).toBe('Row 3 of 3, after “C”.');
	});

	it('sends a row to the tray with Left and brings it back with Right', () => {
		const item: DragItem = { kind: 'row', id: 'c', label: 'C' };
		expect(press(item, 'ArrowLeft')).toEqual({ zone: 'tray' });
		expect(press(item, 'ArrowLeft', 'ArrowRight')).toEqual({ zone: 'rows', gap: 2, roleId: null });
	});

	it('moves a column left and right', () => {
		const item: DragItem = { kind: 'role', id: 'pm', label: 'PM' };
		expect(press(item, 'ArrowRight')).toEqual({ zone: 'roles', gap: 2 });
		expect(describeDrop(item, press(item, 'ArrowRight'), board)).toBe(
			'Between Engineering and Design.'
		);
		expect(describeDrop(item, press(item, 'End'), board)).toBe('Last column, after Design.');
		expect(nextTarget('ArrowUp', item, firstTarget(item, board), board)).toBeNull();
	});
});
