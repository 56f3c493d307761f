import type { Config } from '../config.ts';
import type { DocStore } from './docs.ts';
import { openSqlite } from './sqlite/open.ts';
import { SqliteDocStore } from './sqlite/docs.ts';

/** One interface over the database; SQLite now, PostgreSQL behind the same shape later. */
export interface Store {
	docs: DocStore;
	/** True when the database answers a trivial query. */
	ping(): Promise<boolean>;
	close(): Promise<void>;
}

export async function openStore(config: Config): Promise<Store> {
	const db = openSqlite(config.databasePath);
	return {
		docs: new SqliteDocStore(db),
		async ping() {
			try {
				db.prepare('SELECT 1').get();
				return true;
			} catch {
				return false;
			}
		},
		async close() {
			if (db.isOpen) db.close();
		}
	};
}
