import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { setLocked } from '../../src/lib/facilitation/facilitation-doc.ts';
import { seedBusyBoard } from './support/busy-board.ts';
import { facilitatedWorkshop, serverPerTest } from './support/lab.ts';
import { boardPath, editBoard, memberActor } from './support/workshop.ts';
import { expectLive } from './support/live.ts';
import { screenshot } from './support/screenshots.ts';

/**
 * The board when things go wrong or change under it: a write the server refuses, a role changed
 * or taken away while the page is open, a shared computer after sign-out; and how much of the
 * board a laptop screen shows. Each test starts a fresh server.
 */

const lab = serverPerTest();

/** Fay facilitates, Ana participates; `lock` sets the board lock as Fay. */
async function workshop(browser: Browser) {
	const { id, fay, ana, fayCookie } = await facilitatedWorkshop(lab, browser);
	const lock = (locked: boolean) =>
		editBoard(
			lab.server.url,
			fayCookie,
			id,
			(doc) => setLocked(doc, 'test', locked),
			'facilitation'
		);
	return { id, fay, ana, lock };
}

async function openBoard(context: BrowserContext, id: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(boardPath(id));
	await expectLive(page);
	return page;
}

const cell = (page: Page, cardId: string, roleId: string) =>
	page.locator(`[data-cell="${cardId}:${roleId}"]`);

async function placeLeadDiscovery(page: Page) {
	await page
		.getByRole('complementary', { name: /Unassigned tray/ })
		.getByRole('button', { name: /^Lead discovery\s/ })
		.focus();
	await page.keyboard.press('m');
	await page.getByRole('menuitem', { name: 'Place at the end' }).click();
}

test('an edit made offline and refused on reconnect (board locked) is rolled back and never lands', async ({
	browser
}) => {
	const { id, fay, ana, lock } = await workshop(browser);
	const fayPage = await openBoard(fay, id);
	await placeLeadDiscovery(fayPage);
	const anaPage = await openBoard(ana, id);
	await expect(cell(anaPage, 'lead-discovery', 'pm')).toBeVisible();
	const status = anaPage.locator('[data-offline-ready]');

	await ana.setOffline(true);
	await expect(status).toHaveText(/Offline/);
	await cell(anaPage, 'lead-discovery', 'pm').focus();
	await anaPage.keyboard.press('a');
	await expect(status).toHaveText(/Offline · 1 pending change/);
	await expect(cell(anaPage, 'lead-discovery', 'pm')).toContainText('Accountable');

	// The facilitator locks the board while Ana is away; her edit is refused when she is back.
	await lock(true);
	await ana.setOffline(false);
	await expect(anaPage.locator('.notices')).toContainText(
		'The board is locked — your last change was not saved.'
	);
	await expect(cell(anaPage, 'lead-discovery', 'pm')).toContainText('No letter');
	await expect(status).toHaveText(/^\s*Live/);
	await expect(
		anaPage.getByText('The facilitator locked the board', { exact: true })
	).toBeVisible();

	// Unlocked: Ana's next edits land (nothing is stuck behind the refused one), the refused one
	// does not come back, not even from her browser's storage after a reload.
	await lock(false);
	await expect(anaPage.getByText('The facilitator locked the board', { exact: true })).toHaveCount(
		0
	);
	await cell(anaPage, 'lead-discovery', 'design').focus();
	await anaPage.keyboard.press('c');
	await expect(cell(fayPage, 'lead-discovery', 'design')).toContainText('Consulted');
	await anaPage.reload();
	await expectLive(anaPage);
	await expect(cell(anaPage, 'lead-discovery', 'design')).toContainText('Consulted');
	await anaPage.waitForTimeout(500);
	await expect(cell(anaPage, 'lead-discovery', 'pm')).toContainText('No letter');
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('No letter');
	await fayPage.reload();
	await expect(cell(fayPage, 'lead-discovery', 'design')).toContainText('Consulted');
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('No letter');
});

test('a board tab opens one connection per room', async ({ browser }) => {
	const { id, ana } = await workshop(browser);
	const page = await ana.newPage();
	const sockets: string[] = [];
	page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
	await page.goto(boardPath(id));
	await expectLive(page);
	await page.waitForTimeout(1000);
	expect(sockets.sort()).toEqual([`/sync/${id}/board`, `/sync/${id}/facilitation`]);
	const metrics = await (await fetch(`${lab.server.url}/metrics`)).text();
	expect(metrics).toMatch(/^drawline_sync_connections(\{[^}]*\})? 2$/m);
});

test('a participant made reader while the page is open gets the reader view at once, and editing back when raised again', async ({
	browser
}) => {
	const { id, fay, ana } = await workshop(browser);
	const fayPage = await openBoard(fay, id);
	await placeLeadDiscovery(fayPage);
	const anaPage = await openBoard(ana, id);
	await expect(anaPage.getByRole('button', { name: 'Add card' })).toBeVisible();

	const settings = await fay.newPage();
	await settings.goto(`/w/${id}/settings`);
	await settings.getByLabel('Role of Ana Lima').selectOption('reader');
	await expect(settings.getByLabel('Role of Ana Lima')).toHaveValue('reader');
	await settings.waitForLoadState('networkidle');

	// The server reconnects her with the new role and her page follows, without her doing anything.
	await expect(anaPage.getByText('You are reading this board.')).toBeVisible();
	await expect(anaPage.getByRole('button', { name: 'Add card' })).toHaveCount(0);
	await expect(anaPage.locator('.workshop-head .badge-reader')).toBeVisible();
	await expectLive(anaPage);
	await cell(anaPage, 'lead-discovery', 'pm').focus();
	await anaPage.keyboard.press('a');
	await expect(cell(anaPage, 'lead-discovery', 'pm')).toContainText('No letter');

	// Raised back to participant: the editing tools come back and her edits land.
	await settings.getByLabel('Role of Ana Lima').selectOption('participant');
	await expect(anaPage.getByRole('button', { name: 'Add card' })).toBeVisible();
	await expectLive(anaPage);
	await cell(anaPage, 'lead-discovery', 'design').focus();
	await anaPage.keyboard.press('c');
	await expect(cell(fayPage, 'lead-discovery', 'design')).toContainText('Consulted');
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('No letter');

	// Removed altogether: the page says so at once and offers no way to edit.
	await settings.getByRole('button', { name: 'Remove Ana Lima from the workshop' }).click();
	await expect(
		anaPage
			.getByRole('alert')
			.filter({ hasText: /^You are no longer a member of this workshop\.$/ })
	).toBeVisible();
	await expect(anaPage.getByRole('grid')).toHaveAttribute('aria-readonly', 'true');
});

test('signing out leaves no board behind for offline use, and a new build prunes old caches', async ({
	browser
}) => {
	const { id, fay } = await workshop(browser);
	const page = await openBoard(fay, id);
	const status = page.locator('[data-offline-ready]');
	await expect(status).toHaveAttribute('data-offline-ready', 'true');
	const stored = () =>
		page.evaluate(async () => ({
			caches: await caches.keys(),
			databases: (await indexedDB.databases()).map((db) => db.name ?? ''),
			workers: (await navigator.serviceWorker.getRegistrations()).length
		}));
	const before = await stored();
	expect(before.caches).toHaveLength(1);
	expect(before.databases.some((name) => name.endsWith(`:${id}:board`))).toBe(true);

	// Another build's worker left caches behind: the next worker to activate deletes them.
	const current = before.caches[0];
	const scope = `drawline-board:/w/${id}`;
	await page.evaluate(
		async (names) => {
			for (const name of names)
				await (await caches.open(name)).put('/_app/old.js', new Response(''));
			for (const registration of await navigator.serviceWorker.getRegistrations()) {
				await registration.unregister();
			}
		},
		[`${scope}:an-older-build`, scope]
	);
	expect((await stored()).caches).toHaveLength(3);
	await page.reload();
	await expect(status).toHaveAttribute('data-offline-ready', 'true');
	expect((await stored()).caches).toEqual([current]);

	// Sign out: no cache, no board database, no worker; offline, the board no longer opens.
	await page
		.locator('form[action="/signout"]')
		.evaluate((form: HTMLFormElement) => form.requestSubmit());
	await page.waitForURL((url) => url.pathname === '/');
	const after = await stored();
	expect(after).toEqual({ caches: [], databases: [], workers: 0 });
	await fay.setOffline(true);
	await expect(page.goto(boardPath(id))).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
});

test('a participant sees at least 20 board rows on a 1440×900 screen (screenshot)', async ({
	browser
}) => {
	const { id, fayCookie, ana } = await facilitatedWorkshop(lab, browser);
	const fayActor = await memberActor(lab.server, id, 'Fay Facilitator');
	await editBoard(lab.server.url, fayCookie, id, (doc) => seedBusyBoard(doc, fayActor));
	const page = await openBoard(ana, id);
	await expect(page.locator('tbody tr')).toHaveCount(30);
	await page.waitForTimeout(400);
	await screenshot(page, 'board-participant-rows-1440.png');
	const visible = await page.evaluate(() => {
		const area = document.querySelector('.grid-area')!.getBoundingClientRect();
		const bottom = Math.min(area.bottom, window.innerHeight);
		return [...document.querySelectorAll('tbody tr')].filter((row) => {
			const box = row.getBoundingClientRect();
			return box.top >= area.top && box.bottom <= bottom + 1;
		}).length;
	});
	console.log(`board rows fully visible at 1440×900 for a participant: ${visible}`);
	expect(visible).toBeGreaterThanOrEqual(20);
});
