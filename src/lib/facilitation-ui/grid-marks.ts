/**
 * What facilitation adds to the board grid: the spotlit row, each row's agreement (agreed, or
 * reopened and by whom), and after a reveal the disagreement heat of every cell with how the
 * proposals spread. The grid shows these; it does not compute them.
 */
import { cellKey, type BoardSnapshot } from '#lib/board/index.ts';
import { rowStatus } from '#lib/facilitation/agreement.ts';
import type { FacilitationSnapshot } from '#lib/facilitation/facilitation-doc.ts';
import { cellDisagreement, describeSpread } from '#lib/facilitation/proposals.ts';
import { heatColor } from './heat.ts';

export type RowMark = {
	spotlight: boolean;
	agreement: 'agreed' | 'reopened' | null;
	/** Who agreed it, or who reopened it. */
	by: string | null;
	/** By role id: the heat colour of the cell and how the proposals spread there. */
	cells: Record<string, { heat: string; spread: string }>;
};

export type GridMarks = Record<string, RowMark>;

const HEAT_PHASES = new Set(['propose', 'place', 'discuss']);

export function gridMarks(facilitation: FacilitationSnapshot, board: BoardSnapshot): GridMarks {
	const marks: GridMarks = {};
	const reveal = HEAT_PHASES.has(facilitation.phase) ? facilitation.reveal : null;
	for (const row of board.rows) {
		const status = rowStatus(facilitation.agreed[row.id], board.rowEdits[row.id]);
		const cells: RowMark['cells'] = {};
		if (reveal?.rows[row.id]) {
			for (const role of board.roles) {
				const spread = reveal.cells[cellKey(row.id, role.id)];
				if (!spread) continue;
				cells[role.id] = {
					heat: heatColor(cellDisagreement(spread)),
					spread: `Blind proposals: ${describeSpread(spread)}`
				};
			}
		}
		marks[row.id] = {
			spotlight: facilitation.spotlight === row.id,
			agreement: status.state === 'open' ? null : status.state,
			by:
				status.state === 'agreed'
					? status.agreement.by.name
					: status.state === 'reopened'
						? status.reopenedBy.name
						: null,
			cells
		};
	}
	return marks;
}
