/**
 * The board's warnings as the charter records them: a row's (everyone consulted, and the focus
 * role as the accidental coordinator of work nobody else owns or does) and a role's (overloaded,
 * spread too thin, only informed), with the workshop's thresholds, and by how much a threshold
 * warning fired.
 */
import {
	checkBoard,
	dutiesAt,
	type Issue,
	type Measure,
	type RuleOptions
} from '../board/rules.ts';
import type { BoardSnapshot } from '../board/schema.ts';

export type CharterWarningId =
	'consulted-everyone' | 'only-informed' | 'overload' | 'focus-overload' | 'accidental-coordinator';

export type CharterWarning = { rule: CharterWarningId; roleIds: string[]; measure?: Measure };

const fromIssue = (issue: Issue): CharterWarning => ({
	rule: issue.rule as CharterWarningId,
	roleIds: issue.roleIds ?? [],
	...(issue.measure ? { measure: issue.measure } : {})
});

/** The focus role does the row without owning it, and no other role owns or does it. */
export const isAccidentalCoordination = (
	snapshot: BoardSnapshot,
	cardId: string,
	focusRoleId: string | null
): boolean => {
	if (!focusRoleId) return false;
	const focus = dutiesAt(snapshot, cardId, focusRoleId);
	if (!focus.includes('doer') || focus.includes('owner')) return false;
	return snapshot.roles.every((role) => {
		if (role.id === focusRoleId) return true;
		const duties = dutiesAt(snapshot, cardId, role.id);
		return !duties.includes('doer') && !duties.includes('owner');
	});
};

export type BoardWarnings = {
	rows: Record<string, CharterWarning[]>;
	roles: CharterWarning[];
};

export const boardWarnings = (
	snapshot: BoardSnapshot,
	focusRoleId: string | null,
	thresholds: RuleOptions = {}
): BoardWarnings => {
	const check = checkBoard(snapshot, thresholds);
	const rows: Record<string, CharterWarning[]> = {};
	for (const row of snapshot.rows) {
		const warnings: CharterWarning[] = check.rows[row.id]
			.filter((issue) => issue.severity === 'warning')
			.map(fromIssue);
		if (isAccidentalCoordination(snapshot, row.id, focusRoleId)) {
			warnings.push({ rule: 'accidental-coordinator', roleIds: focusRoleId ? [focusRoleId] : [] });
		}
		if (warnings.length > 0) rows[row.id] = warnings;
	}
	const roles = Object.values(check.roles).flatMap((role) => role.issues.map(fromIssue));
	return { rows, roles };
};
