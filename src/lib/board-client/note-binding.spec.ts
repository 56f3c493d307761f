import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDiff, shiftIndex } from './note-binding.ts';

describe('applyDiff', () => {
	it('turns a textarea edit into one splice, so a concurrent edit elsewhere survives', () => {
		const a = new Y.Doc();
		a.getText('note').insert(0, 'PM owns the roadmap.');
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		// Offline from each other: a rewords the middle while b adds a prefix.
		applyDiff(a.getText('note'), 'PM owns the roadmap.', 'PM owns the product roadmap.');
		b.getText('note').insert(0, 'Agreed: ');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(a.getText('note').toString()).toBe('Agreed: PM owns the product roadmap.');
		expect(b.getText('note').toString()).toBe(a.getText('note').toString());
	});

	it('handles deletions, replacements and repeated characters', () => {
		for (const [from, to] of [
			['aaaa', 'aa'],
			['abc', 'abXc'],
			['hello world', 'hello'],
			['', 'new'],
			['gone', ''],
			['abcabc', 'abc']
		]) {
			const doc = new Y.Doc();
			const text = doc.getText('t');
			text.insert(0, from);
			applyDiff(text, from, to);
			expect(text.toString()).toBe(to);
		}
	});
});

describe('shiftIndex', () => {
	it('moves a caret by what others inserted or deleted before it', () => {
		expect(shiftIndex(5, [{ insert: 'abc' }])).toBe(8);
		expect(shiftIndex(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
		expect(shiftIndex(5, [{ retain: 2 }, { delete: 2 }])).toBe(3);
		expect(shiftIndex(3, [{ retain: 1 }, { delete: 10 }])).toBe(1);
		expect(shiftIndex(5, [{ retain: 8 }, { delete: 2 }])).toBe(5);
	});
});
