import type { SessionRecord, SessionStore } from '../sessions.ts';
import type { User } from '../users.ts';
import type { Pool } from './pool.ts';
import { SESSION_WITH_USER, toSessionWithUser, type SessionRow } from '../rows.ts';

export class PgSessionStore implements SessionStore {
	private pool: Pool;

	constructor(pool: Pool) {
		this.pool = pool;
	}

	async create(session: SessionRecord): Promise<void> {
		await this.pool.query(
			'INSERT INTO sessions (id, user_id, secret_hash, created_at, last_verified_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
			[
				session.id,
				session.userId,
				session.secretHash,
				session.createdAt,
				session.lastVerifiedAt,
				session.expiresAt
			]
		);
	}

	async get(id: string): Promise<{ session: SessionRecord; user: User } | null> {
		const { rows } = await this.pool.query<SessionRow>(
			`${SESSION_WITH_USER} WHERE sessions.id = $1`,
			[id]
		);
		return rows[0] ? toSessionWithUser(rows[0]) : null;
	}

	async extend(id: string, lastVerifiedAt: number, expiresAt: number): Promise<void> {
		await this.pool.query(
			'UPDATE sessions SET last_verified_at = $1, expires_at = $2 WHERE id = $3',
			[lastVerifiedAt, expiresAt, id]
		);
	}

	async delete(id: string): Promise<void> {
		await this.pool.query('DELETE FROM sessions WHERE id = $1', [id]);
	}

	async deleteForUser(userId: string): Promise<string[]> {
		const { rows } = await this.pool.query<{ id: string }>(
			'DELETE FROM sessions WHERE user_id = $1 RETURNING id',
			[userId]
		);
		return rows.map((r) => r.id);
	}

	async deleteExpired(now: number): Promise<number> {
		const { rowCount } = await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [
			now
		]);
		return rowCount ?? 0;
	}
}
