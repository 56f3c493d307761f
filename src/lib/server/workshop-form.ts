import { DEFAULT_FRAMEWORK, LIMITS, isFrameworkId, type FrameworkId } from '#lib/board/index.ts';
import { ROLE_COLORS } from '#lib/ui/role-colors.ts';

/** Validation for the workshop forms (create, rename); messages are shown beside the field. */

const TITLE_MAX = 120;
const TEAM_MAX = 80;
const ROLES_MIN = 2;
const ROLES_MAX = 12;

function line(value: FormDataEntryValue | null): string {
	return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

function titleProblem(title: string): string | null {
	if (!title) return 'Give the workshop a title.';
	if (title.length > TITLE_MAX) return `Keep the title to ${TITLE_MAX} characters.`;
	return null;
}

function teamProblem(team: string): string | null {
	if (!team) return 'Name the team this workshop is for.';
	if (team.length > TEAM_MAX) return `Keep the team name to ${TEAM_MAX} characters.`;
	return null;
}

export function readTitleAndTeam(form: FormData) {
	const title = line(form.get('title'));
	const team = line(form.get('team'));
	const errors: { title?: string; team?: string } = {};
	const t = titleProblem(title);
	if (t) errors.title = t;
	const m = teamProblem(team);
	if (m) errors.team = m;
	return { title, team, errors };
}

export interface RoleRow {
	id: string;
	name: string;
	label: string;
	color: string;
}

export interface ParsedRoles {
	/** What the user entered, blank rows left out, to re-render the form. */
	rows: RoleRow[];
	focusIndex: number;
	roles: RoleRow[];
	focusRoleId: string | null;
	/** A message for the whole list, and messages per row index. */
	error: string | null;
	rowErrors: Record<number, string>;
}

function slug(name: string): string {
	return name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40);
}

/** "Customer Success" → "CS", "Engineering" → "ENG". */
export function labelFor(name: string): string {
	const words = name.split(/[\s/&-]+/).filter((w) => /[a-z0-9]/i.test(w));
	const label =
		words.length > 1
			? words.map((w) => w[0]).join('')
			: (words[0] ?? '').replace(/[^a-z0-9]/gi, '').slice(0, 3);
	return label.toUpperCase().slice(0, 4) || 'ROLE';
}

/**
 * Roles arrive as repeated fields (roleId, roleName, roleLabel, roleColor) and a
 * `focusRole` row index. Rows left entirely blank are dropped, so a blank row is
 * how a browser without JavaScript adds a role and clearing one removes it.
 */
export function parseRoles(form: FormData): ParsedRoles {
	const ids = form.getAll('roleId');
	const names = form.getAll('roleName');
	const labels = form.getAll('roleLabel');
	const colors = form.getAll('roleColor');
	const focusIndex = Number(form.get('focusRole') ?? -1);

	const entered = names.map((name, i) => ({
		id: line(ids[i] ?? null),
		name: line(name),
		label: line(labels[i] ?? null),
		color: line(colors[i] ?? null).toLowerCase(),
		focus: i === focusIndex
	}));
	const kept = entered.filter((row) => row.name || row.label);
	const rows: RoleRow[] = kept.map(({ id, name, label, color }) => ({ id, name, label, color }));
	const focus = kept.findIndex((row) => row.focus);

	const rowErrors: Record<number, string> = {};
	const roles: RoleRow[] = [];
	const taken = new Set<string>();
	const names_ = new Set<string>();
	let focusRoleId: string | null = null;

	rows.forEach((row, i) => {
		if (!row.name) {
			rowErrors[i] = 'Give this role a name, or clear its label to remove it.';
			return;
		}
		if (row.name.length > LIMITS.roleName) {
			rowErrors[i] = `Keep role names to ${LIMITS.roleName} characters.`;
			return;
		}
		const label = row.label || labelFor(row.name);
		if (label.length > LIMITS.roleLabel) {
			rowErrors[i] = `Keep the short label to ${LIMITS.roleLabel} characters.`;
			return;
		}
		if (names_.has(row.name.toLowerCase())) {
			rowErrors[i] = 'Two roles have this name.';
			return;
		}
		names_.add(row.name.toLowerCase());
		const color = /^#[0-9a-f]{6}$/.test(row.color)
			? row.color
			: ROLE_COLORS[roles.length % ROLE_COLORS.length];
		let id = /^[a-z0-9][a-z0-9_-]{0,63}$/i.test(row.id) ? row.id : slug(row.name) || 'role';
		for (let n = 2; taken.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
		taken.add(id);
		roles.push({ id, name: row.name, label, color });
		if (i === focus) focusRoleId = id;
	});

	let error: string | null = null;
	if (Object.keys(rowErrors).length === 0) {
		if (roles.length < ROLES_MIN) error = `A board needs at least ${ROLES_MIN} roles to compare.`;
		else if (roles.length > ROLES_MAX)
			error = `Keep it to ${ROLES_MAX} roles; a wider board is hard to read.`;
		else if (!focusRoleId) error = 'Choose the focus role, whose charter this workshop writes.';
	}
	return { rows, focusIndex: focus, roles, focusRoleId, error, rowErrors };
}

/** The matrix a new workshop uses; RACI when the form does not say (a form from before the choice). */
export function readFramework(form: FormData): { framework: FrameworkId; error: string | null } {
	const value = form.get('framework');
	if (value === null || value === '') return { framework: DEFAULT_FRAMEWORK, error: null };
	return isFrameworkId(value)
		? { framework: value, error: null }
		: { framework: DEFAULT_FRAMEWORK, error: 'Choose RACI, RASCI or DACI.' };
}
