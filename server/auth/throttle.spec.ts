import { describe, it, expect } from 'vitest';
import { createThrottle } from './throttle.ts';

describe('throttle', () => {
	it('lets the free failures through, then doubles the wait', () => {
		let clock = 0;
		const t = createThrottle({
			freeFailures: 3,
			baseDelayMs: 1000,
			maxDelayMs: 8000,
			forgetAfterMs: 60_000,
			now: () => clock
		});
		t.fail('k');
		t.fail('k');
		expect(t.retryAfter('k')).toBe(0);
		t.fail('k');
		expect(t.retryAfter('k')).toBe(1000);
		clock += 1000;
		expect(t.retryAfter('k')).toBe(0);
		t.fail('k');
		expect(t.retryAfter('k')).toBe(2000);
		t.fail('k');
		t.fail('k');
		t.fail('k');
		expect(t.retryAfter('k')).toBe(8000);
		expect(t.retryAfter('other')).toBe(0);
	});

	it('forgets a quiet key, and reset clears at once', () => {
		let clock = 0;
		const t = createThrottle({
			freeFailures: 1,
			baseDelayMs: 1000,
			maxDelayMs: 8000,
			forgetAfterMs: 10_000,
			now: () => clock
		});
		t.fail('a');
		t.fail('b');
		expect(t.retryAfter('a')).toBeGreaterThan(0);
		t.reset('a');
		expect(t.retryAfter('a')).toBe(0);
		clock += 10_001;
		t.fail('b');
		expect(t.retryAfter('b')).toBe(1000);
	});

	it('holds no more than maxKeys entries', () => {
		const t = createThrottle({
			freeFailures: 0,
			baseDelayMs: 1000,
			maxDelayMs: 1000,
			forgetAfterMs: 60_000,
			maxKeys: 100
		});
		for (let i = 0; i < 1000; i++) t.fail(`ip-${i}`);
		expect(t.retryAfter('ip-999')).toBeGreaterThan(0);
		expect(t.retryAfter('ip-0')).toBe(0);
	});
});
