import { describe, expect, it } from 'vitest';
import { metricsRefusal } from './metrics-access.ts';

const request = (over: Partial<Parameters<typeof metricsRefusal>[0]> = {}) => ({
	token: null,
	authorization: null,
	address: '127.0.0.1',
	forwarded: false,
	...over
});

describe('metrics access', () => {
	it('without a token, serves loopback requests that no proxy forwarded', () => {
		expect(metricsRefusal(request())).toBeNull();
		expect(metricsRefusal(request({ address: '::1' }))).toBeNull();
		expect(metricsRefusal(request({ address: '::ffff:127.0.0.1' }))).toBeNull();
		expect(metricsRefusal(request({ address: '203.0.113.9' }))?.status).toBe(403);
		expect(metricsRefusal(request({ address: '::ffff:10.0.0.1' }))?.status).toBe(403);
		expect(metricsRefusal(request({ forwarded: true }))?.status).toBe(403);
	});

	it('with a token, asks everyone for it, loopback included', () => {
		const token = 's3cret-metrics-token';
		expect(metricsRefusal(request({ token }))?.status).toBe(401);
		expect(metricsRefusal(request({ token, authorization: 'Bearer wrong' }))?.status).toBe(401);
		expect(metricsRefusal(request({ token, authorization: `Basic ${token}` }))?.status).toBe(401);
		expect(
			metricsRefusal(request({ token, address: '203.0.113.9', authorization: `Bearer ${token}` }))
		).toBeNull();
	});
});
