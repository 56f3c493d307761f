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
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
			if (!response.headers.has(name)) response.headers.set(name, value);
		}
	} catch {
		// Some responses (e.g. Response.redirect) have immutable headers.
	}
	return response;
};
