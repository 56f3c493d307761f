import type { Boundary, Letter } from '#lib/board/index.ts';
import {
	listEntries,
	type Charter,
	type CharterEntry,
	type CharterItem
} from '#lib/charter/index.ts';

export const LETTER_WORDS: Record<Letter, string> = {
	A: 'accountable',
	R: 'responsible',
	C: 'consulted',
	I: 'informed'
};

/** "Product Manager owns", "Not Sales's job": the focus role's boundary of a row, in words. */
export function boundaryPhrase(boundary: Boundary, roleName: string): string {
	switch (boundary) {
		case 'owns':
			return `${roleName} owns`;
		case 'does':
			return `${roleName} does`;
		case 'consulted':
			return `${roleName} is consulted`;
		case 'informed':
			return `${roleName} is informed`;
		case 'outside':
			return `Not ${possessive(roleName)} job`;
		case 'unresolved':
			return 'Open question';
	}
}

export function entriesById(charter: Charter): Map<string, CharterEntry> {
	return new Map(listEntries(charter).map((entry) => [entry.item.cardId, entry]));
}

/** Names of the roles holding `letter` on a row. */
export function rolesWith(charter: Charter, cardId: string, letter: Letter): string[] {
	const row = charter.matrix.rows.find((r) => r.cardId === cardId);
	if (!row) return [];
	return charter.matrix.roles.filter((role) => row.letters[role.id] === letter).map((r) => r.name);
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
