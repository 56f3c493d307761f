import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { clearSessionCookie } from '#lib/server/session-cookie.ts';

export const POST: RequestHandler = async ({ locals, cookies }) => {
	if (locals.session) {
		await locals.app.auth.invalidateSession(locals.session.id);
		locals.app.sync.closeSession(locals.session.id);
	}
	clearSessionCookie(cookies);
	redirect(303, '/');
};

export const GET: RequestHandler = () => redirect(303, '/');
