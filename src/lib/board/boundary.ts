/**
 * Where a role's job ends, row by row: it owns (A), does (R without A), is consulted on (C) or
 * informed of (I) a row, or the row is outside its job, and then the row names who owns it
 * instead. A row that breaks an error rule is unresolved for every role, whatever its letters:
 * no boundary is settled until the row is.
 */
import { checkRow, type Issue } from './rules.ts';
import { letterAt, requireRole, requireRow } from './snapshot.ts';
import type { BoardSnapshot, Card, Letter } from './schema.ts';

export type Boundary = 'owns' | 'does' | 'consulted' | 'informed' | 'outside' | 'unresolved';

export type RowBoundary =
	| { boundary: 'owns' | 'does' | 'consulted' | 'informed' }
	| { boundary: 'outside'; ownerRoleIds: string[] }
	| { boundary: 'unresolved'; issues: Issue[] };

export type BoundarySummary = {
	owns: Card[];
	does: Card[];
	consulted: Card[];
	informed: Card[];
	outside: { card: Card; ownerRoleIds: string[] }[];
	unresolved: { card: Card; issues: Issue[] }[];
	counts: Record<Boundary, number>;
};

export const BOUNDARY_OF_LETTER = {
	A: 'owns',
	R: 'does',
	C: 'consulted',
	I: 'informed'
} as const satisfies Record<Letter, Boundary>;

/** The boundary of `roleId` on a row; a null role (a board without roles) has no letters. */
export const boundaryOf = (
	snapshot: BoardSnapshot,
	cardId: string,
	roleId: string | null
): RowBoundary => {
	requireRow(snapshot, cardId);
	if (roleId !== null) requireRole(snapshot, roleId);
	const issues = checkRow(snapshot, cardId).filter((issue) => issue.severity === 'error');
	if (issues.length > 0) return { boundary: 'unresolved', issues };
	const letter = roleId === null ? null : letterAt(snapshot, cardId, roleId);
	if (letter) return { boundary: BOUNDARY_OF_LETTER[letter] };
	const ownerRoleIds = snapshot.roles
		.filter((role) => letterAt(snapshot, cardId, role.id) === 'A')
		.map((role) => role.id);
	return { boundary: 'outside', ownerRoleIds };
};

export const boundarySummary = (snapshot: BoardSnapshot, roleId: string): BoundarySummary => {
	requireRole(snapshot, roleId);
	const summary: BoundarySummary = {
		owns: [],
		does: [],
		consulted: [],
		informed: [],
		outside: [],
		unresolved: [],
		counts: { owns: 0, does: 0, consulted: 0, informed: 0, outside: 0, unresolved: 0 }
	};
	for (const card of snapshot.rows) {
		const row = boundaryOf(snapshot, card.id, roleId);
		if (row.boundary === 'outside') summary.outside.push({ card, ownerRoleIds: row.ownerRoleIds });
		else if (row.boundary === 'unresolved') summary.unresolved.push({ card, issues: row.issues });
		else summary[row.boundary].push(card);
		summary.counts[row.boundary]++;
	}
	return summary;
};
