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

describe('the workshop’s warning thresholds in the charter', () => {
	// The PM does or owns 4 of 10 rows: under the default half, over 40%.
	const snapshot = gridSnapshot(['pm', 'eng'], {
		a: 'AR',
		b: 'RA',
		c: 'AR',
		d: 'RA',
		e: 'CR',
		f: 'IR',
		g: 'CR',
		h: 'CR',
		i: 'IR',
		j: 'IR'
	});

	it('records the role warnings the workshop’s thresholds fire, with the numbers', () => {
		const spread = (charter: ReturnType<typeof buildCharter>) =>
			charter.roleWarnings?.filter((warning) => warning.rule === 'focus-overload');
		expect(spread(buildCharter(snapshot, FIXTURE_META))).toEqual([]);
		const thresholds = { overloadShare: 0.4, overloadMin: 3, consultedLeftOut: 1 };
		const charter = buildCharter(snapshot, { ...FIXTURE_META, thresholds });
		expect(spread(charter)).toEqual([
			{ rule: 'focus-overload', roleIds: ['pm'], measure: { count: 4, of: 10, threshold: 4 } }
		]);
		expect(warningText(charter, spread(charter)![0])).toMatch(
			/^Spread too thin \(Role pm\): R or A on 4 of 10 rows \(threshold 4\)\. The focus role/
		);
	});

	it('words a warning from an older version, stored without numbers, as before', () => {
		const charter = buildCharter(snapshot, FIXTURE_META);
		expect(warningText(charter, { rule: 'focus-overload', roleIds: ['pm'] })).toMatch(
			/^Spread too thin \(Role pm\): The focus role/
		);
	});
});
