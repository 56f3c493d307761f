/**
 * "Last activity" for the dashboard: board edits mark their workshop as
 * touched, at most once per `intervalMs` per workshop. The first edit after a
 * quiet spell is written on the next turn of the event loop (never inside the
 * commit-and-broadcast path); edits within the interval after it are folded
 * into one more write at the interval's end, carrying the time of the latest
 * edit, so the stored time is never more than one interval behind. A failed
 * write is reported to `onError` and otherwise ignored: activity is a hint,
 * not data.
 */

export interface ActivityOptions {
	intervalMs: number;
	touch: (workshopId: string, at: number) => Promise<void>;
	onError: (workshopId: string, error: unknown) => void;
	now?: () => number;
}

interface Entry {
	/** The latest edit not yet written, or null. */
	pendingAt: number | null;
	timer: ReturnType<typeof setTimeout> | null;
}

export class ActivityTracker {
	private entries = new Map<string, Entry>();
	private options: ActivityOptions;
	private now: () => number;

	constructor(options: ActivityOptions) {
		this.options = options;
		this.now = options.now ?? Date.now;
	}

	/** Notes an edit to `workshopId` now; cheap enough for every committed batch. */
	note(workshopId: string): void {
		const at = this.now();
		const entry = this.entries.get(workshopId);
		if (entry) {
			entry.pendingAt = at;
			return;
		}
		// First edit after a quiet spell: written on the next turn, then the interval starts.
		const fresh: Entry = { pendingAt: at, timer: null };
		this.entries.set(workshopId, fresh);
		fresh.timer = setTimeout(() => this.write(workshopId, fresh), 0);
		fresh.timer.unref?.();
	}

	/** Writes every pending edit at once (on shutdown) and forgets the rest. */
	async flush(): Promise<void> {
		const writes: Promise<void>[] = [];
		for (const [workshopId, entry] of this.entries) {
			if (entry.timer) clearTimeout(entry.timer);
			if (entry.pendingAt !== null) writes.push(this.touch(workshopId, entry.pendingAt));
		}
		this.entries.clear();
		await Promise.all(writes);
	}

	private write(workshopId: string, entry: Entry): void {
		if (entry.pendingAt === null) {
			// Nothing happened during the interval: forget the workshop until its next edit.
			this.entries.delete(workshopId);
			return;
		}
		const at = entry.pendingAt;
		entry.pendingAt = null;
		void this.touch(workshopId, at);
		entry.timer = setTimeout(() => this.write(workshopId, entry), this.options.intervalMs);
		entry.timer.unref?.();
	}

	private async touch(workshopId: string, at: number): Promise<void> {
		try {
			await this.options.touch(workshopId, at);
		} catch (error) {
			this.options.onError(workshopId, error);
		}
	}
}
