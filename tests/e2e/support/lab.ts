import {
	test,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions
} from '@playwright/test';
import { startServer, type RunningServer } from '../../support/server.ts';
import { createWorkshop } from '../../support/workshop-http.ts';
import { cookieOf, inviteGuest, signUp } from './workshop.ts';

export type Viewport = { width: number; height: number };

export type Lab = {
	/** This test's server. */
	readonly server: RunningServer;
	/** A browser context on this test's server, closed after the test. */
	newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext>;
};

/**
 * A fresh server (its own database file) for every test of the file that calls this at its top
 * level, with the browser contexts the test opened closed before the server stops.
 */
export function serverPerTest(viewport: Viewport = { width: 1440, height: 900 }): Lab {
	let server: RunningServer | null = null;
	const contexts: BrowserContext[] = [];

	test.beforeEach(async () => {
		server = await startServer();
	});

	test.afterEach(async () => {
		for (const context of contexts.splice(0)) await context.close().catch(() => {});
		await server?.stop();
		server?.cleanup();
		server = null;
	});

	return {
		get server() {
			if (!server) throw new Error('the server runs only inside a test');
			return server;
		},
		async newContext(browser, options = {}) {
			const context = await browser.newContext({ viewport, baseURL: this.server.url, ...options });
			contexts.push(context);
			return context;
		}
	};
}

/**
 * Fay facilitates a fresh workshop; Ana joined it as a participant through an invite. Each has a
 * browser context of their own; `fayCookie` is Fay's session for requests made outside a browser.
 */
export async function facilitatedWorkshop(lab: Lab, browser: Browser) {
	const url = lab.server.url;
	const fay = await lab.newContext(browser);
	await signUp(fay, url, 'Fay Facilitator');
	const fayCookie = await cookieOf(fay, url);
	const id = await createWorkshop(lab.server, { cookie: fayCookie });
	const ana = await lab.newContext(browser);
	await inviteGuest(fay, ana, url, id, 'participant', 'Ana Lima');
	return { id, fay, ana, fayCookie };
}
