import { expect, test, type Locator, type Page } from '@playwright/test';
import { setPhase } from '../../src/lib/facilitation/facilitation-doc.ts';
import { serverPerTest } from './support/lab.ts';
import { openBoard, roomInSession } from './support/room.ts';
import { screenshot } from './support/screenshots.ts';

/**
 * The room keeps people aware of each other: a blind round over the rows that matter, a queue
 * that votes move, peer labels that cover nothing, and remote edits to the row a screen-reader
 * user is in said aloud.
 */

const lab = serverPerTest();

test.use({ actionTimeout: 10_000, navigationTimeout: 15_000 });

const box = async (locator: Locator) => {
	const found = await locator.boundingBox();
	expect(found, 'element has a box').not.toBeNull();
	return found!;
};

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box) =>
	inner.x >= outer.x - 0.5 &&
	inner.y >= outer.y - 0.5 &&
	inner.x + inner.width <= outer.x + outer.width + 0.5 &&
	inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: Box, b: Box) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('a blind round asks only about the rows the facilitator picked', async ({ browser }) => {
	const room = await roomInSession(lab, browser, 6);
	const fayPage = await openBoard(room.fay, room.id);
	const anaPage = await openBoard(room.ana, room.id);

	await fayPage.getByRole('button', { name: /^2\s*Propose$/ }).click();
	const chooser = fayPage.getByRole('dialog', { name: 'Start blind proposals' });
	await expect(chooser.getByLabel(/The rows on the board \(6\)/)).toBeChecked();
	await chooser.getByLabel(/Rows I pick/).check();
	const picked = [room.rows[1], room.rows[4]];
	for (const row of picked) await chooser.getByRole('checkbox', { name: row.title }).check();
	const offered = await chooser
		.getByRole('list', { name: 'Rows to ask about' })
		.getByRole('checkbox')
		.count();
	await expect(chooser.getByRole('status')).toHaveText(`2 of ${offered} rows`);
	await screenshot(fayPage, 'round-rows-picker-1440.png');
	// On a phone the dialog scrolls; its buttons are reachable and not cut off.
	await fayPage.setViewportSize({ width: 390, height: 844 });
	await screenshot(fayPage, 'round-rows-picker-390.png');
	await chooser.getByRole('button', { name: 'Start' }).scrollIntoViewIfNeeded();
	await expect(chooser.getByRole('button', { name: 'Start' })).toBeInViewport({ ratio: 1 });
	await screenshot(fayPage, 'round-rows-picker-390-end.png');
	await fayPage.setViewportSize({ width: 1440, height: 900 });
	await chooser.getByRole('button', { name: 'Start' }).click();

	await expect(anaPage.getByRole('heading', { name: 'Your blind proposals' })).toBeVisible();
	const proposalRows = anaPage.getByRole('grid', { name: /Your proposals/ }).locator('tbody tr');
	await expect(proposalRows).toHaveCount(2);
	await expect(proposalRows.nth(0)).toContainText(picked[0].title);
	await expect(anaPage.getByText('0 of 2 answered')).toBeVisible();
	await expect(fayPage.getByTestId('submitted-count')).toContainText('2 rows');

	const first = anaPage.getByRole('button', {
		name: new RegExp(`^${picked[0].title}, ${room.roles[0].name}:`)
	});
	await first.focus();
	await first.press('A');
	await expect(anaPage.getByText('1 of 2 answered')).toBeVisible();
	await expect(anaPage.getByTestId('proposal-save-state')).toContainText('Saved privately');

	await fayPage.getByRole('button', { name: 'Reveal proposals' }).click();
	const revealRows = fayPage.locator('[data-reveal-row]');
	await expect(revealRows).toHaveCount(2);
	expect(
		(await revealRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reveal-row'))))
			.slice()
			.sort()
	).toEqual(picked.map((row) => row.id).sort());
});

test('the round picker selects every row or none from the keyboard, and cannot start with none', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 6);
	const fayPage = await openBoard(room.fay, room.id);
	const anaPage = await openBoard(room.ana, room.id);

	await fayPage.getByRole('button', { name: /^2\s*Propose$/ }).click();
	const chooser = fayPage.getByRole('dialog', { name: 'Start blind proposals' });
	const mine = chooser.getByLabel(/Rows I pick/);
	await mine.check();
	const boxes = chooser.getByRole('list', { name: 'Rows to ask about' }).getByRole('checkbox');
	const total = await boxes.count();
	expect(total, 'tray cards are offered beside the rows').toBeGreaterThan(6);
	const count = chooser.getByRole('status');
	const start = chooser.getByRole('button', { name: 'Start' });
	await expect(count).toHaveText(`0 of ${total} rows: pick at least one to start`);
	await expect(start).toBeDisabled();

	// From the mode choice, Tab reaches "Select all" next.
	await mine.focus();
	await fayPage.keyboard.press('Tab');
	await expect(chooser.getByRole('button', { name: 'Select all' })).toBeFocused();
	await fayPage.keyboard.press('Enter');
	await expect(count).toHaveText(`${total} of ${total} rows`);
	for (const box of await boxes.all()) await expect(box).toBeChecked();
	await expect(start).toBeEnabled();
	await screenshot(fayPage, 'round-select-all-1440.png');
	await fayPage.setViewportSize({ width: 390, height: 844 });
	await chooser.getByRole('button', { name: 'Select none' }).scrollIntoViewIfNeeded();
	await screenshot(fayPage, 'round-select-all-390.png');

	await fayPage.keyboard.press('Tab');
	await expect(chooser.getByRole('button', { name: 'Select none' })).toBeFocused();
	await fayPage.keyboard.press('Space');
	await expect(count).toHaveText(`0 of ${total} rows: pick at least one to start`);
	for (const box of await boxes.all()) await expect(box).not.toBeChecked();
	await expect(start).toBeDisabled();
	await screenshot(fayPage, 'round-select-none-390.png');
	await fayPage.setViewportSize({ width: 1440, height: 900 });

	await chooser.getByRole('button', { name: 'Select all' }).click();
	await start.click();
	await expect(
		anaPage.getByRole('grid', { name: /Your proposals/ }).locator('tbody tr')
	).toHaveCount(total);
});

test('votes move the discuss queue; the facilitator can order it by open issues', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 6);
	await room.facilitate((doc) => setPhase(doc, 'test', 'discuss'));
	const fayPage = await openBoard(room.fay, room.id);
	const anaPage = await openBoard(room.ana, room.id);
	const order = (page: Page) =>
		page
			.getByTestId('queue-item')
			.evaluateAll((items) => items.map((item) => item.getAttribute('data-card-id')));

	await expect(anaPage.getByTestId('queue-order')).toHaveText('Ordered by votes');
	const before = await order(anaPage);
	const last = before.at(-1)!;
	const title = room.rows.find((row) => row.id === last)!.title;
	await anaPage.getByRole('button', { name: `Vote for ${title}` }).click();
	// One vote: the row that was last now leads, on every screen.
	for (const page of [anaPage, fayPage]) {
		await expect(page.getByTestId('queue-item').first()).toHaveAttribute('data-card-id', last);
	}

	await fayPage
		.getByRole('group', { name: 'Order the queue by' })
		.getByRole('button', { name: 'Open issues' })
		.click();
	await expect(anaPage.getByTestId('queue-order')).toHaveText('Ordered by open issues');
	await screenshot(fayPage, 'queue-order-1440.png');
	// The row with the most open issues leads again; the vote only breaks ties.
	expect(before[0]).not.toBe(last);
	await expect(anaPage.getByTestId('queue-item').first()).toHaveAttribute(
		'data-card-id',
		before[0]!
	);
});

test('peer labels stay inside the grid and never cover the row above', async ({ browser }) => {
	const room = await roomInSession(lab, browser, 12);
	const fayPage = await openBoard(room.fay, room.id);
	const anaPage = await openBoard(room.ana, room.id);
	await expect(fayPage.getByText('Ana Lima').first()).toBeVisible();
	const grid = fayPage.locator('.grid-scroll');
	const lastRole = room.roles.at(-1)!;

	// The first row's last cell: a label above it used to sit under the header, one wider than
	// the column ran past the grid's right edge.
	await anaPage.locator(`[data-cell="${room.rows[0].id}:${lastRole.id}"]`).focus();
	const cellTag = fayPage.locator(`[data-cell="${room.rows[0].id}:${lastRole.id}"] .peer-tag`);
	await expect(cellTag).toHaveText('AL');
	const gridBox = await box(grid);
	expect(inside(await box(cellTag), gridBox)).toBe(true);
	expect(
		inside(
			await box(cellTag),
			await box(fayPage.locator(`[data-cell="${room.rows[0].id}:${lastRole.id}"]`))
		)
	).toBe(true);

	await screenshot(grid, 'peer-label-cell-1440.png');

	// A row's title: the label stays in its own row, clear of the title above.
	await anaPage.locator(`th[data-card-id="${room.rows[3].id}"]`).focus();
	const titleTag = fayPage.locator(`th[data-card-id="${room.rows[3].id}"] .peer-tag`);
	await expect(titleTag).toHaveText('Ana Lima');
	const tagBox = await box(titleTag);
	expect(inside(tagBox, gridBox)).toBe(true);
	expect(overlap(tagBox, await box(fayPage.locator(`th[data-card-id="${room.rows[2].id}"]`)))).toBe(
		false
	);
	expect(inside(tagBox, await box(fayPage.locator(`th[data-card-id="${room.rows[3].id}"]`)))).toBe(
		true
	);
	await screenshot(fayPage, 'peer-labels-1440.png');
});

test('a remote edit to the row I am in is announced politely, nothing else is', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 8);
	const fayPage = await openBoard(room.fay, room.id);
	const anaPage = await openBoard(room.ana, room.id);
	const [row, other] = [room.rows[2], room.rows[5]];
	const role = room.roles[1];
	const announcer = anaPage.getByTestId('announcer');
	await expect(announcer).toHaveAttribute('aria-live', 'polite');

	const setOnFay = async (cardId: string, roleId: string, letter: string) => {
		const target = fayPage.locator(`[data-cell="${cardId}:${roleId}"]`);
		await target.focus();
		await target.press(letter);
	};

	// Ana's focus is in a cell of the row; Fay sets a letter in another cell of it.
	await anaPage.locator(`[data-cell="${row.id}:${room.roles[0].id}"]`).focus();
	await setOnFay(row.id, role.id, 'C');
	await expect(announcer).toHaveText(`Fay Facilitator set C for ${role.name} on ${row.title}.`);

	// Another row changes: nothing is said about it.
	await setOnFay(other.id, role.id, 'I');
	await expect(fayPage.locator(`[data-cell="${other.id}:${role.id}"]`)).toContainText('Informed');
	await anaPage.waitForTimeout(500);
	await expect(announcer).not.toContainText(other.title);

	// Focus on the row's title counts too; clearing a letter is said as such.
	await anaPage.locator(`th[data-card-id="${row.id}"]`).focus();
	await setOnFay(row.id, role.id, 'Delete');
	await expect(announcer).toHaveText(
		`Fay Facilitator cleared the letter for ${role.name} on ${row.title}.`
	);

	// Ana's own edit is not announced as someone else's.
	const own = anaPage.locator(`[data-cell="${row.id}:${room.roles[2].id}"]`);
	await own.focus();
	await own.press('R');
	await expect(fayPage.locator(`[data-cell="${row.id}:${room.roles[2].id}"]`)).toContainText(
		'Responsible'
	);
	await expect(announcer).not.toContainText('Ana Lima');
});
