/** Durable storage of Yjs documents, independent of the database behind it. */
export interface StoredDoc {
	/** Snapshot first (if any), then the tail of updates in the order they were appended. */
	updates: Uint8Array[];
	/** Highest sequence number included; pass it to `compact` to replace exactly these rows. */
	seq: number;
	/** Number of log rows after the snapshot: the signal for when to compact. */
	tailLength: number;
}

export interface DocStore {
	/**
	 * True when other processes append to the same documents (PostgreSQL with several
	 * instances): an append then never conflicts, and rows may land between a caller's own.
	 */
	readonly shared: boolean;
	/**
	 * The document, or with `afterSeq` only what came after it: the tail past `afterSeq`, led by
	 * the snapshot when a compaction has replaced rows past `afterSeq`. One consistent read.
	 */
	load(doc: string, afterSeq?: number): Promise<StoredDoc>;
	/**
	 * Appends after `afterSeq` (the last seq the caller loaded or appended) in one transaction;
	 * resolves once the updates are durable, with the seq of the last one. Seqs of a document are
	 * dense and committed in order.
	 * Not shared: fails, writing nothing, when a row after `afterSeq` exists already.
	 * Shared: the rows go after the document's head; when the result minus `updates.length` is
	 * past `afterSeq`, others appended in between, and `load(doc, afterSeq)` reads their rows.
	 */
	append(doc: string, afterSeq: number, updates: Uint8Array[]): Promise<number>;
	/**
	 * Atomically replaces the snapshot and every update with seq ≤ `uptoSeq` by
	 * `merged`, which must include every row up to `uptoSeq`. Rows appended after `uptoSeq`
	 * while the merge ran are kept; an older snapshot never replaces a newer one.
	 */
	compact(doc: string, merged: Uint8Array, uptoSeq: number): Promise<void>;
	/** Removes every stored version of the document. */
	remove(doc: string): Promise<void>;
}
