import { describe, expect, it } from 'vitest';
import { gridSnapshot } from './__fixtures__/letters.ts';
import { boundaryOf, boundarySummary } from './boundary.ts';

const roles = ['pm', 'eng', 'sales'];
const snapshot = gridSnapshot(roles, {
	own: 'ARC',
	do: 'RAI',
	consult: 'CAR',
	inform: 'IAR',
	outside: '.RA',
	twoOwners: 'ARA',
	noOwner: '.R.'
});

describe('boundaryOf', () => {
	it('maps letters to boundaries', () => {
		expect(boundaryOf(snapshot, 'own', 'pm')).toEqual({ boundary: 'owns' });
		expect(boundaryOf(snapshot, 'do', 'pm')).toEqual({ boundary: 'does' });
		expect(boundaryOf(snapshot, 'consult', 'pm')).toEqual({ boundary: 'consulted' });
		expect(boundaryOf(snapshot, 'inform', 'pm')).toEqual({ boundary: 'informed' });
	});

	it('names the owner of a row outside the role', () => {
		expect(boundaryOf(snapshot, 'outside', 'pm')).toEqual({
			boundary: 'outside',
			ownerRoleIds: ['sales']
		});
	});

	it('calls a row that breaks an error rule unresolved, whatever the letter', () => {
		expect(boundaryOf(snapshot, 'twoOwners', 'pm')).toEqual({
			boundary: 'unresolved',
			issues: [{ rule: 'multiple-accountable', severity: 'error', roleIds: ['pm', 'sales'] }]
		});
		expect(boundaryOf(snapshot, 'noOwner', 'eng').boundary).toBe('unresolved');
	});

	it('ignores warnings', () => {
		const smelly = gridSnapshot(['pm', 'eng', 'a', 'b'], { x: 'ARCC' });
		expect(boundaryOf(smelly, 'x', 'a')).toEqual({ boundary: 'consulted' });
	});

	it('refuses unknown rows and roles', () => {
		expect(() => boundaryOf(snapshot, 'nope', 'pm')).toThrow(/No card/);
		expect(() => boundaryOf(snapshot, 'own', 'nope')).toThrow(/No role/);
	});
});

describe('boundarySummary', () => {
	it('sorts every row of the board into one boundary, in board order', () => {
		const summary = boundarySummary(snapshot, 'pm');
		const ids = (cards: { id: string }[]) => cards.map((card) => card.id);
		expect(ids(summary.owns)).toEqual(['own']);
		expect(ids(summary.does)).toEqual(['do']);
		expect(ids(summary.consulted)).toEqual(['consult']);
		expect(ids(summary.informed)).toEqual(['inform']);
		expect(summary.outside.map(({ card, ownerRoleIds }) => [card.id, ownerRoleIds])).toEqual([
			['outside', ['sales']]
		]);
		expect(
			summary.unresolved.map(({ card, issues }) => [card.id, issues.map((i) => i.rule)])
		).toEqual([
			['twoOwners', ['multiple-accountable']],
			['noOwner', ['no-accountable']]
		]);
		expect(summary.counts).toEqual({
			owns: 1,
			does: 1,
			supports: 0,
			consulted: 1,
			informed: 1,
			outside: 1,
			unresolved: 2
		});
	});

	it('summarises another role the same way', () => {
		const summary = boundarySummary(snapshot, 'sales');
		expect(summary.counts).toMatchObject({ owns: 1, does: 2, consulted: 1, informed: 1 });
		expect(() => boundarySummary(snapshot, 'nope')).toThrow(/No role/);
	});
});
