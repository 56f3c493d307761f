/**
 * Server time in this browser. Times in the facilitation document are the server's: `now` is this
 * browser's clock corrected by an offset measured against `/facilitation/time`, so a timer reads
 * the same on every screen.
 */
import { createSubscriber } from 'svelte/reactivity';
import { estimateOffset, type ClockSample } from '#lib/facilitation/timer.ts';
import type { FacilitationClient } from './facilitation-client.ts';

export class ServerClock {
	/** Milliseconds to add to `Date.now()` to get server time. */
	offset = $state(0);
	#client: FacilitationClient;
	#tick = createSubscriber((changed) => {
		const timer = setInterval(changed, 250);
		return () => clearInterval(timer);
	});

	constructor(client: FacilitationClient) {
		this.#client = client;
	}

	/** Server time, updated four times a second while something shows it. */
	get now(): number {
		this.#tick();
		return Date.now() + this.offset;
	}

	/** Measures the offset from a few round trips; the quickest one wins. */
	async measure(rounds = 3): Promise<void> {
		const samples: ClockSample[] = [];
		for (let i = 0; i < rounds; i++) {
			const sentAt = Date.now();
			try {
				const { now } = await this.#client.readClock();
				samples.push({ sentAt, serverNow: now, receivedAt: Date.now() });
			} catch {
				// Offline or refused: keep the last offset.
			}
		}
		if (samples.length > 0) this.offset = estimateOffset(samples);
	}
}
