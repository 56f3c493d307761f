import { describe, expect, it } from 'vitest';
import { gridSnapshot } from './__fixtures__/letters.ts';
import { checkBoard, checkRow, DEFAULT_RULE_OPTIONS, overloadThreshold } from './rules.ts';
import { boundaryOf } from './boundary.ts';
import type { FrameworkId } from './frameworks.ts';

const roles = ['pm', 'eng', 'des', 'sales', 'sup', 'lead', 'mkt'];

const rowIssues = (letters: string, roleIds = roles) =>
	checkRow(gridSnapshot(roleIds.slice(0, letters.length), { x: letters }), 'x');

describe('checkRow', () => {
	it('accepts one A and at least one R', () => {
		expect(rowIssues('AR.....')).toEqual([]);
		expect(rowIssues('ARRCI..')).toEqual([]);
	});

	it('flags a row without an A', () => {
		expect(rowIssues('.R.....')).toEqual([{ rule: 'no-accountable', severity: 'error' }]);
	});

	it('flags a row with several As, naming them', () => {
		expect(rowIssues('ARA....')).toEqual([
			{ rule: 'multiple-accountable', severity: 'error', roleIds: ['pm', 'des'] }
		]);
	});

	it('flags a row without an R', () => {
		expect(rowIssues('A.C....')).toEqual([{ rule: 'no-responsible', severity: 'error' }]);
	});

	it('flags every error of an empty row', () => {
		expect(rowIssues('.......').map((issue) => issue.rule)).toEqual([
			'no-accountable',
			'no-responsible'
		]);
	});

	it('warns when everyone who does not do or own the row is consulted', () => {
		expect(rowIssues('ARCCCCC')).toEqual([
			{
				rule: 'consulted-everyone',
				severity: 'warning',
				roleIds: ['des', 'sales', 'sup', 'lead', 'mkt'],
				measure: { count: 5, of: 5, threshold: 4 }
			}
		]);
		// Nearly everyone, on a board with four or more others.
		expect(rowIssues('ARCCCCI').map((issue) => issue.rule)).toEqual(['consulted-everyone']);
		expect(rowIssues('ARCCCII')).toEqual([]);
		// All the others on a small board; one of two is not everyone.
		expect(rowIssues('ARCC').map((issue) => issue.rule)).toEqual(['consulted-everyone']);
		expect(rowIssues('ARCI')).toEqual([]);
		// A single consulted role is never a smell.
		expect(rowIssues('ARC')).toEqual([]);
	});

	it('refuses tray cards and unknown ids', () => {
		const snapshot = gridSnapshot(['pm'], { x: 'A' });
		snapshot.tray.push({ ...snapshot.rows[0], id: 't', placed: false });
		expect(() => checkRow(snapshot, 't')).toThrow(/not on the board/);
		expect(() => checkRow(snapshot, 'nope')).toThrow(/No card "nope"/);
	});
});

describe('checkBoard', () => {
	it('counts letters and load per role', () => {
		const board = checkBoard(gridSnapshot(['pm', 'eng', 'des'], { a: 'AR.', b: 'RAC', c: 'CAR' }));
		expect(board.roles.eng).toEqual({
			roleId: 'eng',
			duties: { owner: 2, doer: 1, support: 0, consulted: 0, informed: 0 },
			marks: { R: 1, A: 2 },
			load: 3,
			share: 1,
			overloaded: true,
			onlyInformed: false,
			issues: [
				{
					rule: 'overload',
					severity: 'warning',
					roleIds: ['eng'],
					measure: { count: 3, of: 3, threshold: 3 }
				}
			]
		});
		expect(board.roles.des).toMatchObject({
			marks: { R: 1, C: 1 },
			load: 1,
			share: 1 / 3,
			overloaded: false
		});
	});

	it('calls the focus role spread too thin from half the rows and three of them', () => {
		const snapshot = gridSnapshot(['pm', 'eng'], {
			a: 'AR',
			b: 'RA',
			c: 'AR',
			d: 'RA',
			e: 'CR',
			f: 'IR'
		});
		expect(checkBoard(snapshot).roles.pm).toMatchObject({ load: 4, overloaded: true });
		expect(checkBoard(snapshot).roles.pm.issues).toEqual([
			{
				rule: 'focus-overload',
				severity: 'warning',
				roleIds: ['pm'],
				measure: { count: 4, of: 6, threshold: 3 }
			}
		]);
		expect(checkBoard(snapshot, { overloadShare: 0.7 }).roles.pm.overloaded).toBe(false);
		expect(checkBoard(snapshot, { overloadMin: 5 }).roles.pm.overloaded).toBe(false);
	});

	it('moves the overload warning with the workshop’s thresholds, and says where it fired', () => {
		// The PM does or owns 4 of 10 rows.
		const snapshot = gridSnapshot(['pm', 'eng'], {
			a: 'AR',
			b: 'RA',
			c: 'AR',
			d: 'RA',
			e: 'CR',
			f: 'IR',
			g: 'CR',
			h: 'CR',
			i: 'IR',
			j: 'IR'
		});
		expect(checkBoard(snapshot).roles.pm.overloaded).toBe(false);
		const lower = checkBoard(snapshot, { overloadShare: 0.4 }).roles.pm;
		expect(lower.issues).toEqual([
			{
				rule: 'focus-overload',
				severity: 'warning',
				roleIds: ['pm'],
				measure: { count: 4, of: 10, threshold: 4 }
			}
		]);
		// A share that lands exactly on a whole number of rows counts that row: 30% of 10 is 3.
		expect(checkBoard(snapshot, { overloadShare: 0.3 }).roles.pm.issues[0].measure).toEqual({
			count: 4,
			of: 10,
			threshold: 3
		});
		expect(overloadThreshold(10, { ...DEFAULT_RULE_OPTIONS, overloadShare: 0.3 })).toBe(3);
		// The minimum wins over a low share.
		expect(checkBoard(snapshot, { overloadShare: 0.1, overloadMin: 5 }).roles.pm.overloaded).toBe(
			false
		);
	});

	it('moves the everyone-consulted warning with the roles a row may leave out', () => {
		const rules = (letters: string, opts = {}) =>
			checkBoard(gridSnapshot(roles, { x: letters }), opts).rows.x.map((issue) => issue.rule);
		// Four of five consulted: everyone by default, not when no role may be left out.
		expect(rules('ARCCCCI')).toEqual(['consulted-everyone']);
		expect(rules('ARCCCCI', { consultedLeftOut: 0 })).toEqual([]);
		// Three of five: only when two may be left out.
		expect(rules('ARCCCII')).toEqual([]);
		expect(rules('ARCCCII', { consultedLeftOut: 2 })).toEqual(['consulted-everyone']);
		const measured = checkBoard(gridSnapshot(roles, { x: 'ARCCCII' }), { consultedLeftOut: 2 });
		expect(measured.rows.x[0].measure).toEqual({ count: 3, of: 5, threshold: 3 });
	});

	it('refuses thresholds the rules cannot use', () => {
		const snapshot = gridSnapshot(['pm'], { a: 'AR' });
		expect(() => checkBoard(snapshot, { overloadShare: 0 })).toThrow(/overloadShare/);
		expect(() => checkBoard(snapshot, { overloadMin: 1.5 })).toThrow(/overloadMin/);
		expect(() => checkBoard(snapshot, { consultedLeftOut: -1 })).toThrow(/consultedLeftOut/);
	});

	it('does not call a role overloaded on a tiny board', () => {
		const board = checkBoard(gridSnapshot(['pm', 'eng'], { a: 'AR', b: 'AR' }));
		expect(board.roles.pm.overloaded).toBe(false);
		expect(board.warningCount).toBe(0);
	});

	it('flags a role that is only ever informed', () => {
		const board = checkBoard(gridSnapshot(['pm', 'eng', 'sales'], { a: 'ARI', b: 'RAI' }));
		expect(board.roles.sales).toMatchObject({ onlyInformed: true, marks: { I: 2 } });
		expect(board.roles.sales.issues).toEqual([
			{ rule: 'only-informed', severity: 'warning', roleIds: ['sales'] }
		]);
		// A role with no letters at all is not "only informed".
		const idle = checkBoard(gridSnapshot(['pm', 'eng', 'sales'], { a: 'AR.' }));
		expect(idle.roles.sales.onlyInformed).toBe(false);
	});

	it('collects row issues and counts errors and warnings', () => {
		const board = checkBoard(
			gridSnapshot(['pm', 'eng', 'des', 'sales'], { a: 'ARCC', b: '.R..', c: 'AAR.' })
		);
		expect(Object.keys(board.rows)).toEqual(['a', 'b', 'c']);
		expect(board.rows.a.map((issue) => issue.rule)).toEqual(['consulted-everyone']);
		expect(board.rows.b.map((issue) => issue.rule)).toEqual(['no-accountable']);
		expect(board.rows.c.map((issue) => issue.rule)).toEqual(['multiple-accountable']);
		expect(board.errorCount).toBe(2);
		// consulted-everyone on row a, and eng does or owns all three rows.
		expect(board.roles.eng.issues.map((issue) => issue.rule)).toEqual(['overload']);
		expect(board.warningCount).toBe(2);
	});

	it('handles an empty board and refuses nonsense options', () => {
		const board = checkBoard(gridSnapshot(['pm'], {}));
		expect(board).toMatchObject({ errorCount: 0, warningCount: 0, rows: {} });
		expect(board.roles.pm.share).toBe(0);
		expect(() => checkBoard(gridSnapshot([], {}), { overloadShare: 0 })).toThrow(/overloadShare/);
		expect(() => checkBoard(gridSnapshot([], {}), { overloadMin: 0.5 })).toThrow(/overloadMin/);
	});
});

describe('an owner who also does the row (A/R)', () => {
	const issues = (cells: string, framework: FrameworkId = 'raci') =>
		checkRow(gridSnapshot(['pm', 'eng', 'des'], { x: cells }, 'pm', framework), 'x');

	it('satisfies both row rules from one cell', () => {
		expect(issues('A/R . .')).toEqual([]);
		expect(issues('A/R R C')).toEqual([]);
	});

	it('still counts as an owner when another role holds the A', () => {
		expect(issues('A/R A .')).toEqual([
			{ rule: 'multiple-accountable', severity: 'error', roleIds: ['pm', 'eng'] }
		]);
	});

	it('counts the row once toward load and once per letter toward the duties', () => {
		const board = checkBoard(
			gridSnapshot(['pm', 'eng'], { a: 'A/R I', b: 'A R', c: 'R A', d: 'C A/R' })
		);
		expect(board.roles.pm).toMatchObject({
			marks: { 'A/R': 1, A: 1, R: 1, C: 1 },
			duties: { owner: 2, doer: 2, consulted: 1 },
			load: 3,
			share: 3 / 4
		});
		expect(board.errorCount).toBe(0);
	});

	it('puts the row under owns for that role and says it also does it', () => {
		const snapshot = gridSnapshot(['pm', 'eng'], { x: 'A/R C' });
		expect(boundaryOf(snapshot, 'x', 'pm')).toEqual({ boundary: 'owns', alsoDoes: true });
		expect(boundaryOf(snapshot, 'x', 'eng')).toEqual({ boundary: 'consulted' });
	});
});

describe('rules in each framework', () => {
	const issues = (cells: string, framework: FrameworkId) =>
		checkRow(gridSnapshot(['pm', 'eng', 'des', 'sales'], { x: cells }, 'pm', framework), 'x').map(
			(issue) => issue.rule
		);

	it('RASCI: one A, at least one R; S neither owns nor does', () => {
		expect(issues('A R S C', 'rasci')).toEqual([]);
		expect(issues('A S S .', 'rasci')).toEqual(['no-responsible']);
		expect(issues('S R . .', 'rasci')).toEqual(['no-accountable']);
		expect(issues('A/R S . I', 'rasci')).toEqual([]);
	});

	it('DACI: one Approver, at least one Driver', () => {
		expect(issues('A D C I', 'daci')).toEqual([]);
		expect(issues('A C C .', 'daci')).toEqual(['no-responsible']);
		expect(issues('A A D .', 'daci')).toEqual(['multiple-accountable']);
		expect(issues('A/D C . .', 'daci')).toEqual([]);
	});

	it('ignores letters of another framework left in a cell', () => {
		// A RACI "R" means nothing on a DACI board: readBoard drops it, and the rules give it no duty.
		expect(issues('A R . .', 'daci')).toEqual(['no-responsible']);
	});

	it('counts a supporting role as neither load nor only informed', () => {
		const board = checkBoard(
			gridSnapshot(['pm', 'eng', 'des'], { a: 'A R S', b: 'A R I' }, 'pm', 'rasci')
		);
		expect(board.roles.des).toMatchObject({ marks: { S: 1, I: 1 }, load: 0, onlyInformed: false });
	});

	it('flags a DACI row that asks every other role to contribute', () => {
		expect(issues('A D C C', 'daci')).toEqual(['consulted-everyone']);
	});
});
