import { describe, expect, it } from 'vitest';
import {
	FIRST_WINDOW_ROWS,
	WINDOW_FROM_ROWS,
	renderedRuns,
	rowsOnScreen,
	withGaps
} from './row-window.ts';

describe('rowsOnScreen', () => {
	const band = { top: 100, bottom: 420, bodyTop: 100, rowHeight: 32 };

	it('takes the rows any part of which is inside the band', () => {
		expect(rowsOnScreen(60, band)).toEqual({ from: 0, to: 10 });
		expect(rowsOnScreen(60, { ...band, bodyTop: 100 - 32 * 20 - 5 })).toEqual({ from: 20, to: 31 });
	});

	it('stays within the board, scrolled past either end', () => {
		expect(rowsOnScreen(60, { ...band, bodyTop: 2000 })).toEqual({ from: 0, to: 0 });
		expect(rowsOnScreen(60, { ...band, bodyTop: -5000 })).toEqual({ from: 60, to: 60 });
	});

	it('falls back to the first window before anything is measured', () => {
		expect(rowsOnScreen(60, { ...band, rowHeight: 0 })).toEqual({ from: 0, to: FIRST_WINDOW_ROWS });
	});
});

describe('renderedRuns', () => {
	it('renders every row of a board shorter than the windowing threshold', () => {
		expect(renderedRuns(WINDOW_FROM_ROWS - 1, { from: 5, to: 10 }, [])).toEqual([
			{ from: 0, to: WINDOW_FROM_ROWS - 1 }
		]);
		expect(renderedRuns(0, { from: 0, to: 0 }, [])).toEqual([]);
	});

	it('adds a margin around the screen, cut at the ends', () => {
		expect(renderedRuns(60, { from: 20, to: 30 }, [], 8)).toEqual([{ from: 12, to: 38 }]);
		expect(renderedRuns(60, { from: 55, to: 60 }, [], 8)).toEqual([{ from: 47, to: 60 }]);
	});

	it('keeps pinned rows, merged with the screen where they touch it', () => {
		expect(renderedRuns(60, { from: 0, to: 10 }, [50, 18, 51, 99, -1], 8)).toEqual([
			{ from: 0, to: 19 },
			{ from: 50, to: 52 }
		]);
	});
});

describe('withGaps', () => {
	const rows = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}` }));

	it('puts one gap in place of each run of rows left out', () => {
		const items = withGaps(rows, [
			{ from: 2, to: 4 },
			{ from: 7, to: 8 }
		]);
		expect(items.map((item) => ('gap' in item ? `gap ${item.rows}` : item.id))).toEqual([
			'gap 2',
			'r2',
			'r3',
			'gap 3',
			'r7',
			'gap 2'
		]);
	});

	it('numbers gaps in order, so the spacer before the first rendered row keeps its key', () => {
		const ids = (from: number) =>
			withGaps(rows, [{ from, to: from + 2 }])
				.filter((item) => 'gap' in item)
				.map((item) => item.id);
		expect(ids(3)).toEqual(['gap:0', 'gap:1']);
		expect(ids(5)).toEqual(['gap:0', 'gap:1']);
	});

	it('returns every row when nothing is left out', () => {
		expect(withGaps(rows, [{ from: 0, to: 10 }])).toEqual(rows);
	});
});
