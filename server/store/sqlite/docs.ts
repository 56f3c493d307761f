import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { DocStore, StoredDoc } from '../docs.ts';

/**
 * SQLite runs in-process and synchronously: a resolved `append` means the rows
 * are committed to the WAL, which is what lets the sync service broadcast only
 * what is already durable.
 */
export class SqliteDocStore implements DocStore {
	private db: DatabaseSync;
	private selectSnapshot: StatementSync;
	private selectTail: StatementSync;
	private selectMaxSeq: StatementSync;
	private insertUpdate: StatementSync;
	private upsertSnapshot: StatementSync;
	private deleteUpTo: StatementSync;
	private deleteUpdates: StatementSync;
	private deleteSnapshot: StatementSync;

	constructor(db: DatabaseSync) {
		this.db = db;
		this.selectSnapshot = db.prepare('SELECT seq, data FROM doc_snapshots WHERE doc = ?');
		this.selectTail = db.prepare(
			'SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq'
		);
		// Two index lookups (MAX over the primary key's seq, and the snapshot's row), not a scan of the tail.
		this.selectMaxSeq = db.prepare(
			'SELECT MAX(COALESCE((SELECT MAX(seq) FROM doc_updates WHERE doc = ?), 0), COALESCE((SELECT seq FROM doc_snapshots WHERE doc = ?), 0)) AS seq'
		);
		this.insertUpdate = db.prepare('INSERT INTO doc_updates (doc, seq, data) VALUES (?, ?, ?)');
		this.upsertSnapshot = db.prepare(
			'INSERT INTO doc_snapshots (doc, seq, data) VALUES (?, ?, ?) ON CONFLICT (doc) DO UPDATE SET seq = excluded.seq, data = excluded.data'
		);
		this.deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?');
		this.deleteUpdates = db.prepare('DELETE FROM doc_updates WHERE doc = ?');
		this.deleteSnapshot = db.prepare('DELETE FROM doc_snapshots WHERE doc = ?');
	}

	async load(doc: string): Promise<StoredDoc> {
		const snapshot = this.selectSnapshot.get(doc) as { seq: number; data: Uint8Array } | undefined;
		const from = snapshot?.seq ?? 0;
		const tail = this.selectTail.all(doc, from) as { seq: number; data: Uint8Array }[];
		const updates = tail.map((row) => row.data);
		if (snapshot) updates.unshift(snapshot.data);
		return { updates, seq: tail.at(-1)?.seq ?? from, tailLength: tail.length };
	}

	async append(doc: string, updates: Uint8Array[]): Promise<number> {
		if (updates.length === 0) return this.maxSeq(doc);
		return this.transaction(() => {
			let seq = this.maxSeq(doc);
			for (const update of updates) this.insertUpdate.run(doc, ++seq, update);
			return seq;
		});
	}

	async compact(doc: string, merged: Uint8Array, uptoSeq: number): Promise<void> {
		this.transaction(() => {
			this.upsertSnapshot.run(doc, uptoSeq, merged);
			this.deleteUpTo.run(doc, uptoSeq);
		});
	}

	async remove(doc: string): Promise<void> {
		this.transaction(() => {
			this.deleteUpdates.run(doc);
			this.deleteSnapshot.run(doc);
		});
	}

	private maxSeq(doc: string): number {
		return (this.selectMaxSeq.get(doc, doc) as { seq: number }).seq;
	}

	private transaction<T>(fn: () => T): T {
		this.db.exec('BEGIN IMMEDIATE');
		try {
			const result = fn();
			this.db.exec('COMMIT');
			return result;
		} catch (error) {
			this.db.exec('ROLLBACK');
			throw error;
		}
	}
}
