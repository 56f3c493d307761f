import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addMember, signUp, type TestUser } from '../support/sync-client.ts';
import {
	agreeRows,
	createCharterWorkshop,
	publishOverHttp,
	writeFixtureBoard,
	writeSecondBoard
} from '../support/charter-board.ts';
import { serverPerTest } from './support/lab.ts';
import { SHOTS, screenshot } from './support/screenshots.ts';

/**
 * A facilitator publishes two versions and shares the charter; a reader without an account opens
 * the link, asks who owns beta programs, reads the Sales view, and opens what changed from v1 to
 * v2; with JavaScript disabled the same link still shows the whole charter.
 */

const lab = serverPerTest();

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** Ana facilitates a workshop with Ben and Zoë on this test's server, and has published two versions. */
async function publishedCharter(): Promise<{ fac: TestUser; workshopId: string }> {
	const server = lab.server;
	const fac = await signUp(server, 'Ana Ruiz');
	const ben = await signUp(server, 'Ben Okafor');
	const zoe = await signUp(server, 'Zoë Lindqvist');
	const workshopId = await createCharterWorkshop(server, fac);
	await addMember(server, fac, workshopId, ben, 'participant');
	await addMember(server, fac, workshopId, zoe, 'participant');
	await writeFixtureBoard(server, fac, workshopId, [ben, zoe]);
	await agreeRows(server, fac, workshopId, ['vision', 'beta']);
	await publishOverHttp(server, fac, workshopId);
	await writeSecondBoard(server, fac, workshopId);
	await publishOverHttp(server, fac, workshopId);
	return { fac, workshopId };
}

async function shoot(page: Page, name: string, fullPage = true) {
	await screenshot(page, `${name}.png`, { fullPage });
}

async function signedIn(context: BrowserContext, user: TestUser) {
	const [name, value] = user.cookie.split('=');
	await context.addCookies([{ name, value, url: lab.server.url }]);
}

async function createShareLink(browser: Browser): Promise<string> {
	const { fac, workshopId } = await publishedCharter();
	const context = await lab.newContext(browser);
	await signedIn(context, fac);
	const page = await context.newPage();
	await page.goto(`/w/${workshopId}/charter`);
	await expect(page.getByRole('heading', { level: 2, name: 'Checkout PM charter' })).toBeVisible();
	await shoot(page, 'charter-member');
	await page.getByRole('link', { name: /Manage share links/ }).click();
	await page.getByRole('radio', { name: /Always the latest version/ }).check();
	await page.getByRole('button', { name: 'Create share link' }).click();
	const input = page.getByLabel('New share link');
	await expect(input).toHaveValue(/\/c\/[a-z2-7]+$/);
	await shoot(page, 'charter-share-manage');
	const link = await input.inputValue();
	await context.close();
	return link;
}

test('a reader opens the shared charter, searches, reads the Sales view and the diff', async ({
	browser
}) => {
	const link = await createShareLink(browser);
	const reader = await lab.newContext(browser);
	const page = await reader.newPage();
	await page.goto(link);

	await expect(page.getByRole('heading', { level: 1, name: 'Checkout PM charter' })).toBeVisible();
	await expect(page.getByText('Read-only')).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Owns/ })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Who took part' })).toContainText('Zoë Lindqvist');
	await shoot(page, 'charter-shared');

	// Vision was agreed; beta was agreed and then changed for version 2; the roadmap never was.
	await expect(page.locator('#row-vision')).toContainText('Agreed by Ana Ruiz on');
	await expect(page.locator('#row-beta')).toContainText('Reopened: changed by Ana Ruiz');
	await expect(page.locator('#row-roadmap')).toContainText('Not agreed in the workshop');
	await expect(page.getByText('1 of 9 rows agreed; 7 not agreed; 1 reopened.')).toBeVisible();
	await expect(page.getByText('every row on the board was agreed')).toHaveCount(0);

	await page.getByLabel('Search the charter').fill('who owns beta programs?');
	await page.getByRole('button', { name: 'Search' }).click();
	const results = page.getByRole('region', { name: 'Search results' });
	await expect(results).toContainText('Run beta programs — accountable: Product Manager');
	await shoot(page, 'charter-search', false);

	await page.getByRole('link', { name: /^Sales/ }).click();
	await expect(page).toHaveURL(/role=sales/);
	await expect(page.getByRole('link', { name: /^Sales/ })).toHaveAttribute('aria-current', 'page');
	await expect(
		page.getByRole('heading', { name: 'What Sales owns, does, and is consulted or informed on' })
	).toBeVisible();
	const owns = page.locator('#roles-owns');
	await expect(owns.getByRole('heading', { name: 'Negotiate customer contracts' })).toBeVisible();
	await page.locator('#roles').scrollIntoViewIfNeeded();
	await shoot(page, 'charter-sales-view');

	await page.getByRole('link', { name: 'What changed since version 1' }).click();
	await expect(
		page.getByRole('heading', { name: 'What changed from version 1 to version 2' })
	).toBeVisible();
	await expect(page.getByRole('status')).toContainText(
		'1 responsibility added, 1 removed, 1 changed'
	);
	await expect(page.getByText('+ Added').first()).toBeVisible();
	await expect(page.getByText('was informed, now responsible').first()).toBeVisible();
	await expect(page.getByRole('table')).toContainText('Sales: was informed, now responsible');
	await shoot(page, 'charter-diff');
	await reader.close();
});

test('with JavaScript disabled the shared charter still reads, searches and switches roles', async ({
	browser
}) => {
	const link = await createShareLink(browser);
	const context = await lab.newContext(browser, { javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1, name: 'Checkout PM charter' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Set the product vision' })).toBeVisible();
	await expect(page.getByRole('table')).toContainText('Negotiate customer contracts');
	await expect(page.getByRole('button', { name: 'Print' })).toHaveCount(0);

	await page.getByLabel('Search the charter').fill('pricing');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('region', { name: 'Search results' })).toContainText(
		'accountable: Leadership'
	);
	await page.getByRole('link', { name: /^Support/ }).click();
	await expect(
		page.getByRole('heading', { name: 'What Support owns, does, and is consulted or informed on' })
	).toBeVisible();
	await shoot(page, 'charter-no-js');
	await context.close();
});

test('the print stylesheet drops the chrome and paginates the charter', async ({ browser }) => {
	const { fac, workshopId } = await publishedCharter();
	const context = await lab.newContext(browser);
	await signedIn(context, fac);
	const page = await context.newPage();
	await page.goto(`/w/${workshopId}/charter`);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Workshop' })).toBeHidden();
	await expect(page.getByRole('link', { name: 'PDF A4' })).toBeHidden();
	const file = path.join(SHOTS, 'charter-print.pdf');
	writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'50',
		'-f',
		'1',
		'-l',
		'2',
		file,
		path.join(SHOTS, 'charter-print')
	]);
	const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
	expect(text).toContain('Appendix: the full RACI matrix');
	expect(text).not.toContain('Take it with you');
	await context.close();
});
