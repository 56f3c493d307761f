import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { MemberRole } from '#lib/contracts/roles.ts';
import { randomId } from '../ids.ts';
import { WORKSHOP_COLUMNS as COLUMNS, toWorkshop, type WorkshopRow } from '../rows.ts';
import {
	ROLE_RANK,
	type Member,
	type NewWorkshop,
	type Workshop,
	type WorkshopStore,
	type WorkshopSummary
} from '../workshops.ts';
import { transaction } from './transaction.ts';

export class SqliteWorkshopStore implements WorkshopStore {
	private db: DatabaseSync;
	private insert: StatementSync;
	private insertMember: StatementSync;
	private selectById: StatementSync;
	private updateFields: StatementSync;
	private updateArchived: StatementSync;
	private deleteById: StatementSync;
	private updateTouched: StatementSync;
	private selectForUser: StatementSync;
	private selectCounts: StatementSync;
	private selectMembership: StatementSync;
	private selectMembers: StatementSync;
	private updateRole: StatementSync;
	private deleteMember: StatementSync;
	private upsertRemoval: StatementSync;
	private selectCreatedSince: StatementSync;
	private selectRemoval: StatementSync;

	constructor(db: DatabaseSync) {
		this.db = db;
		this.insert = db.prepare(
			'INSERT INTO workshops (id, title, team, template_id, focus_role_id, created_by, created_at, updated_at, archived_at, framework) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)'
		);
		this.insertMember = db.prepare(
			'INSERT INTO memberships (workshop_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)'
		);
		this.selectById = db.prepare(`SELECT ${COLUMNS} FROM workshops w WHERE w.id = ?`);
		this.updateFields = db.prepare(
			'UPDATE workshops SET title = COALESCE(?, title), team = COALESCE(?, team), updated_at = ? WHERE id = ?'
		);
		this.updateArchived = db.prepare(
			'UPDATE workshops SET archived_at = ?, updated_at = ? WHERE id = ?'
		);
		this.deleteById = db.prepare('DELETE FROM workshops WHERE id = ?');
		this.updateTouched = db.prepare(
			'UPDATE workshops SET updated_at = ? WHERE id = ? AND updated_at < ?'
		);
		this.selectForUser = db.prepare(
			`SELECT ${COLUMNS}, m.role,
				(SELECT COUNT(*) FROM memberships c WHERE c.workshop_id = w.id) AS member_count
			FROM memberships m JOIN workshops w ON w.id = m.workshop_id
			WHERE m.user_id = ? AND ((? = 1 AND w.archived_at IS NOT NULL) OR (? = 0 AND w.archived_at IS NULL))
			ORDER BY w.updated_at DESC, w.id`
		);
		this.selectCounts = db.prepare(
			`SELECT
				SUM(CASE WHEN w.archived_at IS NULL THEN 1 ELSE 0 END) AS active,
				SUM(CASE WHEN w.archived_at IS NULL THEN 0 ELSE 1 END) AS archived
			FROM memberships m JOIN workshops w ON w.id = m.workshop_id WHERE m.user_id = ?`
		);
		this.selectMembership = db.prepare(
			'SELECT role FROM memberships WHERE workshop_id = ? AND user_id = ?'
		);
		this.selectMembers = db.prepare(
			`SELECT u.id AS user_id, u.username, u.display_name, u.color, u.is_guest, m.role, m.joined_at
			FROM memberships m JOIN users u ON u.id = m.user_id
			WHERE m.workshop_id = ?
			ORDER BY CASE m.role WHEN 'facilitator' THEN 0 WHEN 'participant' THEN 1 ELSE 2 END, m.joined_at, u.id`
		);
		this.updateRole = db.prepare(
			'UPDATE memberships SET role = ? WHERE workshop_id = ? AND user_id = ?'
		);
		this.deleteMember = db.prepare('DELETE FROM memberships WHERE workshop_id = ? AND user_id = ?');
		this.selectCreatedSince = db.prepare(
			'SELECT COUNT(*) AS n FROM workshops WHERE created_by = ? AND created_at >= ?'
		);
		this.upsertRemoval = db.prepare(
			'INSERT INTO member_removals (workshop_id, user_id, removed_at) VALUES (?, ?, ?) ON CONFLICT (workshop_id, user_id) DO UPDATE SET removed_at = excluded.removed_at'
		);
		this.selectRemoval = db.prepare(
			'SELECT removed_at FROM member_removals WHERE workshop_id = ? AND user_id = ?'
		);
	}

	async create(input: NewWorkshop): Promise<Workshop> {
		const now = Date.now();
		const workshop: Workshop = {
			id: randomId(12),
			title: input.title,
			team: input.team,
			templateId: input.templateId,
			focusRoleId: input.focusRoleId,
			createdBy: input.createdBy,
			createdAt: now,
			updatedAt: now,
			archivedAt: null,
			framework: input.framework
		};
		transaction(this.db, () => {
			this.insert.run(
				workshop.id,
				workshop.title,
				workshop.team,
				workshop.templateId,
				workshop.focusRoleId,
				workshop.createdBy,
				now,
				now,
				workshop.framework
			);
			this.insertMember.run(workshop.id, input.createdBy, 'facilitator', now);
		});
		return workshop;
	}

	async get(id: string): Promise<Workshop | null> {
		const row = this.selectById.get(id) as WorkshopRow | undefined;
		return row ? toWorkshop(row) : null;
	}

	async update(id: string, changes: { title?: string; team?: string }): Promise<void> {
		this.updateFields.run(changes.title ?? null, changes.team ?? null, Date.now(), id);
	}

	async setArchived(id: string, archived: boolean): Promise<void> {
		const now = Date.now();
		this.updateArchived.run(archived ? now : null, now, id);
	}

	async remove(id: string): Promise<void> {
		this.deleteById.run(id);
	}

	async touch(id: string, at = Date.now()): Promise<void> {
		this.updateTouched.run(at, id, at);
	}

	async listForUser(
		userId: string,
		options: { archived?: boolean } = {}
	): Promise<WorkshopSummary[]> {
		const flag = options.archived ? 1 : 0;
		const rows = this.selectForUser.all(userId, flag, flag) as unknown as (WorkshopRow & {
			role: MemberRole;
			member_count: number;
		})[];
		return rows.map((row) => ({
			...toWorkshop(row),
			role: row.role,
			memberCount: row.member_count
		}));
	}

	async countForUser(userId: string): Promise<{ active: number; archived: number }> {
		const row = this.selectCounts.get(userId) as { active: number | null; archived: number | null };
		return { active: row.active ?? 0, archived: row.archived ?? 0 };
	}

	async getMembership(workshopId: string, userId: string): Promise<{ role: MemberRole } | null> {
		const row = this.selectMembership.get(workshopId, userId) as { role: MemberRole } | undefined;
		return row ? { role: row.role } : null;
	}

	async listMembers(workshopId: string): Promise<Member[]> {
		const rows = this.selectMembers.all(workshopId) as {
			user_id: string;
			username: string;
			display_name: string;
			color: string;
			is_guest: number;
			role: MemberRole;
			joined_at: number;
		}[];
		return rows.map((row) => ({
			userId: row.user_id,
			username: row.username,
			displayName: row.display_name,
			color: row.color,
			isGuest: row.is_guest === 1,
			role: row.role,
			joinedAt: row.joined_at
		}));
	}

	async addMember(workshopId: string, userId: string, role: MemberRole): Promise<MemberRole> {
		return transaction(this.db, () => {
			const existing = this.selectMembership.get(workshopId, userId) as
				{ role: MemberRole } | undefined;
			const now = Date.now();
			if (!existing) {
				this.insertMember.run(workshopId, userId, role, now);
			} else if (ROLE_RANK[role] > ROLE_RANK[existing.role]) {
				this.updateRole.run(role, workshopId, userId);
			} else {
				return existing.role;
			}
			this.updateTouched.run(now, workshopId, now);
			return role;
		});
	}

	async setMemberRole(workshopId: string, userId: string, role: MemberRole): Promise<void> {
		this.updateRole.run(role, workshopId, userId);
	}

	async removeMember(workshopId: string, userId: string): Promise<void> {
		transaction(this.db, () => {
			if (this.deleteMember.run(workshopId, userId).changes > 0) {
				this.upsertRemoval.run(workshopId, userId, Date.now());
			}
		});
	}

	async countCreatedSince(userId: string, since: number): Promise<number> {
		return (this.selectCreatedSince.get(userId, since) as { n: number }).n;
	}

	async removedAt(workshopId: string, userId: string): Promise<number | null> {
		const row = this.selectRemoval.get(workshopId, userId) as { removed_at: number } | undefined;
		return row?.removed_at ?? null;
	}
}
