import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const database = await locals.app.store.ping();
	return json(
		{
			status: database ? 'ok' : 'degraded',
			version: locals.app.version,
			database: database ? 'ok' : 'down'
		},
		{ status: database ? 200 : 503 }
	);
};
