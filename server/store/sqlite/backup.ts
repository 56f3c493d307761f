import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';

/**
 * Copies a live SQLite database into `destination` with SQLite's online backup,
 * which copies pages in steps and restarts when a writer changes a page it has
 * copied, so the copy is one consistent state even while the server writes.
 * Written to a temporary name and renamed, so `destination` is never half a copy.
 */
export async function backupSqlite(source: string, destination: string): Promise<number> {
	if (!existsSync(source)) throw new Error(`no database at ${source}`);
	const target = path.resolve(destination);
	if (target === path.resolve(source)) throw new Error('the backup must go to another file');
	mkdirSync(path.dirname(target), { recursive: true });
	const partial = `${target}.partial`;
	rmSync(partial, { force: true });
	const db = new DatabaseSync(source, { readOnly: true });
	try {
		const pages = await backup(db, partial);
		const check = new DatabaseSync(partial, { readOnly: true });
		try {
			const { integrity_check: result } = check.prepare('PRAGMA integrity_check').get() as {
				integrity_check: string;
			};
			if (result !== 'ok') throw new Error(`the copy failed its integrity check: ${result}`);
		} finally {
			check.close();
		}
		renameSync(partial, target);
		return pages;
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	} finally {
		db.close();
	}
}
