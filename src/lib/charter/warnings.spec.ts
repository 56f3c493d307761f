import { describe, expect, it } from 'vitest';
import { gridSnapshot } from '../board/__fixtures__/letters.ts';
import { FIXTURE_META } from '../board/__fixtures__/board.ts';
import { buildCharter } from './charter.ts';
import { warningText } from './item-text.ts';
import { boardWarnings, isAccidentalCoordination } from './warnings.ts';

describe('the accidental coordinator check', () => {
	const snapshot = gridSnapshot(['pm', 'eng', 'sales'], {
		alone: 'RCI',
		owned: 'RA.',
		shared: 'R.R',
		owns: 'AR.',
		nobody: '.CI'
	});

	it('fires only where the focus role does a row no other role owns or does', () => {
		const fired = snapshot.rows
			.map((row) => row.id)
			.filter((id) => isAccidentalCoordination(snapshot, id, 'pm'));
		expect(fired).toEqual(['alone']);
		expect(isAccidentalCoordination(snapshot, 'alone', null)).toBe(false);
	});

	it('reaches the charter on the row, worded, next to the board’s own warnings', () => {
		snapshot.focusRoleId = 'pm';
		expect(boardWarnings(snapshot, 'pm').rows.alone).toEqual([
			{ rule: 'accidental-coordinator', roleIds: ['pm'] }
		]);
		const charter = buildCharter(snapshot, FIXTURE_META);
		const row = charter.sections.unresolved.find((item) => item.cardId === 'alone');
		expect(row?.warnings?.map((warning) => warningText(charter, warning))).toEqual([
			expect.stringMatching(/^Accidental coordinator \(Role pm\): The focus role does this/)
		]);
		expect(charter.sections.owns[0].warnings).toBeUndefined();
	});
});
