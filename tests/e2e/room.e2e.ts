import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { placeCard, readBoard } from '../../src/lib/board/index.ts';
import { facilitatedWorkshop, serverPerTest } from './support/lab.ts';
import { boardPath, editBoard, inviteGuest } from './support/workshop.ts';

/**
 * What people see in the room: answers that belong to one version, a live people list, notices
 * that reach everyone wherever they are looking.
 */

const lab = serverPerTest();

const FAY = { id: 'seed', name: 'Fay Facilitator' };

async function placeRows(cookie: string, id: string, count: number) {
	await editBoard(lab.server.url, cookie, id, (doc) => {
		for (const card of readBoard(doc).tray.slice(0, count)) placeCard(doc, 'seed', FAY, card.id);
	});
}

async function openBoard(context: BrowserContext, id: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(boardPath(id));
	await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
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
