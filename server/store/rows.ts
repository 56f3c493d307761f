/**
 * Rows as both databases return them, and their mapping to the store's types.
 * SQLite hands booleans out as 0/1 and PostgreSQL as true/false, hence
 * `boolean | number` where a column is a flag.
 */
import { isFrameworkId } from '../../src/lib/board/frameworks.ts';
import type { BoardSnapshot } from '../../src/lib/board/schema.ts';
import type { Charter } from '../../src/lib/charter/charter.ts';
import type { PublishedCharter } from './charters.ts';
import type { ProposalRound, StoredProposal } from './facilitation.ts';
import type { Invite, InviteRole } from './invites.ts';
import type { SessionRecord } from './sessions.ts';
import type { User } from './users.ts';
import type { Workshop } from './workshops.ts';

type Flag = boolean | number;

export interface UserRow {
	id: string;
	username: string;
	display_name: string;
	password_hash?: string | null;
	is_guest: Flag;
	color: string;
	created_at: number;
}

export const USER_COLUMNS =
	'users.id, users.username, users.display_name, users.is_guest, users.color, users.created_at';

export function toUser(row: UserRow): User {
	return {
		id: row.id,
		username: row.username,
		displayName: row.display_name,
		isGuest: Boolean(row.is_guest),
		color: row.color,
		createdAt: row.created_at
	};
}

/** A session joined with its user's columns (USER_COLUMNS). */
export const SESSION_WITH_USER = `SELECT sessions.id AS session_id, sessions.user_id, sessions.secret_hash, sessions.created_at AS session_created_at,
	sessions.last_verified_at, sessions.expires_at, ${USER_COLUMNS}
FROM sessions JOIN users ON users.id = sessions.user_id`;

export interface SessionRow extends UserRow {
	session_id: string;
	user_id: string;
	secret_hash: Uint8Array;
	session_created_at: number;
	last_verified_at: number;
	expires_at: number;
}

export function toSessionWithUser(row: SessionRow): { session: SessionRecord; user: User } {
	return {
		session: {
			id: row.session_id,
			userId: row.user_id,
			secretHash: new Uint8Array(row.secret_hash),
			createdAt: row.session_created_at,
			lastVerifiedAt: row.last_verified_at,
			expiresAt: row.expires_at
		},
		user: toUser(row)
	};
}

export interface InviteRow {
	id: string;
	workshop_id: string;
	role: InviteRole;
	label: string;
	created_by: string;
	created_at: number;
	revoked_at: number | null;
	uses: number;
}

export const INVITE_COLUMNS =
	'id, workshop_id, role, label, created_by, created_at, revoked_at, uses';

export function toInvite(row: InviteRow): Invite {
	return {
		id: row.id,
		workshopId: row.workshop_id,
		role: row.role,
		label: row.label,
		createdBy: row.created_by,
		createdAt: row.created_at,
		revokedAt: row.revoked_at,
		uses: row.uses
	};
}

export interface WorkshopRow {
	id: string;
	title: string;
	team: string;
	template_id: string;
	focus_role_id: string;
	created_by: string;
	created_at: number;
	updated_at: number;
	archived_at: number | null;
	framework: string | null;
}

export const WORKSHOP_COLUMNS =
	'w.id, w.title, w.team, w.template_id, w.focus_role_id, w.created_by, w.created_at, w.updated_at, w.archived_at, w.framework';

export function toWorkshop(row: WorkshopRow): Workshop {
	return {
		id: row.id,
		title: row.title,
		team: row.team,
		templateId: row.template_id,
		focusRoleId: row.focus_role_id,
		createdBy: row.created_by,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		archivedAt: row.archived_at,
		framework: isFrameworkId(row.framework) ? row.framework : null
	};
}

export interface VersionRow {
	workshop_id: string;
	version: number;
	charter_json: string;
	board_json: string;
	author_id: string;
	published_at: number;
}

export const VERSION_COLUMNS =
	'workshop_id, version, charter_json, board_json, author_id, published_at';

export const toPublished = (row: VersionRow): PublishedCharter => ({
	workshopId: row.workshop_id,
	version: row.version,
	charter: JSON.parse(row.charter_json) as Charter,
	board: JSON.parse(row.board_json) as BoardSnapshot,
	authorId: row.author_id,
	publishedAt: row.published_at
});

export interface RoundRow {
	workshop_id: string;
	round: number;
	named: Flag;
	started_by: string;
	started_at: number;
	revealed_at: number | null;
}

export const ROUND_COLUMNS = 'workshop_id, round, named, started_by, started_at, revealed_at';

export const toRound = (row: RoundRow): ProposalRound => ({
	workshopId: row.workshop_id,
	round: row.round,
	named: Boolean(row.named),
	startedBy: row.started_by,
	startedAt: row.started_at,
	revealedAt: row.revealed_at
});

export interface ProposalRow {
	user_id: string;
	name: string;
	cells: string;
	updated_at: number;
}

export const toProposal = (row: ProposalRow): StoredProposal => ({
	userId: row.user_id,
	name: row.name,
	cells: JSON.parse(row.cells) as Record<string, string>,
	updatedAt: row.updated_at
});
