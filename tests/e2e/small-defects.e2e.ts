import { test, expect, type Page } from '@playwright/test';
import { setCell } from '../../src/lib/board/index.ts';
import { serverPerTest } from './support/lab.ts';
import { openBoard, roomInSession } from './support/room.ts';
import { editBoard, memberActor, signUp } from './support/workshop.ts';

/** Small things a team noticed while running a whole workshop (issue 14). */

const lab = serverPerTest();

test('the charter downloads its exports instead of replacing the page the reader was on', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 4);
	await room.publish();
	const page = await room.rita.newPage();
	await page.goto(`/w/${room.id}/charter`);
	const charterUrl = page.url();
	for (const name of [/^PDF A4$/, /^PDF Letter$/, /^Markdown$/, /^CSV$/, /^JSON$/]) {
		await expect(page.getByRole('link', { name })).toHaveAttribute(
			'download',
			/-v1(-letter)?\.\w+$/
		);
	}
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /^PDF A4$/ }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/-v1\.pdf$/);
	expect(page.url()).toBe(charterUrl);
	await expect(page.getByRole('heading', { name: 'Take it with you' })).toBeVisible();
});

test('a changed letter in the diff is labelled "was", not struck through into a "€"', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 4);
	const fay = await memberActor(lab.server, room.id, 'Fay Facilitator');
	const letter = (value: 'C' | 'A') =>
		editBoard(lab.server.url, room.fayCookie, room.id, (doc) =>
			setCell(doc, 'test', fay, room.rows[0].id, room.roles[0].id, value)
		);
	await letter('C');
	await room.publish();
	await letter('A');
	await room.publish();
	const page = await room.fay.newPage();
	await page.goto(`/w/${room.id}/charter/diff?from=1&to=2`);
	const cell = page.locator('td.changed').first();
	await expect(cell).toContainText('wasC');
	const removed = cell.locator('del');
	expect(await removed.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
	await expect(page.getByText(`${room.roles[0].name}: was Consulted, now Accountable`)).toHaveCount(
		1
	);
});

async function sweepAcrossTray(page: Page): Promise<string> {
	const cards = page.locator('[data-tray-card]');
	await expect(cards.nth(3)).toBeVisible();
	const from = (await cards.first().boundingBox())!;
	const to = (await cards.nth(3).boundingBox())!;
	await page.mouse.move(from.x + 30, from.y + 8);
	await page.mouse.down();
	await page.mouse.move(to.x + 60, to.y + to.height - 4, { steps: 8 });
	await page.mouse.up();
	return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

test('dragging across the tray as a reader selects no text', async ({ browser }) => {
	const room = await roomInSession(lab, browser, 4);
	const page = await openBoard(room.rita, room.id);
	expect(await sweepAcrossTray(page)).toBe('');
});

test('a reader looking at a tray card does not show as watching it; a participant does', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 4);
	const fayPage = await openBoard(room.fay, room.id);
	const ritaPage = await openBoard(room.rita, room.id);
	const anaPage = await openBoard(room.ana, room.id);
	const tag = (name: string) => fayPage.locator('.tray .tag', { hasText: name });
	// Presence flows both ways before anyone looks at a card.
	await expect(fayPage.getByRole('listitem', { name: /^Ana Lima · .*on the board/ })).toBeVisible();
	await expect(
		anaPage.getByRole('listitem', { name: /^Fay Facilitator · .*on the board/ })
	).toBeVisible();

	await anaPage.locator('[data-tray-card]').first().focus();
	await expect(tag('Ana Lima')).toBeVisible();
	await ritaPage.locator('[data-tray-card]').nth(1).focus();
	await ritaPage.locator('[data-tray-card]').nth(2).click();
	// Ana's focus arriving later proves Rita's would have had time to arrive too.
	await anaPage.locator('[data-tray-card]').nth(3).focus();
	await expect(fayPage.locator('[data-tray-card]').nth(3).locator('..').locator('.tag')).toHaveText(
		'Ana Lima'
	);
	await expect(tag('Rita Reader')).toHaveCount(0);
});

test('a New workshop field error clears once the field is changed', async ({ browser }) => {
	const context = await lab.newContext(browser);
	await signUp(context, lab.server.url, 'Nia Organiser');
	const page = await context.newPage();
	await page.goto('/workshops/new');
	await page.getByRole('button', { name: 'Create workshop' }).click();
	const title = page.getByLabel('Workshop title');
	const team = page.getByLabel('Team', { exact: true });
	await expect(title).toHaveAttribute('aria-invalid', 'true');
	await expect(team).toHaveAttribute('aria-invalid', 'true');

	await title.fill('Where does the PM role end?');
	await expect(title).not.toHaveAttribute('aria-invalid', 'true');
	await expect(team).toHaveAttribute('aria-invalid', 'true');
	await team.fill('Checkout');
	await expect(team).not.toHaveAttribute('aria-invalid', 'true');
});

test('a role picked while the settings page is still loading is saved once it has loaded', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 4);
	const page = await room.fay.newPage();
	let release!: () => void;
	const loaded = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await loaded;
		await route.continue();
	});
	await page.goto(`/w/${room.id}/settings`, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Role of Ana Lima').selectOption('reader');
	const saved = page.waitForResponse((response) => response.url().includes('?/changeRole'));
	release();
	expect((await saved).ok()).toBe(true);
	const later = await room.fay.newPage();
	await later.goto(`/w/${room.id}/settings`);
	await expect(later.getByLabel('Role of Ana Lima')).toHaveValue('reader');
});
