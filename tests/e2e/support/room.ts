import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type * as Y from 'yjs';
import { readBoard } from '../../../src/lib/board/index.ts';
import { seedBusyBoard } from './busy-board.ts';
import { facilitatedWorkshop, type Lab } from './lab.ts';
import { boardPath, editBoard, inviteGuest } from './workshop.ts';

/**
 * A room in session: Fay facilitates, Ana takes part, Rita reads, on a board of `rows` placed
 * rows. `facilitate` writes to the facilitation room as Fay's other tab would.
 */
export async function roomInSession(lab: Lab, browser: Browser, rows = 30) {
	const { id, fay, ana, fayCookie } = await facilitatedWorkshop(lab, browser);
	const rita = await lab.newContext(browser);
	await inviteGuest(fay, rita, lab.server.url, id, 'reader', 'Rita Reader');
	let placed: { id: string; title: string }[] = [];
	await editBoard(lab.server.url, fayCookie, id, (doc) => {
		seedBusyBoard(doc, { id: 'seed', name: 'Fay Facilitator' }, rows);
		placed = readBoard(doc).rows.map(({ id, title }) => ({ id, title }));
	});
	return {
		id,
		rows: placed,
		fay,
		ana,
		rita,
		fayCookie,
		facilitate: (edit: (doc: Y.Doc) => void) =>
			editBoard(lab.server.url, fayCookie, id, edit, 'facilitation'),
		publish: async () => {
			const response = await fay.request.post(`${lab.server.url}/w/${id}/facilitation/publish`, {
				headers: { origin: lab.server.url, accept: 'application/json' }
			});
			expect(response.status()).toBe(201);
			return ((await response.json()) as { version: number }).version;
		}
	};
}

/** Opens the board in a new page of `context` and waits until it is live. */
export async function openBoard(context: BrowserContext, id: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(boardPath(id));
	await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
	return page;
}
