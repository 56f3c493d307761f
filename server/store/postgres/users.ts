import { toUser, USER_COLUMNS, type UserRow } from '../rows.ts';
import type { NewUser, User, UserStore, UserWithPassword } from '../users.ts';
import { isUniqueViolation, type Pool } from './pool.ts';

export class PgUserStore implements UserStore {
	private pool: Pool;

	constructor(pool: Pool) {
		this.pool = pool;
	}

	async create(input: NewUser & { id: string }): Promise<User | null> {
		const createdAt = Date.now();
		const { rowCount } = await this.pool.query(
			'INSERT INTO users (id, username, display_name, password_hash, is_guest, color, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING',
			[
				input.id,
				input.username,
				input.displayName,
				input.passwordHash,
				input.isGuest,
				input.color,
				createdAt
			]
		);
		if (rowCount === 0) return null;
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
		const { rows } = await this.pool.query<UserRow>(
			`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`,
			[id]
		);
		return rows[0] ? toUser(rows[0]) : null;
	}

	async getByUsername(username: string): Promise<UserWithPassword | null> {
		const { rows } = await this.pool.query<UserRow>(
			`SELECT ${USER_COLUMNS}, users.password_hash FROM users WHERE username = $1`,
			[username]
		);
		const row = rows[0];
		return row ? { ...toUser(row), passwordHash: row.password_hash ?? null } : null;
	}

	async setPasswordHash(id: string, passwordHash: string): Promise<void> {
		await this.pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, id]);
	}

	async claimGuest(
		id: string,
		account: { username: string; displayName: string; passwordHash: string }
	): Promise<User | null> {
		try {
			const { rowCount } = await this.pool.query(
				'UPDATE users SET username = $1, display_name = $2, password_hash = $3, is_guest = FALSE WHERE id = $4 AND is_guest AND NOT EXISTS (SELECT 1 FROM users taken WHERE taken.username = $1)',
				[account.username, account.displayName, account.passwordHash, id]
			);
			if (rowCount === 0) return null;
		} catch (error) {
			if (isUniqueViolation(error)) return null;
			throw error;
		}
		return this.get(id);
	}
}
