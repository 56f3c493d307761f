import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type * as Y from 'yjs';
import { readBoard } from '../../../src/lib/board/index.ts';
import { seedBusyBoard } from './busy-board.ts';
import { facilitatedWorkshop, type Lab } from './lab.ts';
import { boardPath, editBoard, inviteGuest, memberActor } from './workshop.ts';
import { expectLive } from './live.ts';

/**
 * A room in session: Fay facilitates, Ana takes part, Rita reads, on a board of `rows` placed
 * rows. `facilitate` writes to the facilitation room as Fay's other tab would.
 */
export async function roomInSession(lab: Lab, browser: Browser, rows = 30) {
	const { id, fay, ana, fayCookie } = await facilitatedWorkshop(lab, browser);
	const rita = await lab.newContext(browser);
	await inviteGuest(fay, rita, lab.server.url, id, 'reader', 'Rita Reader');
	let placed: { id: string; title: string }[] = [];
	let roles: { id: string; name: string }[] = [];
	const fayActor = await memberActor(lab.server, id, 'Fay Facilitator');
	await editBoard(lab.server.url, fayCookie, id, (doc) => {
		seedBusyBoard(doc, fayActor, rows);
		placed = readBoard(doc).rows.map(({ id, title }) => ({ id, title }));
		roles = readBoard(doc).roles.map(({ id, name }) => ({ id, name }));
	});
	return {
		id,
		rows: placed,
		roles,
		fay,
		ana,
		rita,
		fayCookie,
		facilitate: (edit: (doc: Y.Doc) => void) =>
			editBoard(lab.server.url, fayCookie, id, edit, 'facilitation'),
		/** A facilitation step over HTTP, as the person in `context` would take it from the board. */
		step: (context: BrowserContext, method: string, path: string, body?: unknown) =>
			facilitationStep(lab, context, id, method, path, body),
		publish: async () =>
			((await facilitationStep(lab, fay, id, 'POST', 'publish')) as { version: number }).version
	};
}

/** Opens the board in a new page of `context` and waits until it is live. */
export async function openBoard(context: BrowserContext, id: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(boardPath(id));
	await expectLive(page);
	return page;
}

async function facilitationStep(
	lab: Lab,
	context: BrowserContext,
	id: string,
	method: string,
	path: string,
	body?: unknown
): Promise<unknown> {
	const response = await context.request.fetch(`${lab.server.url}/w/${id}/facilitation/${path}`, {
		method,
		headers: { origin: lab.server.url, accept: 'application/json' },
		...(body === undefined ? {} : { data: body })
	});
	expect(response.ok(), await response.text()).toBe(true);
	return response.json();
}
