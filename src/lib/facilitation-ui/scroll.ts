/** Finding and showing board rows on screen, by the `data-row-id` the grid puts on each row. */

const rowSelector = (cardId: string) => `[data-row-id="${CSS.escape(cardId)}"]`;

export function rowElement(cardId: string): HTMLElement | null {
	return document.querySelector<HTMLElement>(rowSelector(cardId));
}

/** Scrolls a row to the middle of the screen (its scroll container's, for a scrolling grid). */
export function scrollToRow(cardId: string, smooth = true): boolean {
	const element = rowElement(cardId);
	if (!element) return false;
	const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
	element.scrollIntoView({ block: 'center', behavior: smooth && !reduce ? 'smooth' : 'auto' });
	return true;
}

/** The first row whose middle is on screen: what "here" means for "bring everyone here". */
export function topVisibleRow(): string | null {
	const rows = document.querySelectorAll<HTMLElement>('[data-row-id]');
	for (const row of rows) {
		const rect = row.getBoundingClientRect();
		const middle = rect.top + rect.height / 2;
		if (middle > 0 && middle < window.innerHeight) return row.dataset.rowId ?? null;
	}
	return null;
}
