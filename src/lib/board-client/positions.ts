/**
 * Drop positions as gaps: gap g of a list of n entries is the slot just above entry g (g = n is
 * the end). Board operations position by neighbours instead: `beforeId` ends up just above the
 * moved entry and `afterId` just below it.
 */

export type Neighbours = { beforeId: string | null; afterId: string | null };

/** The neighbours of gap `gap` in `ids` once `movingId` (if listed) has left its place. */
export const neighboursAt = (ids: string[], gap: number, movingId: string | null): Neighbours => {
	const from = movingId === null ? -1 : ids.indexOf(movingId);
	const others = from < 0 ? ids : ids.filter((id) => id !== movingId);
	const at = Math.max(0, Math.min(from >= 0 && gap > from ? gap - 1 : gap, others.length));
	return { beforeId: others[at - 1] ?? null, afterId: others[at] ?? null };
};

/** True when dropping `movingId` into `gap` leaves it where it is. */
export const isSamePlace = (ids: string[], gap: number, movingId: string): boolean => {
	const from = ids.indexOf(movingId);
	return from >= 0 && (gap === from || gap === from + 1);
};

/** The gap at which `id` currently sits, or the end. */
export const gapOf = (ids: string[], id: string): number => {
	const at = ids.indexOf(id);
	return at < 0 ? ids.length : at;
};
