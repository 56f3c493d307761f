/** Throwaway PostgreSQL databases for tests: created fresh, dropped after. */
import pg from 'pg';
import { randomId } from '../ids.ts';

/** Where tests find a PostgreSQL server they may create databases on (CI and dev: trust auth). */
export const TEST_DATABASE_URL =
	process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
	url: string;
	/** `url` with every connection's search_path set to a fresh schema of its own. */
	schemaUrl(schema: string): Promise<string>;
	drop(): Promise<void>;
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
	try {
		await client.connect();
	} catch (error) {
		throw new Error(
			`PostgreSQL is not reachable at ${url} (set TEST_DATABASE_URL): ${(error as Error).message}. ` +
				'The PostgreSQL tests need it; they do not pass without it.',
			{ cause: error }
		);
	}
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

export async function createTestDatabase(): Promise<TestDatabase> {
	const name = `drawline_test_${randomId(10)}`;
	await admin(TEST_DATABASE_URL, (client) => client.query(`CREATE DATABASE ${name}`));
	const url = new URL(TEST_DATABASE_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async schemaUrl(schema) {
			await admin(url.toString(), (client) => client.query(`CREATE SCHEMA ${schema}`));
			const scoped = new URL(url);
			scoped.searchParams.set('options', `-c search_path=${schema}`);
			return scoped.toString();
		},
		async drop() {
			await admin(TEST_DATABASE_URL, (client) =>
				client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
			);
		}
	};
}
