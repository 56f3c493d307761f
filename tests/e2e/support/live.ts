import type { Locator, Page } from '@playwright/test';

/**
 * The board's connection status once it reads "Live": synced with the server, hydrated, taking
 * input. Matched by phase, not by text: the status also holds a hidden description, and while
 * connecting that reads "Joining the live board.", which a case-blind text filter takes for
 * "Live" before the page has even hydrated.
 */
export const liveStatus = (page: Page): Locator =>
	page.locator('[role="status"][data-phase="connected"]');
