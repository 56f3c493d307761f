/** Finding and showing board rows on screen, by the `data-row-id` the grid puts on each row. */
import { tick } from 'svelte';

const rowSelector = (cardId: string) => `[data-row-id="${CSS.escape(cardId)}"]`;

export function rowElement(cardId: string): HTMLElement | null {
	return document.querySelector<HTMLElement>(rowSelector(cardId));
}

/** Renders a row that a long grid left out (see row-window.ts); false if there is no such row. */
type RowRevealer = (cardId: string) => boolean;
let revealer: RowRevealer | null = null;

/** The grid on the page registers how it renders a row on request; returns the unregistering. */
export function setRowRevealer(reveal: RowRevealer): () => void {
	revealer = reveal;
	return () => {
		if (revealer === reveal) revealer = null;
	};
}

/**
 * Scrolls a row to the middle of the screen (its scroll container's, for a scrolling grid); a row
 * a long grid left out is rendered first and scrolled to once it is there.
 */
export function scrollToRow(cardId: string, smooth = true): boolean {
	const element = rowElement(cardId);
	if (element) {
		scrollToMiddle(element, smooth);
		return true;
	}
	if (!revealer?.(cardId)) return false;
	void tick().then(() => {
		const rendered = rowElement(cardId);
		if (rendered) scrollToMiddle(rendered, smooth);
	});
	return true;
}

function scrollToMiddle(element: HTMLElement, smooth: boolean): void {
	const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
	element.scrollIntoView({ block: 'center', behavior: smooth && !reduce ? 'smooth' : 'auto' });
}

/**
 * What of a row's grid can be seen: the window, cut to the grid's scroll box and below its sticky
 * header. A row scrolled up under the header is still inside the window, but nobody sees it.
 */
function visibleBand(row: HTMLElement): { top: number; bottom: number } {
	let top = 0;
	let bottom = window.innerHeight;
	const table = row.closest('table');
	const box = table?.parentElement;
	if (box) {
		const rect = box.getBoundingClientRect();
		top = Math.max(top, rect.top);
		bottom = Math.min(bottom, rect.bottom);
	}
	const head = table?.querySelector('thead');
	if (head) top = Math.max(top, head.getBoundingClientRect().bottom);
	return { top, bottom };
}

/** The first row whose middle can be seen: what "here" means for "bring everyone here". */
export function topVisibleRow(): string | null {
	const rows = document.querySelectorAll<HTMLElement>('[data-row-id]');
	if (rows.length === 0) return null;
	const band = visibleBand(rows[0]);
	for (const row of rows) {
		const rect = row.getBoundingClientRect();
		const middle = rect.top + rect.height / 2;
		if (middle > band.top && middle < band.bottom) return row.dataset.rowId ?? null;
	}
	return null;
}
