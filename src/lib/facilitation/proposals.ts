/**
 * Blind proposals and the perception gap. Each participant privately marks the board's letters
 * (its framework's marks, "A/R" included) for the rows
 * as they believe things are today; on reveal the server aggregates them per cell, and everyone
 * sees how the answers spread, where they disagree most, and what most people said.
 *
 * A participant answers a row by putting at least one letter on it; the row's other cells then
 * count as "no letter" from them. Rows they left untouched do not count for or against anything.
 * Disagreement of a cell is 1 − the share of its most common answer (0: everyone agrees; it
 * grows as answers split), and of a row the mean over the cells someone put a letter in. In
 * anonymous mode the result holds counts only; names appear only in named mode.
 */
import { isMarkOf, type Framework, type Mark } from '../board/frameworks.ts';
import { cellKey } from '../board/schema.ts';

/** cellKey (`cardId:roleId`) → mark. */
export type ProposalCells = Record<string, Mark>;

export type Proposal = { userId: string; name: string; cells: ProposalCells };

/** An answer for a cell: a mark, or none. */
export type Answer = Mark | 'none';

/** The answers a board of `framework` can get, in its legend's order. */
export const answersOf = (framework: Framework): readonly Answer[] => [...framework.marks, 'none'];

export type CellSpread = {
	/** How many respondents of the row gave each answer (absent: zero). */
	counts: Partial<Record<Answer, number>>;
	/** Named mode only: who gave each letter. */
	names?: Partial<Record<Mark, string[]>>;
};

export type RevealResult = {
	round: number;
	named: boolean;
	revealedAt: number;
	/** The rows the round asked about, in board order (absent in reveals from before rounds had rows). */
	cardIds?: string[];
	/** People who answered at least one row. */
	respondents: number;
	/** Respondents per card. */
	rows: Record<string, number>;
	/** Per cell of an answered row. */
	cells: Record<string, CellSpread>;
};

/** Cards with at most this many proposal letters each (a sanity bound on stored JSON). */
const MAX_PROPOSAL_CELLS = 2000;

const splitCellKey = (key: string): [string, string] => {
	const at = key.indexOf(':');
	return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
};

/** The card a cell key (`cardId:roleId`) belongs to. */
export const cellCardId = (key: string): string => splitCellKey(key)[0];

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Keeps well-formed `cardId:roleId → mark` entries of `framework`; throws for anything else. */
export const checkProposalCells = (value: unknown, framework: Framework): ProposalCells => {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new TypeError('Proposals must be an object of cell → letter');
	}
	const entries = Object.entries(value as Record<string, unknown>);
	if (entries.length > MAX_PROPOSAL_CELLS) throw new TypeError('Too many proposal cells');
	const cells: ProposalCells = {};
	for (const [key, letter] of entries) {
		const [cardId, roleId] = splitCellKey(key);
		if (!ID.test(cardId) || !ID.test(roleId)) throw new TypeError(`"${key}" is not a cell`);
		if (letter === null || letter === '') continue;
		if (!isMarkOf(framework, letter)) {
			throw new TypeError(`"${String(letter)}" is not one of ${framework.marks.join(', ')}`);
		}
		cells[key] = letter;
	}
	return cells;
};

/** The cards someone answered. */
const answeredCards = (cells: ProposalCells): Set<string> =>
	new Set(Object.keys(cells).map((key) => splitCellKey(key)[0]));

/**
 * Counts the proposals per cell over the given roles. In named mode the letters carry names;
 * otherwise nothing in the result can tell one person's answers from another's.
 */
export const aggregateProposals = (
	proposals: readonly Proposal[],
	roleIds: readonly string[],
	options: { round: number; named: boolean; revealedAt: number; cardIds?: string[] }
): RevealResult => {
	const rows: Record<string, number> = {};
	const cells: Record<string, CellSpread> = {};
	let respondents = 0;
	for (const proposal of proposals) {
		const cards = answeredCards(proposal.cells);
		if (cards.size === 0) continue;
		respondents++;
		for (const cardId of cards) {
			rows[cardId] = (rows[cardId] ?? 0) + 1;
			for (const roleId of roleIds) {
				const key = cellKey(cardId, roleId);
				const letter = proposal.cells[key];
				const spread = (cells[key] ??= { counts: {} });
				const answer: Answer = letter ?? 'none';
				spread.counts[answer] = (spread.counts[answer] ?? 0) + 1;
				if (options.named && letter) {
					spread.names ??= {};
					(spread.names[letter] ??= []).push(proposal.name);
				}
			}
		}
	}
	for (const spread of Object.values(cells)) {
		for (const list of Object.values(spread.names ?? {})) list?.sort((a, b) => a.localeCompare(b));
	}
	return {
		round: options.round,
		named: options.named,
		revealedAt: options.revealedAt,
		...(options.cardIds ? { cardIds: options.cardIds } : {}),
		respondents,
		rows,
		cells
	};
};

const counts = (spread: CellSpread): [Answer, number][] =>
	Object.entries(spread.counts) as [Answer, number][];

const total = (spread: CellSpread): number => counts(spread).reduce((sum, [, n]) => sum + n, 0);

/** 1 − the share of the most common answer; 0 for an empty or unanimous cell. */
export const cellDisagreement = (spread: CellSpread | undefined): number => {
	if (!spread) return 0;
	const n = total(spread);
	if (n === 0) return 0;
	const top = Math.max(...counts(spread).map(([, n]) => n));
	return 1 - top / n;
};

/** Someone put a letter in this cell. */
const hasLetters = (spread: CellSpread): boolean =>
	counts(spread).some(([answer, n]) => answer !== 'none' && n > 0);

/** Mean disagreement over the row's cells that someone put a letter in; 0 when none. */
export const rowDisagreement = (
	result: RevealResult,
	cardId: string,
	roleIds: readonly string[]
): number => {
	let sum = 0;
	let n = 0;
	for (const roleId of roleIds) {
		const spread = result.cells[cellKey(cardId, roleId)];
		if (!spread || !hasLetters(spread)) continue;
		sum += cellDisagreement(spread);
		n++;
	}
	return n === 0 ? 0 : sum / n;
};

/**
 * The answer most respondents gave: a letter, 'none' when most left the cell empty, null when
 * there is a tie at the top or no answer at all (nothing to adopt).
 */
export const cellMajority = (spread: CellSpread | undefined): Answer | null => {
	if (!spread) return null;
	let best: Answer | null = null;
	let bestCount = 0;
	let tied = false;
	for (const [answer, count] of counts(spread)) {
		if (count > bestCount) {
			best = answer;
			bestCount = count;
			tied = false;
		} else if (count === bestCount && count > 0) tied = true;
	}
	return tied ? null : best;
};

/** The majority of each cell of a row that has one, by role id. */
export const rowMajority = (
	result: RevealResult,
	cardId: string,
	roleIds: readonly string[]
): Record<string, Answer> => {
	const majority: Record<string, Answer> = {};
	for (const roleId of roleIds) {
		const answer = cellMajority(result.cells[cellKey(cardId, roleId)]);
		if (answer) majority[roleId] = answer;
	}
	return majority;
};

/** "4×A, 2×R, 1×none", most common first; the per-cell spread as people read it. */
export const describeSpread = (spread: CellSpread | undefined): string => {
	if (!spread) return 'No answers';
	const parts = counts(spread)
		.filter(([, count]) => count > 0)
		.sort((a, b) => b[1] - a[1])
		.map(([answer, count]) => `${count}×${answer === 'none' ? 'no letter' : answer}`);
	return parts.length > 0 ? parts.join(', ') : 'No answers';
};

/** A stored reveal from the facilitation document, made safe to read; null if malformed. */
export const readRevealResult = (value: unknown): RevealResult | null => {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	if (
		typeof entry.round !== 'number' ||
		typeof entry.named !== 'boolean' ||
		typeof entry.revealedAt !== 'number' ||
		typeof entry.respondents !== 'number' ||
		typeof entry.rows !== 'object' ||
		entry.rows === null ||
		typeof entry.cells !== 'object' ||
		entry.cells === null
	) {
		return null;
	}
	if (
		entry.cardIds !== undefined &&
		!(Array.isArray(entry.cardIds) && entry.cardIds.every((id) => typeof id === 'string'))
	) {
		return null;
	}
	return entry as unknown as RevealResult;
};

/**
 * For one letter of a row, how many put it in each role's column, most first: "4×A PM, 3×A ENG".
 * Pass the owner together with the owner+doer pair, so that an "A/R" answer counts as an A too.
 */
export const letterSpread = (
	result: RevealResult,
	cardId: string,
	roleIds: readonly string[],
	marks: readonly Mark[]
): { roleId: string; count: number }[] =>
	roleIds
		.map((roleId) => {
			const counts = result.cells[cellKey(cardId, roleId)]?.counts ?? {};
			return { roleId, count: marks.reduce((sum, mark) => sum + (counts[mark] ?? 0), 0) };
		})
		.filter((entry) => entry.count > 0)
		.sort((a, b) => b.count - a.count);
