import type { Store } from '../store.ts';
import { PgCharterStore } from './charters.ts';
import { PgDocStore } from './docs.ts';
import { PgFacilitationStore } from './facilitation.ts';
import { PgInviteStore } from './invites.ts';
import { migrate } from './migrate.ts';
import { openPool } from './pool.ts';
import { PgSessionStore } from './sessions.ts';
import { PgUserStore } from './users.ts';
import { PgWorkshopStore } from './workshops.ts';

/** Every store on one pool; the schema is brought up to date before anything is served. */
export async function openPostgres(url: string, poolSize: number): Promise<Store> {
	const pool = openPool(url, poolSize);
	try {
		await migrate(pool);
	} catch (error) {
		await pool.end();
		throw new Error(`PostgreSQL at ${redact(url)}: ${(error as Error).message}`, {
			cause: error
		});
	}
	let closed = false;
	return {
		backend: 'postgres',
		docs: new PgDocStore(pool),
		users: new PgUserStore(pool),
		sessions: new PgSessionStore(pool),
		workshops: new PgWorkshopStore(pool),
		invites: new PgInviteStore(pool),
		charters: new PgCharterStore(pool),
		facilitation: new PgFacilitationStore(pool),
		async ping() {
			try {
				await pool.query('SELECT 1');
				return true;
			} catch {
				return false;
			}
		},
		async close() {
			if (closed) return;
			closed = true;
			await pool.end();
		}
	};
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'an unparseable DATABASE_URL';
	}
}
