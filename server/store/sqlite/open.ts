import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from './migrate.ts';

/**
 * WAL with synchronous=NORMAL survives a killed process (only power loss can
 * drop the last commits), and lets readers run while the sync service writes.
 */
export function openSqlite(file: string): DatabaseSync {
	if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
	const db = new DatabaseSync(file);
	db.exec('PRAGMA journal_mode = WAL');
	db.exec('PRAGMA synchronous = NORMAL');
	db.exec('PRAGMA foreign_keys = ON');
	db.exec('PRAGMA busy_timeout = 5000');
	migrate(db);
	return db;
}
