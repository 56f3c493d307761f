import type { App } from './app.ts';

/**
 * The SvelteKit handler is bundled separately from server/, so importing the
 * app object would give each bundle its own copy. A global registered under a
 * well-known symbol is the one object both halves share in one process.
 */
const KEY = Symbol.for('drawline.app');

type WithApp = typeof globalThis & { [KEY]?: App };

export function setApp(app: App | undefined): void {
	(globalThis as WithApp)[KEY] = app;
}

export function getApp(): App {
	const app = (globalThis as WithApp)[KEY];
	if (!app)
		throw new Error(
			'Drawline server is not initialised: start it with `npm start` or `npm run dev`'
		);
	return app;
}
