import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Who may read /metrics (traffic, rooms and failures say more about a deployment than a stranger
 * should know). With a token configured: whoever sends `Authorization: Bearer <token>`. Without
 * one: only a request from this machine that no proxy forwarded, since a proxy on the same host
 * would make every visitor look local.
 */
export type MetricsRefusal = { status: 401 | 403; message: string };

export interface MetricsRequest {
	token: string | null;
	authorization: string | null;
	address: string;
	forwarded: boolean;
}

function isLoopback(address: string): boolean {
	const plain = address.replace(/^::ffff:/i, '');
	if (isIP(plain) === 4) return plain.startsWith('127.');
	return plain === '::1';
}

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsRefusal(request: MetricsRequest): MetricsRefusal | null {
	if (request.token !== null) {
		const given = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '')?.[1];
		if (given && sameSecret(given, request.token)) return null;
		return { status: 401, message: 'Metrics need the bearer token set in METRICS_TOKEN.' };
	}
	if (isLoopback(request.address) && !request.forwarded) return null;
	return {
		status: 403,
		message: 'Metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere.'
	};
}
