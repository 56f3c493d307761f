/**
 * Search for readers of a charter, who ask questions more than they type keywords: "who owns
 * beta programs?" must find "Run beta programs". Question words and RACI verbs are dropped, the
 * remaining words match whole words of a row (or share a stem of four or more letters, so
 * "program" finds "programs"), and rows rank by how many of them match, title matches first.
 */
import { listEntries, type Charter, type CharterEntry } from './charter.ts';

export type SearchResult = CharterEntry & { accountable: string[] };

const STOP_WORDS = new Set(
	(
		'a an and are as at be by can did do does doing done for from has have how i in is it its ' +
		'me my of on or our should that the their them this to us was we what when where which who ' +
		'whom whose why will with you your ' +
		'accountable care charge consulted decide decides handle handles handling informed job own ' +
		'owned owner owners owning owns responsible role take takes'
	).split(' ')
);

export const searchWords = (text: string): string[] =>
	text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.match(/[\p{L}\p{N}]+/gu) ?? [];

const sameWord = (a: string, b: string): boolean => {
	if (a === b) return true;
	const [short, long] = a.length < b.length ? [a, b] : [b, a];
	return short.length >= 4 && long.startsWith(short);
};

export const searchCharter = (charter: Charter, query: string): SearchResult[] => {
	const terms = [...new Set(searchWords(query))].filter((word) => !STOP_WORDS.has(word));
	if (terms.length === 0) return [];
	const scored: { result: SearchResult; score: number }[] = [];
	for (const entry of listEntries(charter)) {
		const { item } = entry;
		const title = searchWords(item.title);
		const rest = searchWords([item.detail, item.category, item.note].join(' '));
		let score = 0;
		for (const term of terms) {
			if (title.some((word) => sameWord(word, term))) score += 3;
			else if (rest.some((word) => sameWord(word, term))) score += 1;
		}
		if (score === 0) continue;
		const letters = charter.matrix.rows.find((row) => row.cardId === item.cardId)?.letters ?? {};
		const accountable = charter.matrix.roles
			.filter((role) => (letters[role.id] || '').split('/').includes('A'))
			.map((role) => role.name);
		scored.push({ result: { ...entry, accountable }, score });
	}
	// Array.prototype.sort is stable, so equal scores keep board order.
	return scored.sort((a, b) => b.score - a.score).map(({ result }) => result);
};
