import { error, type RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { getApp } from '#server/context.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '#server/auth/cookies.ts';
import { guardRequest } from '#lib/server/access.ts';

const SECURITY_HEADERS: Record<string, string> = {
	// Invite tokens travel in URLs; never hand them to another site.
	'referrer-policy': 'same-origin',
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY'
};

// Pages that show a workshop to its members or through a link: access can be revoked, so no
// cache (a shared proxy, the browser's back-forward store) may keep a copy.
const PRIVATE_ROUTES = ['/w/[id]', '/c/[token]', '/invite/[token]'];

function isPrivate(routeId: string | null): boolean {
	return PRIVATE_ROUTES.some((prefix) => routeId === prefix || routeId?.startsWith(prefix + '/'));
}

/** kit.csp allows 'self'; the sync socket's origin differs in scheme, so name it. */
function withSyncSocket(policy: string, url: URL): string {
	const socket = `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`;
	return policy.replace(/(^|;\s*)connect-src 'self'/, `$1connect-src 'self' ${socket}`);
}

function secure(response: Response, event: RequestEvent): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	const policy = response.headers.get('content-security-policy');
	if (policy) response.headers.set('content-security-policy', withSyncSocket(policy, event.url));
	if (isPrivate(event.route.id)) response.headers.set('cache-control', 'private, no-store');
}

async function authenticate(event: RequestEvent): Promise<void> {
	const { locals, cookies, url } = event;
	locals.user = null;
	locals.session = null;
	const token = cookies.get(SESSION_COOKIE);
	if (!token) return;
	const result = await locals.app.auth.validateSessionToken(token);
	if (!result) {
		cookies.delete(SESSION_COOKIE, { path: '/' });
		return;
	}
	locals.user = result.user;
	locals.session = result.session;
	if (result.extended) {
		cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, result.session.expiresAt));
	}
}

function isPageRender(event: RequestEvent): boolean {
	const method = event.request.method;
	return (
		(method === 'GET' || method === 'HEAD') &&
		!event.isDataRequest &&
		(event.request.headers.get('accept') ?? '').includes('text/html')
	);
}

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.app = getApp();
	event.locals.access = new Map();
	await authenticate(event);

	const decision = await guardRequest(event);
	let response: Response;
	if (decision && !decision.ok) {
		if (!isPageRender(event)) error(decision.status, decision.message);
		// Let the workshop layout render the refusal inside the app's chrome, but
		// never let a page that forgot its own check answer with content.
		response = await resolve(event);
		if (response.status !== decision.status) error(decision.status, decision.message);
	} else {
		response = await resolve(event);
	}
	try {
		secure(response, event);
	} catch {
		// Some responses (e.g. Response.redirect) have immutable headers.
	}
	return response;
};
