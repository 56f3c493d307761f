import { describe, expect, it } from 'vitest';
import {
	cardFieldProblem,
	cellProblem,
	dissentProblem,
	removalProblem,
	roleFieldProblem,
	rowEditProblem
} from './content.ts';
import { FRAMEWORKS } from './frameworks.ts';

const RACI = FRAMEWORKS.raci;
import { refusedChangeMessage } from '../contracts/refusals.ts';
import { checkColor, isHexColor } from './validate.ts';

const ben = { id: 'u-ben', name: 'Ben Okafor' };

describe('colours', () => {
	it('accepts #rrggbb only', () => {
		expect(isHexColor('#1e88e5')).toBe(true);
		expect(isHexColor('#1E88E5')).toBe(true);
		for (const bad of ['#abc', 'red', '#1e88e5;x', ' #1e88e5', '#1e88e5ff', 'url(x)', 7]) {
			expect(isHexColor(bad)).toBe(false);
		}
	});

	it('stores what a person types as #rrggbb', () => {
		expect(checkColor(' #ABC ')).toBe('#aabbcc');
		expect(checkColor('#1E88E5')).toBe('#1e88e5');
		expect(() => checkColor('red;background:url(x)')).toThrow(/#1e88e5/);
	});
});

describe('role and card fields', () => {
	it('checks each field by its kind', () => {
		expect(roleFieldProblem('pm', 'color', '#123456')).toBeNull();
		expect(roleFieldProblem('pm', 'color', 'red')).toBe('bad-value');
		expect(roleFieldProblem('pm', 'name', 'x'.repeat(61))).toBe('too-long');
		expect(roleFieldProblem('pm', 'name', '')).toBe('bad-value');
		expect(roleFieldProblem('pm', 'id', 'eng')).toBe('bad-value');
		expect(roleFieldProblem('pm', 'style', 'x')).toBe('bad-value');
		expect(roleFieldProblem('pm', 'order', 'V')).toBeNull();
		expect(roleFieldProblem('pm', 'order', 'V0')).toBe('bad-value');
		expect(cardFieldProblem('c1', 'detail', 'x'.repeat(2001))).toBe('too-long');
		expect(cardFieldProblem('c1', 'placed', 'yes')).toBe('bad-value');
		expect(cardFieldProblem('c1', 'cadence', ['weekly'])).toBeNull();
		expect(cardFieldProblem('c1', 'cadence', [1])).toBe('bad-value');
		expect(cardFieldProblem('c1', 'order', '')).toBeNull();
	});

	it('takes letters from the board’s letter set only', () => {
		expect(cellProblem('c1:pm', 'A', RACI)).toBeNull();
		expect(cellProblem('c1:pm', 'X', RACI)).toBe('bad-value');
		expect(cellProblem('c1:p m', 'A', RACI)).toBe('bad-value');
		expect(cellProblem('c1', 'A', RACI)).toBe('bad-value');
	});

	it('takes the owner and doer together, and no other pair', () => {
		expect(cellProblem('c1:pm', 'A/R', RACI)).toBeNull();
		expect(cellProblem('c1:pm', 'A/C', RACI)).toBe('bad-value');
		expect(cellProblem('c1:pm', 'R/A', RACI)).toBe('bad-value');
		expect(cellProblem('c1:pm', ['A', 'R'], RACI)).toBe('bad-value');
		expect(cellProblem('c1:pm', 'A/D', FRAMEWORKS.daci)).toBeNull();
		expect(cellProblem('c1:pm', 'A/R', FRAMEWORKS.daci)).toBe('bad-value');
	});

	it('takes only the letters of the workshop’s framework', () => {
		expect(cellProblem('c1:pm', 'S', RACI)).toBe('bad-value');
		expect(cellProblem('c1:pm', 'S', FRAMEWORKS.rasci)).toBeNull();
		expect(cellProblem('c1:pm', 'D', FRAMEWORKS.daci)).toBeNull();
		expect(cellProblem('c1:pm', 'R', FRAMEWORKS.daci)).toBe('bad-value');
		expect(cellProblem('c1:pm', 'D', FRAMEWORKS.rasci)).toBe('bad-value');
	});
});

describe('entries that carry a name', () => {
	it('are written only as the writer', () => {
		const mine = { userId: ben.id, name: ben.name, reason: 'Too broad', at: 1 };
		expect(dissentProblem('c1:u-ben', mine, ben)).toBeNull();
		expect(dissentProblem('c1:u-ana', mine, ben)).toBe('not-your-entry');
		expect(dissentProblem('c1:u-ben', { ...mine, name: 'Ana Ruiz' }, ben)).toBe('not-your-entry');
		expect(dissentProblem('c1:u-ben', { ...mine, reason: '' }, ben)).toBe('bad-value');
		expect(rowEditProblem('c1', { userId: ben.id, name: ben.name, at: 1 }, ben)).toBeNull();
		expect(rowEditProblem('c1', { userId: 'u-ana', name: 'Ana', at: 1 }, ben)).toBe(
			'not-your-entry'
		);
		const removal = { userId: 'u-ana', name: 'Ana', removedBy: ben, at: 1 };
		expect(removalProblem('c1:u-ana', removal, ben)).toBeNull();
		expect(removalProblem('c1:u-ana', { ...removal, removedBy: { id: 'x', name: 'X' } }, ben)).toBe(
			'not-your-entry'
		);
	});
});

describe('refusal words', () => {
	it('tell the person why their change was not saved', () => {
		expect(
			refusedChangeMessage('roles-facilitator-only: your changes to board are not saved')
		).toBe('Only the facilitator can change the roles. Your last change was not saved.');
		expect(refusedChangeMessage('board-locked: your changes to board are not saved')).toBe(
			'The board is locked — your last change was not saved.'
		);
	});
});
