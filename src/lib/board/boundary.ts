/**
 * Where a role's job ends, row by row: it owns (A, also when it does the row too: "A/R"), does
 * (R without A), supports (S, in RASCI), is consulted on (C) or informed of (I) a row, or the row
 * is outside its job, and then the row names who owns it instead. Letters mean what the board's
 * framework says (frameworks.ts). A row that breaks an error rule is unresolved for every role,
 * whatever its letters: no boundary is settled until the row is.
 */
import { SECTION_OF_DUTY, type Duty, type DutySection } from './frameworks.ts';
import { checkRow, dutiesAt, type Issue } from './rules.ts';
import { requireRole, requireRow } from './snapshot.ts';
import type { BoardSnapshot, Card } from './schema.ts';

export type Boundary = DutySection | 'outside' | 'unresolved';

export type RowBoundary =
	| { boundary: DutySection; alsoDoes?: true }
	| { boundary: 'outside'; ownerRoleIds: string[] }
	| { boundary: 'unresolved'; issues: Issue[] };

export type BoundarySummary = {
	owns: Card[];
	does: Card[];
	supports: Card[];
	consulted: Card[];
	informed: Card[];
	outside: { card: Card; ownerRoleIds: string[] }[];
	unresolved: { card: Card; issues: Issue[] }[];
	counts: Record<Boundary, number>;
};

/** The section a role's duties on a row put it in: the first of owner, doer, support, C, I. */
export const sectionOfDuties = (duties: Duty[]): DutySection | null => {
	for (const duty of ['owner', 'doer', 'support', 'consulted', 'informed'] as const) {
		if (duties.includes(duty)) return SECTION_OF_DUTY[duty];
	}
	return null;
};

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
	const duties = roleId === null ? [] : dutiesAt(snapshot, cardId, roleId);
	const section = sectionOfDuties(duties);
	if (section === 'owns' && duties.includes('doer')) return { boundary: section, alsoDoes: true };
	if (section) return { boundary: section };
	const ownerRoleIds = snapshot.roles
		.filter((role) => dutiesAt(snapshot, cardId, role.id).includes('owner'))
		.map((role) => role.id);
	return { boundary: 'outside', ownerRoleIds };
};

export const boundarySummary = (snapshot: BoardSnapshot, roleId: string): BoundarySummary => {
	requireRole(snapshot, roleId);
	const summary: BoundarySummary = {
		owns: [],
		does: [],
		supports: [],
		consulted: [],
		informed: [],
		outside: [],
		unresolved: [],
		counts: { owns: 0, does: 0, supports: 0, consulted: 0, informed: 0, outside: 0, unresolved: 0 }
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
