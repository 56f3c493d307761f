/**
 * Which rows a blind proposal round asks about. By default the rows on the board: a template
 * brings dozens of cards, and a round over all of them reads "0 of 34 answered" to a team that
 * placed eight. The facilitator can instead pick rows, tray cards included. The server fixes the
 * list when the round starts and takes no proposal for a card outside it.
 */
import type { Card } from '../board/schema.ts';
import { cellCardId } from './proposals.ts';

/** What a round's rows are chosen from: the board's placed rows and its tray. */
export type RoundBoard = { rows: readonly Card[]; tray: readonly Card[] };

/** A round asks about at most this many rows (a sanity bound on stored JSON). */
export const MAX_ROUND_ROWS = 500;

/** A choice the server refuses, with a message fit to show the facilitator. */
export class RoundRowsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RoundRowsError';
	}
}

/**
 * The rows of a new round in board order (placed rows, then the tray): the placed rows when
 * `requested` is absent, otherwise the card ids the facilitator picked, each on the board.
 */
export const chooseRoundRows = (requested: unknown, board: RoundBoard): string[] => {
	const cards = [...board.rows, ...board.tray];
	if (requested === undefined || requested === null) {
		if (board.rows.length === 0) {
			throw new RoundRowsError('Place rows on the board first, or pick the rows for this round.');
		}
		return board.rows.map((card) => card.id);
	}
	if (!Array.isArray(requested) || requested.some((id) => typeof id !== 'string')) {
		throw new RoundRowsError('Rows must be a list of card ids.');
	}
	if (requested.length === 0) throw new RoundRowsError('Pick at least one row for the round.');
	if (requested.length > MAX_ROUND_ROWS) {
		throw new RoundRowsError(`A round asks about at most ${MAX_ROUND_ROWS} rows.`);
	}
	const known = new Set(cards.map((card) => card.id));
	const missing = requested.find((id) => !known.has(id as string));
	if (missing !== undefined) throw new RoundRowsError('A picked row is no longer on the board.');
	const picked = new Set(requested as string[]);
	return cards.filter((card) => picked.has(card.id)).map((card) => card.id);
};

/** The round's cards in board order; `cardIds` null (a round from before rows were chosen): all. */
export const roundCards = (cardIds: readonly string[] | null, board: RoundBoard): Card[] => {
	const cards = [...board.rows, ...board.tray];
	if (cardIds === null) return cards;
	const inRound = new Set(cardIds);
	return cards.filter((card) => inRound.has(card.id));
};

/** The cells of a proposal whose card is not in the round (none when `cardIds` is null). */
export const cellsOutsideRound = (
	cellKeys: readonly string[],
	cardIds: readonly string[] | null
): string[] => {
	if (cardIds === null) return [];
	const inRound = new Set(cardIds);
	return cellKeys.filter((key) => !inRound.has(cellCardId(key)));
};
