import { describe, expect, it } from 'vitest';
import { compareOrder, isOrderKey, keyBetween, keysForInsert } from './order.ts';

// mulberry32: a small seeded PRNG, so that a failure can be replayed.
const prng = (seed: number) => () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('keyBetween', () => {
	it('starts in the middle and moves outwards from both ends', () => {
		expect(keyBetween(null, null)).toBe('V');
		expect(keyBetween('V', null)).toBe('W');
		expect(keyBetween(null, 'V')).toBe('U');
		expect(keyBetween('z', null)).toBe('zV');
		expect(keyBetween(null, '1')).toBe('0V');
		expect(keyBetween(null, '0V')).toBe('0U');
	});

	it('finds a key strictly between two keys', () => {
		for (const [a, b] of [
			['V', 'W'],
			['V', 'V1'],
			['0V', '1'],
			['az', 'b'],
			['a', 'a01']
		]) {
			const key = keyBetween(a, b);
			expect(isOrderKey(key)).toBe(true);
			expect(a < key && key < b).toBe(true);
		}
	});

	it('rejects malformed and out-of-order bounds', () => {
		expect(() => keyBetween('V', 'V')).toThrow(/not below/);
		expect(() => keyBetween('W', 'V')).toThrow(/not below/);
		expect(() => keyBetween('V0', null)).toThrow(/Invalid order key/);
		expect(() => keyBetween('', null)).toThrow(/Invalid order key/);
		expect(() => keyBetween(null, 'a b')).toThrow(/Invalid order key/);
	});

	it('keeps a list built by appends short', () => {
		let key: string | null = null;
		for (let i = 0; i < 200; i++) key = keyBetween(key, null);
		expect(key!.length).toBeLessThanOrEqual(8);
	});

	it('stays ordered under random inserts', () => {
		const random = prng(7);
		const keys: string[] = [];
		for (let i = 0; i < 500; i++) {
			const index = Math.floor(random() * (keys.length + 1));
			const key = keyBetween(keys[index - 1] ?? null, keys[index] ?? null);
			keys.splice(index, 0, key);
		}
		expect([...keys].sort()).toEqual(keys);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys.every(isOrderKey)).toBe(true);
	});
});

describe('compareOrder', () => {
	it('breaks ties between equal keys by id', () => {
		const list = [
			{ id: 'b', order: 'V' },
			{ id: 'c', order: 'U' },
			{ id: 'a', order: 'V' }
		].sort(compareOrder);
		expect(list.map((entry) => entry.id)).toEqual(['c', 'a', 'b']);
	});
});

describe('keysForInsert', () => {
	it('needs no re-keying between distinct keys', () => {
		const sorted = [
			{ id: 'a', order: 'U' },
			{ id: 'b', order: 'W' }
		];
		expect(keysForInsert(sorted, 1)).toEqual({ key: 'V', rekeyed: [] });
		expect(keysForInsert(sorted, 0).key < 'U').toBe(true);
		expect(keysForInsert(sorted, 2).key > 'W').toBe(true);
	});

	it('re-keys the rest of a run of equal keys so the insertion point exists', () => {
		const sorted = [
			{ id: 'a', order: 'V' },
			{ id: 'b', order: 'V' },
			{ id: 'c', order: 'V' },
			{ id: 'd', order: 'X' }
		];
		const { key, rekeyed } = keysForInsert(sorted, 1);
		const after = [
			{ id: 'a', order: 'V' },
			{ id: 'new', order: key },
			...rekeyed.map(([id, order]) => ({ id, order })),
			{ id: 'd', order: 'X' }
		];
		expect(rekeyed.map(([id]) => id)).toEqual(['b', 'c']);
		expect([...after].sort(compareOrder).map((entry) => entry.id)).toEqual([
			'a',
			'new',
			'b',
			'c',
			'd'
		]);
	});
});
