/**
 * The checks the board shows live and the charter records. They produce rule ids only; their
 * wording lives with the templates.
 *
 * Row errors: a placed row needs exactly one A and at least one R; a row that breaks either has
 * no settled boundary (boundary.ts calls it unresolved). Warnings: a row that consults everyone
 * who does not do or own it, a role that is only ever informed, and a role that does or owns a
 * large share of the rows (the focus role's "spread too thin").
 */
import { letterAt, requireRow } from './snapshot.ts';
import type { BoardSnapshot, Letter } from './schema.ts';
import { BoardError } from './validate.ts';

export type RuleId =
	| 'no-accountable'
	| 'multiple-accountable'
	| 'no-responsible'
	| 'consulted-everyone'
	| 'only-informed'
	| 'overload'
	| 'focus-overload';

export type Severity = 'error' | 'warning';

/** How far a threshold warning is past its threshold: `count` of `of`, firing from `threshold`. */
export type Measure = { count: number; of: number; threshold: number };

export type Issue = { rule: RuleId; severity: Severity; roleIds?: string[]; measure?: Measure };

export type RowIssue = Issue;

export type RoleLoad = {
	roleId: string;
	R: number;
	A: number;
	C: number;
	I: number;
	/** R + A: the rows this role does or owns. */
	load: number;
	/** `load` as a share of the placed rows, 0 on an empty board. */
	share: number;
};

export type RoleCheck = RoleLoad & { overloaded: boolean; onlyInformed: boolean; issues: Issue[] };

export type BoardCheck = {
	rows: Record<string, Issue[]>;
	roles: Record<string, RoleCheck>;
	errorCount: number;
	warningCount: number;
};

export type RuleOptions = {
	/** A role is overloaded from this share of rows done or owned (default 0.5)... */
	overloadShare?: number;
	/** ...and at least this many of them (default 3), so that tiny boards do not warn. */
	overloadMin?: number;
	/**
	 * A row consults everyone when it consults all but at most this many of the roles that neither
	 * do nor own it (default 1), once more than this many plus two are left to consult.
	 */
	consultedLeftOut?: number;
};

export type WarningThresholds = Required<RuleOptions>;

export const DEFAULT_RULE_OPTIONS: WarningThresholds = {
	overloadShare: 0.5,
	overloadMin: 3,
	consultedLeftOut: 1
};

/** Rows done or owned from which a role is overloaded, on a board of `rows` placed rows. */
export const overloadThreshold = (rows: number, opts: WarningThresholds): number =>
	// The epsilon keeps 0.3 × 10 at 3 rows, not 4.
	Math.max(opts.overloadMin, Math.ceil(opts.overloadShare * rows - 1e-9));

const rolesWith = (snapshot: BoardSnapshot, cardId: string): Record<Letter, string[]> => {
	const byLetter: Record<Letter, string[]> = { R: [], A: [], C: [], I: [] };
	for (const role of snapshot.roles) {
		const letter = letterAt(snapshot, cardId, role.id);
		if (letter) byLetter[letter].push(role.id);
	}
	return byLetter;
};

export const checkRow = (
	snapshot: BoardSnapshot,
	cardId: string,
	opts: RuleOptions = {}
): Issue[] => {
	requireRow(snapshot, cardId);
	const leftOut = opts.consultedLeftOut ?? DEFAULT_RULE_OPTIONS.consultedLeftOut;
	const { R, A, C } = rolesWith(snapshot, cardId);
	const issues: Issue[] = [];
	if (A.length === 0) issues.push({ rule: 'no-accountable', severity: 'error' });
	if (A.length > 1) issues.push({ rule: 'multiple-accountable', severity: 'error', roleIds: A });
	if (R.length === 0) issues.push({ rule: 'no-responsible', severity: 'error' });
	// Everyone left once the doers and the owner are counted; where enough such roles remain,
	// leaving a few out still counts as consulting everyone.
	const others = snapshot.roles.length - R.length - A.length;
	const threshold = Math.max(2, others - (others >= leftOut + 3 ? leftOut : 0));
	if (C.length >= threshold) {
		issues.push({
			rule: 'consulted-everyone',
			severity: 'warning',
			roleIds: C,
			measure: { count: C.length, of: others, threshold }
		});
	}
	return issues;
};

const checkOptions = (opts: RuleOptions): WarningThresholds => {
	const { overloadShare, overloadMin, consultedLeftOut } = { ...DEFAULT_RULE_OPTIONS, ...opts };
	if (!(overloadShare > 0 && overloadShare <= 1)) {
		throw new BoardError('invalid-input', 'overloadShare must be above 0 and at most 1');
	}
	if (!(Number.isInteger(overloadMin) && overloadMin >= 1)) {
		throw new BoardError('invalid-input', 'overloadMin must be a whole number of at least 1');
	}
	if (!(Number.isInteger(consultedLeftOut) && consultedLeftOut >= 0)) {
		throw new BoardError('invalid-input', 'consultedLeftOut must be a whole number, 0 or more');
	}
	return { overloadShare, overloadMin, consultedLeftOut };
};

export const checkBoard = (snapshot: BoardSnapshot, opts: RuleOptions = {}): BoardCheck => {
	const thresholds = checkOptions(opts);
	const overloadAt = overloadThreshold(snapshot.rows.length, thresholds);
	const rows: Record<string, Issue[]> = {};
	let errorCount = 0;
	let warningCount = 0;
	const count = (issues: Issue[]) => {
		for (const issue of issues) {
			if (issue.severity === 'error') errorCount++;
			else warningCount++;
		}
	};
	for (const row of snapshot.rows) {
		rows[row.id] = checkRow(snapshot, row.id, thresholds);
		count(rows[row.id]);
	}

	const roles: Record<string, RoleCheck> = {};
	for (const role of snapshot.roles) {
		const load: RoleLoad = { roleId: role.id, R: 0, A: 0, C: 0, I: 0, load: 0, share: 0 };
		for (const row of snapshot.rows) {
			const letter = letterAt(snapshot, row.id, role.id);
			if (letter) load[letter]++;
		}
		load.load = load.R + load.A;
		load.share = snapshot.rows.length > 0 ? load.load / snapshot.rows.length : 0;
		const overloaded = load.load >= overloadAt;
		const onlyInformed = load.I > 0 && load.load + load.C === 0;
		const issues: Issue[] = [];
		if (overloaded) {
			const rule = role.id === snapshot.focusRoleId ? 'focus-overload' : 'overload';
			const measure = { count: load.load, of: snapshot.rows.length, threshold: overloadAt };
			issues.push({ rule, severity: 'warning', roleIds: [role.id], measure });
		}
		if (onlyInformed)
			issues.push({ rule: 'only-informed', severity: 'warning', roleIds: [role.id] });
		count(issues);
		roles[role.id] = { ...load, overloaded, onlyInformed, issues };
	}
	return { rows, roles, errorCount, warningCount };
};
