import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** 200 when every dependency answers; 503 naming the ones that do not. */
export const GET: RequestHandler = async ({ locals }) => {
	const { store, relay } = locals.app;
	const [database, redis] = await Promise.all([
		store.ping(),
		relay ? relay.health().then((state) => state === 'ok') : null
	]);
	const failing = [...(database ? [] : ['database']), ...(redis === false ? ['redis'] : [])];
	return json(
		{
			status: failing.length === 0 ? 'ok' : 'degraded',
			version: locals.app.version,
			database: database ? 'ok' : 'down',
			databaseBackend: store.backend,
			...(redis === null ? {} : { redis: redis ? 'ok' : 'down' }),
			...(failing.length > 0 ? { failing } : {})
		},
		{ status: failing.length === 0 ? 200 : 503 }
	);
};
