import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../index.ts';
import { DatabaseSync } from 'node:sqlite';
import { backupSqlite } from './backup.ts';

describe('backupSqlite', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

	it('copies a database that is being written into a consistent file the store opens', async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'drawline-backup-'));
		const file = path.join(dir, 'drawline.db');
		const store = await openStore({ databasePath: file });
		let seq = 0;
		for (let i = 0; i < 200; i++)
			seq = await store.docs.append('w/board', seq, [new Uint8Array(2048)]);
		const writing = (async () => {
			for (let i = 0; i < 200; i++) {
				seq = await store.docs.append('w/board', seq, [new Uint8Array(2048)]);
				await new Promise((resolve) => setImmediate(resolve));
			}
		})();
		const copy = path.join(dir, 'backups', 'copy.db');
		await backupSqlite(file, copy);
		await writing;
		await store.close();

		const restored = new DatabaseSync(copy, { readOnly: true });
		const rows = restored.prepare('SELECT seq FROM doc_updates ORDER BY seq').all() as {
			seq: number;
		}[];
		// Some prefix of the log, without holes: one moment's state, not a mix.
		expect(rows.length).toBeGreaterThanOrEqual(200);
		expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
		restored.close();
	});

	it('refuses to copy a database onto itself or from a missing file', async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'drawline-backup-'));
		const file = path.join(dir, 'drawline.db');
		await expect(backupSqlite(file, path.join(dir, 'x.db'))).rejects.toThrow(/no database/);
		const store = await openStore({ databasePath: file });
		await store.close();
		await expect(backupSqlite(file, file)).rejects.toThrow(/another file/);
	});
});
