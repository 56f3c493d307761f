import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { CheckpointerOptions } from './checkpoint-worker.ts';
import { migrate } from './migrate.ts';

/** How often the background connection copies the WAL back into the database file. */
const CHECKPOINT_INTERVAL_MS = 1000;

/** Past this many WAL pages (about 16 MB), a checkpoint may hold the writer back to reset the WAL. */
const RESTART_PAGES = 4000;
/** The WAL file is cut back to this size when it starts over. */
const WAL_SIZE_LIMIT = 16 * 1024 * 1024;

/**
 * A checkpoint fsyncs the database file, which can take tens to hundreds of
 * milliseconds on a busy disk. SQLite's automatic checkpoint runs inside the
 * commit that crosses the threshold, on the event loop; `checkpoint-worker.ts`
 * runs them on its own thread and connection instead.
 */
const CHECKPOINTER = new URL('./checkpoint-worker.ts', import.meta.url);

/** A database whose `close` also stops its checkpoint thread. */
class Database extends DatabaseSync {
	checkpointer: Worker | null = null;

	close(): void {
		this.checkpointer?.postMessage('stop');
		this.checkpointer = null;
		super.close();
	}
}

function startCheckpointer(db: Database, file: string): void {
	// Off the event loop from here on; back to SQLite's own if the thread fails.
	db.exec('PRAGMA wal_autocheckpoint = 0');
	db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT}`);
	const options: CheckpointerOptions = {
		file,
		intervalMs: CHECKPOINT_INTERVAL_MS,
		restartPages: RESTART_PAGES,
		sizeLimit: WAL_SIZE_LIMIT
	};
	const worker = new Worker(CHECKPOINTER, { workerData: options });
	worker.unref();
	worker.on('message', (message) => console.error('sqlite: checkpoint failed:', message));
	worker.on('error', (error) => {
		// A thread told to stop may still fail to open a file its owner has since removed.
		if (db.checkpointer !== worker) return;
		console.error('sqlite: checkpoint thread failed; checkpointing on commit again', error);
		if (db.isOpen) db.exec('PRAGMA wal_autocheckpoint = 1000');
	});
	db.checkpointer = worker;
}

/**
 * WAL with synchronous=NORMAL survives a killed process (only power loss can
 * drop the last commits), and lets readers run while the sync service writes.
 */
export function openSqlite(file: string): DatabaseSync {
	const inMemory = file === ':memory:' || file === '';
	if (!inMemory) mkdirSync(path.dirname(file), { recursive: true });
	const db = new Database(file);
	db.exec('PRAGMA journal_mode = WAL');
	db.exec('PRAGMA synchronous = NORMAL');
	db.exec('PRAGMA foreign_keys = ON');
	db.exec('PRAGMA busy_timeout = 5000');
	migrate(db);
	if (!inMemory) startCheckpointer(db, file);
	return db;
}
