import type { MemberRole } from '#lib/contracts/roles.ts';
import { randomId } from '../ids.ts';
import { WORKSHOP_COLUMNS as COLUMNS, toWorkshop, type WorkshopRow } from '../rows.ts';
import type {
	Member,
	NewWorkshop,
	Workshop,
	WorkshopStore,
	WorkshopSummary
} from '../workshops.ts';
import { transaction, type Pool } from './pool.ts';

const TOUCH = 'UPDATE workshops SET updated_at = $1 WHERE id = $2 AND updated_at < $1';

export class PgWorkshopStore implements WorkshopStore {
	private pool: Pool;

	constructor(pool: Pool) {
		this.pool = pool;
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
		await transaction(this.pool, async (client) => {
			await client.query(
				'INSERT INTO workshops (id, title, team, template_id, focus_role_id, created_by, created_at, updated_at, archived_at, framework) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, NULL, $8)',
				[
					workshop.id,
					workshop.title,
					workshop.team,
					workshop.templateId,
					workshop.focusRoleId,
					workshop.createdBy,
					now,
					workshop.framework
				]
			);
			await client.query(
				"INSERT INTO memberships (workshop_id, user_id, role, joined_at) VALUES ($1, $2, 'facilitator', $3)",
				[workshop.id, input.createdBy, now]
			);
		});
		return workshop;
	}

	async get(id: string): Promise<Workshop | null> {
		const { rows } = await this.pool.query<WorkshopRow>(
			`SELECT ${COLUMNS} FROM workshops w WHERE w.id = $1`,
			[id]
		);
		return rows[0] ? toWorkshop(rows[0]) : null;
	}

	async update(id: string, changes: { title?: string; team?: string }): Promise<void> {
		await this.pool.query(
			'UPDATE workshops SET title = COALESCE($1, title), team = COALESCE($2, team), updated_at = $3 WHERE id = $4',
			[changes.title ?? null, changes.team ?? null, Date.now(), id]
		);
	}

	async setArchived(id: string, archived: boolean): Promise<void> {
		const now = Date.now();
		await this.pool.query('UPDATE workshops SET archived_at = $1, updated_at = $2 WHERE id = $3', [
			archived ? now : null,
			now,
			id
		]);
	}

	async remove(id: string): Promise<void> {
		await this.pool.query('DELETE FROM workshops WHERE id = $1', [id]);
	}

	async touch(id: string, at = Date.now()): Promise<void> {
		await this.pool.query(TOUCH, [at, id]);
	}

	async listForUser(
		userId: string,
		options: { archived?: boolean } = {}
	): Promise<WorkshopSummary[]> {
		const { rows } = await this.pool.query<
			WorkshopRow & { role: MemberRole; member_count: number }
		>(
			`SELECT ${COLUMNS}, m.role,
				(SELECT COUNT(*) FROM memberships c WHERE c.workshop_id = w.id) AS member_count
			FROM memberships m JOIN workshops w ON w.id = m.workshop_id
			WHERE m.user_id = $1 AND (w.archived_at IS NOT NULL) = $2
			ORDER BY w.updated_at DESC, w.id COLLATE "C"`,
			[userId, options.archived === true]
		);
		return rows.map((row) => ({
			...toWorkshop(row),
			role: row.role,
			memberCount: row.member_count
		}));
	}

	async countForUser(userId: string): Promise<{ active: number; archived: number }> {
		const { rows } = await this.pool.query<{ active: number; archived: number }>(
			`SELECT
				COUNT(*) FILTER (WHERE w.archived_at IS NULL) AS active,
				COUNT(*) FILTER (WHERE w.archived_at IS NOT NULL) AS archived
			FROM memberships m JOIN workshops w ON w.id = m.workshop_id WHERE m.user_id = $1`,
			[userId]
		);
		return { active: rows[0].active, archived: rows[0].archived };
	}

	async getMembership(workshopId: string, userId: string): Promise<{ role: MemberRole } | null> {
		const { rows } = await this.pool.query<{ role: MemberRole }>(
			'SELECT role FROM memberships WHERE workshop_id = $1 AND user_id = $2',
			[workshopId, userId]
		);
		return rows[0] ? { role: rows[0].role } : null;
	}

	async listMembers(workshopId: string): Promise<Member[]> {
		const { rows } = await this.pool.query<{
			user_id: string;
			username: string;
			display_name: string;
			color: string;
			is_guest: boolean;
			role: MemberRole;
			joined_at: number;
		}>(
			`SELECT u.id AS user_id, u.username, u.display_name, u.color, u.is_guest, m.role, m.joined_at
			FROM memberships m JOIN users u ON u.id = m.user_id
			WHERE m.workshop_id = $1
			ORDER BY role_rank(m.role) DESC, m.joined_at, u.id COLLATE "C"`,
			[workshopId]
		);
		return rows.map((row) => ({
			userId: row.user_id,
			username: row.username,
			displayName: row.display_name,
			color: row.color,
			isGuest: row.is_guest,
			role: row.role,
			joinedAt: row.joined_at
		}));
	}

	async addMember(workshopId: string, userId: string, role: MemberRole): Promise<MemberRole> {
		// One upsert, so two joins racing (on two instances) cannot lower a role or fail.
		const now = Date.now();
		return transaction(this.pool, async (client) => {
			const { rows } = await client.query<{ role: MemberRole }>(
				`INSERT INTO memberships AS m (workshop_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)
				ON CONFLICT (workshop_id, user_id) DO UPDATE SET role = excluded.role
					WHERE role_rank(excluded.role) > role_rank(m.role)
				RETURNING m.role`,
				[workshopId, userId, role, now]
			);
			if (rows.length === 0) {
				const existing = await client.query<{ role: MemberRole }>(
					'SELECT role FROM memberships WHERE workshop_id = $1 AND user_id = $2',
					[workshopId, userId]
				);
				return existing.rows[0].role;
			}
			await client.query(TOUCH, [now, workshopId]);
			return rows[0].role;
		});
	}

	async setMemberRole(workshopId: string, userId: string, role: MemberRole): Promise<void> {
		await this.pool.query(
			'UPDATE memberships SET role = $1 WHERE workshop_id = $2 AND user_id = $3',
			[role, workshopId, userId]
		);
	}

	async removeMember(workshopId: string, userId: string): Promise<void> {
		await transaction(this.pool, async (client) => {
			const removed = await client.query(
				'DELETE FROM memberships WHERE workshop_id = $1 AND user_id = $2',
				[workshopId, userId]
			);
			if (!removed.rowCount) return;
			await client.query(
				`INSERT INTO member_removals (workshop_id, user_id, removed_at) VALUES ($1, $2, $3)
				ON CONFLICT (workshop_id, user_id) DO UPDATE SET removed_at = excluded.removed_at`,
				[workshopId, userId, Date.now()]
			);
		});
	}

	async countCreatedSince(userId: string, since: number): Promise<number> {
		const { rows } = await this.pool.query<{ n: number }>(
			'SELECT COUNT(*) AS n FROM workshops WHERE created_by = $1 AND created_at >= $2',
			[userId, since]
		);
		return rows[0].n;
	}

	async removedAt(workshopId: string, userId: string): Promise<number | null> {
		const { rows } = await this.pool.query<{ removed_at: number }>(
			'SELECT removed_at FROM member_removals WHERE workshop_id = $1 AND user_id = $2',
			[workshopId, userId]
		);
		return rows[0]?.removed_at ?? null;
	}
}
