import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { setLocked } from '../../src/lib/facilitation/facilitation-doc.ts';
import { growBoard, seedBusyBoard } from './support/busy-board.ts';
import { DEFAULT_ROLES } from '../../src/lib/templates/index.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import { seriousViolations } from './support/axe.ts';
import { serverPerTest } from './support/lab.ts';
import {
	boardPath,
	cookieOf,
	editBoard,
	inviteGuest,
	memberActor,
	signUp
} from './support/workshop.ts';
import { expectLive } from './support/live.ts';
import { screenshot } from './support/screenshots.ts';

/**
 * The live board in Chromium, with two or three people on one board, each in a browser context
 * of their own, against a fresh server per test.
 */

const lab = serverPerTest();

type Person = { context: BrowserContext; page: Page };

/** A facilitator with a fresh workshop, and guests who joined through invite links. */
async function workshop(
	browser: Browser,
	options: { roleCount?: number; guests?: { name: string; role: 'participant' | 'reader' }[] } = {}
) {
	const fay = await lab.newContext(browser);
	await signUp(fay, lab.server.url, 'Fay Facilitator');
	const id = await createWorkshop(
		lab.server,
		{ cookie: await cookieOf(fay, lab.server.url) },
		{ roles: DEFAULT_ROLES.slice(0, options.roleCount ?? 4) }
	);
	const guests: BrowserContext[] = [];
	for (const guest of options.guests ?? []) {
		const context = await lab.newContext(browser);
		await inviteGuest(fay, context, lab.server.url, id, guest.role, guest.name);
		guests.push(context);
	}
	return { id, fay, guests };
}

async function openBoard(context: BrowserContext, id: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(boardPath(id));
	await expectLive(page);
	return page;
}

/** A cell by card and role id (the template's ids). */
const cell = (page: Page, cardId: string, roleId: string) =>
	page.locator(`[data-cell="${cardId}:${roleId}"]`);
const rowOf = (page: Page, cardId: string) => page.locator(`tr[data-row-id="${cardId}"]`);
const trayCard = (page: Page, title: string) =>
	page
		.getByRole('complementary', { name: /Unassigned tray/ })
		.getByRole('button', { name: new RegExp(`^${title}\\s`) });
const header = (page: Page, label: string) =>
	page.getByRole('columnheader').filter({ hasText: label });

async function dragTo(page: Page, source: Locator, target: Locator, at?: { x: number; y: number }) {
	await source.scrollIntoViewIfNeeded();
	await target.scrollIntoViewIfNeeded();
	const from = (await source.boundingBox())!;
	const to = (await target.boundingBox())!;
	const start = { x: from.x + Math.min(from.width / 2, 60), y: from.y + from.height / 2 };
	await page.mouse.move(start.x, start.y);
	await page.mouse.down();
	await page.mouse.move(start.x + 12, start.y + 4, { steps: 3 });
	const end = at
		? { x: to.x + to.width * at.x, y: to.y + to.height * at.y }
		: { x: to.x + to.width / 2, y: to.y + to.height / 2 };
	await page.mouse.move(end.x, end.y, { steps: 10 });
	await page.mouse.up();
}

test('drags and letters made in one browser show up in the other', async ({ browser }) => {
	const { id, fay, guests } = await workshop(browser, {
		guests: [{ name: 'Ana Lima', role: 'participant' }]
	});
	const fayPage = await openBoard(fay, id);
	const anaPage = await openBoard(guests[0], id);

	// While Ana drags a card, Fay sees whose hands it is in; Escape puts it back.
	const anaCard = trayCard(anaPage, 'Define the ideal customer');
	await anaCard.scrollIntoViewIfNeeded();
	const box = (await anaCard.boundingBox())!;
	await anaPage.mouse.move(box.x + 40, box.y + box.height / 2);
	await anaPage.mouse.down();
	await anaPage.mouse.move(box.x + 160, box.y + 40, { steps: 5 });
	const fayTray = fayPage.getByRole('complementary', { name: /Unassigned tray/ });
	await expect(fayTray.getByText('Ana Lima is moving this')).toBeVisible();
	const engHeader = (await header(anaPage, 'ENG').boundingBox())!;
	await anaPage.mouse.move(engHeader.x + engHeader.width / 2, engHeader.y + 20, { steps: 5 });
	await expect(anaPage.locator('.ghost')).toContainText('with Engineering Responsible');
	await screenshot(anaPage, 'board-dragging-1440.png');
	await anaPage.keyboard.press('Escape');
	await anaPage.mouse.up();
	await expect(fayTray.getByText('Ana Lima is moving this')).toHaveCount(0);
	await expect(trayCard(anaPage, 'Define the ideal customer')).toBeVisible();

	// Fay drops a tray card on Engineering's column: placed with Engineering Responsible.
	await dragTo(fayPage, trayCard(fayPage, 'Research competitors'), header(fayPage, 'ENG'));
	await expect(cell(anaPage, 'research-competitors', 'engineering')).toContainText('Responsible');
	await expect(trayCard(anaPage, 'Research competitors')).toHaveCount(0);

	// A second card dropped on the rows area lands without letters, above the first.
	await dragTo(
		fayPage,
		trayCard(fayPage, 'Talk to customers'),
		rowOf(fayPage, 'research-competitors'),
		{ x: 0.3, y: 0.2 }
	);
	await expect(anaPage.locator('tbody tr')).toHaveCount(2);
	await expect(anaPage.locator('tbody tr').first()).toHaveAttribute(
		'data-row-id',
		'talk-to-customers'
	);
	await expect(
		rowOf(anaPage, 'talk-to-customers').getByRole('gridcell', { name: /Responsible|Accountable/ })
	).toHaveCount(0);

	// Letters both ways: Ana picks from the cell menu, Fay types one.
	await cell(anaPage, 'research-competitors', 'pm').click({ button: 'right' });
	await anaPage.getByRole('menuitem', { name: /^Accountable(?! and)/ }).click();
	await expect(cell(fayPage, 'research-competitors', 'pm')).toContainText('Accountable');
	await cell(fayPage, 'talk-to-customers', 'design').focus();
	await fayPage.keyboard.press('c');
	await expect(cell(anaPage, 'talk-to-customers', 'design')).toContainText('Consulted');
	await cell(fayPage, 'talk-to-customers', 'design').click();
	await expect(cell(anaPage, 'talk-to-customers', 'design')).toContainText('Informed');

	// Ana reorders rows: the first below the second. Column order is the facilitator's: Ana's
	// drag of a column moves nothing, and Fay puts Engineering's column before the PM's.
	await dragTo(
		anaPage,
		anaPage.getByRole('rowheader').filter({ hasText: 'Talk to customers' }),
		rowOf(anaPage, 'research-competitors'),
		{ x: 0.3, y: 0.85 }
	);
	await expect(fayPage.locator('tbody tr').first()).toHaveAttribute(
		'data-row-id',
		'research-competitors'
	);
	await dragTo(anaPage, header(anaPage, 'ENG'), header(anaPage, 'PM'), { x: 0.2, y: 0.5 });
	await expect(anaPage.locator('thead th[data-role-index="0"]')).toHaveAttribute(
		'data-role-id',
		'pm'
	);
	await dragTo(fayPage, header(fayPage, 'ENG'), header(fayPage, 'PM'), { x: 0.2, y: 0.5 });
	await expect(anaPage.locator('thead th[data-role-index="0"]')).toHaveAttribute(
		'data-role-id',
		'engineering'
	);

	// And drags a row back to the tray: it leaves the board everywhere, letters cleared.
	await dragTo(
		anaPage,
		anaPage.getByRole('rowheader').filter({ hasText: 'Research competitors' }),
		anaPage.getByRole('complementary', { name: /Unassigned tray/ })
	);
	await expect(rowOf(fayPage, 'research-competitors')).toHaveCount(0);
	await expect(trayCard(fayPage, 'Research competitors')).toBeVisible();
});

test('a rule badge appears and clears as letters change, and undo takes back only your own edits', async ({
	browser
}) => {
	const { id, fay, guests } = await workshop(browser, {
		guests: [{ name: 'Ana Lima', role: 'participant' }]
	});
	const fayPage = await openBoard(fay, id);
	const anaPage = await openBoard(guests[0], id);

	await trayCard(anaPage, 'Lead discovery').focus();
	await anaPage.keyboard.press('m');
	await anaPage.getByRole('menuitem', { name: 'Place at the end' }).click();
	const fayRow = rowOf(fayPage, 'lead-discovery');
	const badges = (page: Page) => rowOf(page, 'lead-discovery').getByRole('rowheader');
	await expect(badges(fayPage)).toContainText('No owner');
	await expect(badges(fayPage)).toContainText('Nobody doing it');

	await cell(anaPage, 'lead-discovery', 'pm').focus();
	await anaPage.keyboard.press('a');
	await expect(badges(fayPage)).not.toContainText('No owner');
	await expect(badges(fayPage)).toContainText('Nobody doing it');
	await cell(fayPage, 'lead-discovery', 'engineering').focus();
	await fayPage.keyboard.press('r');
	await expect(badges(anaPage)).not.toContainText('Nobody doing it');
	await expect(fayRow).not.toHaveClass(/has-error/);

	// Two owners is a problem again, until one of them goes.
	await cell(fayPage, 'lead-discovery', 'design').focus();
	await fayPage.keyboard.press('a');
	await expect(badges(anaPage)).toContainText('Too many owners');
	await expect(anaPage.getByRole('rowheader').filter({ hasText: 'Lead discovery' })).toContainText(
		'Too many owners'
	);

	// Ana's undo takes back her A on the PM, not Fay's letters.
	await anaPage.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('No letter');
	await expect(cell(fayPage, 'lead-discovery', 'design')).toContainText('Accountable');
	await expect(cell(fayPage, 'lead-discovery', 'engineering')).toContainText('Responsible');
	await expect(badges(fayPage)).not.toContainText('Too many owners');
	await expect(badges(fayPage)).not.toContainText('No owner');
	// ...and redo (Shift+Ctrl+Z) puts it back.
	await cell(anaPage, 'lead-discovery', 'sales').focus();
	await anaPage.keyboard.press('Shift+Control+z');
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('Accountable');
	await expect(badges(fayPage)).toContainText('Too many owners');
	await cell(fayPage, 'lead-discovery', 'design').focus();
	await fayPage.keyboard.press('Delete');
	await expect(badges(anaPage)).not.toContainText('Too many owners');
	await expect(rowOf(anaPage, 'lead-discovery')).not.toHaveClass(/has-error/);
});

test('a reader sees the live board with no way to edit, and a forced write does not land', async ({
	browser
}) => {
	const { id, fay, guests } = await workshop(browser, {
		guests: [{ name: 'Rita Reader', role: 'reader' }]
	});
	const fayPage = await openBoard(fay, id);
	const ritaPage = await openBoard(guests[0], id);

	await trayCard(fayPage, 'Lead discovery').focus();
	await fayPage.keyboard.press('m');
	await fayPage.getByRole('menuitem', { name: 'Engineering' }).click();
	await expect(cell(ritaPage, 'lead-discovery', 'engineering')).toContainText('Responsible');

	// No affordance: no buttons to add or undo, no grips or menus, a read-only grid.
	await expect(ritaPage.getByText('You are reading this board.')).toBeVisible();
	await screenshot(ritaPage, 'board-reader-1440.png');
	for (const name of ['Add card', 'Add role', 'Undo', 'Redo']) {
		await expect(ritaPage.getByRole('button', { name })).toHaveCount(0);
	}
	await expect(ritaPage.getByRole('button', { name: /Move to… and more/ })).toHaveCount(0);
	await expect(ritaPage.getByRole('grid')).toHaveAttribute('aria-readonly', 'true');
	await expect(ritaPage.locator('.grip')).toHaveCount(0);
	await cell(ritaPage, 'lead-discovery', 'pm').click();
	await ritaPage.keyboard.press('a');
	await trayCard(ritaPage, 'Talk to customers').focus();
	await ritaPage.keyboard.press('Space');
	await ritaPage.keyboard.press('Enter');
	await ritaPage.getByRole('tab', { name: 'Row' }).click();
	await expect(ritaPage.getByRole('button', { name: 'I disagree' })).toHaveCount(0);
	await expect(cell(ritaPage, 'lead-discovery', 'pm')).toContainText('No letter');
	await expect(rowOf(ritaPage, 'talk-to-customers')).toHaveCount(0);

	// A write sent straight down the reader's own socket is dropped by the server.
	const forged = new Y.Doc();
	forged.getMap('cells').set('lead-discovery:pm', 'A');
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0); // sync
	encoding.writeVarUint(encoder, 2); // update
	encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(forged));
	const bytes = [...encoding.toUint8Array(encoder)];
	const refusal = await ritaPage.evaluate(
		async ({ path, bytes }) => {
			const socket = new WebSocket(`ws://${location.host}${path}`);
			socket.binaryType = 'arraybuffer';
			const answered = new Promise<string | null>((resolve) => {
				socket.onmessage = (event) => {
					const data = new Uint8Array(event.data);
					// y-protocols auth message (2), "permission denied" (0), then the reason's length and text.
					if (data[0] !== 2 || data[1] !== 0) return;
					let start = 2;
					while (data[start++] & 0x80);
					resolve(new TextDecoder().decode(data.subarray(start)));
				};
				setTimeout(() => resolve(null), 5_000);
			});
			await new Promise((resolve, reject) => {
				socket.onopen = resolve;
				socket.onerror = reject;
			});
			socket.send(new Uint8Array(bytes));
			const reason = await answered;
			socket.close();
			return reason;
		},
		{ path: `/sync/${id}/board`, bytes }
	);
	expect(refusal).toMatch(/^read-only/);
	// A later edit by Fay arrives; the forged letter never did.
	await cell(fayPage, 'lead-discovery', 'design').focus();
	await fayPage.keyboard.press('i');
	await expect(cell(ritaPage, 'lead-discovery', 'design')).toContainText('Informed');
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('No letter');
	await expect(cell(ritaPage, 'lead-discovery', 'pm')).toContainText('No letter');
	await fayPage.reload();
	await expect(cell(fayPage, 'lead-discovery', 'design')).toContainText('Informed');
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('No letter');
});

test('a keyboard-only user places a card and sets a full row', async ({ browser }) => {
	const { id, fay, guests } = await workshop(browser, {
		guests: [{ name: 'Kim Keys', role: 'participant' }]
	});
	const fayPage = await openBoard(fay, id);
	const kim = await openBoard(guests[0], id);
	const announcer = kim.getByTestId('announcer');

	// From the tray's filter, Tab reaches the first card of the filtered tray.
	await kim.getByLabel('Filter tray cards').focus();
	await kim.keyboard.type('talk to cust');
	await kim.keyboard.press('Tab');
	await expect(kim.locator(':focus')).toHaveAccessibleName(/^Talk to customers\s/);
	await kim.keyboard.press('Space');
	await expect(announcer).toContainText('Picked up “Talk to customers”');
	await kim.keyboard.press('ArrowRight');
	await expect(announcer).toContainText('with Product Manager Responsible');
	await kim.keyboard.press('Enter');
	await expect(announcer).toContainText(
		'Placed “Talk to customers” at row 1 with Product Manager Responsible'
	);
	await expect(kim.locator(':focus')).toHaveAttribute('data-cell', 'talk-to-customers:#');

	// Across the row: PM owns, Engineering does, Design is consulted, Sales informed.
	for (const key of ['ArrowRight', 'a', 'ArrowRight', 'r', 'ArrowRight', 'c', 'ArrowRight', 'i']) {
		await kim.keyboard.press(key);
	}
	await expect(announcer).toContainText('Sales: Informed on “Talk to customers”');
	const expected = {
		pm: 'Accountable',
		engineering: 'Responsible',
		design: 'Consulted',
		sales: 'Informed'
	};
	for (const [role, word] of Object.entries(expected)) {
		await expect(cell(fayPage, 'talk-to-customers', role)).toContainText(word);
	}
	await expect(rowOf(fayPage, 'talk-to-customers')).not.toHaveClass(/has-error/);
	// Backspace clears, and the letter comes back with another key.
	await kim.keyboard.press('Backspace');
	await expect(cell(fayPage, 'talk-to-customers', 'sales')).toContainText('No letter');
	await kim.keyboard.press('i');

	// A second card by keyboard, then moved above the first with Space, Up and Enter.
	await kim.getByLabel('Filter tray cards').fill('');
	await kim.getByLabel('Filter tray cards').press('Tab');
	const picked = (await kim.locator(':focus').getAttribute('data-tray-card'))!;
	await kim.keyboard.press('Enter');
	await kim.keyboard.press('Enter');
	await expect(fayPage.locator('tbody tr').nth(1)).toHaveAttribute('data-row-id', picked);
	await expect(kim.locator(':focus')).toHaveAttribute('data-cell', `${picked}:#`);
	await kim.keyboard.press('Space');
	await kim.keyboard.press('ArrowUp');
	await expect(announcer).toContainText('Row 1 of 2');
	await kim.keyboard.press('Enter');
	await expect(fayPage.locator('tbody tr').first()).toHaveAttribute('data-row-id', picked);
	await expect(cell(fayPage, 'talk-to-customers', 'sales')).toContainText('Informed');
});

test('edits made offline survive a reload and reach the others on reconnect', async ({
	browser
}) => {
	const { id, fay, guests } = await workshop(browser, {
		guests: [{ name: 'Ana Lima', role: 'participant' }]
	});
	const fayPage = await openBoard(fay, id);
	await trayCard(fayPage, 'Lead discovery').focus();
	await fayPage.keyboard.press('m');
	await fayPage.getByRole('menuitem', { name: 'Place at the end' }).click();

	const ana = guests[0];
	const anaPage = await openBoard(ana, id);
	const status = anaPage.locator('[data-offline-ready]');
	await expect(status).toHaveAttribute('data-offline-ready', 'true');
	await ana.setOffline(true);
	await expect(status).toHaveText(/Offline/);

	await cell(anaPage, 'lead-discovery', 'pm').focus();
	await anaPage.keyboard.press('a');
	await anaPage.keyboard.press('ArrowRight');
	await anaPage.keyboard.press('r');
	await trayCard(anaPage, 'Talk to customers').focus();
	await anaPage.keyboard.press('m');
	await anaPage.getByRole('menuitem', { name: 'Place at the top' }).click();
	await expect(status).toHaveText(/Offline · 3 pending changes/);

	// Reloaded without a network, the page still opens, with the edits and their count.
	const reloaded = await anaPage.reload();
	expect(reloaded?.fromServiceWorker()).toBe(true);
	await expect(status).toHaveText(/Offline · 3 pending changes/);
	await expect(cell(anaPage, 'lead-discovery', 'pm')).toContainText('Accountable');
	await expect(cell(anaPage, 'lead-discovery', 'engineering')).toContainText('Responsible');
	await expect(anaPage.locator('tbody tr').first()).toHaveAttribute(
		'data-row-id',
		'talk-to-customers'
	);
	await cell(anaPage, 'talk-to-customers', 'design').focus();
	await anaPage.keyboard.press('c');
	await expect(status).toHaveText(/Offline · 4 pending changes/);
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('No letter');
	await expect(rowOf(fayPage, 'talk-to-customers')).toHaveCount(0);

	// Back online: the edits merge, with Fay's made in the meantime.
	await cell(fayPage, 'lead-discovery', 'sales').focus();
	await fayPage.keyboard.press('i');
	await ana.setOffline(false);
	await expect(status).toHaveText(/^\s*Live/);
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('Accountable');
	await expect(cell(fayPage, 'lead-discovery', 'engineering')).toContainText('Responsible');
	await expect(cell(fayPage, 'talk-to-customers', 'design')).toContainText('Consulted');
	await expect(fayPage.locator('tbody tr').first()).toHaveAttribute(
		'data-row-id',
		'talk-to-customers'
	);
	await expect(cell(anaPage, 'lead-discovery', 'sales')).toContainText('Informed');
});

test('cards and roles are added, edited and deleted; notes and dissent are shared', async ({
	browser
}) => {
	const { id, fay, guests } = await workshop(browser, {
		guests: [{ name: 'Ana Lima', role: 'participant' }]
	});
	const fayPage = await openBoard(fay, id);
	const anaPage = await openBoard(guests[0], id);

	// A new card, then its new title, show up on the other screen.
	await anaPage.getByRole('button', { name: 'Add card' }).click();
	const cardDialog = anaPage.getByRole('dialog', { name: 'Add a card' });
	await cardDialog.getByLabel('Title').fill('Own the pricing page');
	await cardDialog.getByLabel('Detail').fill('Plans, prices and the words around them.');
	await cardDialog.getByLabel('Category').fill('Pricing');
	await cardDialog.getByRole('button', { name: 'Add to tray' }).click();
	await expect(fayPage.getByRole('region', { name: 'Pricing: 1 card' })).toBeVisible();
	await trayCard(fayPage, 'Own the pricing page').focus();
	await fayPage.keyboard.press('m');
	await fayPage.getByRole('menuitem', { name: 'Edit card…' }).click();
	const editDialog = fayPage.getByRole('dialog', { name: 'Edit card' });
	await editDialog.getByLabel('Title').fill('Own the pricing page copy');
	await editDialog.getByRole('button', { name: 'Save card' }).click();
	await expect(trayCard(anaPage, 'Own the pricing page copy')).toBeVisible();

	// A new role, renamed, recoloured, made the focus and deleted by the facilitator, live on the
	// participant's screen; columns are the facilitator's, so the participant gets no role menu.
	await fayPage.getByRole('button', { name: 'Add role' }).click();
	const roleDialog = fayPage.getByRole('dialog', { name: 'Add a role' });
	await roleDialog.getByLabel('Name').fill('Data Science');
	await roleDialog.getByLabel('Short label').fill('DS');
	await roleDialog.getByRole('button', { name: 'Add role' }).click();
	await expect(header(anaPage, 'DS')).toBeVisible();
	await header(anaPage, 'DS').click();
	await expect(anaPage.getByRole('menuitem', { name: 'Make it the focus role' })).toHaveCount(0);
	await header(fayPage, 'DS').click();
	await fayPage.getByRole('menuitem', { name: 'Edit role…' }).click();
	const renameDialog = fayPage.getByRole('dialog', { name: 'Edit role' });
	await renameDialog.getByLabel('Name').fill('Data & Analytics');
	await renameDialog.getByLabel('Short label').fill('DA');
	await renameDialog.getByLabel('Colour #b91c1c').check();
	await renameDialog.getByRole('button', { name: 'Save role' }).click();
	await expect(header(anaPage, 'DA')).toHaveAttribute('title', /^Data & Analytics/);
	await expect(header(anaPage, 'DA')).toHaveAttribute('style', /--role: #b91c1c/);
	await header(fayPage, 'DA').click();
	await fayPage.getByRole('menuitem', { name: 'Make it the focus role' }).click();
	await fayPage.getByRole('tab', { name: 'Focus role' }).click();
	await anaPage.getByRole('tab', { name: 'Focus role' }).click();
	await expect(anaPage.getByRole('heading', { name: 'Data & Analytics' })).toBeVisible();
	await header(fayPage, 'DA').click();
	await fayPage.getByRole('menuitem', { name: 'Delete role…' }).click();
	await fayPage.getByRole('button', { name: 'Delete role' }).click();
	await expect(header(anaPage, 'DA')).toHaveCount(0);
	await expect(anaPage.getByRole('heading', { name: 'Product Manager' })).toBeVisible();

	// The rationale is written by both at once; dissent is seen by all.
	await trayCard(anaPage, 'Own the pricing page copy').focus();
	await anaPage.keyboard.press('m');
	await anaPage.getByRole('menuitem', { name: 'Place at the end' }).click();
	const cardId = (await anaPage.locator('tbody tr').first().getAttribute('data-row-id'))!;
	await anaPage.getByRole('rowheader').filter({ hasText: 'Own the pricing page copy' }).click();
	const anaNote = anaPage.getByRole('textbox', { name: 'Rationale' });
	await anaNote.fill('Marketing writes it; the PM signs off.');
	await fayPage.getByRole('rowheader').filter({ hasText: 'Own the pricing page copy' }).click();
	const fayNote = fayPage.getByRole('textbox', { name: 'Rationale' });
	await expect(fayNote).toHaveValue('Marketing writes it; the PM signs off.');
	await fayNote.press('End');
	await fayNote.pressSequentially(' Legal checks claims.');
	await anaNote.press('Control+Home');
	await anaNote.pressSequentially('Agreed: ');
	const merged = 'Agreed: Marketing writes it; the PM signs off. Legal checks claims.';
	await expect(anaNote).toHaveValue(merged);
	await expect(fayNote).toHaveValue(merged);
	await expect(rowOf(fayPage, cardId).getByLabel('Has a rationale note')).toBeVisible();

	await anaPage.getByRole('button', { name: 'I disagree' }).click();
	await anaPage.getByLabel('Why you disagree (optional)').fill('Sales should own pricing copy.');
	await anaPage.getByRole('button', { name: 'Flag dissent' }).click();
	await expect(fayPage.getByText('Sales should own pricing copy.')).toBeVisible();
	await expect(rowOf(fayPage, cardId).getByRole('rowheader')).toContainText('1 person disagrees');
	// Ana cannot take down anyone's dissent; the facilitator can, and the charter will say so.
	await expect(anaPage.getByRole('button', { name: /^Remove .*dissent$/ })).toHaveCount(0);
	await fayPage.getByRole('tab', { name: 'Row' }).click();
	await fayPage.getByRole('button', { name: 'Remove Ana Lima’s dissent' }).click();
	await expect(anaPage.getByText('Nobody disagrees with this row.')).toBeVisible();
	await expect(anaPage.getByText('Sales should own pricing copy.')).toHaveCount(0);

	// Deleting the card takes it off every screen.
	await anaPage.getByRole('button', { name: 'Edit card' }).click();
	await anaPage
		.getByRole('dialog', { name: 'Edit card' })
		.getByRole('button', { name: 'Delete…' })
		.click();
	await anaPage.getByRole('button', { name: 'Delete card' }).click();
	await expect(rowOf(fayPage, cardId)).toHaveCount(0);
	await expect(trayCard(fayPage, 'Own the pricing page copy')).toHaveCount(0);
});

test('a locked board is read-only for participants and still open to the facilitator', async ({
	browser
}) => {
	const { id, fay, guests } = await workshop(browser, {
		guests: [{ name: 'Ana Lima', role: 'participant' }]
	});
	const fayPage = await openBoard(fay, id);
	const anaPage = await openBoard(guests[0], id);
	const cookie = await cookieOf(fay, lab.server.url);
	const lock = (locked: boolean) =>
		editBoard(lab.server.url, cookie, id, (doc) => setLocked(doc, 'test', locked), 'facilitation');

	await lock(true);
	await expect(
		anaPage.getByText('The facilitator locked the board', { exact: true })
	).toBeVisible();
	await expect(anaPage.getByRole('button', { name: 'Add card' })).toHaveCount(0);
	await expect(anaPage.getByRole('grid')).toHaveAttribute('aria-readonly', 'true');
	await expect(fayPage.getByRole('button', { name: 'Add card' })).toBeVisible();
	await trayCard(fayPage, 'Lead discovery').focus();
	await fayPage.keyboard.press('m');
	await fayPage.getByRole('menuitem', { name: 'Engineering' }).click();
	await expect(cell(anaPage, 'lead-discovery', 'engineering')).toContainText('Responsible');
	await cell(anaPage, 'lead-discovery', 'pm').click();
	await anaPage.keyboard.press('a');
	await expect(cell(anaPage, 'lead-discovery', 'pm')).toContainText('No letter');

	await lock(false);
	await expect(anaPage.getByText('The facilitator locked the board', { exact: true })).toHaveCount(
		0
	);
	await cell(anaPage, 'lead-discovery', 'pm').focus();
	await anaPage.keyboard.press('a');
	await expect(cell(fayPage, 'lead-discovery', 'pm')).toContainText('Accountable');
});

test('on a tablet, a finger places a card and a pen moves a row', async ({ browser }) => {
	const { id, fay } = await workshop(browser);
	const tablet = await lab.newContext(browser, {
		viewport: { width: 1024, height: 768 },
		hasTouch: true,
		storageState: await fay.storageState()
	});
	const page = await openBoard(tablet, id);
	const cdp = await tablet.newCDPSession(page);
	const centre = async (locator: Locator) => {
		await locator.scrollIntoViewIfNeeded();
		const box = (await locator.boundingBox())!;
		return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
	};
	const touchDrag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
		for (let step = 1; step <= 8; step++) {
			const point = {
				x: from.x + ((to.x - from.x) * step) / 8,
				y: from.y + ((to.y - from.y) * step) / 8
			};
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
		}
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	};
	const penDrag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
		const pen = { pointerType: 'pen' as const, button: 'left' as const, clickCount: 1 };
		await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...from, ...pen });
		for (let step = 1; step <= 8; step++) {
			await cdp.send('Input.dispatchMouseEvent', {
				type: 'mouseMoved',
				x: from.x + ((to.x - from.x) * step) / 8,
				y: from.y + ((to.y - from.y) * step) / 8,
				pointerType: 'pen',
				button: 'left',
				buttons: 1
			});
		}
		await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...to, ...pen });
	};

	// A finger on a card's grip, dragged onto Design's column.
	const grip = (cardId: string) => page.locator(`[data-tray-card="${cardId}"] .grip`);
	await touchDrag(await centre(grip('lead-discovery')), await centre(header(page, 'DES')));
	await expect(cell(page, 'lead-discovery', 'design')).toContainText('Responsible');
	await touchDrag(await centre(grip('talk-to-customers')), await centre(header(page, 'ENG')));
	await expect(cell(page, 'talk-to-customers', 'engineering')).toContainText('Responsible');
	await expect(page.locator('tbody tr').first()).toHaveAttribute('data-row-id', 'lead-discovery');

	// A pen drags the second row above the first.
	const first = (await rowOf(page, 'lead-discovery').boundingBox())!;
	await penDrag(
		await centre(page.getByRole('rowheader').filter({ hasText: 'Talk to customers' })),
		{
			x: first.x + 80,
			y: first.y + 4
		}
	);
	await expect(page.locator('tbody tr').first()).toHaveAttribute(
		'data-row-id',
		'talk-to-customers'
	);
	await screenshot(page, 'board-tablet-1024.png');
});

test('a long board renders the rows on screen; a key press or a scroll brings any other', async ({
	browser
}) => {
	// Two browsers on a 60-row board, and an axe audit of it: more than the usual minute when busy.
	test.setTimeout(120_000);
	const { id, fay, guests } = await workshop(browser, {
		guests: [{ name: 'Ana Lima', role: 'participant' }]
	});
	const fayActor = await memberActor(lab.server, id, 'Fay Facilitator');
	await editBoard(lab.server.url, await cookieOf(fay, lab.server.url), id, (doc) =>
		growBoard(doc, fayActor)
	);
	const fayPage = await openBoard(fay, id);
	const rowAt = (page: Page, number: number) => page.locator(`tr[aria-rowindex="${number + 1}"]`);
	await expect(fayPage.getByRole('grid')).toHaveAttribute('aria-rowcount', '61');
	const rendered = await fayPage.locator('tbody tr[data-row-id]').count();
	expect(rendered).toBeGreaterThan(12);
	expect(rendered).toBeLessThan(60);
	await expect(rowAt(fayPage, 60)).toHaveCount(0);

	// Ana jumps to the last cell with the keyboard and sets a letter there.
	const anaPage = await openBoard(guests[0], id);
	await anaPage.getByRole('gridcell').first().focus();
	await anaPage.keyboard.press('Control+End');
	const anaLast = rowAt(anaPage, 60).getByRole('gridcell').last();
	await expect(anaLast).toBeFocused();
	await expect(anaLast).toBeInViewport();
	await anaPage.keyboard.press('i');
	await expect(anaLast).toContainText('Informed');

	// Fay's discuss queue lists the top 10; she shows them all and spotlights the first row, which
	// Ana's grid, scrolled to the end, renders again and scrolls to.
	const queue = fayPage.getByTestId('queue-item');
	await expect(queue).toHaveCount(10);
	await fayPage.getByRole('button', { name: 'Show all 60 rows' }).click();
	await expect(queue).toHaveCount(60);
	const firstRowId = (await rowAt(fayPage, 1).getAttribute('data-row-id'))!;
	await expect(anaPage.locator(`tr[data-row-id="${firstRowId}"]`)).toHaveCount(0);
	await fayPage
		.locator(`[data-testid="queue-item"][data-card-id="${firstRowId}"]`)
		.getByRole('button', { name: /^Spotlight / })
		.click();
	await expect(anaPage.locator(`tr[data-row-id="${firstRowId}"]`)).toBeInViewport();
	await expect(anaPage.locator(`tr[data-row-id="${firstRowId}"]`)).toHaveAttribute(
		'data-spotlight',
		'true'
	);

	// Fay scrolls to the end: the row is there with Ana's letter, exactly where the grid ends.
	await fayPage
		.getByRole('region', { name: 'Board: drop cards here' })
		.evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
	await expect(rowAt(fayPage, 60).getByRole('gridcell').last()).toContainText('Informed');
	await expect(rowAt(fayPage, 1)).toHaveCount(0);
	const rowBox = (await rowAt(fayPage, 60).boundingBox())!;
	const tableBox = (await fayPage.getByRole('grid').boundingBox())!;
	expect(Math.abs(rowBox.y + rowBox.height - (tableBox.y + tableBox.height))).toBeLessThan(1.5);
	await screenshot(fayPage, 'board-60-rows-end.png');
	expect(await seriousViolations(fayPage, 'long board scrolled to the end')).toEqual([]);

	// And back to the top with the keyboard.
	await rowAt(fayPage, 60).getByRole('gridcell').first().focus();
	await fayPage.keyboard.press('Control+Home');
	await expect(fayPage.getByRole('columnheader').first()).toBeFocused();
	await expect(rowAt(fayPage, 1)).toBeInViewport();
});

test('a busy board with two people on it reads well (screenshot)', async ({ browser }) => {
	const { id, fay, guests } = await workshop(browser, {
		roleCount: 8,
		guests: [{ name: 'Ana Lima', role: 'participant' }]
	});
	const fayActor = await memberActor(lab.server, id, 'Fay Facilitator');
	await editBoard(lab.server.url, await cookieOf(fay, lab.server.url), id, (doc) =>
		seedBusyBoard(doc, fayActor)
	);
	const fayPage = await openBoard(fay, id);
	const anaPage = await openBoard(guests[0], id);
	await anaPage.getByRole('gridcell').nth(20).focus();
	await expect(fayPage.locator('[role="gridcell"] .peer-tag', { hasText: 'AL' })).toBeVisible();
	await screenshot(fayPage, 'board-session-1440.png');
	await fayPage.getByRole('rowheader').nth(3).click();
	await screenshot(fayPage, 'board-busy-1440.png');
	await fayPage.getByRole('tab', { name: 'Load' }).click();
	await screenshot(fayPage, 'board-load-1440.png');
	await fayPage.getByRole('tab', { name: 'Focus role' }).click();
	await fayPage.getByText("Not this role's job").click();
	await screenshot(fayPage, 'board-summary-1440.png');
	await fayPage.setViewportSize({ width: 1024, height: 768 });
	await fayPage.waitForTimeout(400);
	await screenshot(fayPage, 'board-busy-1024.png');
	await fayPage.getByRole('button', { name: /^Insights\s*\d*$/ }).click();
	await fayPage.waitForTimeout(400);
	await screenshot(fayPage, 'board-drawer-1024.png');

	// 60 rows by 10 roles on a laptop screen.
	await editBoard(lab.server.url, await cookieOf(fay, lab.server.url), id, (doc) =>
		growBoard(doc, fayActor)
	);
	await fayPage.setViewportSize({ width: 1440, height: 900 });
	await expect(fayPage.getByRole('grid')).toHaveAttribute('aria-rowcount', '61');
	await expect(fayPage.getByRole('columnheader')).toHaveCount(11);
	await fayPage.waitForTimeout(400);
	await screenshot(fayPage, 'board-60x10-1440.png');
});
