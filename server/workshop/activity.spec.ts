import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityTracker } from './activity.ts';

const MINUTE = 60_000;

function tracker(touch = vi.fn(async (_id: string, _at: number) => {})) {
	const errors: [string, unknown][] = [];
	const activity = new ActivityTracker({
		intervalMs: MINUTE,
		touch,
		onError: (id, error) => errors.push([id, error])
	});
	return { activity, touch, errors };
}

describe('ActivityTracker', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(1_000_000);
	});
	afterEach(() => vi.useRealTimers());

	it('writes the first edit on the next turn, not during the call', async () => {
		const { activity, touch } = tracker();
		activity.note('w1');
		expect(touch).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(0);
		expect(touch).toHaveBeenCalledExactlyOnceWith('w1', 1_000_000);
	});

	it('writes at most once a minute per workshop, with the latest edit at the end of the minute', async () => {
		const { activity, touch } = tracker();
		activity.note('w1');
		await vi.advanceTimersByTimeAsync(0);
		for (let i = 0; i < 100; i++) {
			await vi.advanceTimersByTimeAsync(500);
			activity.note('w1');
		}
		// 50 s of edits: still only the first write.
		expect(touch).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(MINUTE - 50_000);
		expect(touch).toHaveBeenCalledTimes(2);
		expect(touch).toHaveBeenLastCalledWith('w1', 1_000_000 + 50_000);
	});

	it('keeps workshops apart', async () => {
		const { activity, touch } = tracker();
		activity.note('w1');
		activity.note('w2');
		activity.note('w1');
		await vi.advanceTimersByTimeAsync(0);
		expect(touch.mock.calls.map(([id]) => id).sort()).toEqual(['w1', 'w2']);
	});

	it('forgets a quiet workshop, and writes its next edit at once', async () => {
		const { activity, touch } = tracker();
		activity.note('w1');
		await vi.advanceTimersByTimeAsync(0);
		await vi.advanceTimersByTimeAsync(MINUTE);
		expect(touch).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(5 * MINUTE);
		activity.note('w1');
		await vi.advanceTimersByTimeAsync(0);
		expect(touch).toHaveBeenCalledTimes(2);
		expect(touch).toHaveBeenLastCalledWith('w1', 1_000_000 + 6 * MINUTE);
		expect(vi.getTimerCount()).toBe(1);
		await vi.advanceTimersByTimeAsync(MINUTE);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('reports a failed write without throwing, and keeps going', async () => {
		const touch = vi.fn(async () => {
			throw new Error('database is locked');
		});
		const { activity, errors } = tracker(touch);
		activity.note('w1');
		await vi.advanceTimersByTimeAsync(0);
		expect(errors).toEqual([['w1', new Error('database is locked')]]);
		activity.note('w1');
		await vi.advanceTimersByTimeAsync(MINUTE);
		expect(touch).toHaveBeenCalledTimes(2);
		expect(errors).toHaveLength(2);
	});

	it('reports a write that throws synchronously', async () => {
		const touch = vi.fn((): Promise<void> => {
			throw new Error('database is not open');
		});
		const { activity, errors } = tracker(touch);
		activity.note('w1');
		await vi.advanceTimersByTimeAsync(0);
		expect(errors).toHaveLength(1);
	});

	it('flush writes pending edits at once and stops the timers', async () => {
		const { activity, touch } = tracker();
		activity.note('w1');
		await vi.advanceTimersByTimeAsync(0);
		await vi.advanceTimersByTimeAsync(1000);
		activity.note('w1');
		activity.note('w2');
		await activity.flush();
		expect(touch.mock.calls).toEqual([
			['w1', 1_000_000],
			['w1', 1_001_000],
			['w2', 1_001_000]
		]);
		expect(vi.getTimerCount()).toBe(0);
	});
});
