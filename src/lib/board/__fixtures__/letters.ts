// Builds a snapshot from a compact picture of the grid, one string per row and one character
// per role ('.' for no letter), for the tests of the pure rules.
import { cellKey, type BoardSnapshot, type Card, type Letter } from '../schema.ts';

export const gridSnapshot = (
	roleIds: string[],
	rows: Record<string, string>,
	focusRoleId: string | null = roleIds[0] ?? null
): BoardSnapshot => {
	const cells: Record<string, Letter> = {};
	const cards: Card[] = Object.entries(rows).map(([id, letters], i) => {
		[...letters].forEach((letter, j) => {
			if (letter !== '.') cells[cellKey(id, roleIds[j])] = letter as Letter;
		});
		const order = String.fromCharCode(65 + i);
		return { id, title: `Row ${id}`, detail: '', category: '', source: '', placed: true, order };
	});
	return {
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
