/**
 * The store's spec suites run once per backend. Each test gets an empty
 * database: a file of its own for SQLite, a schema of its own (in a database
 * created for the file's run and dropped after it) for PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openStore } from '../index.ts';
import type { Store } from '../store.ts';
import { createTestDatabase, type TestDatabase } from './pg-database.ts';

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface StoreBackend {
	/** This test's store, on an empty database. */
	store(): Store;
	/** Another store on this test's database, as a second connection or instance opens it. */
	openAnother(): Promise<Store>;
	/** One statement on a connection of its own, as any tool with access to the database runs it. */
	raw(sql: string, params?: (string | number)[]): Promise<Record<string, unknown>[]>;
}

/** Call inside a `describe`: registers the hooks that give each test its own database. */
export function useStoreBackend(name: BackendName): StoreBackend {
	let database: TestDatabase | null = null;
	let config: Parameters<typeof openStore>[0] | null = null;
	let dir = '';
	let counter = 0;
	const opened: Store[] = [];

	const open = async () => {
		if (!config) throw new Error('no database for this test');
		const store = await openStore(config);
		opened.push(store);
		return store;
	};

	beforeAll(async () => {
		if (name === 'postgres') database = await createTestDatabase();
		else dir = mkdtempSync(path.join(tmpdir(), 'drawline-store-'));
	});
	afterAll(async () => {
		await database?.drop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});
	beforeEach(async () => {
		counter++;
		config = database
			? { databasePath: '', databaseUrl: await database.schemaUrl(`t${counter}`) }
			: { databasePath: path.join(dir, `t${counter}.db`) };
		await open();
	});
	afterEach(async () => {
		for (const store of opened.splice(0)) await store.close();
	});

	return {
		store: () => {
			if (!opened[0]) throw new Error('no store for this test');
			return opened[0];
		},
		openAnother: open,
		async raw(sql, params = []) {
			if (!config) throw new Error('no database for this test');
			if (config.databaseUrl) {
				const client = new pg.Client({ connectionString: config.databaseUrl });
				await client.connect();
				try {
					return (await client.query(sql, params)).rows;
				} finally {
					await client.end();
				}
			}
			const raw = new DatabaseSync(config.databasePath);
			try {
				raw.exec('PRAGMA foreign_keys = ON');
				return raw.prepare(sql.replace(/\$\d+/g, '?')).all(...params);
			} finally {
				raw.close();
			}
		}
	};
}
