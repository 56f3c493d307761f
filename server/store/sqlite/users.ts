import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { toUser, USER_COLUMNS, type UserRow } from '../rows.ts';
import type { NewUser, User, UserStore, UserWithPassword } from '../users.ts';

export class SqliteUserStore implements UserStore {
	private insert: StatementSync;
	private selectById: StatementSync;
	private selectByUsername: StatementSync;
	private updatePassword: StatementSync;
	private updateGuest: StatementSync;

	constructor(db: DatabaseSync) {
		this.insert = db.prepare(
			'INSERT INTO users (id, username, display_name, password_hash, is_guest, color, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING'
		);
		this.selectById = db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`);
		this.selectByUsername = db.prepare(
			`SELECT ${USER_COLUMNS}, users.password_hash FROM users WHERE username = ?`
		);
		this.updatePassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
		this.updateGuest = db.prepare(
			'UPDATE users SET username = ?, display_name = ?, password_hash = ?, is_guest = 0 WHERE id = ? AND is_guest = 1 AND NOT EXISTS (SELECT 1 FROM users taken WHERE taken.username = ?)'
		);
	}

	async create(input: NewUser & { id: string }): Promise<User | null> {
		const createdAt = Date.now();
		const result = this.insert.run(
			input.id,
			input.username,
			input.displayName,
			input.passwordHash,
			input.isGuest ? 1 : 0,
			input.color,
			createdAt
		);
		if (result.changes === 0) return null;
		return {
			id: input.id,
			username: input.username,
			displayName: input.displayName,
			isGuest: input.isGuest,
			color: input.color,
			createdAt
		};
	}

	async get(id: string): Promise<User | null> {
		const row = this.selectById.get(id) as UserRow | undefined;
		return row ? toUser(row) : null;
	}

	async getByUsername(username: string): Promise<UserWithPassword | null> {
		const row = this.selectByUsername.get(username) as UserRow | undefined;
		return row ? { ...toUser(row), passwordHash: row.password_hash ?? null } : null;
	}

	async setPasswordHash(id: string, passwordHash: string): Promise<void> {
		this.updatePassword.run(passwordHash, id);
	}

	async claimGuest(
		id: string,
		account: { username: string; displayName: string; passwordHash: string }
	): Promise<User | null> {
		try {
			const result = this.updateGuest.run(
				account.username,
				account.displayName,
				account.passwordHash,
				id,
				account.username
			);
			if (result.changes === 0) return null;
		} catch (error) {
			if (String((error as Error).message).includes('UNIQUE')) return null;
			throw error;
		}
		return this.get(id);
	}
}
