import { describe, expect, it } from 'vitest';
import { buildQueue, describeReason, type QueueInput } from './queue.ts';

const base: QueueInput = {
	rowIds: ['a', 'b', 'c', 'd', 'e'],
	errors: {},
	dissent: {},
	disagreement: {},
	votes: {},
	agreed: new Set()
};

describe('discuss queue', () => {
	it('keeps board order when nothing stands out', () => {
		expect(buildQueue(base).map((e) => e.cardId)).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('puts the rows with the most disagreement first after a reveal', () => {
		const queue = buildQueue({ ...base, disagreement: { b: 0.2, d: 0.6, e: 0.05 } });
		expect(queue.map((e) => e.cardId)).toEqual(['d', 'b', 'a', 'c', 'e']);
		expect(queue[0].reasons).toEqual([{ kind: 'disagreement', level: 0.6 }]);
		// Below the floor a small split is not a reason.
		expect(queue.find((e) => e.cardId === 'e')?.reasons).toEqual([]);
	});

	it('weighs broken rules, dissent, disagreement and votes together', () => {
		const queue = buildQueue({
			...base,
			errors: { a: 1 },
			dissent: { b: 2 },
			disagreement: { c: 0.5 },
			votes: { c: 2, e: 1 }
		});
		// b: 2 dissent = 4; c: 0.5 split (2) + 2 votes = 4; a: 1 error = 3; e: 1 vote.
		expect(queue.map((e) => e.cardId)).toEqual(['b', 'c', 'a', 'e', 'd']);
		expect(queue[1].reasons.map(describeReason)).toEqual(['50% split', '2 votes']);
	});

	it('sinks agreed rows to the bottom', () => {
		const queue = buildQueue({ ...base, errors: { a: 2 }, agreed: new Set(['a', 'b']) });
		expect(queue.map((e) => e.cardId)).toEqual(['c', 'd', 'e', 'a', 'b']);
		expect(queue.at(-1)?.agreed).toBe(true);
	});
});
