import { redirect, type Cookies } from '@sveltejs/kit';
import { safeNext } from './access.ts';
import { setSessionCookie } from './session-cookie.ts';

/** /signin and /signup: a member who is already signed in goes straight on; a guest may stay. */
export function loadAuthPage({ locals, url }: { locals: App.Locals; url: URL }): { next: string } {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user && !locals.user.isGuest) redirect(303, next);
	return { next };
}

/** Swaps the session the browser had (a guest's, say) for the new one, then goes on to `next`. */
export async function switchSessionAndGo(
	{ locals, cookies, url }: { locals: App.Locals; cookies: Cookies; url: URL },
	started: { token: string; session: { expiresAt: Date } },
	next: string
): Promise<never> {
	if (locals.session) await locals.app.auth.invalidateSession(locals.session.id);
	setSessionCookie(cookies, url, started.token, started.session.expiresAt);
	redirect(303, next);
}
