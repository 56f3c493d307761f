import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const SHOTS = path.resolve(import.meta.dirname, '../../.artifacts/screenshots');

/*
 * Screenshots are for people to look at, not assertions, and cost about a second each (a minute
 * and a half of the suite): taken unless CI is set, and always with SCREENSHOTS=1.
 */
const TAKE = process.env.SCREENSHOTS === '1' || !process.env.CI;

/** Saves a screenshot of a page or an element as tests/.artifacts/screenshots/`name`. */
export async function screenshot(
	target: Page | Locator,
	name: string,
	options: { fullPage?: boolean } = {}
): Promise<void> {
	if (!TAKE) return;
	mkdirSync(SHOTS, { recursive: true });
	const file = path.join(SHOTS, name);
	if ('goto' in target) await target.screenshot({ path: file, ...options });
	else await target.screenshot({ path: file });
}
