import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, needsSecureCookie, sessionCookieOptions } from '#server/auth/cookies.ts';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expiresAt));
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * Browsers drop Secure cookies sent over plain http (localhost excepted), so a
 * sign-in there would silently fail; say so instead.
 */
export function insecureOriginProblem(url: URL): string | null {
	if (url.protocol === 'http:' && needsSecureCookie(url)) {
		return 'Signing in needs HTTPS: browsers refuse the session cookie over plain http. Open Drawline through https:// (or on localhost).';
	}
	return null;
}
