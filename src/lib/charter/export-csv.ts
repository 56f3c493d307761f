/**
 * The RACI matrix as CSV for spreadsheets: RFC 4180 quoting and CRLF line ends, with a UTF-8 byte
 * order mark so that Excel reads non-ASCII titles correctly.
 *
 * Text that starts like a formula (=, +, -, @, tab, CR) gets a leading apostrophe, as OWASP
 * advises against CSV injection: titles come from any participant, and a spreadsheet would
 * otherwise evaluate "=HYPERLINK(...)" when the facilitator opens the file.
 */
import { describeAgreement } from './agreement-text.ts';
import { listEntries, type Charter } from './charter.ts';

const BOM = '\uFEFF';

const field = (value: string): string => {
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The Agreement column comes last so that role columns keep their place for older readers. */
export const charterToCsv = (charter: Charter): string => {
	const { roles, rows } = charter.matrix;
	const agreementOf = new Map(
		listEntries(charter).map(({ item }) => [
			item.cardId,
			item.agreement ? describeAgreement(item.agreement) : ''
		])
	);
	const records = [
		['Responsibility', 'Category', ...roles.map((role) => role.name), 'Agreement'],
		...rows.map((row) => [
			row.title,
			row.category,
			...roles.map((role) => row.letters[role.id] ?? ''),
			agreementOf.get(row.cardId) ?? ''
		])
	];
	return BOM + records.map((record) => record.map(field).join(',') + '\r\n').join('');
};
