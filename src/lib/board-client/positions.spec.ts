import { describe, expect, it } from 'vitest';
import { isSamePlace, neighboursAt } from './positions.ts';

const ids = ['a', 'b', 'c', 'd'];

describe('neighboursAt', () => {
	it('gives the entries above and below a gap for a new entry', () => {
		expect(neighboursAt(ids, 0, null)).toEqual({ beforeId: null, afterId: 'a' });
		expect(neighboursAt(ids, 2, null)).toEqual({ beforeId: 'b', afterId: 'c' });
		expect(neighboursAt(ids, 4, null)).toEqual({ beforeId: 'd', afterId: null });
		expect(neighboursAt([], 0, null)).toEqual({ beforeId: null, afterId: null });
	});

	it('leaves the moving entry out, wherever the gap is', () => {
		// b moved down past c: gap 3 is between c and d.
		expect(neighboursAt(ids, 3, 'b')).toEqual({ beforeId: 'c', afterId: 'd' });
		// c moved to the top.
		expect(neighboursAt(ids, 0, 'c')).toEqual({ beforeId: null, afterId: 'a' });
		// a moved to the end.
		expect(neighboursAt(ids, 4, 'a')).toEqual({ beforeId: 'd', afterId: null });
	});

	it('clamps gaps outside the list', () => {
		expect(neighboursAt(ids, 9, null)).toEqual({ beforeId: 'd', afterId: null });
		expect(neighboursAt(ids, -3, 'a')).toEqual({ beforeId: null, afterId: 'b' });
	});
});

describe('isSamePlace', () => {
	it('knows the two gaps around an entry leave it where it is', () => {
		expect(isSamePlace(ids, 1, 'b')).toBe(true);
		expect(isSamePlace(ids, 2, 'b')).toBe(true);
		expect(isSamePlace(ids, 3, 'b')).toBe(false);
		expect(isSamePlace(ids, 0, 'b')).toBe(false);
	});
});
