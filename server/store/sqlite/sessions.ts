import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SessionRecord, SessionStore } from '../sessions.ts';
import type { User } from '../users.ts';
import { SESSION_WITH_USER, toSessionWithUser, type SessionRow } from '../rows.ts';

export class SqliteSessionStore implements SessionStore {
	private insert: StatementSync;
	private selectWithUser: StatementSync;
	private updateExpiry: StatementSync;
	private deleteById: StatementSync;
	private selectForUser: StatementSync;
	private deleteByUser: StatementSync;
	private deleteBefore: StatementSync;

	constructor(db: DatabaseSync) {
		this.insert = db.prepare(
			'INSERT INTO sessions (id, user_id, secret_hash, created_at, last_verified_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)'
		);
		this.selectWithUser = db.prepare(`${SESSION_WITH_USER} WHERE sessions.id = ?`);
		this.updateExpiry = db.prepare(
			'UPDATE sessions SET last_verified_at = ?, expires_at = ? WHERE id = ?'
		);
		this.deleteById = db.prepare('DELETE FROM sessions WHERE id = ?');
		this.selectForUser = db.prepare('SELECT id FROM sessions WHERE user_id = ?');
		this.deleteByUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
		this.deleteBefore = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
	}

	async create(session: SessionRecord): Promise<void> {
		this.insert.run(
			session.id,
			session.userId,
			session.secretHash,
			session.createdAt,
			session.lastVerifiedAt,
			session.expiresAt
		);
	}

	async get(id: string): Promise<{ session: SessionRecord; user: User } | null> {
		const row = this.selectWithUser.get(id) as SessionRow | undefined;
		return row ? toSessionWithUser(row) : null;
	}

	async extend(id: string, lastVerifiedAt: number, expiresAt: number): Promise<void> {
		this.updateExpiry.run(lastVerifiedAt, expiresAt, id);
	}

	async delete(id: string): Promise<void> {
		this.deleteById.run(id);
	}

	async deleteForUser(userId: string): Promise<string[]> {
		const ids = (this.selectForUser.all(userId) as { id: string }[]).map((r) => r.id);
		this.deleteByUser.run(userId);
		return ids;
	}

	async deleteExpired(now: number): Promise<number> {
		return Number(this.deleteBefore.run(now).changes);
	}
}
