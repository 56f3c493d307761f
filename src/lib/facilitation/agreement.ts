/**
 * Agreed rows. When the facilitator marks a row agreed, the agreement remembers the row's last
 * edit at that moment (the board's `rowEdits` entry). Any later change of the row's letters,
 * placement or wording records a different edit, and the row is then *reopened*, by whoever made
 * that edit, until the facilitator agrees it again. Comparing edits rather than clocks keeps this
 * right when the editors' clocks disagree.
 */
import type { Actor, RowEdit } from '../board/schema.ts';

export type Agreement = {
	/** Server time of the agreement. */
	at: number;
	by: Actor;
	/** The row's last edit when it was agreed; null if it had none. */
	edit: RowEdit | null;
};

export type RowStatus =
	| { state: 'open' }
	| { state: 'agreed'; agreement: Agreement }
	| { state: 'reopened'; agreement: Agreement; reopenedBy: RowEdit };

const sameEdit = (a: RowEdit | null | undefined, b: RowEdit | null | undefined): boolean =>
	(a ?? null) === (b ?? null) || (!!a && !!b && a.at === b.at && a.userId === b.userId);

export const rowStatus = (
	agreement: Agreement | undefined,
	lastEdit: RowEdit | undefined
): RowStatus => {
	if (!agreement) return { state: 'open' };
	if (lastEdit && !sameEdit(agreement.edit, lastEdit)) {
		return { state: 'reopened', agreement, reopenedBy: lastEdit };
	}
	return { state: 'agreed', agreement };
};

/** Status of every row, by card id. */
export const rowStatuses = (
	rowIds: readonly string[],
	agreed: Record<string, Agreement>,
	rowEdits: Record<string, RowEdit>
): Record<string, RowStatus> =>
	Object.fromEntries(rowIds.map((id) => [id, rowStatus(agreed[id], rowEdits[id])]));

/** The rows that are agreed now (not open, not reopened). */
export const settledRows = (statuses: Record<string, RowStatus>): Set<string> =>
	new Set(
		Object.entries(statuses)
			.filter(([, status]) => status.state === 'agreed')
			.map(([id]) => id)
	);

/** A stored agreement from the facilitation document, made safe to read. */
export const readAgreement = (value: unknown): Agreement | null => {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	const by = entry.by as Record<string, unknown> | null | undefined;
	if (typeof entry.at !== 'number' || !by || typeof by.id !== 'string') return null;
	const edit = entry.edit as Record<string, unknown> | null | undefined;
	return {
		at: entry.at,
		by: { id: by.id, name: typeof by.name === 'string' ? by.name : '' },
		edit:
			edit && typeof edit.at === 'number' && typeof edit.userId === 'string'
				? { userId: edit.userId, name: typeof edit.name === 'string' ? edit.name : '', at: edit.at }
				: null
	};
};
