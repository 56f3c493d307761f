import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './open.ts';

describe('openSqlite', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('checkpoints the WAL off the event loop, and stops doing so when closed', async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'drawline-open-'));
		const file = path.join(dir, 'test.db');
		const db = openSqlite(file);
		expect(db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 0 });
		db.exec('CREATE TABLE t (data BLOB)');
		const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
		for (let i = 0; i < 100; i++) insert.run(new Uint8Array(4096));
		const before = statSync(file).size;

		// Nothing on this thread checkpoints, yet the pages reach the database file.
		const deadline = Date.now() + 5000;
		while (statSync(file).size <= before && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect(statSync(file).size).toBeGreaterThan(before + 100 * 4096);

		const worker = (db as unknown as { checkpointer: Worker }).checkpointer;
		const exited = new Promise((resolve) => worker.once('exit', resolve));
		db.close();
		await exited;
		const reopened = new DatabaseSync(file);
		expect(reopened.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 100 });
		reopened.close();
	});

	it('runs no checkpoint thread for an in-memory database', () => {
		const db = openSqlite(':memory:');
		expect((db as unknown as { checkpointer: Worker | null }).checkpointer).toBeNull();
		db.close();
	});
});
