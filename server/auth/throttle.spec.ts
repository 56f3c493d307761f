import { describe, it, expect } from 'vitest';
import { createSignInThrottle, createThrottle } from './throttle.ts';

describe('throttle', async () => {
	it('lets the free failures through, then doubles the wait', async () => {
		let clock = 0;
		const t = createThrottle({
			freeFailures: 3,
			baseDelayMs: 1000,
			maxDelayMs: 8000,
			forgetAfterMs: 60_000,
			now: () => clock
		});
		await t.fail('k');
		await t.fail('k');
		expect(await t.retryAfter('k')).toBe(0);
		await t.fail('k');
		expect(await t.retryAfter('k')).toBe(1000);
		clock += 1000;
		expect(await t.retryAfter('k')).toBe(0);
		await t.fail('k');
		expect(await t.retryAfter('k')).toBe(2000);
		await t.fail('k');
		await t.fail('k');
		await t.fail('k');
		expect(await t.retryAfter('k')).toBe(8000);
		expect(await t.retryAfter('other')).toBe(0);
	});

	it('forgets a quiet key, and reset clears at once', async () => {
		let clock = 0;
		const t = createThrottle({
			freeFailures: 1,
			baseDelayMs: 1000,
			maxDelayMs: 8000,
			forgetAfterMs: 10_000,
			now: () => clock
		});
		await t.fail('a');
		await t.fail('b');
		expect(await t.retryAfter('a')).toBeGreaterThan(0);
		await t.reset('a');
		expect(await t.retryAfter('a')).toBe(0);
		clock += 10_001;
		await t.fail('b');
		expect(await t.retryAfter('b')).toBe(1000);
	});

	it('holds no more than maxKeys entries', async () => {
		const t = createThrottle({
			freeFailures: 0,
			baseDelayMs: 1000,
			maxDelayMs: 1000,
			forgetAfterMs: 60_000,
			maxKeys: 100
		});
		for (let i = 0; i < 1000; i++) await t.fail(`ip-${i}`);
		expect(await t.retryAfter('ip-999')).toBeGreaterThan(0);
		expect(await t.retryAfter('ip-0')).toBe(0);
	});
});

describe('sign-in throttle', async () => {
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

	it('slows one address on one account without slowing the owner elsewhere', async () => {
		const clock = { t: 0 };
		const t = make(clock);
		for (let i = 0; i < 9; i++) await guess(t, '198.51.100.7');
		expect(await t.retryAfter({ address: '198.51.100.7', account: 'carol' })).toBeGreaterThan(0);
		expect(await t.retryAfter({ address: '203.0.113.5', account: 'carol' })).toBe(0);
		// The same address may still sign in to another account.
		expect(await t.retryAfter({ address: '198.51.100.7', account: 'dave' })).toBe(0);
	});

	it('counts at most the free failures of each address towards the account ceiling', async () => {
		const clock = { t: 0 };
		const t = make(clock);
		for (let i = 0; i < 200; i++) {
			await guess(t, '198.51.100.7');
			clock.t += 15 * 60_000;
		}
		expect(await t.retryAfter({ address: '203.0.113.5', account: 'carol' })).toBe(0);
	});

	it('bounds guessing spread over many addresses, sparing addresses the owner used before', async () => {
		const clock = { t: 0 };
		const t = make(clock);
		await t.succeed({ address: '203.0.113.5', account: 'carol' });
		for (let a = 0; a < 3; a++) for (let i = 0; i < 5; i++) await guess(t, `198.51.100.${a}`);
		expect(await t.retryAfter({ address: '198.51.100.99', account: 'carol' })).toBeGreaterThan(0);
		expect(await t.retryAfter({ address: '203.0.113.5', account: 'carol' })).toBe(0);
	});

	it('slows one address spraying many accounts', async () => {
		const clock = { t: 0 };
		const t = make(clock);
		for (let i = 0; i < 21; i++) await guess(t, '198.51.100.7', `user${i}`);
		expect(await t.retryAfter({ address: '198.51.100.7', account: 'fresh' })).toBeGreaterThan(0);
		expect(await t.retryAfter({ address: '203.0.113.5', account: 'fresh' })).toBe(0);
	});
});
