import { describe, expect, it } from 'vitest';
import { keepUnchanged, unchangedKeeper } from './keep-unchanged.ts';

describe('keepUnchanged', () => {
	it('returns the previous object wherever the value is the same, and the new one elsewhere', () => {
		const previous = { rows: { a: [{ rule: 'x' }], b: [] as { rule: string }[] }, count: 1 };
		const next = { rows: { a: [{ rule: 'x' }], b: [{ rule: 'y' }] }, count: 2 };
		const kept = keepUnchanged(previous, next);
		expect(kept).toEqual(next);
		expect(kept.rows.a).toBe(previous.rows.a);
		expect(kept.rows.b).not.toBe(previous.rows.b);
		expect(keepUnchanged(previous, structuredClone(previous))).toBe(previous);
	});

	it('matches elements with an id by id, so a move keeps every element', () => {
		const [a, b, c] = ['a', 'b', 'c'].map((id) => ({ id, title: id }));
		const kept = keepUnchanged(
			[a, b, c],
			[c, a, { ...b, title: 'B' }].map((x) => ({ ...x }))
		);
		expect(kept[0]).toBe(c);
		expect(kept[1]).toBe(a);
		expect(kept[2]).toEqual({ id: 'b', title: 'B' });
	});

	it('tells a missing key from one set to undefined', () => {
		const previous: Record<string, number | undefined> = { a: 1 };
		expect(keepUnchanged(previous, { a: 1, b: undefined })).not.toBe(previous);
	});
});

describe('unchangedKeeper', () => {
	it('keeps what it returned last while the value stays the same', () => {
		const keep = unchangedKeeper<{ n: number[] }>();
		const first = keep({ n: [1] });
		expect(keep({ n: [1] })).toBe(first);
		expect(keep({ n: [2] })).toEqual({ n: [2] });
	});
});
