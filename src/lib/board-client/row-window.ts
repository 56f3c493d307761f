/**
 * Which rows of a long grid are rendered: the rows on screen with a margin either side, and any
 * row that must exist off screen (the one holding the keyboard focus, a row being dragged or
 * revealed). The rest are left out and spacers keep their height, so the scrollbar, the sticky
 * header and every row's position stay as if all were there. Pure, for the grid and its tests.
 */

/** Rows `from` up to, not including, `to`. */
export type RowRun = { from: number; to: number };

/** Boards with fewer rows render them all: a windowed grid only pays off for long boards. */
export const WINDOW_FROM_ROWS = 41;
/**
 * Rows taken to be on screen before the first scroll measure, on the server and at hydration:
 * what a laptop's window shows under the board's toolbars (16 rows of 32 px for a facilitator at
 * 1440 × 900; with the margin, the 20 a participant sees). Each row rendered here is hydrated,
 * and each that the measure then finds off screen is destroyed in the same task; a taller window
 * shows blank rows at its foot until the page has hydrated and measured.
 */
export const FIRST_WINDOW_ROWS = 16;
/** Rows rendered past either edge of the screen, so a quick scroll does not show blanks. */
export const OVERSCAN_ROWS = 4;

/**
 * The rows a screen shows: `top` and `bottom` are the visible band and `bodyTop` the top of the
 * first row, in one coordinate space (the viewport's, say); every row is `rowHeight` tall.
 */
export function rowsOnScreen(
	count: number,
	band: { top: number; bottom: number; bodyTop: number; rowHeight: number }
): RowRun {
	if (count === 0 || !(band.rowHeight > 0))
		return { from: 0, to: Math.min(count, FIRST_WINDOW_ROWS) };
	const clamp = (n: number) => Math.max(0, Math.min(count, n));
	const from = clamp(Math.floor((band.top - band.bodyTop) / band.rowHeight));
	const to = clamp(Math.ceil((band.bottom - band.bodyTop) / band.rowHeight));
	return { from, to: Math.max(from, to) };
}

/** The runs to render: the screen's rows with their margin, and the pinned rows, merged and sorted. */
export function renderedRuns(
	count: number,
	screen: RowRun,
	pinned: Iterable<number>,
	overscan = OVERSCAN_ROWS
): RowRun[] {
	if (count < WINDOW_FROM_ROWS) return count === 0 ? [] : [{ from: 0, to: count }];
	const runs: RowRun[] = [
		{ from: Math.max(0, screen.from - overscan), to: Math.min(count, screen.to + overscan) }
	];
	for (const index of pinned) {
		if (index >= 0 && index < count) runs.push({ from: index, to: index + 1 });
	}
	runs.sort((a, b) => a.from - b.from);
	const merged: RowRun[] = [];
	for (const run of runs) {
		const last = merged.at(-1);
		if (last && run.from <= last.to) last.to = Math.max(last.to, run.to);
		else if (run.to > run.from) merged.push({ ...run });
	}
	return merged;
}

/** Rows left out, in place of which one spacer is rendered. */
export type RowGap = { id: string; gap: true; rows: number };

/** The rendered rows of `all`, with a gap wherever runs of them are left out. */
export function withGaps<T>(all: readonly T[], runs: readonly RowRun[]): (T | RowGap)[] {
	const items: (T | RowGap)[] = [];
	let next = 0;
	let gaps = 0;
	const gap = (to: number) => {
		if (to > next) items.push({ id: `gap:${gaps++}`, gap: true, rows: to - next });
	};
	for (const run of runs) {
		gap(run.from);
		items.push(...all.slice(run.from, run.to));
		next = run.to;
	}
	gap(all.length);
	return items;
}
