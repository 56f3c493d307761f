/**
 * Outside data (a Yjs document, an awareness) as Svelte state: a read-only snapshot that is
 * rebuilt lazily, on the first read after the source changed.
 *
 * The source calls `changed` on every change, which only counts it; the snapshot is a `$derived`
 * of that count, so however many components read it, it is rebuilt once per change and each
 * reader depends on one signal. (Svelte's `createSubscriber` would add an effect to every reader
 * on every read: about 400 made and dropped per remote letter on a 60 × 10 board.)
 */
export class ReactiveSnapshot<T> {
	#version = $state(0);
	#value: T;

	constructor(read: () => T) {
		this.#value = $derived.by(() => (void this.#version, read()));
	}

	/** The source changed: the next read rebuilds the snapshot. */
	readonly changed = (): void => {
		this.#version++;
	};

	get current(): T {
		return this.#value;
	}
}
