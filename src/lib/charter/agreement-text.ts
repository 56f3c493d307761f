/** One wording of a row's agreement state for every reader view and export. */
import { countAgreement, everyRowAgreed, type Charter, type CharterAgreement } from './charter.ts';

const day = (iso: string): string => iso.slice(0, 10);

export const describeAgreement = (agreement: CharterAgreement): string => {
	if (agreement.state === 'agreed') return `Agreed by ${agreement.by.name} on ${day(agreement.at)}`;
	if (agreement.state === 'not-agreed') return 'Not agreed in the workshop';
	return (
		`Reopened: changed by ${agreement.reopenedBy.name} on ${day(agreement.reopenedAt)} ` +
		`after ${agreement.by.name} agreed it`
	);
};

/** "Every row on the board was agreed" only when true; null when the version did not record it. */
export const summarizeAgreement = (charter: Charter): string | null => {
	const count = countAgreement(charter);
	if (!count) return null;
	if (everyRowAgreed(charter)) return 'Every row on the board was agreed';
	return (
		`${count.agreed} of ${charter.matrix.rows.length} rows agreed; ` +
		`${count.notAgreed} not agreed; ${count.reopened} reopened`
	);
};
