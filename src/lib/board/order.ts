/**
 * Fractional order keys for rows and roles.
 *
 * An entry's place in a list is a string key stored on the entry; the list is the entries sorted
 * by key. Moving an entry rewrites its key only, so concurrent moves of one entry resolve to one
 * of them (last writer wins) and never duplicate or drop it.
 *
 * A key is the digits of a base-62 fraction after the point: "V" is about 0.5, "V8" slightly
 * more. Digits are in ASCII order, so comparing keys as strings compares the fractions. A key
 * never ends in "0", so there is always room between two different keys.
 *
 * Two peers inserting at the same place at the same time compute the same key. Lists are
 * therefore sorted by (key, id), which every peer agrees on, and inserting between two entries
 * that share a key re-keys the entries after the insertion point (`keysForInsert`).
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export type Ordered = { id: string; order: string };

export const isOrderKey = (key: string): boolean => KEY.test(key);

export const compareOrder = (a: Ordered, b: Ordered): number =>
	a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const digit = (key: string, i: number): number => DIGITS.indexOf(key[i]);

// Appending and prepending step by one digit, so a list built by appends grows one character per
// 30 or so entries rather than one per 6 that repeated halving would cost.
const after = (a: string): string => {
	for (let i = 0; i < a.length; i++) {
		const d = digit(a, i);
		if (d < DIGITS.length - 1) return a.slice(0, i) + DIGITS[d + 1];
	}
	return a + DIGITS[31];
};

const before = (b: string): string => {
	const d = digit(b, 0);
	if (d > 1) return DIGITS[d - 1];
	if (d === 1) return '0' + DIGITS[31];
	return '0' + before(b.slice(1));
};

// The midpoint of `fractional-indexing` (David Greenspan): `a` may be '', `b` null means 1.
const midpoint = (a: string, b: string | null): string => {
	if (b !== null) {
		let n = 0;
		while ((a[n] ?? '0') === b[n]) n++;
		if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
	}
	const digitA = a ? digit(a, 0) : 0;
	const digitB = b !== null ? digit(b, 0) : DIGITS.length;
	if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)];
	if (b !== null && b.length > 1) return b.slice(0, 1);
	return DIGITS[digitA] + midpoint(a.slice(1), null);
};

/** A key strictly between `a` and `b`; null stands for the start or the end of the list. */
export const keyBetween = (a: string | null, b: string | null): string => {
	for (const key of [a, b]) {
		if (key !== null && !isOrderKey(key)) throw new Error(`Invalid order key "${key}"`);
	}
	if (a === null) return b === null ? DIGITS[31] : before(b);
	if (b === null) return after(a);
	if (a >= b) throw new Error(`Order key "${a}" is not below "${b}"`);
	return midpoint(a, b);
};

/**
 * The key for an entry inserted at `index` of `sorted` (a list sorted by `compareOrder` that
 * does not contain the entry), and new keys for the entries that must follow it but share the
 * key of the entry before it.
 */
export const keysForInsert = (
	sorted: readonly Ordered[],
	index: number
): { key: string; rekeyed: [string, string][] } => {
	const prev = index > 0 ? sorted[index - 1].order : null;
	let end = index;
	while (prev !== null && end < sorted.length && sorted[end].order === prev) end++;
	const next = end < sorted.length ? sorted[end].order : null;
	const key = keyBetween(prev, next);
	const rekeyed: [string, string][] = [];
	let last = key;
	for (let i = index; i < end; i++) {
		last = keyBetween(last, next);
		rekeyed.push([sorted[i].id, last]);
	}
	return { key, rekeyed };
};
