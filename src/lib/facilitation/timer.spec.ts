import { describe, expect, it } from 'vitest';
import {
	MINUTE_MS,
	addMinute,
	createTimer,
	estimateOffset,
	formatRemaining,
	isExpired,
	isRunning,
	pause,
	readTimer,
	remaining,
	reset,
	setDuration,
	start
} from './timer.ts';

const T0 = 1_700_000_000_000;

describe('timer', () => {
	it('counts down from its start in server time, the same for every reader', () => {
		const timer = start(createTimer(5 * MINUTE_MS), T0);
		expect(isRunning(timer)).toBe(true);
		expect(remaining(timer, T0 + 61_000)).toBe(4 * MINUTE_MS - 1000);
		// A late joiner reading the same state at the same server time sees the same value.
		expect(remaining(structuredClone(timer), T0 + 61_000)).toBe(remaining(timer, T0 + 61_000));
		expect(remaining(timer, T0 + 6 * MINUTE_MS)).toBe(0);
		expect(isExpired(timer, T0 + 5 * MINUTE_MS)).toBe(true);
		expect(isExpired(timer, T0 + 5 * MINUTE_MS - 1)).toBe(false);
	});

	it('pauses and resumes where it stopped', () => {
		let timer = start(createTimer(5 * MINUTE_MS), T0);
		timer = pause(timer, T0 + 30_000);
		expect(isRunning(timer)).toBe(false);
		expect(remaining(timer, T0 + 10 * MINUTE_MS)).toBe(4.5 * MINUTE_MS);
		timer = start(timer, T0 + 100_000);
		expect(remaining(timer, T0 + 100_000)).toBe(4.5 * MINUTE_MS);
		expect(pause(pause(timer, T0 + 110_000), T0 + 200_000)).toEqual(pause(timer, T0 + 110_000));
	});

	it('adds a minute while running, paused or after running out', () => {
		const running = start(createTimer(2 * MINUTE_MS), T0);
		expect(remaining(addMinute(running, T0), T0)).toBe(3 * MINUTE_MS);
		const paused = pause(running, T0 + MINUTE_MS);
		expect(remaining(addMinute(paused, T0 + MINUTE_MS), T0 + 5 * MINUTE_MS)).toBe(2 * MINUTE_MS);
		const done = T0 + 10 * MINUTE_MS;
		const again = addMinute(running, done);
		expect(remaining(again, done)).toBe(MINUTE_MS);
		expect(isExpired(again, done)).toBe(false);
	});

	it('restarts from the full length once it ran out, and resets to it', () => {
		const timer = start(createTimer(MINUTE_MS), T0);
		const restarted = start(timer, T0 + 2 * MINUTE_MS);
		expect(remaining(restarted, T0 + 2 * MINUTE_MS)).toBe(MINUTE_MS);
		expect(start(restarted, T0 + 2 * MINUTE_MS + 5)).toBe(restarted);
		expect(reset(restarted)).toEqual(createTimer(MINUTE_MS));
		expect(setDuration(restarted, 3 * MINUTE_MS)).toEqual(createTimer(3 * MINUTE_MS));
	});

	it('reads only well-formed stored timers', () => {
		expect(readTimer({ durationMs: 1000, endsAt: null, remainingMs: 500 })).toEqual({
			durationMs: 1000,
			endsAt: null,
			remainingMs: 500
		});
		expect(readTimer({ durationMs: 1000, endsAt: 'soon', remainingMs: 500 })).toBeNull();
		expect(readTimer(null)).toBeNull();
		expect(readTimer({ durationMs: Infinity, endsAt: null, remainingMs: 1 })).toBeNull();
	});

	it('estimates the server clock offset from the quickest round trip', () => {
		// The local clock is 5 s behind the server; one sample took a slow path.
		const samples = [
			{ sentAt: 1000, serverNow: 6400, receivedAt: 1800 },
			{ sentAt: 2000, serverNow: 7010, receivedAt: 2020 },
			{ sentAt: 3000, serverNow: 8300, receivedAt: 3100 }
		];
		expect(estimateOffset(samples)).toBe(5000);
		expect(estimateOffset([])).toBe(0);
	});

	it('formats what is left, rounding up', () => {
		expect(formatRemaining(4 * MINUTE_MS + 5000)).toBe('4:05');
		expect(formatRemaining(8_001)).toBe('0:09');
		expect(formatRemaining(0)).toBe('0:00');
		expect(formatRemaining(62 * MINUTE_MS)).toBe('1:02:00');
	});
});
