import { test, expect, type Page } from '@playwright/test';
import { serverPerTest } from './support/lab.ts';
import { screenshot } from './support/screenshots.ts';

/**
 * A facilitator signs up, creates a workshop from a template with edited
 * roles, and invites a participant, who joins as a guest from a second
 * browser context: both see the workshop and each other.
 */

const lab = serverPerTest();

async function shoot(page: Page, name: string) {
	await page.evaluate(() => window.scrollTo(0, 0));
	await screenshot(page, `${name}.png`, { fullPage: true });
}

/** Fills the new-workshop form as a person does; the test submits it. */
async function fillNewWorkshopForm(page: Page, title: string, team: string, template: RegExp) {
	await page.goto('/workshops/new');
	await page.getByLabel('Workshop title').fill(title);
	await page.getByLabel('Team', { exact: true }).fill(team);
	await page.getByRole('radio', { name: template }).check();
}

test('sign up, create a workshop from a template, a guest joins through the invite', async ({
	browser
}) => {
	const facilitator = await lab.newContext(browser);
	const page = await facilitator.newPage();

	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Where should we draw the line?' })).toBeVisible();
	await shoot(page, 'landing');
	await page.getByRole('link', { name: 'Create account' }).first().click();

	await page.getByLabel('Username or email').fill('ana@example.com');
	await page.getByLabel('Display name').fill('Ana Lima');
	await page.getByLabel('Password').fill('password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('This password is one of the most common')).toBeVisible();
	await expect(page.getByLabel('Username or email')).toHaveValue('ana@example.com');
	await expect(page.getByLabel('Password')).toHaveValue('');
	await shoot(page, 'signup-error');
	await page.getByLabel('Password').fill('lines drawn in sand');
	await page.getByRole('button', { name: 'Create account' }).click();

	await expect(page.getByRole('heading', { name: 'Your workshops' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Start your first workshop' })).toBeVisible();
	await shoot(page, 'dashboard-empty');

	// The create form: the template fills the roles, which stay editable.
	await fillNewWorkshopForm(
		page,
		'Where does the PM role end?',
		'Checkout squad',
		/The four pillars/
	);
	await expect(page.getByLabel('Name of role 1')).toHaveValue('Product Manager');
	await expect(page.getByLabel('Name of role 8')).toHaveValue('Program/Project Management');
	await page.getByRole('button', { name: /Remove role 8/ }).click();
	await page.getByRole('button', { name: 'Add role' }).click();
	await page.getByLabel('Name of role 8').fill('Data Science');
	await page.getByLabel('Short label of role 8').fill('DS');
	await page.getByLabel('Name of role 2').fill('Platform Engineering');
	await shoot(page, 'create-form');
	await page.getByRole('button', { name: 'Create workshop' }).click();

	await expect(page).toHaveURL(/\/w\/[a-z2-9]{12}$/);
	const workshopUrl = page.url();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Where does the PM role end?' })
	).toBeVisible();
	await expect(page.getByText('Data Science')).toBeVisible();
	await expect(page.getByText('Platform Engineering')).toBeVisible();
	await expect(page.getByText('Program/Project Management')).toHaveCount(0);

	// Invite a participant.
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByLabel('Role', { exact: true }).selectOption('participant');
	await page.getByLabel('Note (optional)').fill('Engineers');
	await page.getByRole('button', { name: 'Create invite link' }).click();
	const linkField = page.getByLabel('New participant invite link');
	await expect(linkField).toBeVisible();
	const link = await linkField.inputValue();
	expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
	await shoot(page, 'settings');

	// A second browser context, signed out, joins as a guest.
	const guestContext = await lab.newContext(browser);
	const guest = await guestContext.newPage();
	await guest.goto(link);
	await expect(guest.getByRole('heading', { name: "You're invited" })).toBeVisible();
	await expect(guest.getByText('Where does the PM role end?')).toBeVisible();
	await shoot(guest, 'invite');
	await guest.getByLabel('Your name').fill('Bruno Costa');
	await guest.getByRole('button', { name: 'Join as guest' }).click();

	await expect(guest).toHaveURL(workshopUrl);
	await expect(
		guest.getByRole('heading', { level: 1, name: 'Where does the PM role end?' })
	).toBeVisible();
	const guestMembers = guest.getByRole('list', { name: 'Members' });
	await expect(guestMembers.getByText('Ana Lima')).toBeVisible();
	await expect(guestMembers.getByText('Bruno Costa')).toBeVisible();
	await expect(guest.getByText('Participant').first()).toBeVisible();
	await expect(guest.getByRole('link', { name: 'Settings' })).toHaveCount(0);

	// The facilitator sees the guest among the members.
	await page.goto(workshopUrl);
	await expect(page.getByRole('list', { name: 'Members' }).getByText('Bruno Costa')).toBeVisible();
	await shoot(page, 'workshop');

	// A second workshop, so the dashboard shows more than one card.
	await fillNewWorkshopForm(
		page,
		'Support ↔ product handoffs',
		'Customer experience',
		/Everything PMs/
	);
	await page.getByRole('button', { name: 'Create workshop' }).click();
	await expect(page).toHaveURL(/\/w\/[a-z2-9]{12}$/);
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Where does the PM role end?' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Support ↔ product handoffs' })).toBeVisible();
	await shoot(page, 'dashboard');

	await guest.goto('/');
	await expect(guest.getByRole('link', { name: 'Where does the PM role end?' })).toBeVisible();
	await expect(guest.getByRole('link', { name: 'Support ↔ product handoffs' })).toHaveCount(0);

	await guestContext.close();
	await facilitator.close();
});
