import { describe, it, expect } from 'vitest';
import { createSignInThrottle, createThrottle } from './throttle.ts';

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

describe('sign-in throttle', () => {
	const make = (clock: { t: number }) =>
		createSignInThrottle({
			pairFreeFailures: 5,
			addressFreeFailures: 20,
			accountFreeFailures: 12,
			baseDelayMs: 2000,
			maxDelayMs: 15 * 60_000,
			forgetAfterMs: 60 * 60_000,
			now: () => clock.t
		});
	const guess = (t: ReturnType<typeof make>, address: string, account = 'carol') =>
		t.fail({ address, account });

	it('slows one address on one account without slowing the owner elsewhere', () => {
		const clock = { t: 0 };
		const t = make(clock);
		for (let i = 0; i < 9; i++) guess(t, '198.51.100.7');
		expect(t.retryAfter({ address: '198.51.100.7', account: 'carol' })).toBeGreaterThan(0);
		expect(t.retryAfter({ address: '203.0.113.5', account: 'carol' })).toBe(0);
		// The same address may still sign in to another account.
		expect(t.retryAfter({ address: '198.51.100.7', account: 'dave' })).toBe(0);
	});

	it('counts at most the free failures of each address towards the account ceiling', () => {
		const clock = { t: 0 };
		const t = make(clock);
		for (let i = 0; i < 200; i++) {
			guess(t, '198.51.100.7');
			clock.t += 15 * 60_000;
		}
		expect(t.retryAfter({ address: '203.0.113.5', account: 'carol' })).toBe(0);
	});

	it('bounds guessing spread over many addresses, sparing addresses the owner used before', () => {
		const clock = { t: 0 };
		const t = make(clock);
		t.succeed({ address: '203.0.113.5', account: 'carol' });
		for (let a = 0; a < 3; a++) for (let i = 0; i < 5; i++) guess(t, `198.51.100.${a}`);
		expect(t.retryAfter({ address: '198.51.100.99', account: 'carol' })).toBeGreaterThan(0);
		expect(t.retryAfter({ address: '203.0.113.5', account: 'carol' })).toBe(0);
	});

	it('slows one address spraying many accounts', () => {
		const clock = { t: 0 };
		const t = make(clock);
		for (let i = 0; i < 21; i++) guess(t, '198.51.100.7', `user${i}`);
		expect(t.retryAfter({ address: '198.51.100.7', account: 'fresh' })).toBeGreaterThan(0);
		expect(t.retryAfter({ address: '203.0.113.5', account: 'fresh' })).toBe(0);
	});
});
