import pg from 'pg';

/** BIGINT (times in ms, seqs) and COUNT(*) fit in a double here; read them as numbers. */
const INT8_OID = 20;
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === INT8_OID && format !== 'binary'
			? (value: string) => Number(value)
			: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

/**
 * Without bounds, a query to a database behind a dead link waits forever, and so would every
 * writer behind it: these make it fail instead, so the room closes its sockets (clients retry)
 * and nothing is acknowledged that was not committed.
 */
const CONNECT_TIMEOUT_MS = 5000;
const QUERY_TIMEOUT_MS = 30_000;

export function openPool(url: string, size: number): Pool {
	const pool = new pg.Pool({
		connectionString: url,
		max: size,
		types,
		connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
		query_timeout: QUERY_TIMEOUT_MS,
		keepAlive: true
	});
	// An idle client whose server went away must not crash the process; the next query fails instead.
	pool.on('error', (error) => console.error('postgres: idle connection failed', error.message));
	return pool;
}

/** Runs `fn` in BEGIN … COMMIT on one client, rolling back if it throws. */
export async function transaction<T>(pool: Pool, fn: (client: Client) => Promise<T>): Promise<T> {
	const client = await pool.connect();
	try {
		await client.query('BEGIN');
		const result = await fn(client);
		await client.query('COMMIT');
		return result;
	} catch (error) {
		await client.query('ROLLBACK').catch(() => undefined);
		throw error;
	} finally {
		client.release();
	}
}

/** SQLSTATE of a unique-constraint violation. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
	return (error as { code?: string }).code === UNIQUE_VIOLATION;
}
