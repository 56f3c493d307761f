import { expect, test } from '@playwright/test';
import { DEFAULT_ROLES } from '../../src/lib/templates/index.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import { serverPerTest } from './support/lab.ts';
import { boardPath, cookieOf, signUp } from './support/workshop.ts';
import { expectLive } from './support/live.ts';

/**
 * A card credits the articles it comes from wherever it is read: in the tray (with its cadence
 * and level, which filter the tray), in the row details once it is on the board, and in the
 * published charter, which ends with the Sources list.
 */

const lab = serverPerTest();

const CREDIT =
	'From “Product Manager Responsibilities: The Definitive Guide” by SigOS; also named in ' +
	'“What Does A Product Manager Do? 8 Day To Day Roles & Tasks” by The Product Manager';

test('sources show in the tray, the row details and the charter', async ({ browser }) => {
	const fay = await lab.newContext(browser);
	await signUp(fay, lab.server.url, 'Fay Facilitator');
	const id = await createWorkshop(
		lab.server,
		{ cookie: await cookieOf(fay, lab.server.url) },
		{ template: 'four-pillars', roles: DEFAULT_ROLES.slice(0, 4) }
	);
	const page = await fay.newPage();
	await page.goto(boardPath(id));
	await expectLive(page);

	const tray = page.getByRole('complementary', { name: /Unassigned tray/ });
	const roadmap = tray.getByRole('listitem').filter({ hasText: 'Own the roadmap' });
	await expect(roadmap).toContainText(CREDIT);
	await expect(roadmap).toContainText('Monthly · for PM');

	await page.getByLabel('Filter by cadence').selectOption('daily');
	await expect(roadmap).toHaveCount(0);
	await page.getByLabel('Filter by cadence').selectOption('monthly');
	await page.getByLabel('Filter by seniority').selectOption('pm');
	await expect(roadmap).toBeVisible();

	await tray.getByRole('button', { name: /^Own the roadmap\s/ }).focus();
	await page.keyboard.press('m');
	await page.getByRole('menuitem', { name: 'Place at the end' }).click();
	await page.getByRole('rowheader').filter({ hasText: 'Own the roadmap' }).click();
	const details = page.getByRole('region', { name: 'Own the roadmap' });
	await expect(details).toContainText(CREDIT);

	await page.goto(`/w/${id}/charter`);
	await page
		.getByRole('button', { name: /^Publish the board as version 1/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/charter\/v\/1$/);
	await expect(page.locator('#row-own-roadmap')).toContainText(CREDIT);
	await expect(page.locator('#row-own-roadmap')).toContainText('Monthly · for PM');
	const sources = page.getByRole('region', { name: 'Sources' });
	await expect(sources).toContainText('“Product Manager Responsibilities: The Definitive Guide”');
	await expect(sources).toContainText(
		'“What Does A Product Manager Do? 8 Day To Day Roles & Tasks”'
	);
});
