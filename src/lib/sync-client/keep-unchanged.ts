/**
 * Structural sharing for snapshots that are read afresh: `keepUnchanged(previous, next)` is
 * `next`, except that every part equal in value to the same part of `previous` is `previous`'s
 * object. Svelte compares derived values and props by identity, so a row whose data did not
 * change keeps its objects and nothing that shows it runs again.
 *
 * Plain objects compare key by key, arrays element by element; elements that carry a string `id`
 * are matched by id, so moving one row keeps every row's object.
 */

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
	typeof value === 'object' &&
	value !== null &&
	(Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

const idOf = (value: unknown): string | undefined =>
	isPlain(value) && typeof value.id === 'string' ? value.id : undefined;

function keepArray(previous: unknown[], next: unknown[]): unknown[] {
	const byId = new Map<string, unknown>();
	for (const item of previous) {
		const id = idOf(item);
		if (id !== undefined) byId.set(id, item);
	}
	let same = previous.length === next.length;
	const kept = next.map((item, index) => {
		const id = idOf(item);
		const before = id !== undefined && byId.has(id) ? byId.get(id) : previous[index];
		const value = keepUnchanged(before, item);
		if (value !== previous[index]) same = false;
		return value;
	});
	return same ? previous : kept;
}

function keepObject(previous: Plain, next: Plain): Plain {
	const keys = Object.keys(next);
	let same = keys.length === Object.keys(previous).length;
	const kept: Plain = {};
	for (const key of keys) {
		const value = Object.hasOwn(previous, key)
			? keepUnchanged(previous[key], next[key])
			: next[key];
		if (value !== previous[key] || !Object.hasOwn(previous, key)) same = false;
		kept[key] = value;
	}
	return same ? previous : kept;
}

export function keepUnchanged<T>(previous: T, next: T): T {
	if (Object.is(previous, next)) return previous;
	if (Array.isArray(previous) && Array.isArray(next)) return keepArray(previous, next) as T;
	if (isPlain(previous) && isPlain(next)) return keepObject(previous, next) as T;
	return next;
}

/** A function that returns what it is given, with `keepUnchanged` against what it returned last. */
export function unchangedKeeper<T>(): (next: T) => T {
	let last: { value: T } | null = null;
	return (next) => {
		last = { value: last ? keepUnchanged(last.value, next) : next };
		return last.value;
	};
}
