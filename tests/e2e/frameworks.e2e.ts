import { test, expect, type Page } from '@playwright/test';
import { placeCard, readBoard } from '../../src/lib/board/index.ts';
import { publishOverHttp } from '../support/charter-board.ts';
import { connect, signUp, synced, waitFor, type TestUser } from '../support/sync-client.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import { serverPerTest } from './support/lab.ts';
import { screenshot } from './support/screenshots.ts';

/**
 * The matrix a workshop chose, seen by its people: a PM who owns and does a row marks it A/R and
 * the published charter files it under "Owns" with no open question; a workshop created as DACI
 * shows DACI's letters, legend and keys on its board.
 */

const PHONE = { width: 390, height: 844 };

const lab = serverPerTest();

test.use({ actionTimeout: 10_000, navigationTimeout: 15_000 });

async function signedInPage(browser: import('@playwright/test').Browser, user: TestUser) {
	const context = await lab.newContext(browser);
	const [name, value] = user.cookie.split('=');
	await context.addCookies([{ name, value, url: lab.server.url }]);
	return context.newPage();
}

/** Places the first `count` tray cards as another tab of `user` would; returns the board. */
async function placeRows(user: TestUser, workshopId: string, count: number) {
	const client = connect(lab.server.url, user, workshopId, 'board');
	await synced(client);
	const actor = { id: user.id, name: 'Fay' };
	for (const card of readBoard(client.doc).tray.slice(0, count)) {
		placeCard(client.doc, 'seed', actor, card.id);
	}
	const board = readBoard(client.doc);
	const check = connect(lab.server.url, user, workshopId, 'board');
	await waitFor(() => readBoard(check.doc).rows.length === count, 'rows placed');
	check.destroy();
	client.destroy();
	return board;
}

/** Focuses a cell of the grid and types `keys` into it. */
async function type(page: Page, cellKey: string, ...keys: string[]) {
	const cell = page.locator(`[data-cell="${cellKey}"]`);
	await cell.focus();
	for (const key of keys) await page.keyboard.press(key);
	return cell;
}

test('a PM who owns and does a row marks it A/R and the charter lists it under Owns, not as an open question', async ({
	browser
}) => {
	const fay = await signUp(lab.server, 'Fay');
	const workshopId = await createWorkshop(lab.server, fay, { title: 'Checkout PM charter' });
	const board = await placeRows(fay, workshopId, 2);
	const [pm, eng] = board.roles;
	const [owned, shared] = board.rows;

	const page = await signedInPage(browser, fay);
	await page.goto(`/w/${workshopId}`);
	await expect(page.getByRole('list', { name: 'RACI letters' })).toBeVisible();
	const both = await type(page, `${owned.id}:${pm.id}`, '/');
	await expect(both).toContainText('Accountable and Responsible');
	await expect(both.locator('.mark')).toHaveText('A/R');
	const row = page.locator('tr', { has: both });
	await expect(row.getByText('Nobody doing it')).toHaveCount(0);
	await expect(row.getByText('No owner')).toHaveCount(0);
	// The second row the usual way: the PM owns it, engineering does it.
	await type(page, `${shared.id}:${pm.id}`, 'a');
	await type(page, `${shared.id}:${eng.id}`, 'r');
	await page.getByRole('tab', { name: 'Focus role' }).click();
	await expect(page.getByTestId('boundary-owns')).toHaveText('2');
	await expect(page.getByTestId('boundary-unresolved')).toHaveText('0');

	// The letter menu offers the pair beside the single letters, with its key.
	await both.focus();
	await page.keyboard.press('Enter');
	const menu = page.getByRole('menu', { name: 'Letter for this cell' });
	await expect(
		menu.getByRole('menuitem', { name: /Accountable and Responsible \(set\)/ })
	).toBeVisible();
	await screenshot(page, `frameworks-ar-menu-1440.png`);
	await page.keyboard.press('Escape');
	await screenshot(page, `frameworks-ar-board-1440.png`);
	await page.setViewportSize(PHONE);
	// A phone shows each row as a card; the pair is the PM's letter on the owned row's card.
	const phoneLetter = page
		.locator(`[data-testid="phone-row"][data-row-id="${owned.id}"]`)
		.locator(`.letter[data-role-id="${pm.id}"] .mark`);
	await expect(phoneLetter).toHaveText('A/R');
	await screenshot(page, `frameworks-ar-board-390.png`);
	await page.setViewportSize({ width: 1440, height: 900 });

	const client = connect(lab.server.url, fay, workshopId, 'board');
	await waitFor(() => readBoard(client.doc).cells[`${owned.id}:${pm.id}`] === 'A/R', 'A/R stored');
	await waitFor(() => readBoard(client.doc).cells[`${shared.id}:${eng.id}`] === 'R', 'R stored');
	client.destroy();
	await publishOverHttp(lab.server, fay, workshopId);

	await page.goto(`/w/${workshopId}/charter`);
	const owns = page.locator('#roles-owns');
	await expect(owns.getByRole('heading', { name: /Owns/ })).toContainText('2');
	await expect(owns).toContainText(owned.title);
	await expect(owns).toContainText('Product Manager also does it');
	await expect(page.locator('#roles-open')).not.toContainText(owned.title);
	await expect(page.locator('#roles-open')).toContainText('none, no row breaks a rule');
	await expect(page.locator('#matrix')).toContainText('A/R');
	await screenshot(page, `frameworks-ar-charter-1440.png`, { fullPage: true });
});

test('a workshop created as DACI shows the DACI legend, letters and keys', async ({ browser }) => {
	const fay = await signUp(lab.server, 'Fay');
	const page = await signedInPage(browser, fay);
	await page.goto('/workshops/new');
	await page.getByLabel('Workshop title').fill('Launch decisions');
	await page.getByRole('textbox', { name: 'Team' }).fill('Checkout');
	await page.getByRole('radio', { name: /DACI/ }).check();
	await screenshot(page, `frameworks-new-form-1440.png`, { fullPage: true });
	await page.getByRole('button', { name: 'Create workshop' }).click();
	await page.waitForURL(/\/w\/[^/]+$/);
	const workshopId = new URL(page.url()).pathname.split('/')[2];

	const legend = page.getByRole('list', { name: 'DACI letters' });
	await expect(legend.getByRole('listitem')).toHaveText([
		'D Drives',
		'A Approves',
		'C Contributes',
		'I Informed',
		'A/D Both'
	]);

	const board = await placeRows(fay, workshopId, 2);
	const [pm, eng, design] = board.roles;
	const [first, second] = board.rows;
	await expect(page.locator(`[data-cell="${first.id}:${pm.id}"]`)).toBeVisible();
	const driver = await type(page, `${first.id}:${eng.id}`, 'd');
	await expect(driver).toContainText('Driver');
	// R is not a DACI letter: the key does nothing.
	const untouched = await type(page, `${first.id}:${design.id}`, 'r');
	await expect(untouched).toContainText('No letter');
	await type(page, `${first.id}:${pm.id}`, 'a');
	await type(page, `${second.id}:${pm.id}`, '/');
	await expect(page.locator(`[data-cell="${second.id}:${pm.id}"] .mark`)).toHaveText('A/D');
	await page.getByRole('tab', { name: 'Focus role' }).click();
	await expect(page.getByTestId('boundary-owns')).toHaveText('2');
	await expect(page.getByTestId('boundary-unresolved')).toHaveText('0');
	await expect(page.locator('.summary')).toContainText('Approves');

	await driver.focus();
	await page.keyboard.press('Enter');
	const menu = page.getByRole('menu', { name: 'Letter for this cell' });
	await expect(menu.getByRole('menuitem')).toHaveText([
		/Driver/,
		/Approver/,
		/Approver and Driver/,
		/Contributor/,
		/Informed/,
		/No letter/
	]);
	await screenshot(page, `frameworks-daci-menu-1440.png`);
	await page.keyboard.press('Escape');
	await screenshot(page, `frameworks-daci-board-1440.png`);
	await page.setViewportSize(PHONE);
	await screenshot(page, `frameworks-daci-board-390.png`);
});

test('the dashboard card and the settings page name the matrix a workshop was created with', async ({
	browser
}) => {
	const fay = await signUp(lab.server, 'Fay');
	const daci = await createWorkshop(lab.server, fay, {
		title: 'Launch decisions',
		framework: 'daci'
	});
	await createWorkshop(lab.server, fay, { title: 'Checkout PM charter' });

	const page = await signedInPage(browser, fay);
	await page.goto('/');
	const card = (title: string) =>
		page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
	await expect(card('Launch decisions')).toContainText('Responsibility matrix DACI');
	await expect(card('Checkout PM charter')).toContainText('Responsibility matrix RACI');
	await screenshot(page, `frameworks-dashboard-1440.png`);
	await page.setViewportSize(PHONE);
	await screenshot(page, `frameworks-dashboard-390.png`, { fullPage: true });

	await page.goto(`/w/${daci}/settings`);
	const line = page.getByText('Responsibility matrix: DACI — fixed when the workshop was created.');
	await line.scrollIntoViewIfNeeded();
	await expect(line).toBeInViewport({ ratio: 1 });
	await screenshot(page, `frameworks-settings-390.png`);
	await page.setViewportSize({ width: 1440, height: 900 });
	// The whole page from its top: a scrolled shot puts the sticky header over the details card.
	await page.evaluate(() => window.scrollTo(0, 0));
	await screenshot(page, `frameworks-settings-1440.png`, { fullPage: true });
});
