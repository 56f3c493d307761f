/**
 * Defence in depth against a role colour that is really CSS. The sync server refuses such a
 * write, so the colour is planted the only way left: straight into the stored board document,
 * with the server stopped. Every page that paints role colours (the board, the charter, the
 * share page) must still render it as nothing but a plain colour, fetch nothing from the URL it
 * names, and run under the Content-Security-Policy.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import * as Y from 'yjs';
import { placeCard, readBoard, setCell } from '../../src/lib/board/index.ts';
import { getRoleMap } from '../../src/lib/board/schema.ts';
import { openStore } from '../../server/store/index.ts';
import { publishOverHttp } from '../support/charter-board.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import type { TestUser } from '../support/sync-client.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import { cookieOf, signUp } from './support/workshop.ts';

const TARGET = 'http://127.0.0.1:9/x';
const HOSTILE = `red;background-image:url(${TARGET});position:fixed`;

async function plantHostileColours(dataDir: string, workshopId: string): Promise<void> {
	const store = await openStore({ databasePath: path.join(dataDir, 'drawline.db') });
	try {
		const name = `${workshopId}/board`;
		const stored = await store.docs.load(name);
		const doc = new Y.Doc();
		for (const update of stored.updates) Y.applyUpdate(doc, update);
		const before = Y.encodeStateVector(doc);
		const actor = { id: 'planter', name: 'Planter' };
		const board = readBoard(doc);
		const [pm, eng] = board.roles;
		for (const card of board.tray.slice(0, 2)) {
			placeCard(doc, null, actor, card.id);
			setCell(doc, null, actor, card.id, pm.id, 'A');
			setCell(doc, null, actor, card.id, eng.id, 'R');
		}
		doc.transact(() => {
			for (const role of getRoleMap(doc).values()) (role as Y.Map<unknown>).set('color', HOSTILE);
		});
		await store.docs.append(name, stored.seq, [Y.encodeStateAsUpdate(doc, before)]);
	} finally {
		await store.close();
	}
}

/** Whatever the page painted: no element styled from the hostile string, nothing fixed by it. */
async function expectNoHostileCss(page: Page): Promise<void> {
	const found = await page.evaluate((target) => {
		const hits: string[] = [];
		for (const element of document.querySelectorAll('*')) {
			const inline = element.getAttribute('style') ?? '';
			const computed = getComputedStyle(element);
			if (inline.includes('background-image') || inline.includes(target)) hits.push(inline);
			if (computed.backgroundImage.includes(target)) hits.push(computed.backgroundImage);
		}
		return hits;
	}, TARGET);
	expect(found).toEqual([]);
}

test('a hostile colour in the stored board never reaches the board, charter or share page as CSS', async ({
	browser
}) => {
	let server: RunningServer = await startServer();
	const dataDir = server.dataDir;
	const fay = await browser.newContext();
	try {
		await signUp(fay, server.url, 'Fay Facilitator');
		const cookie = await cookieOf(fay, server.url);
		const id = await createWorkshop(server, { cookie });
		await server.stop();
		await plantHostileColours(dataDir, id);
		server = await startServer({ dataDir });
		const url = server.url;

		await publishOverHttp(server, { cookie } as TestUser, id);
		const shared = await fetch(`${url}/w/${id}/charter/share?/create`, {
			method: 'POST',
			body: new URLSearchParams({ version: 'latest' }),
			headers: {
				origin: url,
				cookie,
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded',
				'x-sveltekit-action': 'true'
			}
		});
		const shareLink = /\/c\/[a-z2-7]{16,64}/.exec(await shared.text())?.[0];
		expect(shareLink).toBeTruthy();

		const requested: string[] = [];
		const violations: string[] = [];
		fay.on('request', (request) => {
			if (request.url().startsWith('http://127.0.0.1:9/')) requested.push(request.url());
		});
		const page = await fay.newPage();
		page.on('console', (message) => {
			if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
		});

		const board = await page.goto(`${url}/w/${id}`);
		expect(board?.headers()['content-security-policy']).toContain("script-src 'self' 'nonce-");
		await expect(page.getByRole('columnheader', { name: /Product Manager/ }).first()).toBeVisible();
		await expectNoHostileCss(page);

		await page.goto(`${url}/w/${id}/charter`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoHostileCss(page);

		const signedOut = await browser.newContext();
		signedOut.on('request', (request) => {
			if (request.url().startsWith('http://127.0.0.1:9/')) requested.push(request.url());
		});
		const reader = await signedOut.newPage();
		await reader.goto(`${url}${shareLink}`);
		await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoHostileCss(reader);
		await signedOut.close();

		expect(requested).toEqual([]);
		// Nothing the app itself does trips the policy.
		expect(violations).toEqual([]);
	} finally {
		await fay.close();
		await server.stop();
		server.cleanup();
	}
});
