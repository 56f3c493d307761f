import { describe, expect, it } from 'vitest';
import { cellKey } from '../board/schema.ts';
import { FRAMEWORKS, type Letter } from '../board/frameworks.ts';
import {
	answersOf,
	aggregateProposals,
	cellDisagreement,
	cellMajority,
	checkProposalCells,
	describeSpread,
	letterSpread,
	rowDisagreement,
	rowMajority,
	type Proposal
} from './proposals.ts';

const roles = ['pm', 'eng', 'design'];
const at = { round: 1, named: false, revealedAt: 1 };

const people = (cells: Record<string, string>[]): Proposal[] =>
	cells.map((c, i) => ({
		userId: `u${i}`,
		name: `Person ${i}`,
		cells: checkProposalCells(c, FRAMEWORKS.raci)
	}));

describe('aggregating blind proposals', () => {
	// Four say the PM owns the roadmap, three say engineering does.
	const proposals = people([
		{ 'roadmap:pm': 'A', 'roadmap:eng': 'R' },
		{ 'roadmap:pm': 'A', 'roadmap:eng': 'R' },
		{ 'roadmap:pm': 'A', 'roadmap:eng': 'C' },
		{ 'roadmap:pm': 'A', 'roadmap:eng': 'R', 'standup:eng': 'A' },
		{ 'roadmap:eng': 'A', 'roadmap:pm': 'R' },
		{ 'roadmap:eng': 'A', 'roadmap:pm': 'R', 'standup:eng': 'A' },
		{ 'roadmap:eng': 'A', 'roadmap:pm': 'C', 'standup:eng': 'A' },
		{}
	]);
	const result = aggregateProposals(proposals, roles, at);

	it('counts per cell among the people who answered the row', () => {
		expect(result.respondents).toBe(7);
		expect(result.rows).toEqual({ roadmap: 7, standup: 3 });
		expect(result.cells['roadmap:pm'].counts).toEqual({ A: 4, R: 2, C: 1 });
		expect(result.cells['roadmap:design'].counts).toEqual({ none: 7 });
		expect(result.cells['standup:eng'].counts).toEqual({ A: 3 });
		expect(result.cells['standup:pm'].counts).toEqual({ none: 3 });
		for (const [key, spread] of Object.entries(result.cells)) {
			const n = answersOf(FRAMEWORKS.raci).reduce((s, a) => s + (spread.counts[a] ?? 0), 0);
			expect(n).toBe(result.rows[key.split(':')[0]]);
		}
	});

	it('shows the spread of a letter across the columns', () => {
		expect(letterSpread(result, 'roadmap', roles, ['A'])).toEqual([
			{ roleId: 'pm', count: 4 },
			{ roleId: 'eng', count: 3 }
		]);
		expect(describeSpread(result.cells['roadmap:pm'])).toBe('4×A, 2×R, 1×C');
	});

	it('counts an owner who also does the work among the owners', () => {
		const pair = aggregateProposals(
			people([{ 'roadmap:pm': 'A/R' }, { 'roadmap:pm': 'A' }, { 'roadmap:eng': 'A' }]),
			roles,
			at
		);
		expect(letterSpread(pair, 'roadmap', roles, ['A', 'A/R'])).toEqual([
			{ roleId: 'pm', count: 2 },
			{ roleId: 'eng', count: 1 }
		]);
	});

	it('keeps individual answers out of anonymous results', () => {
		const json = JSON.stringify(result);
		for (const p of proposals) {
			expect(json).not.toContain(p.userId);
			expect(json).not.toContain(p.name);
		}
	});

	it('names who said what in named mode only', () => {
		const named = aggregateProposals(proposals, roles, { ...at, named: true });
		expect(named.cells['roadmap:pm'].names?.A).toEqual([
			'Person 0',
			'Person 1',
			'Person 2',
			'Person 3'
		]);
		expect(JSON.stringify(named)).not.toContain('"u0"');
	});

	it('scores disagreement: 0 when unanimous, higher as answers split', () => {
		expect(cellDisagreement(result.cells['standup:eng'])).toBe(0);
		expect(cellDisagreement(result.cells['roadmap:pm'])).toBeCloseTo(3 / 7);
		expect(cellDisagreement(undefined)).toBe(0);
		expect(rowDisagreement(result, 'standup', roles)).toBe(0);
		// Only cells someone put a letter in count: design (all empty) does not dilute it.
		expect(rowDisagreement(result, 'roadmap', roles)).toBeCloseTo(
			(cellDisagreement(result.cells['roadmap:pm']) +
				cellDisagreement(result.cells['roadmap:eng'])) /
				2
		);
		expect(rowDisagreement(result, 'roadmap', roles)).toBeGreaterThan(0.4);
	});

	it('finds the majority, none on a tie', () => {
		expect(cellMajority(result.cells['roadmap:pm'])).toBe('A');
		expect(cellMajority(result.cells['roadmap:design'])).toBe('none');
		expect(cellMajority({ counts: { A: 2, R: 2, C: 1 } })).toBeNull();
		expect(cellMajority({ counts: {} })).toBeNull();
		// Engineering is a 3×R / 3×A tie: no majority to adopt there.
		expect(rowMajority(result, 'roadmap', roles)).toEqual({ pm: 'A', design: 'none' });
	});

	it('refuses malformed proposals', () => {
		const raci = FRAMEWORKS.raci;
		expect(() => checkProposalCells({ 'a:b': 'X' }, raci)).toThrow();
		expect(() => checkProposalCells({ 'a:b': 'D' }, raci)).toThrow();
		expect(() => checkProposalCells({ 'a:b': 'A/C' }, raci)).toThrow();
		expect(() => checkProposalCells({ 'no-colon': 'A' }, raci)).toThrow();
		expect(() => checkProposalCells(['A'], raci)).toThrow();
		expect(checkProposalCells({ 'a:b': 'A', 'a:c': null, 'a:d': '' }, raci)).toEqual({
			'a:b': 'A'
		});
	});

	it('takes the framework’s own letters and its owner and doer together', () => {
		expect(checkProposalCells({ 'a:b': 'A/R' }, FRAMEWORKS.raci)).toEqual({ 'a:b': 'A/R' });
		expect(checkProposalCells({ 'a:b': 'D', 'a:c': 'A/D' }, FRAMEWORKS.daci)).toEqual({
			'a:b': 'D',
			'a:c': 'A/D'
		});
		expect(() => checkProposalCells({ 'a:b': 'R' }, FRAMEWORKS.daci)).toThrow();
	});

	it('keeps its invariants for random rounds (seeded)', () => {
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let round = 0; round < 50; round++) {
			const cards = ['a', 'b', 'c'];
			const list: Proposal[] = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => {
				const cells: Record<string, Letter> = {};
				const letters = ['R', 'A', 'C', 'I'] as const;
				for (const card of cards)
					for (const role of roles)
						if (random() < 0.4) cells[cellKey(card, role)] = letters[Math.floor(random() * 4)];
				return { userId: `u${i}`, name: `n${i}`, cells };
			});
			const r = aggregateProposals(list, roles, at);
			for (const card of cards) {
				const d = rowDisagreement(r, card, roles);
				expect(d).toBeGreaterThanOrEqual(0);
				expect(d).toBeLessThan(1);
				for (const role of roles) {
					const spread = r.cells[cellKey(card, role)];
					const majority = cellMajority(spread);
					if (majority && spread) {
						const top = spread.counts[majority] ?? 0;
						for (const a of answersOf(FRAMEWORKS.raci))
							if (a !== majority) expect(spread.counts[a] ?? 0).toBeLessThan(top);
					}
				}
			}
		}
	});
});
