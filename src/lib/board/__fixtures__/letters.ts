// Builds a snapshot from a compact picture of the grid, one string per row and one character
// per role ('.' for no letter), for the tests of the pure rules. A row with two letters in one
// cell is written with spaces between the cells: 'A/R C .'.
import type { FrameworkId, Mark } from '../frameworks.ts';
import { cellKey, type BoardSnapshot, type Card } from '../schema.ts';

export const gridSnapshot = (
	roleIds: string[],
	rows: Record<string, string>,
	focusRoleId: string | null = roleIds[0] ?? null,
	framework: FrameworkId = 'raci'
): BoardSnapshot => {
	const cells: Record<string, Mark> = {};
	const cards: Card[] = Object.entries(rows).map(([id, letters], i) => {
		const marks = letters.includes(' ') ? letters.split(/\s+/) : [...letters];
		marks.forEach((mark, j) => {
			if (mark !== '.') cells[cellKey(id, roleIds[j])] = mark as Mark;
		});
		const order = String.fromCharCode(65 + i);
		return { id, title: `Row ${id}`, detail: '', category: '', source: '', placed: true, order };
	});
	return {
		framework,
		focusRoleId,
		roles: roleIds.map((id, i) => ({
			id,
			name: `Role ${id}`,
			label: id.toUpperCase(),
			color: '#000',
			order: String.fromCharCode(65 + i)
		})),
		rows: cards,
		tray: [],
		cells,
		notes: {},
		dissent: [],
		rowEdits: {}
	};
};
