import { expect, test, type Page } from '@playwright/test';
import { seedBusyBoard } from './support/busy-board.ts';
import { facilitatedWorkshop, serverPerTest } from './support/lab.ts';
import { boardPath, editBoard, memberActor } from './support/workshop.ts';
import { screenshot } from './support/screenshots.ts';

/**
 * A workshop's warning thresholds: the facilitator sets them in Settings, a participant may not,
 * and an open board moves its warnings (and says the threshold) the moment they change.
 */

const lab = serverPerTest();

/** The Product Manager's bar in the board's Load tab. */
const pmLoad = (page: Page) =>
	page.getByRole('listitem').filter({ hasText: /^PM\s*Product Manager/ });

test('the facilitator’s thresholds move the warning on an open board; a participant cannot set them', async ({
	browser
}) => {
	const { id, fay, ana, fayCookie } = await facilitatedWorkshop(lab, browser);
	const fayActor = await memberActor(lab.server, id, 'Fay Facilitator');
	await editBoard(lab.server.url, fayCookie, id, (doc) => seedBusyBoard(doc, fayActor));

	const board = await ana.newPage();
	await board.goto(boardPath(id));
	await board.getByRole('tab', { name: 'Load' }).click();
	const pm = pmLoad(board);
	await expect(pm).toContainText('Spread too thin');
	await expect(pm).toContainText(/R or A on \d+ of 30 rows \(threshold 15\)/);

	const refused = await (await ana.newPage()).goto(`/w/${id}/settings`);
	expect(refused?.status()).toBe(403);

	const settings = await fay.newPage();
	await settings.goto(`/w/${id}/settings`);
	const section = settings.getByRole('region', { name: 'Warning thresholds' });
	const share = section.getByLabel('Overloaded: share of rows');
	await expect(share).toHaveValue('50');

	await share.fill('95');
	await section.getByRole('button', { name: 'Save thresholds' }).click();
	await expect(section.getByRole('status')).toContainText('Saved.');
	await expect(pm).not.toContainText('Spread too thin');

	await share.fill('40');
	await section.getByRole('button', { name: 'Save thresholds' }).click();
	await expect(section.getByRole('status')).toContainText('Saved.');
	await expect(pm).toContainText(/R or A on \d+ of 30 rows \(threshold 12\)/);

	await screenshot(section, 'settings-thresholds-1440.png');
	await screenshot(board.locator('#board-panel'), 'load-threshold.png');
	await settings.setViewportSize({ width: 390, height: 844 });
	await screenshot(section, 'settings-thresholds-390.png');
});
