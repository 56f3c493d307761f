import { expect, test } from '@playwright/test';
import { cellKey, readBoard } from '../../src/lib/board/index.ts';
import { setPhase, setSpotlight } from '../../src/lib/facilitation/facilitation-doc.ts';
import {
	crowdedHead,
	layoutProblems,
	settledLayoutProblems,
	type KeyElement
} from './support/layout.ts';
import { serverPerTest } from './support/lab.ts';
import { openBoard, roomInSession } from './support/room.ts';
import { editBoard } from './support/workshop.ts';
import { screenshot } from './support/screenshots.ts';

/**
 * The room on a phone (390×844), a tablet (768×1024) and a laptop (1440×900): for the
 * facilitator, a participant and a reader in every phase, the head and the board's key parts
 * never overlap or get cut off; on a phone a row is read whole and a letter changes only through
 * its menu; on a tablet a finger drags a card from the tray onto the grid.
 */

const lab = serverPerTest();

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const VIEWPORTS = [PHONE, TABLET, { width: 1440, height: 900 }];

test('every role in every phase, on a phone, a tablet and a laptop: nothing key overlaps or is cut off', async ({
	browser
}) => {
	test.setTimeout(600_000);
	const room = await roomInSession(lab, browser, 12);
	const pages = await crowdedHead(room);
	const found: string[] = [];
	const check = async (phase: string, name: RegExp | string) => {
		for (const [role, page] of Object.entries(pages)) {
			await expect(page.getByTestId('phase-name')).toHaveText(name);
			for (const viewport of VIEWPORTS) {
				await page.setViewportSize(viewport);
				await page.evaluate(() => window.scrollTo(0, 0));
				const required: KeyElement[] = ['phase name', 'phase instruction', 'timer', 'legend'];
				if (phase === 'published' && role !== 'reader') required.push('consent prompt');
				// A phone shows rows as cards with their whole title, wherever the grid would be.
				if (viewport === PHONE && ['gather', 'place', 'published'].includes(phase))
					required.push('row title');
				await screenshot(page, `${role}-${phase}-${viewport.width}x${viewport.height}.png`, {
					fullPage: viewport === PHONE
				});
				for (const problem of await settledLayoutProblems(page, required))
					found.push(`${role}, ${phase}, ${viewport.width}×${viewport.height}: ${problem}`);
			}
		}
	};
	for (const phase of ['gather', 'place', 'discuss', 'agree'] as const) {
		await room.facilitate((doc) => setPhase(doc, 'test', phase));
		await check(phase, new RegExp(phase, 'i'));
	}
	await room.step(room.fay, 'POST', 'round', { named: true });
	await room.step(room.ana, 'PUT', 'proposals', {
		cells: { [cellKey(room.rows[0].id, room.roles[0].id)]: 'A' }
	});
	await check('propose', 'Propose');
	await room.step(room.fay, 'POST', 'reveal');
	await expect(pages.facilitator.getByTestId('reveal')).toBeVisible();
	await check('reveal', 'Propose');
	await room.publish();
	await check('published', 'Published');
	expect(found).toEqual([]);
});

/** A cell's letter as the server has it. */
async function serverLetter(
	room: Awaited<ReturnType<typeof roomInSession>>,
	cardId: string,
	roleId: string
) {
	let letter: string | null = null;
	await editBoard(lab.server.url, room.fayCookie, room.id, (doc) => {
		letter = readBoard(doc).cells[cellKey(cardId, roleId)] ?? null;
	});
	return letter;
}

test('on a phone a row shows its whole title and every role, a tap or a scroll changes no letter, and the menu does', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 8);
	await room.facilitate((doc) => setPhase(doc, 'test', 'place'));
	const ana = await lab.newContext(browser, { viewport: PHONE, hasTouch: true, isMobile: true });
	await ana.addCookies(await room.ana.cookies());
	const page = await openBoard(ana, room.id);
	const [row] = room.rows;
	const role = room.roles[1];
	const card = page.locator(`[data-testid="phone-row"][data-row-id="${row.id}"]`);
	await expect(card.getByTestId('row-title')).toHaveText(row.title);
	await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
	for (const each of room.roles)
		await expect(card.locator(`[data-role-id="${each.id}"]`)).toBeInViewport();

	const before = await serverLetter(room, row.id, role.id);
	const button = card.locator(`button[data-role-id="${role.id}"]`);
	// A finger swiping up over the letters scrolls the page and sets nothing.
	const box = (await button.boundingBox())!;
	const cdp = await ana.newCDPSession(page);
	const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
		cdp.send('Input.dispatchTouchEvent', {
			type,
			touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + box.width / 2, y }]
		});
	await touch('touchStart', box.y + box.height / 2);
	for (let step = 1; step <= 6; step++)
		await touch('touchMove', box.y + box.height / 2 - step * 20);
	await touch('touchEnd', 0);
	// The swipe flings the page on for a moment; tap once it has come to rest.
	let resting = -1;
	await expect
		.poll(async () => {
			const y = await page.evaluate(() => window.scrollY);
			const still = y === resting;
			resting = y;
			return still;
		})
		.toBe(true);
	// A tap opens the letter menu and sets nothing either.
	await button.tap();
	const menu = page.getByRole('menu', { name: `Letter of ${role.name}` });
	await expect(menu).toBeVisible();
	await screenshot(page, `participant-letter-menu-390x844.png`);
	// The menu places itself beside its button once it is open.
	await expect.poll(() => layoutProblems(page, ['letter menu'])).toEqual([]);
	expect(await serverLetter(room, row.id, role.id)).toBe(before);

	const next = before === 'C' ? 'I' : 'C';
	await menu
		.getByRole('menuitem', { name: new RegExp(next === 'C' ? 'Consulted' : 'Informed') })
		.tap();
	await expect(menu).toBeHidden();
	await expect.poll(() => serverLetter(room, row.id, role.id)).toBe(next);
	await expect(button).toHaveAccessibleName(
		new RegExp(`^${role.name}: ${next === 'C' ? 'Consulted' : 'Informed'}`)
	);
});

test('on a phone a participant follows the spotlight, votes, raises a hand and consents', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 6);
	const ana = await lab.newContext(browser, { viewport: PHONE, hasTouch: true, isMobile: true });
	await ana.addCookies(await room.ana.cookies());
	const page = await openBoard(ana, room.id);
	await room.facilitate((doc) => setPhase(doc, 'test', 'discuss'));
	await room.facilitate((doc) => setSpotlight(doc, 'test', room.rows[2].id));
	await page.getByTestId('spotlight-chip').tap();
	const focus = page.getByTestId('row-focus');
	await expect(focus.getByRole('heading')).toHaveText(room.rows[2].title);
	await expect(focus).toBeInViewport();

	const centre = page.getByTestId('discuss-centre');
	await centre.getByRole('button', { name: `Vote for ${room.rows[1].title}` }).tap();
	await expect(page.getByTestId('votes-left')).toContainText('2 of 3');

	await page.getByRole('button', { name: /^Insights/ }).tap();
	const sheet = page.locator('#board-panel');
	await expect(sheet).toBeInViewport();
	await sheet.getByRole('tab', { name: 'Session' }).tap();
	await sheet.getByRole('button', { name: 'Raise hand' }).tap();
	await expect(sheet.getByRole('button', { name: 'Lower hand' })).toBeVisible();
	await sheet.getByRole('button', { name: 'Close insights' }).tap();

	await room.publish();
	await page.getByTestId('consent-prompt').getByRole('button', { name: 'Answer' }).tap();
	const consent = page.getByTestId('consent-panel');
	await expect(consent).toBeInViewport();
	await consent.getByRole('button', { name: 'I agree' }).tap();
	await expect(page.getByTestId('my-consent')).toContainText('You agree');
	expect(await layoutProblems(page, [])).toEqual([]);
});

test('on a tablet a finger drags a card from the tray onto a role column of the grid', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 4);
	const ana = await lab.newContext(browser, { viewport: TABLET, hasTouch: true, isMobile: true });
	await ana.addCookies(await room.ana.cookies());
	const page = await openBoard(ana, room.id);
	const card = page.locator('[data-tray-card]').first();
	const cardId = (await card.getAttribute('data-tray-card'))!;
	const role = room.roles[1];
	const header = page.locator(`th[data-role-id="${role.id}"]`);
	const from = (await card.locator('.grip').boundingBox())!;
	const to = (await page
		.locator('tbody tr')
		.last()
		.locator(`[data-role-id="${role.id}"]`)
		.boundingBox())!;
	await expect(header).toBeVisible();
	const cdp = await ana.newCDPSession(page);
	const at = (x: number, y: number) => [{ x, y }];
	const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
	const end = { x: to.x + to.width / 2, y: to.y + to.height * 0.75 };
	await cdp.send('Input.dispatchTouchEvent', {
		type: 'touchStart',
		touchPoints: at(start.x, start.y)
	});
	for (let step = 1; step <= 12; step++) {
		const x = start.x + ((end.x - start.x) * step) / 12;
		const y = start.y + ((end.y - start.y) * step) / 12;
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(x, y) });
	}
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await expect(page.locator(`tr[data-row-id="${cardId}"]`)).toBeVisible();
	await expect.poll(() => serverLetter(room, cardId, role.id)).toBe('R');
});
