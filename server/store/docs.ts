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
	load(doc: string): Promise<StoredDoc>;
	/**
	 * Appends after `afterSeq` (the last seq the caller loaded or appended) in one transaction;
	 * resolves once the updates are durable, with the last seq. Fails, writing nothing, when a row
	 * after `afterSeq` exists already: someone else wrote the document.
	 */
	append(doc: string, afterSeq: number, updates: Uint8Array[]): Promise<number>;
	/**
	 * Atomically replaces the snapshot and every update with seq ≤ `uptoSeq` by
	 * `merged`. Rows appended after `uptoSeq` while the merge ran are kept.
	 */
	compact(doc: string, merged: Uint8Array, uptoSeq: number): Promise<void>;
	/** Removes every stored version of the document. */
	remove(doc: string): Promise<void>;
}
