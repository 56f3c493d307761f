import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { setTimer } from '../../src/lib/facilitation/facilitation-doc.ts';
import { seedBusyBoard } from './support/busy-board.ts';
import { facilitatedWorkshop, serverPerTest } from './support/lab.ts';
import { boardPath, editBoard, memberActor } from './support/workshop.ts';
import { expectLive } from './support/live.ts';

/**
 * The facilitator steering other people's screens: "bring everyone here" on a board longer than
 * the window, a role changed from the participants list beside the board, the timer's cue at zero.
 */

// Short enough that 30 rows do not fit: the grid scrolls.
const lab = serverPerTest({ width: 1366, height: 640 });

async function openBoard(context: BrowserContext, id: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(boardPath(id));
	await expectLive(page);
	await expect(page.locator('tbody tr')).toHaveCount(30);
	return page;
}

/** Ids of the rows whose middle shows in the grid's scroll box, below its header. */
const visibleRows = (page: Page) =>
	page.evaluate(() => {
		const box = document.querySelector('.grid-scroll')!.getBoundingClientRect();
		const head = document.querySelector('.grid-scroll thead')!.getBoundingClientRect();
		const top = Math.max(box.top, head.bottom);
		const bottom = Math.min(box.bottom, window.innerHeight);
		return [...document.querySelectorAll<HTMLElement>('tr[data-row-id]')]
			.filter((row) => {
				const rect = row.getBoundingClientRect();
				const middle = rect.top + rect.height / 2;
				return middle > top && middle < bottom;
			})
			.map((row) => row.dataset.rowId!);
	});

test('"bring everyone here" shows the facilitator\'s rows on a participant\'s screen, and a role changed from the people list takes effect at once', async ({
	browser
}) => {
	const { id, fay, ana, fayCookie } = await facilitatedWorkshop(lab, browser);
	const fayActor = await memberActor(lab.server, id, 'Fay Facilitator');
	await editBoard(lab.server.url, fayCookie, id, (doc) => seedBusyBoard(doc, fayActor));
	const fayPage = await openBoard(fay, id);
	const anaPage = await openBoard(ana, id);

	// Fay scrolls to the end of the board; Ana is still at the top.
	await fayPage.locator('.grid-scroll').evaluate((box) => (box.scrollTop = box.scrollHeight));
	await expect.poll(async () => (await visibleRows(fayPage)).at(-1)).toBeTruthy();
	const fayRows = await visibleRows(fayPage);
	const fayTop = fayRows[0];
	expect(await visibleRows(anaPage)).not.toContain(fayTop);

	await fayPage.getByRole('button', { name: 'Bring everyone here' }).click();
	await expect(fayPage.getByText('Everyone’s board now shows what you see.')).toBeVisible();
	await expect.poll(() => visibleRows(anaPage)).toContain(fayTop);
	// Fay's own view stays where she put it.
	expect((await visibleRows(fayPage))[0]).toBe(fayTop);

	// From the people list beside the board: Ana becomes a reader, and back.
	const people = fayPage.getByRole('list', { name: 'People in this workshop' });
	await people.scrollIntoViewIfNeeded();
	await expect(people.getByTestId('participant-row')).toHaveCount(2);
	await fayPage.getByLabel('Role of Ana Lima').selectOption('reader');
	await expect(anaPage.getByText('You are reading this board.')).toBeVisible();
	await expect(anaPage.getByRole('button', { name: 'Add card' })).toHaveCount(0);
	await expect(
		people.locator('[data-testid="participant-row"]', { hasText: 'Ana Lima' })
	).toContainText('Reader');

	await fayPage.getByLabel('Role of Ana Lima').selectOption('participant');
	await expect(anaPage.getByRole('button', { name: 'Add card' })).toBeVisible();
	await expect(anaPage.getByText('You are reading this board.')).toHaveCount(0);
});

test('at zero the timer says so on every screen, and rings only where sound is on', async ({
	browser
}) => {
	const { id, fay, ana, fayCookie: cookie } = await facilitatedWorkshop(lab, browser);
	// Counts the tones each page starts (the cue is three).
	for (const context of [fay, ana]) {
		await context.addInitScript(() => {
			const start = OscillatorNode.prototype.start;
			(window as unknown as { tones: number }).tones = 0;
			OscillatorNode.prototype.start = function (...args) {
				(window as unknown as { tones: number }).tones++;
				return start.apply(this, args);
			};
		});
	}
	const pages = [await fay.newPage(), await ana.newPage()];
	for (const page of pages) {
		await page.goto(boardPath(id));
		await expectLive(page);
	}
	const [fayPage, anaPage] = pages;
	await anaPage.getByRole('button', { name: 'Sound at zero' }).click();
	await expect(anaPage.getByRole('button', { name: 'Sound at zero' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	await editBoard(
		lab.server.url,
		cookie,
		id,
		(doc) =>
			setTimer(doc, 'test', { durationMs: 3000, endsAt: Date.now() + 3000, remainingMs: 3000 }),
		'facilitation'
	);
	for (const page of pages) {
		await expect(page.getByRole('timer')).toContainText('Time’s up', { timeout: 10_000 });
		await expect(page.getByRole('timer')).toHaveAttribute('data-state', 'expired');
	}
	const tones = (page: typeof fayPage) =>
		page.evaluate(() => (window as unknown as { tones: number }).tones);
	await expect.poll(() => tones(anaPage)).toBe(3);
	expect(await tones(fayPage)).toBe(0);

	// A run that ended long ago (a late join, a reload much later) shows the end without ringing.
	await editBoard(
		lab.server.url,
		cookie,
		id,
		(doc) =>
			setTimer(doc, 'test', {
				durationMs: 3000,
				endsAt: Date.now() - 10_000,
				remainingMs: 3000
			}),
		'facilitation'
	);
	await anaPage.reload();
	await expect(anaPage.getByRole('timer')).toContainText('Time’s up');
	await anaPage.waitForTimeout(500);
	expect(await tones(anaPage)).toBe(0);
});
