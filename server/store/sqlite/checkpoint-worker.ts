import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The WAL checkpointer's thread (started by `open.ts`): its own connection to the database
 * file, checkpointing on a timer so that the fsync never runs inside a commit on the event loop.
 * PASSIVE neither waits for nor blocks the writer, whose commits stay durable in the WAL either
 * way; the WAL starts over at the first write after a checkpoint has caught up. Under writes
 * that never pause it would not catch up: past `restartPages`, a RESTART checkpoint (after
 * PASSIVE has copied nearly everything) briefly blocks the writer to bound the WAL.
 * Any message from the parent stops it.
 */

export interface CheckpointerOptions {
	file: string;
	intervalMs: number;
	restartPages: number;
	sizeLimit: number;
}

if (!parentPort) throw new Error('checkpoint-worker.ts runs only as a worker thread');
const port = parentPort;
const options = workerData as CheckpointerOptions;

const db = new DatabaseSync(options.file);
db.exec('PRAGMA busy_timeout = 5000');
db.exec(`PRAGMA journal_size_limit = ${options.sizeLimit}`);
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)');

const timer = setInterval(() => {
	try {
		const { log } = passive.get() as { log: number };
		if (log > options.restartPages) restart.get();
	} catch (error) {
		port.postMessage(String(error));
	}
}, options.intervalMs);

port.once('message', () => {
	clearInterval(timer);
	db.close();
	port.close();
});
