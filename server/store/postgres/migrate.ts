import { readdirSync, readFileSync } from 'node:fs';
import type { Pool } from './pool.ts';

const MIGRATIONS_DIR = new URL('../migrations/postgres/', import.meta.url);

/** Any fixed key: every Drawline instance on the database takes the same lock. */
const MIGRATION_LOCK = 7_406_118_211;

/**
 * Applies every numbered `NNN-name.sql` file not yet recorded, each in its own
 * transaction. Instances starting together queue on a session advisory lock,
 * so each migration runs once and the later ones find it recorded.
 */
export async function migrate(pool: Pool): Promise<number[]> {
	const client = await pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		await client.query(
			'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)'
		);
		const { rows } = await client.query<{ version: number }>(
			'SELECT version FROM schema_migrations'
		);
		const applied = new Set(rows.map((r) => r.version));
		const files = readdirSync(MIGRATIONS_DIR)
			.filter((f) => /^\d+-[\w-]+\.sql$/.test(f))
			.sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
		const done: number[] = [];
		for (const file of files) {
			const version = parseInt(file, 10);
			if (applied.has(version)) continue;
			const sql = readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8');
			await client.query('BEGIN');
			try {
				await client.query(sql);
				await client.query(
					'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
					[version, file, Date.now()]
				);
				await client.query('COMMIT');
			} catch (error) {
				await client.query('ROLLBACK');
				throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
			}
			done.push(version);
		}
		return done;
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
		client.release();
	}
}
