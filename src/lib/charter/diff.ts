/**
 * What changed between two versions of a charter, for readers: rows added and removed, and rows
 * in both whose title or letters changed. Letters are compared over the roles of both versions,
 * so a removed role's letters show as changes to '' on the rows that had them.
 */
import { listEntries, type Charter, type CharterItem, type CharterRole } from './charter.ts';
import type { Mark } from '../board/schema.ts';
import type { Boundary } from '../board/boundary.ts';
import { frameworkOf } from '../board/frameworks.ts';

/** Marks as stored: a version published before A/R existed simply never holds one. */
export type CellChange = { roleId: string; roleName: string; from: Mark | ''; to: Mark | '' };

export type RowChange = {
	cardId: string;
	title: string;
	cells: CellChange[];
	titleChanged?: { from: string; to: string };
	/** The focus role's section changed with the letters. */
	moved?: { from: Boundary; to: Boundary };
};

/** A section's short name in the charter's framework ("Drives" in DACI). */
export const sectionName = (charter: Charter, boundary: Boundary): string => {
	if (boundary === 'outside') return 'Not the focus role’s job';
	if (boundary === 'unresolved') return 'Open question';
	return frameworkOf(charter.framework).words[boundary].name;
};

/** "Moved from Open question to Does", in the words of the newer version's framework. */
export const movedText = (charter: Charter, moved: { from: Boundary; to: Boundary }): string =>
	`Moved from ${sectionName(charter, moved.from)} to ${sectionName(charter, moved.to)}`;

export type CharterDiff = {
	added: CharterItem[];
	removed: CharterItem[];
	changed: RowChange[];
	rolesAdded: CharterRole[];
	rolesRemoved: CharterRole[];
};

export const diffCharters = (a: Charter, b: Charter): CharterDiff => {
	const itemsA = new Map(listEntries(a).map(({ item }) => [item.cardId, item]));
	const itemsB = new Map(listEntries(b).map(({ item }) => [item.cardId, item]));
	const rolesA = new Set(a.roles.map((role) => role.id));
	const rolesB = new Set(b.roles.map((role) => role.id));
	const roles = [...b.roles, ...a.roles.filter((role) => !rolesB.has(role.id))];
	const rowsA = new Map(a.matrix.rows.map((row) => [row.cardId, row]));
	const boundaryA = new Map(listEntries(a).map(({ item, boundary }) => [item.cardId, boundary]));
	const boundaryB = new Map(listEntries(b).map(({ item, boundary }) => [item.cardId, boundary]));

	const changed: RowChange[] = [];
	for (const rowB of b.matrix.rows) {
		const rowA = rowsA.get(rowB.cardId);
		if (!rowA) continue;
		const cells: CellChange[] = [];
		for (const role of roles) {
			const from = rowA.letters[role.id] ?? '';
			const to = rowB.letters[role.id] ?? '';
			if (from !== to) cells.push({ roleId: role.id, roleName: role.name, from, to });
		}
		const titleChanged = rowA.title !== rowB.title;
		const from = boundaryA.get(rowB.cardId);
		const to = boundaryB.get(rowB.cardId);
		const moved = from && to && from !== to ? { from, to } : null;
		if (cells.length === 0 && !titleChanged && !moved) continue;
		changed.push({
			cardId: rowB.cardId,
			title: rowB.title,
			cells,
			...(titleChanged ? { titleChanged: { from: rowA.title, to: rowB.title } } : {}),
			...(moved ? { moved } : {})
		});
	}

	return {
		added: [...itemsB.values()].filter((item) => !itemsA.has(item.cardId)),
		removed: [...itemsA.values()].filter((item) => !itemsB.has(item.cardId)),
		changed,
		rolesAdded: b.roles.filter((role) => !rolesA.has(role.id)),
		rolesRemoved: a.roles.filter((role) => !rolesB.has(role.id))
	};
};
