import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createClient } from 'redis';
import {
	createTestDatabase,
	type TestDatabase
} from '../../server/store/__fixtures__/pg-database.ts';
import { randomId } from '../../server/store/ids.ts';
import { freePort, startNginx, type Nginx } from '../support/nginx.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { metric } from '../support/sync-client.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import { boardPath, cookieOf, inviteGuest, signUp } from './support/workshop.ts';
import { expectLive } from './support/live.ts';
import { screenshot } from './support/screenshots.ts';

/**
 * Two instances on one fresh PostgreSQL database and one Redis key prefix, behind Debian's nginx
 * with round robin and no sticky sessions, as README's "Run several instances" sets them up.
 * Fay facilitates from a browser whose board is served by one instance, Ana takes part from a
 * browser served by the other. PostgreSQL, Redis and nginx must be there: without them this
 * test fails and says which is missing.
 */

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const CONNECTIONS = 'drawline_sync_connections';
const BOARD_LOADS = 'drawline_room_loads_total{kind="board"}';

let database: TestDatabase;
let servers: RunningServer[] = [];
let nginx: Nginx;
const contexts: BrowserContext[] = [];

async function redisReachable(): Promise<void> {
	const client = createClient({ url: REDIS_URL, socket: { reconnectStrategy: false } });
	client.on('error', () => {});
	try {
		await client.connect();
		await client.ping();
	} catch (error) {
		throw new Error(
			`Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL): ${(error as Error).message}`
		);
	} finally {
		await client.close().catch(() => {});
	}
}

test.beforeAll(async () => {
	await redisReachable();
	database = await createTestDatabase().catch((error: Error) => {
		throw new Error(`PostgreSQL is not reachable (set TEST_DATABASE_URL): ${error.message}`);
	});
	const port = await freePort();
	const env = {
		DATABASE_URL: database.url,
		DATABASE_POOL_SIZE: '4',
		REDIS_URL,
		REDIS_PREFIX: `drawline-e2e-${randomId(8)}:`,
		ORIGIN: `http://127.0.0.1:${port}`,
		ROOM_IDLE_MS: '600000'
	};
	servers = await Promise.all([startServer({ env }), startServer({ env })]);
	nginx = await startNginx(
		port,
		servers.map((server) => server.port)
	);
});

test.afterAll(async () => {
	for (const context of contexts.splice(0)) await context.close().catch(() => {});
	await nginx?.stop();
	await Promise.all(servers.map((server) => server.stop()));
	for (const server of servers) server.cleanup();
	await database?.drop();
});

async function newContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		baseURL: nginx.url
	});
	contexts.push(context);
	return context;
}

/** Open sockets on each instance. */
const sockets = () => Promise.all(servers.map((server) => metric(server.url, CONNECTIONS)));
/**
 * Board rooms each instance has loaded. Only a board socket loads a board room (a facilitation
 * socket loads its own room only), and rooms stay loaded for the whole test (ROOM_IDLE_MS), so
 * the instance whose count went up is the one serving the board socket that just connected.
 */
const boardLoads = () => Promise.all(servers.map((server) => metric(server.url, BOARD_LOADS)));

/**
 * Opens the board in `context` until its board socket reaches an instance with no board room
 * loaded yet, and returns that instance. nginx spreads requests round robin, so which instance
 * a socket reaches depends on how many requests came before it; a page load makes the same
 * number each time, so an extra request between attempts shifts the turn by one.
 */
async function openBoardOnNewInstance(
	context: BrowserContext,
	id: string,
	totalSockets: number
): Promise<{ page: Page; instance: number }> {
	const page = await context.newPage();
	for (let attempt = 0; attempt < 8; attempt++) {
		const before = await boardLoads();
		await page.goto(boardPath(id));
		await expectLive(page);
		// The previous load's sockets close as this one's open: wait for the count to settle.
		await expect.poll(async () => (await sockets()).reduce((a, b) => a + b)).toBe(totalSockets);
		const after = await boardLoads();
		const instance = after.findIndex((count, i) => before[i] === 0 && count > 0);
		if (instance >= 0) return { page, instance };
		await fetch(`${nginx.url}/healthz`);
	}
	throw new Error(`nginx never sent the board socket to a fresh instance: ${await boardLoads()}`);
}

const cell = (page: Page, cardId: string, roleId: string) =>
	page.locator(`[data-cell="${cardId}:${roleId}"]`);
const trayCard = (page: Page, title: string) =>
	page
		.getByRole('complementary', { name: /Unassigned tray/ })
		.getByRole('button', { name: new RegExp(`^${title}\\s`) });

test('two browsers on two instances behind nginx edit one board live', async ({ browser }) => {
	test.setTimeout(120_000);
	const fay = await newContext(browser);
	await signUp(fay, nginx.url, 'Fay Facilitator');
	const id = await createWorkshop({ url: nginx.url }, { cookie: await cookieOf(fay, nginx.url) });
	const ana = await newContext(browser);
	await inviteGuest(fay, ana, nginx.url, id, 'participant', 'Ana Lima');

	// Fay's board is served by one instance, Ana's by the other.
	const onFay = await openBoardOnNewInstance(fay, id, 2);
	const onAna = await openBoardOnNewInstance(ana, id, 4);
	expect(onAna.instance).not.toBe(onFay.instance);
	const [fayPage, anaPage] = [onFay.page, onAna.page];

	// Fay places a card; Ana sees it and gives it a letter; Fay sees that.
	await trayCard(fayPage, 'Lead discovery').focus();
	await fayPage.keyboard.press('m');
	await fayPage.getByRole('menuitem', { name: 'Engineering' }).click();
	await expect(cell(anaPage, 'lead-discovery', 'engineering')).toContainText('Responsible');
	await cell(anaPage, 'lead-discovery', 'pm').focus();
	await anaPage.keyboard.press('a');
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('Accountable');
	await cell(fayPage, 'lead-discovery', 'design').focus();
	await fayPage.keyboard.press('c');
	await expect(cell(anaPage, 'lead-discovery', 'design')).toContainText('Consulted');

	// Fay locks the board on her instance: Ana, on the other, is read-only at once.
	await fayPage.getByRole('button', { name: 'Lock board' }).click();
	await expect(
		anaPage.getByText('The facilitator locked the board', { exact: true })
	).toBeVisible();
	await expect(anaPage.getByRole('grid')).toHaveAttribute('aria-readonly', 'true');
	await screenshot(anaPage, 'cluster-locked-participant-1440.png');
	await cell(anaPage, 'lead-discovery', 'sales').focus();
	await anaPage.keyboard.press('i');
	await expect(cell(anaPage, 'lead-discovery', 'sales')).toContainText('No letter');
	// Fay still writes, and Ana still sees it.
	await cell(fayPage, 'lead-discovery', 'sales').focus();
	await fayPage.keyboard.press('i');
	await expect(cell(anaPage, 'lead-discovery', 'sales')).toContainText('Informed');

	await fayPage.getByRole('button', { name: 'Unlock board' }).click();
	await expect(anaPage.getByText('The facilitator locked the board', { exact: true })).toHaveCount(
		0
	);
	await cell(anaPage, 'lead-discovery', 'sales').focus();
	await anaPage.keyboard.press('c');
	await expect(cell(fayPage, 'lead-discovery', 'sales')).toContainText('Consulted');
	// Neither page moved while they worked: still one board room on each instance.
	expect(await boardLoads()).toEqual([1, 1]);
});
