import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { placeCard, readBoard, setCell, type Letter } from '../../src/lib/board/index.ts';
import { connect, synced, waitFor } from '../support/sync-client.ts';
import { createWorkshop, invite, signUpPerson, type Person } from '../support/workshop-http.ts';
import { serverPerTest } from './support/lab.ts';
import { screenshot } from './support/screenshots.ts';

const BOARD = (id: string) => `/w/${id}`;

test.use({ actionTimeout: 10_000, navigationTimeout: 15_000 });

const lab = serverPerTest();

// Set up afresh on each test's own server by the beforeEach below.
let fay: Person;
let pat: Person;
let ria: Person;
let workshopId: string;
let rows: { id: string; title: string }[] = [];
let roles: { id: string; name: string; label: string }[] = [];

test.beforeEach(async () => {
	const server = lab.server;
	[fay, pat, ria] = await Promise.all(
		['Fay Facilitator', 'Pat Engineer', 'Ria Designer'].map((name) => signUpPerson(server, name))
	);
	workshopId = await createWorkshop(server, fay);
	await invite(server, fay, workshopId, 'participant', [pat, ria]);
	// Six rows on the board, the first two already with letters.
	const client = connect(server.url, fay, workshopId, 'board');
	await synced(client);
	const board = readBoard(client.doc);
	roles = board.roles.map(({ id, name, label }) => ({ id, name, label }));
	const actor = { id: fay.id, name: fay.displayName };
	for (const card of board.tray.slice(0, 6)) placeCard(client.doc, 'seed', actor, card.id);
	const placed = readBoard(client.doc).rows;
	rows = placed.map(({ id, title }) => ({ id, title }));
	const letters: [number, number, Letter][] = [
		[0, 0, 'A'],
		[0, 1, 'R'],
		[1, 1, 'A'],
		[1, 0, 'R']
	];
	for (const [r, c, letter] of letters)
		setCell(client.doc, 'seed', actor, rows[r].id, roles[c].id, letter);
	const check = connect(server.url, fay, workshopId, 'board');
	await waitFor(
		() => check.provider.synced && readBoard(check.doc).rows.length === 6,
		'seeded board'
	);
	check.destroy();
	client.destroy();
});

async function openAs(
	browser: Browser,
	person: Person
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await lab.newContext(browser);
	const [name, value] = person.cookie.split('=');
	await context.addCookies([{ name, value, url: lab.server.url }]);
	const page = await context.newPage();
	await page.goto(BOARD(workshopId));
	return { context, page };
}

/** Discuss and Agree centre the queue; the board is the switch's other view. */
const centreView = (pages: Page[], name: 'Queue' | 'Board') =>
	Promise.all(pages.map((page) => page.getByRole('tab', { name, exact: true }).click()));

const cell = (page: Page, row: number, role: number) =>
	page.locator(`[data-cell="${rows[row].id}:${roles[role].id}"]`);

/** Remaining milliseconds each page's timer shows, read at (nearly) the same instant. */
async function timerReadings(pages: Page[]): Promise<number[]> {
	return Promise.all(
		pages.map((page) =>
			page.evaluate(() => {
				const el = document.querySelector<HTMLElement>('[data-testid="timer-value"]');
				return Number(el?.dataset.remainingMs ?? NaN);
			})
		)
	);
}

test('a facilitator runs a session with two participants', async ({ browser }) => {
	test.setTimeout(150_000);
	const f = await openAs(browser, fay);
	const p = await openAs(browser, pat);
	const r = await openAs(browser, ria);
	const everyone = [f.page, p.page, r.page];
	const participants = [p.page, r.page];
	for (const page of everyone) await expect(page.getByTestId('phase-name')).toHaveText('Gather');

	await test.step('phases switch on every screen', async () => {
		await f.page.getByRole('button', { name: /^3\s*Place$/ }).click();
		for (const page of participants) {
			await expect(page.getByTestId('phase-name')).toHaveText('Place');
			await expect(page.getByTestId('phase-instruction')).toContainText('Build the board together');
		}
	});

	await test.step('the timer shows the same time on every screen, also after a reload', async () => {
		await f.page.getByLabel('Timer minutes').fill('5');
		await f.page.getByLabel('Timer minutes').press('Enter');
		await f.page.getByRole('button', { name: 'Start', exact: true }).click();
		for (const page of participants) {
			await expect(page.getByRole('timer')).toHaveAttribute('data-state', 'running');
		}
		await f.page.waitForTimeout(1200);
		let readings = await timerReadings(everyone);
		let skew = Math.max(...readings) - Math.min(...readings);
		console.log(`timer: ${readings.join(' / ')} ms left; spread ${skew} ms`);
		expect(skew).toBeLessThan(1000);
		expect(Math.min(...readings)).toBeGreaterThan(4 * 60_000);
		await r.page.reload();
		await expect(r.page.getByRole('timer')).toHaveAttribute('data-state', 'running');
		await r.page.waitForTimeout(600);
		readings = await timerReadings(everyone);
		skew = Math.max(...readings) - Math.min(...readings);
		console.log(`timer after a reload: ${readings.join(' / ')} ms left; spread ${skew} ms`);
		expect(skew).toBeLessThan(1000);
		await f.page.getByRole('button', { name: 'Pause' }).click();
		for (const page of participants) {
			await expect(page.getByRole('timer')).toHaveAttribute('data-state', 'paused');
		}
	});

	await test.step('locking makes participants read-only; unlocking restores', async () => {
		await f.page.getByRole('button', { name: 'Lock board' }).click();
		for (const page of participants) {
			await expect(page.getByTestId('lock-badge')).toBeVisible();
			await expect(page.getByRole('grid').first()).toHaveAttribute('aria-readonly', 'true');
		}
		await cell(p.page, 2, 2).click();
		await expect(cell(f.page, 2, 2)).toContainText('No letter');
		await f.page.getByRole('button', { name: 'Unlock board' }).click();
		await expect(p.page.getByTestId('lock-badge')).toHaveCount(0);
		await cell(p.page, 2, 2).click();
		await expect(cell(f.page, 2, 2)).toContainText('Responsible');
		// Back to empty (R → A → A/R → C → I → none), so that the row below is shaped by the
		// proposals only.
		for (let i = 0; i < 5; i++) await cell(p.page, 2, 2).click();
		await expect(cell(f.page, 2, 2)).toContainText('No letter');
	});

	await test.step('blind proposals, reveal, heatmap and the order of the queue', async () => {
		await f.page.getByRole('button', { name: /^2\s*Propose$/ }).click();
		const chooser = f.page.getByRole('dialog', { name: 'Start blind proposals' });
		await expect(chooser).toBeVisible();
		await chooser.getByRole('button', { name: 'Start' }).click();
		for (const page of participants) {
			await expect(page.getByRole('heading', { name: 'Your blind proposals' })).toBeVisible();
		}
		const propose = async (page: Page, row: number, role: number, letter: Letter) => {
			const label = new RegExp(`^${rows[row].title}, ${roles[role].name}:`);
			const button = page.getByRole('button', { name: label });
			await button.focus();
			await button.press(letter);
		};
		// Row 3 splits (Pat: PM owns; Ria: Engineering owns); row 4 is unanimous.
		await propose(p.page, 2, 0, 'A');
		await propose(r.page, 2, 1, 'A');
		for (const page of participants) {
			await propose(page, 3, 0, 'A');
			await propose(page, 3, 1, 'R');
		}
		for (const page of participants) {
			await expect(page.getByTestId('proposal-save-state')).toContainText('Saved privately');
		}
		await expect(f.page.getByTestId('submitted-count')).toContainText('2 answered');
		await screenshot(p.page, `facilitation-propose-participant.png`);
		// Nobody's proposal shows on anyone else's screen before the reveal.
		await expect(f.page.getByTestId('reveal')).toHaveCount(0);
		await f.page.getByRole('button', { name: 'Reveal proposals' }).click();
		for (const page of everyone) {
			await expect(page.getByRole('heading', { name: 'The perception gap' })).toBeVisible();
		}
		await screenshot(f.page, `facilitation-reveal-facilitator.png`);
		const revealRows = f.page.locator('[data-reveal-row]');
		await expect(revealRows.first()).toHaveAttribute('data-reveal-row', rows[2].id);
		await expect(revealRows.first().getByTestId('row-split')).toHaveText('50%');
		await expect(
			f.page.locator(`[data-reveal-row="${rows[3].id}"]`).getByTestId('row-split')
		).toHaveText('0%');
	});

	await test.step('adopt the majority, then discuss in queue order', async () => {
		await f.page.getByRole('button', { name: `Adopt the majority for ${rows[3].title}` }).click();
		await f.page.getByRole('button', { name: /^4\s*Discuss$/ }).click();
		await expect(p.page.getByTestId('phase-name')).toHaveText('Discuss');
		await expect(f.page.getByTestId('queue-item').first()).toHaveAttribute(
			'data-card-id',
			rows[2].id
		);
		await expect(f.page.getByTestId('queue-item').first()).toContainText('50% split');
		await centreView(everyone, 'Board');
		for (const page of everyone) {
			await expect(cell(page, 3, 0)).toContainText('Accountable');
			await expect(cell(page, 3, 1)).toContainText('Responsible');
		}
	});

	await test.step('dot votes count against the budget', async () => {
		await centreView(everyone, 'Queue');
		const vote = p.page.getByRole('button', { name: `Vote for ${rows[4].title}` });
		await vote.click();
		await expect(p.page.getByTestId('votes-left')).toContainText('2 of 3 votes left');
		await expect(
			f.page.locator(`[data-testid="queue-item"][data-card-id="${rows[4].id}"] .total`)
		).toHaveText('1');
	});

	await test.step('mark agreed; a later edit reopens the row for everyone', async () => {
		await f.page
			.getByRole('button', { name: `Mark ${rows[3].title} agreed` })
			.first()
			.click();
		const status = (page: Page) =>
			page.locator(
				`[data-testid="queue-item"][data-card-id="${rows[3].id}"] [data-testid="agree-status"]`
			);
		for (const page of everyone) await expect(status(page)).toHaveAttribute('data-state', 'agreed');
		await f.page.getByRole('button', { name: `Spotlight ${rows[2].title}` }).click();
		await centreView(participants, 'Board');
		for (const page of participants) {
			await expect(page.locator(`[data-row-id="${rows[2].id}"]`)).toHaveAttribute(
				'data-spotlight',
				'true'
			);
		}
		await screenshot(f.page, `facilitation-discuss-facilitator.png`);
		await cell(r.page, 3, 2).focus();
		await cell(r.page, 3, 2).press('C');
		await centreView(participants, 'Queue');
		for (const page of everyone) {
			await expect(status(page)).toHaveAttribute('data-state', 'reopened');
			await expect(status(page)).toContainText('Reopened by Ria Designer');
		}
	});

	await test.step('publish, then both participants consent', async () => {
		await f.page.getByRole('button', { name: /^5\s*Agree$/ }).click();
		await f.page.getByRole('button', { name: 'Publish charter…' }).click();
		const dialog = f.page.getByRole('dialog', { name: /Publish charter v1/ });
		await expect(dialog.getByRole('heading', { name: /Rules broken/ })).toBeVisible();
		await expect(dialog.getByText('reopened by Ria Designer')).toBeVisible();
		await dialog.getByRole('button', { name: 'Publish anyway' }).click();
		await expect(
			f.page.getByRole('heading', { name: 'Charter v1 is published' }).first()
		).toBeVisible();
		await f.page.getByRole('button', { name: 'Done', exact: true }).click();
		for (const page of participants)
			await expect(page.getByTestId('phase-name')).toHaveText('Published');

		await p.page.getByRole('button', { name: 'I agree' }).click();
		await expect(p.page.getByTestId('my-consent')).toContainText('You agree');
		await r.page.getByRole('button', { name: 'I object' }).click();
		await expect(r.page.getByText('Say what you object to')).toBeVisible();
		await r.page.getByLabel(/Comment/).fill('Design should own the discovery rows.');
		await r.page.getByRole('button', { name: 'I object' }).click();
		await expect(r.page.getByTestId('my-consent')).toContainText('You object');

		const answers = f.page.getByTestId('consent-row');
		await expect(answers.filter({ hasText: 'Pat Engineer' })).toHaveAttribute(
			'data-state',
			'agree'
		);
		await expect(answers.filter({ hasText: 'Ria Designer' })).toHaveAttribute(
			'data-state',
			'object'
		);
		await expect(answers.filter({ hasText: 'Ria Designer' })).toContainText('Design should own');
		await screenshot(f.page, `facilitation-published-facilitator.png`);
		await screenshot(r.page, `facilitation-published-participant.png`);
	});

	await test.step('people: a raised hand shows; a removed participant is cut off at once', async () => {
		await p.page.getByRole('button', { name: 'Raise hand' }).click();
		await expect(f.page.getByTestId('participants-summary')).toContainText('1 hand up');
		await f.page.getByRole('button', { name: 'Remove Ria Designer' }).click();
		await f.page.getByRole('button', { name: 'Remove Ria Designer' }).click();
		await expect(
			r.page
				.getByRole('alert')
				.filter({ hasText: /^You are no longer a member of this workshop\.$/ })
		).toBeVisible();
		await expect(
			f.page.locator('[data-testid="participant-row"]', { hasText: 'Ria Designer' })
		).toHaveCount(0);
	});

	for (const { context } of [f, p, r]) await context.close();
});
