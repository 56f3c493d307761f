import type { DocStore, StoredDoc } from '../docs.ts';
import { transaction, type Pool } from './pool.ts';

/**
 * Shared by every instance. An append is one statement: it moves the
 * document's head in `doc_heads` by the number of rows and inserts them under
 * the seqs it reserved. The head row stays locked until that statement commits,
 * so a document's appends are serialised across instances, its seqs are dense,
 * and a row is visible only after every smaller seq is.
 */
const APPEND = `
WITH head AS (
	INSERT INTO doc_heads AS h (doc, seq) VALUES ($1, cardinality($2::bytea[]))
	ON CONFLICT (doc) DO UPDATE SET seq = h.seq + excluded.seq
	RETURNING h.seq
)
INSERT INTO doc_updates (doc, seq, data)
SELECT $1, head.seq - cardinality($2::bytea[]) + u.ord, u.data
FROM head, unnest($2::bytea[]) WITH ORDINALITY AS u (data, ord)
RETURNING seq`;

/** Snapshot (when it covers rows past $2) and tail in one statement, so one MVCC view. */
const LOAD = `
SELECT seq, data, TRUE AS snapshot FROM doc_snapshots WHERE doc = $1 AND seq > $2
UNION ALL
SELECT seq, data, FALSE FROM doc_updates WHERE doc = $1 AND seq > $2
ORDER BY snapshot DESC, seq`;

export class PgDocStore implements DocStore {
	readonly shared = true;
	private pool: Pool;

	constructor(pool: Pool) {
		this.pool = pool;
	}

	async load(doc: string, afterSeq?: number): Promise<StoredDoc> {
		const { rows } = await this.pool.query<{ seq: number; data: Buffer; snapshot: boolean }>(LOAD, [
			doc,
			afterSeq ?? -1
		]);
		const snapshot = rows[0]?.snapshot ? rows[0] : null;
		const from = snapshot?.seq ?? afterSeq ?? 0;
		const tail = rows.filter((row) => !row.snapshot && row.seq > from);
		const updates = tail.map((row) => toBytes(row.data));
		if (snapshot) updates.unshift(toBytes(snapshot.data));
		return { updates, seq: tail.at(-1)?.seq ?? from, tailLength: tail.length };
	}

	async append(doc: string, afterSeq: number, updates: Uint8Array[]): Promise<number> {
		if (updates.length === 0) return afterSeq;
		const { rows } = await this.pool.query<{ seq: number }>(APPEND, [doc, updates]);
		return Math.max(...rows.map((row) => row.seq));
	}

	async compact(doc: string, merged: Uint8Array, uptoSeq: number): Promise<void> {
		await transaction(this.pool, async (client) => {
			// One compaction per document at a time, cluster-wide; another instance already
			// compacting covers these rows or will leave them for the next round.
			const { rows } = await client.query<{ locked: boolean }>(
				'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
				[`drawline:compact:${doc}`]
			);
			if (!rows[0].locked) return;
			await client.query(
				'INSERT INTO doc_snapshots AS s (doc, seq, data) VALUES ($1, $2, $3) ON CONFLICT (doc) DO UPDATE SET seq = excluded.seq, data = excluded.data WHERE excluded.seq > s.seq',
				[doc, uptoSeq, merged]
			);
			await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2', [doc, uptoSeq]);
		});
	}

	/** The head stays: a room still open elsewhere keeps numbering past what it has seen. */
	async remove(doc: string): Promise<void> {
		await transaction(this.pool, async (client) => {
			await client.query('DELETE FROM doc_updates WHERE doc = $1', [doc]);
			await client.query('DELETE FROM doc_snapshots WHERE doc = $1', [doc]);
		});
	}
}

/** pg hands bytea out as Buffers over a shared pool; a copy is a plain Uint8Array of its own. */
function toBytes(data: Buffer): Uint8Array {
	return new Uint8Array(data);
}
