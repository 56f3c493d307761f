import { frameworkOf, markName, type Boundary, type Mark } from '#lib/board/index.ts';
import {
	listEntries,
	type Charter,
	type CharterEntry,
	type CharterItem
} from '#lib/charter/index.ts';

/** "accountable and responsible": a mark in words, by the charter's framework. */
export function markWords(charter: Charter, mark: Mark): string {
	return markName(frameworkOf(charter.framework), mark).toLowerCase();
}

/** "Product Manager owns", "Not Sales's job": the focus role's boundary of a row, in words. */
export function boundaryPhrase(charter: Charter, boundary: Boundary, roleName: string): string {
	if (boundary === 'outside') return `Not ${possessive(roleName)} job`;
	if (boundary === 'unresolved') return 'Open question';
	return `${roleName} ${frameworkOf(charter.framework).words[boundary].phrase}`;
}

export function entriesById(charter: Charter): Map<string, CharterEntry> {
	return new Map(listEntries(charter).map((entry) => [entry.item.cardId, entry]));
}

/** Names of the roles holding `letter` on a row, alone or with another ("A/R" holds A and R). */
export function rolesWith(charter: Charter, cardId: string, letter: Mark): string[] {
	const row = charter.matrix.rows.find((r) => r.cardId === cardId);
	if (!row) return [];
	return charter.matrix.roles
		.filter((role) => (row.letters[role.id] || '').split('/').includes(letter))
		.map((r) => r.name);
}

export function formatDay(iso: string | number): string {
	return new Date(iso).toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

/** "Product Manager's", "Sales'". */
export function possessive(name: string): string {
	return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
