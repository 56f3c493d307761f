import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { DocStore, StoredDoc } from '../docs.ts';
import { transaction } from './transaction.ts';

/**
 * SQLite runs in-process and synchronously: a resolved `append` means the rows
 * are committed to the WAL, which is what lets the sync service broadcast only
 * what is already durable.
 */
export class SqliteDocStore implements DocStore {
	readonly shared = false;
	private db: DatabaseSync;
	private selectSnapshot: StatementSync;
	private selectTail: StatementSync;
	private insertUpdate: StatementSync;
	private upsertSnapshot: StatementSync;
	private deleteUpTo: StatementSync;
	private deleteUpdates: StatementSync;
	private deleteSnapshot: StatementSync;

	constructor(db: DatabaseSync) {
		this.db = db;
		this.selectSnapshot = db.prepare(
			'SELECT seq, data FROM doc_snapshots WHERE doc = ? AND seq > ?'
		);
		this.selectTail = db.prepare(
			'SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq'
		);
		this.insertUpdate = db.prepare('INSERT INTO doc_updates (doc, seq, data) VALUES (?, ?, ?)');
		this.upsertSnapshot = db.prepare(
			'INSERT INTO doc_snapshots (doc, seq, data) VALUES (?, ?, ?) ON CONFLICT (doc) DO UPDATE SET seq = excluded.seq, data = excluded.data WHERE excluded.seq > doc_snapshots.seq'
		);
		this.deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?');
		this.deleteUpdates = db.prepare('DELETE FROM doc_updates WHERE doc = ?');
		this.deleteSnapshot = db.prepare('DELETE FROM doc_snapshots WHERE doc = ?');
	}

	async load(doc: string, afterSeq?: number): Promise<StoredDoc> {
		const snapshot = this.selectSnapshot.get(doc, afterSeq ?? -1) as
			{ seq: number; data: Uint8Array } | undefined;
		const from = snapshot?.seq ?? afterSeq ?? 0;
		const tail = this.selectTail.all(doc, from) as { seq: number; data: Uint8Array }[];
		const updates = tail.map((row) => row.data);
		if (snapshot) updates.unshift(snapshot.data);
		return { updates, seq: tail.at(-1)?.seq ?? from, tailLength: tail.length };
	}

	async append(doc: string, afterSeq: number, updates: Uint8Array[]): Promise<number> {
		// One statement is a transaction of its own: a lone update (the common case, one
		// keystroke) skips BEGIN and COMMIT, which cost as much as the insert. The primary key
		// refuses a seq that is taken.
		if (updates.length === 1) {
			this.insertUpdate.run(doc, afterSeq + 1, updates[0]);
			return afterSeq + 1;
		}
		return transaction(this.db, () => {
			let seq = afterSeq;
			for (const update of updates) this.insertUpdate.run(doc, ++seq, update);
			return seq;
		});
	}

	async compact(doc: string, merged: Uint8Array, uptoSeq: number): Promise<void> {
		transaction(this.db, () => {
			this.upsertSnapshot.run(doc, uptoSeq, merged);
			this.deleteUpTo.run(doc, uptoSeq);
		});
	}

	async remove(doc: string): Promise<void> {
		transaction(this.db, () => {
			this.deleteUpdates.run(doc);
			this.deleteSnapshot.run(doc);
		});
	}
}
