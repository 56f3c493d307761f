import { version } from '$app/env';
import { self } from '$app/service-worker';

/**
 * The board's service worker, registered once per workshop with scope `/w/<id>` (see
 * `src/lib/board-client/offline.ts`), so that a board reopened or reloaded without a network
 * still loads: the page is fetched network-first and kept, the app's hashed assets are kept once
 * seen. Edits made offline live in IndexedDB (y-indexeddb), not here. Only this workshop's page
 * is kept, fetched with the visitor's cookie, so only for members who could load it.
 *
 * The cache is named after the app's build, so a new build's worker (its script differs by that
 * name) starts a new cache on activate and deletes this workshop's older ones, with the hashed
 * assets no page asks for any more. Sign-out clears every cache and the board data (see
 * /signout), so a shared computer does not show the last person's board offline.
 */

const SCOPE = new URL(self.registration.scope).pathname.replace(/\/$/, '');
const PREFIX = `drawline-board:${SCOPE}:`;
const CACHE = PREFIX + version;
const PAGES = new Set([SCOPE]);

/** What the page sends: the URLs it loaded before this worker controlled it. */
interface KeepMessage {
	type: 'keep';
	urls: string[];
}

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) =>
	event.waitUntil(prune().then(() => self.clients.claim()))
);

/** Older builds' caches of this workshop (and the unversioned one of the first worker). */
async function prune(): Promise<void> {
	const names = await caches.keys();
	const old = names.filter(
		(name) => name !== CACHE && (name.startsWith(PREFIX) || name === PREFIX.slice(0, -1))
	);
	await Promise.all(old.map((name) => caches.delete(name)));
}

function isKeepMessage(data: unknown): data is KeepMessage {
	const message = data as Partial<KeepMessage> | null;
	return message?.type === 'keep' && Array.isArray(message.urls);
}

self.addEventListener('message', (event) => {
	if (!isKeepMessage(event.data)) return;
	const reply = event.ports[0];
	event.waitUntil(
		keep(event.data.urls).then(
			(ok) => reply?.postMessage({ ok }),
			() => reply?.postMessage({ ok: false })
		)
	);
});

async function keep(urls: string[]): Promise<boolean> {
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

function wanted(url: URL): boolean {
	return (
		PAGES.has(url.pathname) ||
		(url.pathname.startsWith('/_app/') && url.pathname !== '/_app/version.json')
	);
}

/** Pages are kept without their query string. */
function key(url: URL): string {
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

async function cacheFirst(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(key(url));
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok) await cache.put(key(url), response.clone());
	return response;
}

async function networkFirst(request: Request, url: URL): Promise<Response> {
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
