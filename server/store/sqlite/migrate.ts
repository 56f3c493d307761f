import { readdirSync, readFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';

const MIGRATIONS_DIR = new URL('../migrations/sqlite/', import.meta.url);

/**
 * Applies every numbered `NNN-name.sql` file not yet recorded, each in its own
 * transaction, so a crash mid-migration leaves the database at a known version.
 */
export function migrate(db: DatabaseSync): number[] {
	db.exec(
		'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)'
	);
	const applied = new Set(
		(db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
			(r) => r.version
		)
	);
	const files = readdirSync(MIGRATIONS_DIR)
		.filter((f) => /^\d+-[\w-]+\.sql$/.test(f))
		.sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
	const done: number[] = [];
	for (const file of files) {
		const version = parseInt(file, 10);
		if (applied.has(version)) continue;
		const sql = readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8');
		db.exec('BEGIN IMMEDIATE');
		try {
			db.exec(sql);
			db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
				version,
				file,
				Date.now()
			);
			db.exec('COMMIT');
		} catch (error) {
			db.exec('ROLLBACK');
			throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
		}
		done.push(version);
	}
	return done;
}
