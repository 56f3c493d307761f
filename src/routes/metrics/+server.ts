import type { RequestHandler } from './$types';
import { metricsRefusal } from '#lib/server/metrics-access.ts';

/** Prometheus scrape endpoint: this instance's sockets, rooms, traffic and persistence. */
export const GET: RequestHandler = ({ locals, request, getClientAddress }) => {
	const refusal = metricsRefusal({
		token: locals.app.config.metricsToken,
		authorization: request.headers.get('authorization'),
		address: getClientAddress(),
		forwarded: request.headers.has('forwarded') || request.headers.has('x-forwarded-for')
	});
	if (refusal) {
		return new Response(refusal.message, {
			status: refusal.status,
			headers: refusal.status === 401 ? { 'www-authenticate': 'Bearer' } : {}
		});
	}
	return new Response(locals.app.metrics.render(), {
		headers: {
			'content-type': 'text/plain; version=0.0.4; charset=utf-8',
			'cache-control': 'no-store'
		}
	});
};
