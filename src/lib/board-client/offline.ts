/**
 * Lets a board load without a network: registers the app's service worker
 * (`src/service-worker/`) for this workshop alone (scope `/w/<id>`) and hands it the page and
 * assets this visit already loaded, so that a reload while offline finds them. Resolves true once they are kept. The board's edits themselves are kept
 * by y-indexeddb; this only brings the page back.
 */
const KEEP_TIMEOUT_MS = 15_000;

export async function keepBoardOffline(workshopId: string): Promise<boolean> {
	if (!('serviceWorker' in navigator) || !window.isSecureContext) return false;
	const scope = `/w/${encodeURIComponent(workshopId)}`;
	try {
		const registration = await navigator.serviceWorker.register('/service-worker.js', {
			scope,
			type: 'module'
		});
		const worker = await activeWorker(registration);
		if (!worker) return false;
		const urls = [
			location.pathname,
			...performance
				.getEntriesByType('resource')
				.map((entry) => entry.name)
				.filter((name) => name.startsWith(`${location.origin}/_app/`))
		];
		return await new Promise<boolean>((resolve) => {
			const channel = new MessageChannel();
			const timer = setTimeout(() => resolve(false), KEEP_TIMEOUT_MS);
			channel.port1.onmessage = (event) => {
				clearTimeout(timer);
				resolve(event.data?.ok === true);
			};
			worker.postMessage({ type: 'keep', urls }, [channel.port2]);
		});
	} catch {
		return false;
	}
}

function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker | null> {
	if (registration.active) return Promise.resolve(registration.active);
	const installing = registration.installing ?? registration.waiting;
	if (!installing) return Promise.resolve(null);
	return new Promise((resolve) => {
		installing.addEventListener('statechange', () => {
			if (installing.state === 'activated') resolve(installing);
			else if (installing.state === 'redundant') resolve(null);
		});
	});
}
