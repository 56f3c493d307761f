/**
 * Outside data (a Yjs document, an awareness) as Svelte state: a read-only snapshot that is
 * rebuilt lazily, on the first read after the source changed, and only while something reads it
 * (`createSubscriber` notifies readers for as long as an effect or template depends on it).
 *
 * The source calls `changed` on every change. Changes are counted even while nobody reads, so a
 * read after a quiet period is never stale.
 */
import { createSubscriber } from 'svelte/reactivity';

export class ReactiveSnapshot<T> {
	#read: () => T;
	#version = 0;
	#cache: { version: number; value: T } | null = null;
	#listeners = new Set<() => void>();
	#subscribe = createSubscriber((update) => {
		this.#listeners.add(update);
		return () => this.#listeners.delete(update);
	});

	constructor(read: () => T) {
		this.#read = read;
	}

	/** The source changed: the next read rebuilds the snapshot. */
	readonly changed = (): void => {
		this.#version++;
		for (const listener of this.#listeners) listener();
	};

	get current(): T {
		this.#subscribe();
		if (this.#cache?.version !== this.#version) {
			this.#cache = { version: this.#version, value: this.#read() };
		}
		return this.#cache.value;
	}
}
