import type { RequestHandler } from './$types';

/** Prometheus scrape endpoint: this instance's sockets, rooms, traffic and persistence. */
export const GET: RequestHandler = ({ locals }) =>
	new Response(locals.app.metrics.render(), {
		headers: {
			'content-type': 'text/plain; version=0.0.4; charset=utf-8',
			'cache-control': 'no-store'
		}
	});
