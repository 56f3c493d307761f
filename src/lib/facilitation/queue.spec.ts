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

	it('by open issues: weighs broken rules, dissent and disagreement; votes break ties', () => {
		const queue = buildQueue(
			{
				...base,
				errors: { a: 1 },
				dissent: { b: 2 },
				disagreement: { c: 0.5 },
				votes: { c: 2, d: 1, e: 5 }
			},
			'issues'
		);
		// b: 2 dissent = 4; a: 1 error = 3; c: 0.5 split = 2; then e (5 votes) before d (1 vote).
		expect(queue.map((e) => e.cardId)).toEqual(['b', 'a', 'c', 'e', 'd']);
		expect(queue[2].reasons.map(describeReason)).toEqual(['50% split', '2 votes']);
	});

	it('by votes: the most voted row leads, open issues break ties', () => {
		const input = {
			...base,
			errors: { a: 2 },
			dissent: { b: 1 },
			votes: { d: 1, e: 1 }
		};
		expect(buildQueue(input, 'votes').map((e) => e.cardId)).toEqual(['d', 'e', 'a', 'b', 'c']);
		// One more vote moves a row up past another with as many votes and no more issues.
		expect(buildQueue({ ...input, votes: { d: 1, e: 2 } }, 'votes').map((e) => e.cardId)).toEqual([
			'e',
			'd',
			'a',
			'b',
			'c'
		]);
		// Without votes, the order is that of the open issues.
		expect(buildQueue({ ...input, votes: {} }, 'votes').map((e) => e.cardId)).toEqual(
			buildQueue({ ...input, votes: {} }, 'issues').map((e) => e.cardId)
		);
	});

	it('sinks agreed rows to the bottom in either order', () => {
		for (const order of ['votes', 'issues'] as const) {
			const queue = buildQueue(
				{ ...base, errors: { a: 2 }, votes: { b: 3 }, agreed: new Set(['a', 'b']) },
				order
			);
			expect(queue.slice(0, 3).map((e) => e.cardId)).toEqual(['c', 'd', 'e']);
			expect(queue.slice(3).every((e) => e.agreed)).toBe(true);
		}
	});
});
