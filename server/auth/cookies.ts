/**
 * The session cookie, shared by SvelteKit's hooks and the WebSocket upgrade so
 * both read the very same token.
 */
export const SESSION_COOKIE = 'drawline_session';

/** The raw session token from a `Cookie` request header, or null. */
export function readSessionToken(cookieHeader: string | undefined): string | null {
	if (!cookieHeader) return null;
	for (const part of cookieHeader.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1) continue;
		if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
		const raw = part.slice(eq + 1).trim();
		try {
			return decodeURIComponent(raw) || null;
		} catch {
			return null;
		}
	}
	return null;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Browsers accept Secure cookies on https and on http://localhost; a plain-http
 * deployment on any other host cannot keep a session and must use https.
 */
export function needsSecureCookie(url: URL): boolean {
	return !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

export interface SessionCookieOptions {
	path: string;
	httpOnly: boolean;
	sameSite: 'lax';
	secure: boolean;
	expires: Date;
}

export function sessionCookieOptions(url: URL, expiresAt: Date): SessionCookieOptions {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: needsSecureCookie(url),
		expires: expiresAt
	};
}
