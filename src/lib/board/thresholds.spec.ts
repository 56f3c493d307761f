import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_OPTIONS } from './rules.ts';
import { parseThresholdFields, readThresholds, thresholdFields } from './thresholds.ts';

describe('warning thresholds from the Settings form', () => {
	it('reads percent and rows into the shares and counts the rules take', () => {
		expect(
			parseThresholdFields({ overloadPercent: '40', overloadMin: ' 8 ', consultedLeftOut: '0' })
		).toEqual({
			thresholds: { overloadShare: 0.4, overloadMin: 8, consultedLeftOut: 0 },
			errors: null
		});
	});

	it('says what is wrong with each bad field and saves none of them', () => {
		const parsed = parseThresholdFields({
			overloadPercent: '0',
			overloadMin: '2.5',
			consultedLeftOut: 'lots'
		});
		expect(parsed.thresholds).toBeNull();
		expect(parsed.errors).toEqual({
			overloadPercent: 'Give a whole percentage from 1 to 100.',
			overloadMin: 'Give a whole number of rows from 1 to 1000.',
			consultedLeftOut: 'Give a whole number of roles from 0 to 10.'
		});
		expect(
			parseThresholdFields({ overloadPercent: '101', overloadMin: '3', consultedLeftOut: '1' })
				.errors
		).toEqual({ overloadPercent: 'Give a whole percentage from 1 to 100.' });
	});

	it('shows the defaults until a facilitator sets others, and ignores stored nonsense', () => {
		expect(readThresholds(undefined)).toEqual(DEFAULT_RULE_OPTIONS);
		expect(readThresholds({ overloadShare: 2, overloadMin: 3, consultedLeftOut: 1 })).toEqual(
			DEFAULT_RULE_OPTIONS
		);
		expect(thresholdFields(DEFAULT_RULE_OPTIONS)).toEqual({
			overloadPercent: '50',
			overloadMin: '3',
			consultedLeftOut: '1'
		});
	});
});
