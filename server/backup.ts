/**
 * `npm run backup -- <file>`: a consistent copy of the SQLite database while
 * the server runs (same DATA_DIR / DATABASE_PATH as the server). With
 * DATABASE_URL set there is nothing to copy here: use pg_dump (README).
 */
import { loadConfig } from './config.ts';
import { backupSqlite } from './store/sqlite/backup.ts';

const destination = process.argv[2];
const config = loadConfig();
if (config.databaseUrl) {
	console.error('DATABASE_URL is set: back PostgreSQL up with pg_dump (see README, Backup).');
	process.exit(2);
}
if (!destination) {
	console.error('usage: npm run backup -- <backup file>');
	process.exit(2);
}
try {
	const pages = await backupSqlite(config.databasePath, destination);
	console.log(`backed up ${config.databasePath} to ${destination} (${pages} pages)`);
} catch (error) {
	console.error(`backup failed: ${(error as Error).message}`);
	process.exit(1);
}
