/**
 * A workshop's warning thresholds: what the facilitator typed, checked into the numbers the rules
 * take, and read back from where they are stored (the facilitation document, written only by the
 * server). The form speaks in whole percent and rows; the rules in shares.
 */
import { DEFAULT_RULE_OPTIONS, type WarningThresholds } from './rules.ts';

export const MAX_OVERLOAD_ROWS = 1000;
export const MAX_CONSULTED_LEFT_OUT = 10;

/** The form's fields, as typed. */
export type ThresholdFields = {
	overloadPercent: string;
	overloadMin: string;
	consultedLeftOut: string;
};

export type ThresholdErrors = Partial<Record<keyof ThresholdFields, string>>;

export const thresholdFields = (thresholds: WarningThresholds): ThresholdFields => ({
	overloadPercent: String(Math.round(thresholds.overloadShare * 100)),
	overloadMin: String(thresholds.overloadMin),
	consultedLeftOut: String(thresholds.consultedLeftOut)
});

const wholeNumber = (text: string, min: number, max: number): number | null => {
	const trimmed = text.trim();
	if (!/^\d+$/.test(trimmed)) return null;
	const value = Number(trimmed);
	return value >= min && value <= max ? value : null;
};

/** The thresholds the fields say, or what is wrong with each field that is not a valid one. */
export const parseThresholdFields = (
	fields: ThresholdFields
):
	| { thresholds: WarningThresholds; errors: null }
	| { thresholds: null; errors: ThresholdErrors } => {
	const percent = wholeNumber(fields.overloadPercent, 1, 100);
	const min = wholeNumber(fields.overloadMin, 1, MAX_OVERLOAD_ROWS);
	const leftOut = wholeNumber(fields.consultedLeftOut, 0, MAX_CONSULTED_LEFT_OUT);
	const errors: ThresholdErrors = {};
	if (percent === null) errors.overloadPercent = 'Give a whole percentage from 1 to 100.';
	if (min === null)
		errors.overloadMin = `Give a whole number of rows from 1 to ${MAX_OVERLOAD_ROWS}.`;
	if (leftOut === null)
		errors.consultedLeftOut = `Give a whole number of roles from 0 to ${MAX_CONSULTED_LEFT_OUT}.`;
	if (percent === null || min === null || leftOut === null) return { thresholds: null, errors };
	return {
		thresholds: { overloadShare: percent / 100, overloadMin: min, consultedLeftOut: leftOut },
		errors: null
	};
};

/** Whether `value` is a set of thresholds as the server stores them. */
export const isThresholds = (value: unknown): value is WarningThresholds => {
	if (typeof value !== 'object' || value === null) return false;
	const { overloadShare, overloadMin, consultedLeftOut } = value as Record<string, unknown>;
	return (
		typeof overloadShare === 'number' &&
		overloadShare > 0 &&
		overloadShare <= 1 &&
		Number.isInteger(overloadMin) &&
		(overloadMin as number) >= 1 &&
		(overloadMin as number) <= MAX_OVERLOAD_ROWS &&
		Number.isInteger(consultedLeftOut) &&
		(consultedLeftOut as number) >= 0 &&
		(consultedLeftOut as number) <= MAX_CONSULTED_LEFT_OUT
	);
};

/** Stored thresholds, or the defaults when none (or none valid) are stored. */
export const readThresholds = (value: unknown): WarningThresholds =>
	isThresholds(value)
		? {
				overloadShare: value.overloadShare,
				overloadMin: value.overloadMin,
				consultedLeftOut: value.consultedLeftOut
			}
		: { ...DEFAULT_RULE_OPTIONS };
