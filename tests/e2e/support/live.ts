import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The board's connection status once it reads "Live": synced with the server, hydrated, taking
 * input. Matched by phase, not by text: the status also holds a hidden description, and while
 * connecting that reads "Joining the live board.", which a case-blind text filter takes for
 * "Live" before the page has even hydrated.
 */
const liveStatus = (page: Page): Locator => page.locator('[role="status"][data-phase="connected"]');

/**
 * Waits until the board is live. Generously: with two browsers, a server and the test on two
 * busy cores, loading, hydrating and syncing a board has taken more than the usual 10 s.
 */
export async function expectLive(page: Page): Promise<void> {
	await expect(liveStatus(page)).toBeVisible({ timeout: 30_000 });
}
