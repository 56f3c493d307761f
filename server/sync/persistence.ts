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
	/** Called in order, once per committed batch. */
	onCommit: (batch: PendingUpdate[]) => void;
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
				try {
					this.seq = await this.options.store.append(
						this.options.name,
						this.seq,
						batch.map((p) => p.update)
					);
				} catch (error) {
					this.fail(error as Error);
					return;
				}
				this.tail += batch.length;
				this.committed += batch.length;
				this.options.onBatchCommitted?.((performance.now() - started) / 1000, batch.length);
				this.options.onCommit(batch);
				this.releaseWaiters();
			}
		} finally {
			this.running = false;
		}
		if (this.tail > this.options.compactThreshold) void this.compact(true);
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
