import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { addMember, signUp, type TestUser } from '../support/sync-client.ts';
import {
	createCharterWorkshop,
	publishOverHttp,
	writeFixtureBoard,
	writeSecondBoard
} from '../support/charter-board.ts';

/**
 * The charter over HTTP against the real production server: publishing from the stored board,
 * the reading pages, every download for members, refusals for everyone else, and share links
 * that work signed out until they are revoked.
 */

const FILES = {
	md: 'text/markdown; charset=utf-8',
	pdf: 'application/pdf',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8'
} as const;

describe('charter: pages, downloads, access and share links', () => {
	let server: RunningServer;
	let fac: TestUser;
	let reader: TestUser;
	let outsider: TestUser;
	let workshopId = '';

	const get = (path: string, user?: TestUser | null, accept = 'text/html') =>
		fetch(server.url + path, {
			redirect: 'manual',
			headers: { accept, ...(user ? { cookie: user.cookie } : {}) }
		});
	const post = (path: string, user: TestUser, fields: Record<string, string> = {}) =>
		fetch(server.url + path, {
			method: 'POST',
			redirect: 'manual',
			body: new URLSearchParams(fields),
			headers: {
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				origin: server.url,
				cookie: user.cookie,
				'content-type': 'application/x-www-form-urlencoded'
			}
		});

	beforeAll(async () => {
		server = await startServer();
		fac = await signUp(server, 'Fiona Facilitator');
		reader = await signUp(server, 'Rui Reader');
		outsider = await signUp(server, 'Olga Outsider');
	});

	/** A workshop of this test's own: Fiona facilitates, Rui reads, nothing published yet. */
	async function unpublishedWorkshop(): Promise<void> {
		workshopId = await createCharterWorkshop(server, fac);
		await addMember(server, fac, workshopId, reader, 'reader');
	}

	/** A workshop of this test's own with two published versions (the fixture board, then its changes). */
	async function twoVersions(): Promise<void> {
		await unpublishedWorkshop();
		await writeFixtureBoard(server, fac, workshopId);
		await publishOverHttp(server, fac, workshopId);
		await writeSecondBoard(server, fac, workshopId);
		await publishOverHttp(server, fac, workshopId);
	}

	afterAll(async () => {
		await server?.stop();
		server?.cleanup();
	});

	it('says plainly that nothing is published yet, and 404s the downloads', async () => {
		await unpublishedWorkshop();
		const page = await get(`/w/${workshopId}/charter`, fac);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('No charter published yet');
		expect(html).toContain('Publish the board as version 1');
		expect(await get(`/w/${workshopId}/charter`, reader).then((r) => r.text())).not.toContain(
			'Publish the board'
		);
		expect((await get(`/w/${workshopId}/charter.md`, fac)).status).toBe(404);
	});

	it('lets only the facilitator publish', async () => {
		await unpublishedWorkshop();
		const refused = await post(`/w/${workshopId}/charter?/publish`, reader);
		expect(refused.status).toBe(403);
		const empty = await post(`/w/${workshopId}/charter?/publish`, fac);
		expect(JSON.parse(await empty.text())).toMatchObject({ type: 'failure', status: 409 });
		await writeFixtureBoard(server, fac, workshopId);
		expect(await publishOverHttp(server, fac, workshopId)).toBe(1);
		await writeSecondBoard(server, fac, workshopId);
		expect(await publishOverHttp(server, fac, workshopId)).toBe(2);
	});

	it('renders the latest version server-side with sections, search answer and role view', async () => {
		await twoVersions();
		const html = await (
			await get(`/w/${workshopId}/charter?q=who+owns+beta+programs%3F`, reader)
		).text();
		expect(html).toContain('Checkout PM charter');
		expect(html).toMatch(/Version <strong>2<\/strong> \(latest\)/);
		expect(html).toContain('Is consulted on');
		expect(html).toMatch(/<strong>Run beta programs<\/strong> — accountable: Product Manager/);
		expect(html).toContain('Support joins so that beta feedback reaches the queue.');

		const sales = await (await get(`/w/${workshopId}/charter?role=sales`, reader)).text();
		expect(sales).toContain('What Sales owns, does, and is consulted or informed on');
		expect(sales).toContain('Negotiate customer contracts');

		const v1 = await (await get(`/w/${workshopId}/charter/v/1`, reader)).text();
		expect(v1).toContain('This is an earlier version');
		expect(v1).toContain('Write marketing copy');
		expect((await get(`/w/${workshopId}/charter/v/9`, reader)).status).toBe(404);
		expect((await get(`/w/${workshopId}/charter/v/nine`, reader)).status).toBe(404);
	});

	it('shows the diff of two versions in words', async () => {
		await twoVersions();
		const html = await (await get(`/w/${workshopId}/charter/diff?from=1&to=2`, reader)).text();
		expect(html).toContain('What changed from version 1 to version 2');
		expect(html).toContain('1 responsibility added, 1 removed, 1 changed');
		expect(html).toContain('Hire product managers');
		expect(html).toContain('was informed, now responsible');
	});

	it('shows members what would change if the live board were published now, storing nothing', async () => {
		await unpublishedWorkshop();
		await writeFixtureBoard(server, fac, workshopId);
		await publishOverHttp(server, fac, workshopId);
		await writeSecondBoard(server, fac, workshopId);
		const html = await (await get(`/w/${workshopId}/charter/diff?live`, reader)).text();
		expect(html).toContain('What would change if we published now');
		expect(html).toContain('1 responsibility added, 1 removed, 1 changed');
		expect(html).toContain('Hire product managers');
		expect((await get(`/w/${workshopId}/charter/v/2`, reader)).status).toBe(404);
		expect((await get(`/w/${workshopId}/charter/diff?live`, outsider)).status).toBe(403);
	});

	it('serves every download to members with its content type, any version by ?v=', async () => {
		await twoVersions();
		for (const [ext, type] of Object.entries(FILES)) {
			const latest = await get(`/w/${workshopId}/charter.${ext}`, reader, '*/*');
			expect(latest.status, ext).toBe(200);
			expect(latest.headers.get('content-type')).toBe(type);
			expect(latest.headers.get('content-disposition')).toContain(`-v2.${ext}`);
			const v1 = await get(`/w/${workshopId}/charter.${ext}?v=1`, reader, '*/*');
			expect(v1.status).toBe(200);
			expect(v1.headers.get('content-disposition')).toContain(`-v1.${ext}`);
			expect((await get(`/w/${workshopId}/charter.${ext}?v=7`, reader, '*/*')).status).toBe(404);
			expect((await get(`/w/${workshopId}/charter.${ext}?v=x`, reader, '*/*')).status).toBe(404);
			expect((await get(`/w/${workshopId}/charter.${ext}`, outsider, '*/*')).status).toBe(403);
		}
		const md = await (await get(`/w/${workshopId}/charter.md?v=1`, reader, '*/*')).text();
		expect(md).toContain('# Checkout PM charter');
		expect(md).toContain('Write marketing copy');
		const json = JSON.parse(await (await get(`/w/${workshopId}/charter.json`, reader)).text());
		expect(json).toMatchObject({ schema: 'drawline.charter/2', version: 2, workshopId });
		const csvBytes = await (await get(`/w/${workshopId}/charter.csv`, reader)).arrayBuffer();
		// Fetch's text() would swallow the byte order mark that Excel needs.
		const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes);
		expect(csv.startsWith('\uFEFFResponsibility,Category,Product Manager')).toBe(true);
		expect(csv).toContain(
			'\r\nRun beta programs,Execution and go-to-market,A,R,,R,R,,Not agreed in the workshop\r\n'
		);
		const pdf = new Uint8Array(
			await (await get(`/w/${workshopId}/charter.pdf?paper=letter`, reader)).arrayBuffer()
		);
		expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
	});

	it('refuses the pages to non-members (403) and sends the signed-out to sign in', async () => {
		await twoVersions();
		expect((await get(`/w/${workshopId}/charter`, outsider)).status).toBe(403);
		expect((await get(`/w/${workshopId}/charter/diff`, outsider)).status).toBe(403);
		const signedOut = await get(`/w/${workshopId}/charter.md`, null);
		expect(signedOut.status).toBe(303);
		expect(signedOut.headers.get('location')).toMatch(/^\/signin\?next=/);
	});

	it('shows share management to the facilitator only', async () => {
		await twoVersions();
		expect((await get(`/w/${workshopId}/charter/share`, fac)).status).toBe(200);
		expect((await get(`/w/${workshopId}/charter/share`, reader)).status).toBe(403);
		expect(
			(await post(`/w/${workshopId}/charter/share?/create`, reader, { version: 'latest' })).status
		).toBe(403);
		const bad = await post(`/w/${workshopId}/charter/share?/create`, fac, { version: '12' });
		expect(JSON.parse(await bad.text())).toMatchObject({ type: 'failure', status: 400 });
	});

	async function createShare(version: string): Promise<{ link: string; id: string }> {
		const response = await post(`/w/${workshopId}/charter/share?/create`, fac, { version });
		const result = JSON.parse(await response.text()) as { type: string; data: string };
		expect(result.type).toBe('success');
		// SvelteKit serialises action data with devalue: a flat array of values.
		const values = JSON.parse(result.data) as unknown[];
		const link = values.find((v) => typeof v === 'string' && v.includes('/c/')) as string;
		const id = values.find((v) => typeof v === 'string' && /^[a-z2-9]{12}$/.test(v)) as string;
		return { link: new URL(link).pathname, id };
	}

	it('opens a pinned share link signed out: that version only, with its downloads', async () => {
		await twoVersions();
		const { link, id } = await createShare('1');
		const page = await get(link, null);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Checkout PM charter');
		expect(html).toContain('Write marketing copy'); // v1 had it
		expect(html).toContain('noindex');
		expect((await get(`${link}/v/2`, null)).status).toBe(403);
		expect((await get(`${link}/diff?from=1&to=2`, null)).status).toBe(403);
		const md = await get(`${link}/charter.md`, null, '*/*');
		expect(md.status).toBe(200);
		expect(md.headers.get('content-disposition')).toContain('-v1.md');
		expect((await get(`${link}/charter.pdf?v=2`, null, '*/*')).status).toBe(403);
		expect((await get(`${link}/charter.pdf?v=3`, null, '*/*')).status).toBe(404);

		const revoke = await post(`/w/${workshopId}/charter/share?/revoke`, fac, { id });
		expect(JSON.parse(await revoke.text()).type).toBe('success');
		expect((await get(link, null)).status).toBe(404);
		expect((await get(`${link}/charter.md`, null, '*/*')).status).toBe(404);
	});

	it('opens a latest share link with the history and the diff, until revoked', async () => {
		await twoVersions();
		const { link, id } = await createShare('latest');
		const html = await (await get(link, null)).text();
		expect(html).toMatch(/Version <strong>2<\/strong> \(latest\)/);
		expect((await get(`${link}/v/1`, null)).status).toBe(200);
		expect(await (await get(`${link}/diff?from=1&to=2`, null)).text()).toContain(
			'What changed from version 1 to version 2'
		);
		for (const ext of Object.keys(FILES)) {
			expect((await get(`${link}/charter.${ext}`, null, '*/*')).status).toBe(200);
		}
		expect((await get('/c/notarealtokenatallxx', null)).status).toBe(404);
		await post(`/w/${workshopId}/charter/share?/revoke`, fac, { id });
		expect((await get(link, null)).status).toBe(404);
		expect((await get(`${link}/charter.json`, null, '*/*')).status).toBe(404);
	});
});
