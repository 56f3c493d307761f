/**
 * The durable half of a room: an append-only update log in `store.docs`.
 *
 * Updates are queued as the document emits them and written in batches, one
 * transaction per batch: everything applied within one I/O callback (the
 * frames of one socket read), or within `batchMs` when set, shares a commit;
 * updates arriving while a commit is in flight form the next batch. Only after the commit
 * does `onCommit` hand the batch back for broadcast, so no client ever sees an
 * update that a crash could still lose. When the tail passes
 * `compactThreshold` rows, the whole state replaces the rows it covers,
 * atomically, and loading stays proportional to the state, not the history.
 *
 * With a shared store (several instances on one PostgreSQL), other instances
 * append to the same log. `seq` is then the log position up to which every row
 * is in the document: rows others appended arrive through `remote` (the relay's
 * fast path) or, when a gap shows, are read from the store (`catchUp`) and
 * handed to `onForeign`. Compaction covers only rows up to `seq`.
 */
import type { DocStore } from '../store/docs.ts';

export interface PendingUpdate {
	update: Uint8Array;
	origin: unknown;
	/** performance.now() when the update was queued. */
	queuedAt: number;
}

export interface DocLogOptions {
	store: DocStore;
	name: string;
	/** Highest seq and tail length as loaded. */
	seq: number;
	tailLength: number;
	batchMs: number;
	compactThreshold: number;
	/** The full current state, for compaction. */
	snapshot: () => Uint8Array;
	/** Called in order, once per committed batch, with the seq of its last row. */
	onCommit: (batch: PendingUpdate[], lastSeq: number) => void;
	/** Rows other instances appended, read from the store: apply them, never write them back. */
	onForeign?: (updates: Uint8Array[]) => void;
	/** The log cannot write: nothing more will be committed. */
	onError: (error: Error) => void;
	onBatchCommitted?: (seconds: number, size: number) => void;
	onCompacted?: () => void;
}

interface Waiter {
	target: number;
	run: (error?: Error) => void;
}

/** A bound on one transaction's size, so one huge burst cannot stall the loop. */
const MAX_BATCH = 500;

export class DocLog {
	private options: DocLogOptions;
	private pending: PendingUpdate[] = [];
	private waiters: Waiter[] = [];
	private enqueued = 0;
	private committed = 0;
	private seq: number;
	private tail: number;
	/** A timer with `batchMs`, `true` while a microtask is queued. */
	private scheduled: ReturnType<typeof setTimeout> | true | null = null;
	private running = false;
	private compacting: Promise<void> | null = null;
	private failure: Error | null = null;
	/** A read of others' rows in flight, and whether another is wanted after it. */
	private catchingUp: Promise<void> | null = null;
	private catchUpAgain = false;

	constructor(options: DocLogOptions) {
		this.options = options;
		this.seq = options.seq;
		this.tail = options.tailLength;
	}

	get tailLength(): number {
		return this.tail;
	}

	get failed(): boolean {
		return this.failure !== null;
	}

	enqueue(update: Uint8Array, origin: unknown): void {
		if (this.failure) return;
		this.pending.push({ update, origin, queuedAt: performance.now() });
		this.enqueued++;
		this.schedule();
	}

	/** Runs `fn` once everything enqueued so far is committed (at once if it already is). */
	whenCommitted(fn: (error?: Error) => void): void {
		if (this.failure) return fn(this.failure);
		if (this.committed >= this.enqueued) return fn();
		this.waiters.push({ target: this.enqueued, run: fn });
	}

	/** Resolves when everything enqueued so far is committed; rejects if the log failed. */
	flush(): Promise<void> {
		return new Promise((resolve, reject) =>
			this.whenCommitted((error) => (error ? reject(error) : resolve()))
		);
	}

	/**
	 * Others' rows `first`..`last` were applied from the relay: the log moves on when they
	 * follow what it has; a gap (missed messages) is read from the store.
	 */
	remote(first: number, last: number): void {
		if (last <= this.seq) return;
		if (first <= this.seq + 1) this.advance(last);
		else void this.catchUp();
	}

	/** Reads every row past `seq` from the store (others' rows, e.g. after a relay outage). */
	catchUp(): Promise<void> {
		if (this.catchingUp) {
			this.catchUpAgain = true;
			return this.catchingUp;
		}
		this.catchingUp = this.readForeign().finally(() => {
			this.catchingUp = null;
			if (this.catchUpAgain) {
				this.catchUpAgain = false;
				void this.catchUp();
			}
		});
		return this.catchingUp;
	}

	/** Compacts when any tail is left (or past the threshold with `onlyPastThreshold`). */
	async compact(onlyPastThreshold = false): Promise<void> {
		if (this.compacting) return this.compacting;
		const threshold = onlyPastThreshold ? this.options.compactThreshold : 1;
		if (this.failure || this.tail <= threshold) return;
		this.compacting = this.runCompaction().finally(() => (this.compacting = null));
		return this.compacting;
	}

	private schedule(): void {
		if (this.scheduled || this.running) return;
		if (this.options.batchMs > 0) {
			this.scheduled = setTimeout(() => {
				this.scheduled = null;
				void this.drain();
			}, this.options.batchMs);
			return;
		}
		// A microtask runs once the current I/O callback is done: the frames of one
		// socket read share a commit, and nothing waits behind other sockets' work.
		this.scheduled = true;
		queueMicrotask(() => {
			this.scheduled = null;
			void this.drain();
		});
	}

	private async drain(): Promise<void> {
		this.running = true;
		try {
			while (this.pending.length > 0 && !this.failure) {
				const batch = this.pending.splice(0, MAX_BATCH);
				const started = performance.now();
				let last: number;
				try {
					last = await this.options.store.append(
						this.options.name,
						this.seq,
						batch.map((p) => p.update)
					);
				} catch (error) {
					this.fail(error as Error);
					return;
				}
				this.committed += batch.length;
				this.options.onBatchCommitted?.((performance.now() - started) / 1000, batch.length);
				this.options.onCommit(batch, last);
				this.releaseWaiters();
				// Rows of others between ours and what the log had: read them before moving past.
				if (last - batch.length > this.seq) void this.catchUp();
				else this.advance(last);
			}
		} finally {
			this.running = false;
		}
		if (this.tail > this.options.compactThreshold) void this.compact(true);
	}

	private advance(seq: number): void {
		if (seq <= this.seq) return;
		this.tail += seq - this.seq;
		this.seq = seq;
	}

	private async readForeign(): Promise<void> {
		if (this.failure) return;
		let stored;
		try {
			stored = await this.options.store.load(this.options.name, this.seq);
		} catch (error) {
			console.error(`sync: reading others' rows of ${this.options.name} failed`, error);
			return;
		}
		if (stored.updates.length > 0) this.options.onForeign?.(stored.updates);
		this.advance(stored.seq);
	}

	private releaseWaiters(): void {
		if (this.waiters.length === 0) return;
		const ready = this.waiters.filter((w) => w.target <= this.committed);
		this.waiters = this.waiters.filter((w) => w.target > this.committed);
		for (const waiter of ready) waiter.run();
	}

	private fail(error: Error): void {
		this.failure = error;
		this.pending = [];
		const waiters = this.waiters;
		this.waiters = [];
		for (const waiter of waiters) waiter.run(error);
		this.options.onError(error);
	}

	private async runCompaction(): Promise<void> {
		// Everything up to `seq` is in the document, so its state covers those
		// rows; it may hold a few uncommitted updates too, which Yjs merges
		// idempotently when their rows are loaded after the snapshot.
		const upto = this.seq;
		try {
			const merged = this.options.snapshot();
			await this.options.store.compact(this.options.name, merged, upto);
		} catch (error) {
			console.error(`sync: compaction of ${this.options.name} failed`, error);
			return;
		}
		this.tail = this.seq - upto;
		this.options.onCompacted?.();
	}
}
