/**
 * What is still unsettled before publishing: rows that break a rule (they become open questions
 * in the charter) and rows nobody agreed yet or that were changed after agreement. Publishing
 * anyway is allowed; the facilitator sees this list first.
 */
import { checkRow, type Issue } from '../board/rules.ts';
import type { BoardSnapshot, RowEdit } from '../board/schema.ts';
import { rowStatus, type Agreement } from './agreement.ts';

export type Unresolved = {
	broken: { cardId: string; title: string; issues: Issue[] }[];
	notAgreed: { cardId: string; title: string; reopenedBy: RowEdit | null }[];
};

export const unresolvedRows = (
	board: BoardSnapshot,
	agreed: Record<string, Agreement>
): Unresolved => {
	const result: Unresolved = { broken: [], notAgreed: [] };
	for (const row of board.rows) {
		const issues = checkRow(board, row.id).filter((issue) => issue.severity === 'error');
		if (issues.length > 0) result.broken.push({ cardId: row.id, title: row.title, issues });
		const status = rowStatus(agreed[row.id], board.rowEdits[row.id]);
		if (status.state !== 'agreed') {
			result.notAgreed.push({
				cardId: row.id,
				title: row.title,
				reopenedBy: status.state === 'reopened' ? status.reopenedBy : null
			});
		}
	}
	return result;
};

export const isSettled = (unresolved: Unresolved): boolean =>
	unresolved.broken.length === 0 && unresolved.notAgreed.length === 0;
