import { version } from '$app/env';
import type { RequestHandler } from './$types';
import { ANY_MEMBER, requireWorkshopRole } from '#lib/server/access.ts';

/**
 * The board's service worker, one per workshop (scope `/w/<id>`), so that a board reopened or
 * reloaded without a network still loads: the page is fetched network-first and kept, the
 * app's hashed assets are kept once seen. Edits made offline live in IndexedDB (y-indexeddb),
 * not here. Only this workshop's pages are kept, and only for members who could load them.
 *
 * The cache is named after the app's build, so a new build's worker (its script differs by that
 * name) starts a new cache on activate and deletes this workshop's older ones, with the hashed
 * assets no page asks for any more. Sign-out clears every cache and the board data (see
 * /signout), so a shared computer does not show the last person's board offline.
 */
const WORKER = String.raw`
const SCOPE = new URL(self.registration.scope).pathname.replace(/\/$/, '');
const PREFIX = 'drawline-board:' + SCOPE + ':';
const CACHE = PREFIX + VERSION;
const PAGES = new Set([SCOPE]);

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(prune().then(() => self.clients.claim())));

// Older builds' caches of this workshop (and the unversioned one of the first worker).
async function prune() {
	const names = await caches.keys();
	const old = names.filter((name) => name !== CACHE && (name.startsWith(PREFIX) || name === PREFIX.slice(0, -1)));
	await Promise.all(old.map((name) => caches.delete(name)));
}

// The page lists what it loaded before this worker controlled it; keep those too.
self.addEventListener('message', (event) => {
	const data = event.data || {};
	if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
	const reply = event.ports && event.ports[0];
	event.waitUntil(
		keep(data.urls).then(
			(ok) => reply && reply.postMessage({ ok }),
			() => reply && reply.postMessage({ ok: false })
		)
	);
});

async function keep(urls) {
	const cache = await caches.open(CACHE);
	const results = await Promise.all(
		urls.map(async (url) => {
			const target = new URL(url, self.location.origin);
			if (target.origin !== self.location.origin || !wanted(target)) return true;
			try {
				const response = await fetch(target.href, { credentials: 'same-origin' });
				if (!response.ok) return false;
				await cache.put(key(target), response);
				return true;
			} catch {
				return false;
			}
		})
	);
	return results.every(Boolean);
}

function wanted(url) {
	return PAGES.has(url.pathname) || (url.pathname.startsWith('/_app/') && url.pathname !== '/_app/version.json');
}

// Pages are kept without their query string.
function key(url) {
	return PAGES.has(url.pathname) ? url.origin + url.pathname : url.href;
}

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || !wanted(url)) return;
	if (url.pathname.startsWith('/_app/immutable/')) event.respondWith(cacheFirst(request, url));
	else if (request.mode === 'navigate' || url.pathname.startsWith('/_app/')) {
		event.respondWith(networkFirst(request, url));
	}
});

async function cacheFirst(request, url) {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(key(url));
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok) await cache.put(key(url), response.clone());
	return response;
}

async function networkFirst(request, url) {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (response.ok && !response.redirected) await cache.put(key(url), response.clone());
		return response;
	} catch (error) {
		const hit = await cache.match(key(url));
		if (hit) return hit;
		throw error;
	}
}
`;

export const GET: RequestHandler = async ({ locals, params, url }) => {
	await requireWorkshopRole(locals, params.id, ANY_MEMBER, url);
	return new Response(`const VERSION = ${JSON.stringify(version)};\n${WORKER}`, {
		headers: {
			'content-type': 'text/javascript; charset=utf-8',
			'cache-control': 'no-cache',
			// The worker sits at /w/<id>/board-sw.js but serves the board page at /w/<id>.
			'service-worker-allowed': `/w/${params.id}`
		}
	});
};
