/**
 * The checks the board shows live and the charter records. They produce rule ids only; their
 * wording lives with the templates.
 *
 * Letters are read through the board's framework (frameworks.ts): "A" is its owner letter, "R"
 * its doer letter (the Approver and the Driver in DACI), and a role holding both ("A/R") counts
 * as each. Row errors: a placed row needs exactly one owner and at least one doer; a row that
 * breaks either has no settled boundary (boundary.ts calls it unresolved). Warnings: a row that
 * consults everyone who does not do or own it, a role that is only ever informed, and a role that
 * does or owns a large share of the rows (the focus role's "spread too thin").
 */
import { dutiesOf, frameworkOf, type Duty, type Mark } from './frameworks.ts';
import { letterAt, requireRow } from './snapshot.ts';
import type { BoardSnapshot } from './schema.ts';
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
	/** Rows per duty; an owner who also does a row counts under both. */
	duties: Record<Duty, number>;
	/** Rows per mark, each row once ("A/R" is its own mark). */
	marks: Partial<Record<Mark, number>>;
	/** The rows this role does or owns, each once. */
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

const emptyDuties = (): Record<Duty, number> => ({
	owner: 0,
	doer: 0,
	support: 0,
	consulted: 0,
	informed: 0
});

/** The duties of a role on a row, by the board's framework. */
export const dutiesAt = (snapshot: BoardSnapshot, cardId: string, roleId: string): Duty[] => {
	const mark = letterAt(snapshot, cardId, roleId);
	return mark ? dutiesOf(frameworkOf(snapshot.framework), mark) : [];
};

const rolesWith = (snapshot: BoardSnapshot, cardId: string): Record<Duty, string[]> => {
	const byDuty: Record<Duty, string[]> = {
		owner: [],
		doer: [],
		support: [],
		consulted: [],
		informed: []
	};
	for (const role of snapshot.roles) {
		for (const duty of dutiesAt(snapshot, cardId, role.id)) byDuty[duty].push(role.id);
	}
	return byDuty;
};

export const checkRow = (
	snapshot: BoardSnapshot,
	cardId: string,
	opts: RuleOptions = {}
): Issue[] => {
	requireRow(snapshot, cardId);
	const leftOut = opts.consultedLeftOut ?? DEFAULT_RULE_OPTIONS.consultedLeftOut;
	const { owner, doer, consulted } = rolesWith(snapshot, cardId);
	const issues: Issue[] = [];
	if (owner.length === 0) issues.push({ rule: 'no-accountable', severity: 'error' });
	if (owner.length > 1) {
		issues.push({ rule: 'multiple-accountable', severity: 'error', roleIds: owner });
	}
	if (doer.length === 0) issues.push({ rule: 'no-responsible', severity: 'error' });
	// Everyone left once the doers and the owner are counted (an owner who also does the row
	// once); where enough such roles remain, leaving a few out still counts as consulting
	// everyone.
	const others = snapshot.roles.length - new Set([...owner, ...doer]).size;
	const threshold = Math.max(2, others - (others >= leftOut + 3 ? leftOut : 0));
	if (consulted.length >= threshold) {
		issues.push({
			rule: 'consulted-everyone',
			severity: 'warning',
			roleIds: consulted,
			measure: { count: consulted.length, of: others, threshold }
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
		const load: RoleLoad = {
			roleId: role.id,
			duties: emptyDuties(),
			marks: {},
			load: 0,
			share: 0
		};
		for (const row of snapshot.rows) {
			const mark = letterAt(snapshot, row.id, role.id);
			if (mark) load.marks[mark] = (load.marks[mark] ?? 0) + 1;
			const duties = dutiesAt(snapshot, row.id, role.id);
			for (const duty of duties) load.duties[duty]++;
			if (duties.includes('owner') || duties.includes('doer')) load.load++;
		}
		load.share = snapshot.rows.length > 0 ? load.load / snapshot.rows.length : 0;
		const overloaded = load.load >= overloadAt;
		const { informed, consulted, support } = load.duties;
		const onlyInformed = informed > 0 && load.load + consulted + support === 0;
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
