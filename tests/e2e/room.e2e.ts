import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { placeCard, readBoard } from '../../src/lib/board/index.ts';
import { facilitatedWorkshop, serverPerTest } from './support/lab.ts';
import { boardPath, editBoard, inviteGuest, memberActor } from './support/workshop.ts';
import { roomInSession } from './support/room.ts';
import { setLocked, setPhase, setSpotlight } from '../../src/lib/facilitation/facilitation-doc.ts';
import { expectLive } from './support/live.ts';

/**
 * What people see in the room: answers that belong to one version, a live people list, notices
 * that reach everyone wherever they are looking.
 */

const lab = serverPerTest();

async function placeRows(cookie: string, id: string, count: number) {
	const fay = await memberActor(lab.server, id, 'Fay Facilitator');
	await editBoard(lab.server.url, cookie, id, (doc) => {
		for (const card of readBoard(doc).tray.slice(0, count)) placeCard(doc, 'seed', fay, card.id);
	});
}

async function openBoard(context: BrowserContext, id: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(boardPath(id));
	await expectLive(page);
	return page;
}

async function publish(fay: BrowserContext, id: string): Promise<number> {
	const response = await fay.request.post(`${lab.server.url}/w/${id}/facilitation/publish`, {
		headers: { origin: lab.server.url, accept: 'application/json' }
	});
	expect(response.status()).toBe(201);
	return ((await response.json()) as { version: number }).version;
}

type Consent = { name: string; decision: string; comment?: string };
async function consentsOf(context: BrowserContext, id: string, version: number) {
	const response = await context.request.get(`${lab.server.url}/w/${id}/charter.json?v=${version}`);
	return ((await response.json()) as { consents: Consent[] }).consents;
}

test('each version’s answer starts empty: agreeing to v2 never carries the objection to v1', async ({
	browser
}) => {
	const { id, fay, ana, fayCookie } = await facilitatedWorkshop(lab, browser);
	await placeRows(fayCookie, id, 2);
	await publish(fay, id);
	const anaPage = await openBoard(ana, id);
	const consent = anaPage.getByTestId('consent-panel');
	await consent.getByLabel(/Comment/).fill('Design should own discovery.');
	await consent.getByRole('button', { name: 'I object' }).click();
	await expect(anaPage.getByTestId('my-consent')).toContainText('You object');

	await publish(fay, id);
	await expect(consent.getByRole('heading', { name: 'Charter v2 is published' })).toBeVisible();
	await expect(consent.getByLabel(/Comment/)).toHaveValue('');
	await consent.getByRole('button', { name: 'I agree' }).click();
	await expect(anaPage.getByTestId('my-consent')).toContainText('You agree');
	const v2 = await consentsOf(fay, id, 2);
	expect(v2).toEqual([expect.objectContaining({ name: 'Ana Lima', decision: 'agree' })]);
	expect(v2[0].comment ?? '').toBe('');

	// Changing an objection to an agreement does not carry the objection's text either.
	await publish(fay, id);
	await expect(consent.getByRole('heading', { name: 'Charter v3 is published' })).toBeVisible();
	await consent.getByLabel(/Comment/).fill('Too early to say.');
	await consent.getByRole('button', { name: 'I object' }).click();
	await anaPage.getByRole('button', { name: 'Change my answer' }).click();
	await expect(consent.getByLabel(/Comment/)).toHaveValue('');
	await consent.getByRole('button', { name: 'I agree' }).click();
	await expect(anaPage.getByTestId('my-consent')).toContainText('You agree');
	expect((await consentsOf(fay, id, 3))[0].comment ?? '').toBe('');
});

test('people who join after the board opened appear in People, with role and remove controls, without a reload', async ({
	browser
}) => {
	const { id, fay, ana, fayCookie } = await facilitatedWorkshop(lab, browser);
	await placeRows(fayCookie, id, 2);
	const fayPage = await openBoard(fay, id);
	const anaPage = await openBoard(ana, id);
	const people = (page: Page) => page.getByRole('list', { name: 'People in this workshop' });
	await expect(people(fayPage).getByTestId('participant-row')).toHaveCount(2);

	const bo = await lab.newContext(browser);
	await inviteGuest(fay, bo, lab.server.url, id, 'participant', 'Bo Newcomer');
	await openBoard(bo, id);

	const boRow = people(fayPage).locator('[data-testid="participant-row"]', {
		hasText: 'Bo Newcomer'
	});
	await expect(boRow).toBeVisible();
	await expect(fayPage.getByLabel('Role of Bo Newcomer')).toHaveValue('participant');
	await expect(fayPage.getByRole('button', { name: 'Remove Bo Newcomer' })).toBeVisible();
	await expect(fayPage.getByTestId('participants-summary')).toContainText('3 of 3 here');
	await expect(
		people(anaPage).locator('[data-testid="participant-row"]', { hasText: 'Bo Newcomer' })
	).toBeVisible();
});

test('what the facilitator does reaches a participant in the board area, whatever tab they have open; Published leads with the consent question', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 6);
	const anaPage = await openBoard(room.ana, room.id);
	await anaPage.getByRole('tab', { name: 'Load' }).click();
	const notice = anaPage.locator('.grid-area').getByTestId('room-notice');
	await expect(anaPage.getByTestId('room-notice-region')).toHaveAttribute('aria-live', 'polite');

	await room.facilitate((doc) => setPhase(doc, 'test', 'discuss'));
	await expect(notice).toContainText('Now: Discuss.');
	await room.facilitate((doc) => setLocked(doc, 'test', true));
	await expect(notice).toContainText('locked the board');
	await room.facilitate((doc) => setSpotlight(doc, 'test', room.rows[3].id));
	await expect(notice).toContainText(`In the spotlight: ${room.rows[3].title}`);
	await expect(anaPage.getByRole('tab', { name: 'Load' })).toHaveAttribute('aria-selected', 'true');

	await room.publish();
	await expect(notice).toContainText('Charter v1 is published');
	const prompt = anaPage.locator('.grid-area').getByTestId('consent-prompt');
	await expect(prompt).toContainText('Does it describe how you will work together?');
	await prompt.getByRole('button', { name: 'Answer' }).click();
	await expect(anaPage.getByRole('tab', { name: 'Session' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await expect(anaPage.getByTestId('consent-panel').getByLabel(/Comment/)).toBeFocused();
	await anaPage.getByRole('button', { name: 'I agree' }).click();
	await expect(prompt).toHaveCount(0);
	// Readers are told, but not asked.
	const ritaPage = await openBoard(room.rita, room.id);
	await expect(ritaPage.getByTestId('phase-name')).toHaveText('Published');
	await expect(ritaPage.getByTestId('consent-prompt')).toHaveCount(0);
});

test('a raised hand keeps the People list readable: names on one line, role menus whole, a drawn hand, spaces where they belong', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 2);
	const fayPage = await openBoard(room.fay, room.id);
	const anaPage = await openBoard(room.ana, room.id);
	await anaPage.getByRole('button', { name: 'Raise hand' }).click();
	await expect(fayPage.getByTestId('participants-summary')).toContainText('0 ready · 1 hand up');
	const people = fayPage.getByRole('list', { name: 'People in this workshop' });
	await expect(people.getByTestId('participant-row').first()).toContainText('Ana Lima');
	const ana = people.locator('[data-testid="participant-row"]', { hasText: 'Ana Lima' });
	await expect(ana.getByTestId('hand-icon')).toBeVisible();
	await expect(people).toContainText('Fay Facilitator (you)');
	const name = await ana.locator('.name').boundingBox();
	const lineHeight = await ana
		.locator('.name')
		.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
	expect(name!.height).toBeLessThan(lineHeight * 1.5);
	const select = fayPage.getByLabel('Role of Ana Lima');
	const cut = await select.evaluate((el) => {
		const box = el.getBoundingClientRect();
		const panel = el.closest('.panel-body')!.getBoundingClientRect();
		return box.right > panel.right || el.scrollWidth > el.clientWidth;
	});
	expect(cut).toBe(false);
});

test('a named blind round shows who proposed what in the cells, without hovering', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 3);
	const fayPage = await openBoard(room.fay, room.id);
	await room.step(room.fay, 'POST', 'round', { named: true });
	const roleId = room.roles[0].id;
	await room.step(room.ana, 'PUT', 'proposals', {
		cells: { [`${room.rows[0].id}:${roleId}`]: 'A' }
	});
	await room.step(room.fay, 'POST', 'reveal');
	const names = fayPage
		.locator(`[data-reveal-row="${room.rows[0].id}"]`)
		.getByTestId('cell-names')
		.first();
	await expect(names).toBeVisible();
	await expect(names).toHaveText(/A\s+AL/);
});

test('one Share button shows the participant and reader invite links side by side, each with a copy button', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 2);
	const fayPage = await openBoard(room.fay, room.id);
	await fayPage.getByRole('button', { name: 'Share', exact: true }).click();
	const share = fayPage.getByRole('dialog', { name: 'Share this board' });
	await share.getByRole('button', { name: 'Create participant link' }).click();
	const participant = share.getByLabel('Participants invite link');
	await expect(participant).toHaveValue(/\/invite\//);
	await share.getByRole('button', { name: 'Create reader link' }).click();
	const reader = share.getByLabel('Readers invite link');
	await expect(reader).toHaveValue(/\/invite\//);
	// Creating the reader link left the participant link in place.
	await expect(participant).toHaveValue(/\/invite\//);
	expect(await participant.inputValue()).not.toBe(await reader.inputValue());
	await expect(share.getByRole('button', { name: 'Copy participant link' })).toBeVisible();
	await expect(share.getByRole('button', { name: 'Copy reader link' })).toBeVisible();
	// Participants see no Share button: invites are the facilitator's.
	const anaPage = await openBoard(room.ana, room.id);
	await expect(anaPage.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
});

test('the dashboard shows each workshop’s phase, latest published version and how many consented', async ({
	browser
}) => {
	const room = await roomInSession(lab, browser, 2);
	await room.publish();
	await room.step(room.ana, 'POST', 'consent', { version: 1, decision: 'agree', comment: '' });
	const page = await room.fay.newPage();
	await page.goto('/');
	const progress = page.getByTestId('workshop-progress');
	await expect(progress).toContainText('Published');
	await expect(progress).toContainText('Charter v1 · 1 agreed');
});
