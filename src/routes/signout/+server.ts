import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { clearSessionCookie } from '#lib/server/session-cookie.ts';

export const POST: RequestHandler = async ({ locals, cookies }) => {
	// Ending the session closes its sockets too.
	if (locals.session) await locals.app.auth.invalidateSession(locals.session.id);
	clearSessionCookie(cookies);
	// A shared computer must not show the last person's boards offline: drop the boards' service
	// workers, their caches and the boards kept in IndexedDB. Edits made offline and never synced
	// go too; that is the price of signing out before reconnecting.
	return new Response(null, {
		status: 303,
		headers: { location: '/', 'clear-site-data': '"cache", "storage"' }
	});
};

export const GET: RequestHandler = () => redirect(303, '/');
