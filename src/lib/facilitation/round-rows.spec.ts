import { describe, expect, it } from 'vitest';
import type { Card } from '../board/schema.ts';
import { chooseRoundRows, cellsOutsideRound, roundCards } from './round-rows.ts';
import { fixtureCard as card } from '../board/__fixtures__/cards.ts';

const board = {
	rows: [card('roadmap', true), card('launch', true)],
	tray: [card('budget', false), card('hiring', false)]
};

describe('rows of a blind proposal round', () => {
	it('asks about the rows on the board unless the facilitator picks', () => {
		expect(chooseRoundRows(undefined, board)).toEqual(['roadmap', 'launch']);
		expect(() => chooseRoundRows(undefined, { rows: [], tray: board.tray })).toThrow(
			/Place rows on the board first/
		);
	});

	it('keeps picked cards, tray ones included, in board order and once each', () => {
		expect(chooseRoundRows(['hiring', 'launch', 'hiring'], board)).toEqual(['launch', 'hiring']);
	});

	it('refuses a pick that is empty, malformed or names a card not on the board', () => {
		expect(() => chooseRoundRows([], board)).toThrow(/at least one row/);
		expect(() => chooseRoundRows('roadmap', board)).toThrow(/list of card ids/);
		expect(() => chooseRoundRows([1], board)).toThrow(/list of card ids/);
		expect(() => chooseRoundRows(['roadmap', 'gone'], board)).toThrow(/no longer on the board/);
	});

	it('lists the round’s cards and the cells that fall outside it', () => {
		expect(roundCards(['hiring', 'roadmap'], board).map((c) => c.id)).toEqual([
			'roadmap',
			'hiring'
		]);
		expect(roundCards(null, board)).toHaveLength(4);
		expect(
			cellsOutsideRound(['roadmap:pm', 'budget:pm', 'launch:eng'], ['roadmap', 'launch'])
		).toEqual(['budget:pm']);
		expect(cellsOutsideRound(['budget:pm'], null)).toEqual([]);
	});
});
