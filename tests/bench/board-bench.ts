/**
 * Browser benchmark (not a test): `npm run bench` after `vite build`.
 *
 * Starts the production server on a fresh data directory, creates a workshop and grows its
 * board to 60 rows × 10 roles (through the sync server, as another tab would), then opens it in
 * Chromium (Playwright, a fresh context per run, so nothing is cached) and prints, next to the
 * sign-in page as a baseline:
 *   - first contentful paint, and time from navigation until the board is **live**: the
 *     connection status reads "Live" (the sync handshake is done, edits flow both ways), the grid
 *     counts all 60 rows and the rows on screen are rendered (a long grid renders only those and
 *     a margin: see src/lib/board-client/row-window.ts);
 *   - long tasks (> 50 ms, the browser's own definition) from navigation until live;
 *   - the main-thread cost of one remote edit: Chromium's task time (CDP `TaskDuration`: script,
 *     style, layout, paint), and script alone, from just before another client sets one letter
 *     until 200 ms after the page shows it, less what the idle page spends in as long; and the
 *     same on a phone (390 × 844, touch, the board as one card per row), with its DOM nodes;
 *   - 100 remote edits sent at 50 Hz to the rows on screen: how long after the last one was sent
 *     the page shows them all, and the long tasks from the first one sent until 200 ms after that;
 *   - DOM nodes (elements, and every node) once live;
 *   - the page's HTML: raw, gzip and brotli bytes as the server sends them;
 *   - the route's JavaScript: the gzip size of every script the page loaded.
 * Each figure is the median over BENCH_RUNS runs (default 3). `BOARD_BENCH_JSON=<file>` keeps them.
 * Each run's page is opened, and the browser left to settle, before it navigates: a new window
 * does start-up work of its own (see ../support/chromium.ts for the largest part, turned off),
 * which a person following a link in an open browser does not wait for.
 * Times come from the page's own clock (`performance.now()` counts from navigation start).
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { cellKey, readBoard, setCell, type Letter } from '../../src/lib/board/index.ts';
import { DEFAULT_ROLES } from '../../src/lib/templates/index.ts';
import { growBoard } from '../e2e/support/busy-board.ts';
import { editBoard } from '../e2e/support/workshop.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { connect, signUp, synced, type Client, type TestUser } from '../support/sync-client.ts';
import { createWorkshop } from '../support/workshop-http.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROWS = 60;
const ROLES = 10;
/** Rows of the grid that a 1440 × 900 window shows whole, whatever panels sit above it. */
const ON_SCREEN_ROWS = 12;
const EDIT_SAMPLES = 15;
const BURST_EDITS = 100;
const BURST_INTERVAL_MS = 20;
/** Long tasks that started before live but end a little after still count; wait for them. */
const AFTER_LIVE_MS = 1000;

interface PageFigures {
	fcpMs: number;
	readyMs: number;
	longTasks: number;
	longTaskMs: number;
	longestTaskMs: number;
	elements: number;
	nodes: number;
	jsGzipBytes: number;
}

interface EditCost {
	editTaskMs: number;
	editScriptMs: number;
}

interface BoardFigures extends PageFigures, EditCost {
	phoneNodes: number;
	phoneEditTaskMs: number;
	phoneEditScriptMs: number;
	burstAfterLastMs: number;
	burstAfterFirstMs: number;
	burstTaskMs: number;
	burstLongTasks: number;
	burstLongTaskMs: number;
	burstLongestTaskMs: number;
}

interface HtmlBytes {
	raw: number;
	gzip: number;
	br: number;
}

/** Watches, from before the first byte is parsed, for long tasks and for `ready()` to hold. */
function instrument(ready: string): string {
	return `(() => {
		const bench = (window.__bench = { longTasks: [], readyAt: null });
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
		}).observe({ type: 'longtask', buffered: true });
		const ready = ${ready};
		const check = () => {
			if (bench.readyAt === null && ready()) bench.readyAt = performance.now();
		};
		new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
		addEventListener('load', check);
	})();`;
}

const BOARD_LIVE = `() =>
	document.querySelector('[role=status][data-phase=connected]') !== null &&
	document.querySelector('[role=grid]')?.getAttribute('aria-rowcount') === '${ROWS + 1}' &&
	document.querySelectorAll('tbody tr[data-row-id]').length >= ${ON_SCREEN_ROWS}`;
/** The board on a phone: one card per row instead of the grid. */
const PHONE_LIVE = `() =>
	document.querySelector('[role=status][data-phase=connected]') !== null &&
	document.querySelectorAll('[data-testid=phone-row]').length === ${ROWS}`;
/** The sign-in page has no live state; it is ready once loaded and its form is there. */
const SIGNIN_READY = `() => document.readyState === 'complete' && document.querySelector('form input[type=password]') !== null`;

async function measurePage(page: Page, url: string): Promise<PageFigures> {
	await page.goto(url, { waitUntil: 'commit' });
	await page.waitForFunction(() => (window as unknown as Bench).__bench.readyAt !== null, null, {
		polling: 100,
		timeout: 60_000
	});
	await page.waitForTimeout(AFTER_LIVE_MS);
	const figures = await page.evaluate(() => {
		const bench = (window as unknown as Bench).__bench;
		const readyAt = bench.readyAt ?? 0;
		const loading = bench.longTasks.filter(([start]) => start < readyAt);
		const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
		let nodes = 0;
		while (walker.nextNode()) nodes++;
		return {
			fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
			readyMs: readyAt,
			longTasks: loading.length,
			longTaskMs: loading.reduce((sum, [, duration]) => sum + duration, 0),
			longestTaskMs: Math.max(0, ...loading.map(([, duration]) => duration)),
			elements: document.getElementsByTagName('*').length,
			nodes,
			scripts: performance
				.getEntriesByType('resource')
				.map((entry) => new URL(entry.name).pathname)
				.filter((pathname) => pathname.startsWith('/_app/') && pathname.endsWith('.js'))
		};
	});
	const { scripts, ...rest } = figures;
	return { ...rest, jsGzipBytes: gzipSizeOf(scripts) };
}

interface Bench {
	__bench: { longTasks: [number, number][]; readyAt: number | null };
	__shown?: Promise<number>;
}

/** Gzip size (level 9, as bundlers report it) of the built files behind these URL paths. */
function gzipSizeOf(pathnames: string[]): number {
	let total = 0;
	for (const pathname of new Set(pathnames)) {
		const file = path.join(ROOT, 'build/client', pathname);
		total += zlib.gzipSync(readFileSync(file), { level: 9 }).length;
	}
	return total;
}

interface MainThread {
	/** Every task: script, style, layout, paint. */
	task: number;
	/** Script alone. */
	script: number;
}

/** Chromium's main-thread time of `page` so far, in ms (one CDP session: its counters start when enabled). */
async function mainThreadClock(
	page: Page,
	context: BrowserContext
): Promise<() => Promise<MainThread>> {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	return async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		const ms = (name: string) =>
			(metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
		return { task: ms('TaskDuration'), script: ms('ScriptDuration') };
	};
}

const since = (before: MainThread, after: MainThread): MainThread => ({
	task: after.task - before.task,
	script: after.script - before.script
});

type Layout = 'grid' | 'phone';

/** Where a page shows one cell's letter: its element and, on a phone, the attribute naming it. */
type Shown = { selector: string; attribute: string | null; text: string };

/** Flips one cell (empty → R, anything → empty) from the remote client; returns what the page should show. */
function flip(
	remote: Client,
	actor: { id: string; name: string },
	row: number,
	role: number,
	layout: Layout = 'grid'
): Shown & { apply(): void } {
	const board = readBoard(remote.doc);
	const cardId = board.rows[row].id;
	const roleId = board.roles[role].id;
	const current = board.cells[cellKey(cardId, roleId)] as Letter | undefined;
	const next: Letter | null = current ? null : 'R';
	const text = next ? 'Responsible' : 'No letter';
	const apply = () => setCell(remote.doc, 'bench', actor, cardId, roleId, next);
	// The grid marks each cell with its cell key and names it in hidden text; a phone's card
	// holds one button per role, named by its label.
	return layout === 'grid'
		? { selector: `[data-cell="${cellKey(cardId, roleId)}"]`, attribute: null, text, apply }
		: {
				selector: `[data-row-id="${cardId}"] button[data-role-id="${roleId}"]`,
				attribute: 'aria-label',
				text,
				apply
			};
}

/** Arms a watcher in the page that resolves (page clock, ms since epoch) once the cell shows its letter. */
async function armShown(page: Page, { selector, attribute, text }: Shown): Promise<void> {
	await page.evaluate(
		([selector, attribute, text]) => {
			const shows = () => {
				const element = document.querySelector(selector);
				const shown = attribute ? element?.getAttribute(attribute) : element?.textContent;
				return shown?.includes(text) ?? false;
			};
			(window as unknown as Bench).__shown = new Promise<number>((resolve) => {
				const observer = new MutationObserver(() => {
					if (!shows()) return;
					observer.disconnect();
					resolve(Date.now());
				});
				observer.observe(document.body, {
					subtree: true,
					childList: true,
					characterData: true,
					attributes: attribute !== null
				});
			});
		},
		[selector, attribute, text] as const
	);
}

const shownAt = (page: Page) => page.evaluate(() => (window as unknown as Bench).__shown!);

/** The main-thread cost of one remote letter on `page`, the median of EDIT_SAMPLES. */
async function measureEditCost(
	page: Page,
	clock: () => Promise<MainThread>,
	remote: Client,
	actor: { id: string; name: string },
	layout: Layout
): Promise<EditCost> {
	const settle = () => page.waitForTimeout(200);
	// What the page spends per ms when nothing happens (timers, presence), to subtract.
	const idleStart = await clock();
	const idleFrom = Date.now();
	await page.waitForTimeout(2000);
	const idle = since(idleStart, await clock());
	const idleMs = Date.now() - idleFrom;

	const tasks: number[] = [];
	const scripts: number[] = [];
	for (let i = 0; i < EDIT_SAMPLES; i++) {
		const edit = flip(remote, actor, i, (i + 1) % ROLES, layout);
		await armShown(page, edit);
		const before = await clock();
		const from = Date.now();
		edit.apply();
		await shownAt(page);
		await settle();
		const spent = since(before, await clock());
		const share = (Date.now() - from) / idleMs;
		tasks.push(spent.task - idle.task * share);
		scripts.push(spent.script - idle.script * share);
	}
	return { editTaskMs: median(tasks), editScriptMs: median(scripts) };
}

async function measureRemoteEdits(
	page: Page,
	context: BrowserContext,
	remote: Client,
	actor: { id: string; name: string }
): Promise<
	Pick<
		BoardFigures,
		| 'editTaskMs'
		| 'editScriptMs'
		| 'burstAfterLastMs'
		| 'burstAfterFirstMs'
		| 'burstTaskMs'
		| 'burstLongTasks'
		| 'burstLongTaskMs'
		| 'burstLongestTaskMs'
	>
> {
	const clock = await mainThreadClock(page, context);
	const cost = await measureEditCost(page, clock, remote, actor, 'grid');
	const settle = () => page.waitForTimeout(200);
	const edits = Array.from({ length: BURST_EDITS }, (_, i) =>
		flip(remote, actor, i % ON_SCREEN_ROWS, Math.floor(i / ON_SCREEN_ROWS) % ROLES)
	);
	const last = edits[edits.length - 1];
	await armShown(page, last);
	const burstFrom = await page.evaluate(() => performance.now());
	const before = await clock();
	const first = Date.now();
	for (let i = 0; i < edits.length; i++) {
		const due = first + i * BURST_INTERVAL_MS;
		if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
		edits[i].apply();
	}
	const lastSent = Date.now();
	const shown = await shownAt(page);
	const burst = since(before, await clock());
	const missing = await page.evaluate(
		(expected) =>
			expected.filter(
				({ selector, text }) => !document.querySelector(selector)?.textContent?.includes(text)
			).length,
		edits.map(({ selector, text }) => ({ selector, text }))
	);
	if (missing > 0) throw new Error(`${missing} of ${BURST_EDITS} remote edits are not shown`);
	// Long-task entries arrive after their task: give the last ones time to.
	await settle();
	const longTasks = await page.evaluate(
		(from) =>
			(window as unknown as Bench).__bench.longTasks
				.filter(([start]) => start >= from)
				.map(([, duration]) => duration),
		burstFrom
	);
	return {
		...cost,
		burstAfterLastMs: shown - lastSent,
		burstAfterFirstMs: shown - first,
		burstTaskMs: burst.task,
		burstLongTasks: longTasks.length,
		burstLongTaskMs: longTasks.reduce((sum, duration) => sum + duration, 0),
		burstLongestTaskMs: Math.max(0, ...longTasks)
	};
}

function rawGet(url: string, cookie: string | null, encoding?: string): Promise<Buffer> {
	const headers: Record<string, string> = { accept: 'text/html' };
	if (cookie) headers.cookie = cookie;
	if (encoding) headers['accept-encoding'] = encoding;
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					if (res.statusCode !== 200) reject(new Error(`GET ${url}: ${res.statusCode}`));
					else if ((res.headers['content-encoding'] ?? undefined) !== encoding) {
						reject(
							new Error(`GET ${url}: sent ${res.headers['content-encoding']} for ${encoding}`)
						);
					} else resolve(Buffer.concat(chunks));
				});
			})
			.on('error', reject);
	});
}

async function htmlBytes(url: string, cookie: string | null): Promise<HtmlBytes> {
	const [raw, gzip, br] = await Promise.all([
		rawGet(url, cookie),
		rawGet(url, cookie, 'gzip'),
		rawGet(url, cookie, 'br')
	]);
	return { raw: raw.length, gzip: gzip.length, br: br.length };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medians<T extends object>(runs: T[]): T {
	const keys = Object.keys(runs[0]) as (keyof T)[];
	return Object.fromEntries(
		keys.map((key) => [key, median(runs.map((run) => Number(run[key])))])
	) as T;
}

/** Waits until Chromium's processes together use under 5% of a core for 750 ms (at most 15 s). */
async function browserSettled(browser: Browser): Promise<void> {
	const cdp = await browser.newBrowserCDPSession();
	const cpu = async () => {
		const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
			processInfo: { cpuTime: number }[];
		};
		return processInfo.reduce((sum, process) => sum + process.cpuTime, 0);
	};
	const until = Date.now() + 15_000;
	let before = await cpu();
	while (Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 750));
		const now = await cpu();
		if (now - before < 0.0375) break;
		before = now;
	}
	await cdp.detach();
}

const LAPTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function newContext(
	browser: Browser,
	server: RunningServer,
	user: TestUser | null,
	device: typeof LAPTOP | typeof PHONE = LAPTOP
) {
	const context = await browser.newContext(device);
	if (user) {
		const [name, value] = user.cookie.split('=');
		await context.addCookies([{ name, value, url: server.url }]);
	}
	return context;
}

async function main(): Promise<void> {
	if (!existsSync(path.join(ROOT, 'build/handler.js'))) {
		throw new Error('no build: run `npx vite build` first');
	}
	const server = await startServer();
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS
	});
	try {
		const fac = await signUp(server, 'Bench Facilitator');
		const actor = { id: fac.id, name: fac.displayName };
		const workshopId = await createWorkshop(server, fac, {
			template: 'four-pillars',
			roles: DEFAULT_ROLES.slice(0, 7)
		});
		await editBoard(server.url, fac.cookie, workshopId, (doc) =>
			growBoard(doc, actor, ROWS, ROLES)
		);
		const remote = connect(server.url, fac, workshopId);
		await synced(remote);
		const board = readBoard(remote.doc);
		if (board.rows.length !== ROWS || board.roles.length !== ROLES) {
			throw new Error(
				`board is ${board.rows.length} × ${board.roles.length}, not ${ROWS} × ${ROLES}`
			);
		}

		const boardUrl = `${server.url}/w/${workshopId}`;
		const signinUrl = `${server.url}/signin`;
		// Before the runs' remote edits change the board.
		const boardHtml = await htmlBytes(boardUrl, fac.cookie);
		const signinHtml = await htmlBytes(signinUrl, null);
		const boardRuns: BoardFigures[] = [];
		const signinRuns: PageFigures[] = [];
		for (let run = 0; run < RUNS; run++) {
			const signinContext = await newContext(browser, server, null);
			const signinPage = await signinContext.newPage();
			await browserSettled(browser);
			await signinPage.addInitScript(instrument(SIGNIN_READY));
			signinRuns.push(await measurePage(signinPage, signinUrl));
			await signinContext.close();

			const context = await newContext(browser, server, fac);
			const page = await context.newPage();
			await browserSettled(browser);
			await page.addInitScript(instrument(BOARD_LIVE));
			const load = await measurePage(page, boardUrl);
			const edits = await measureRemoteEdits(page, context, remote, actor);
			await context.close();

			const phoneContext = await newContext(browser, server, fac, PHONE);
			const phonePage = await phoneContext.newPage();
			await browserSettled(browser);
			await phonePage.addInitScript(instrument(PHONE_LIVE));
			const phoneLoad = await measurePage(phonePage, boardUrl);
			const phoneClock = await mainThreadClock(phonePage, phoneContext);
			const phoneEdit = await measureEditCost(phonePage, phoneClock, remote, actor, 'phone');
			await phoneContext.close();
			boardRuns.push({
				...load,
				...edits,
				phoneNodes: phoneLoad.nodes,
				phoneEditTaskMs: phoneEdit.editTaskMs,
				phoneEditScriptMs: phoneEdit.editScriptMs
			});
			process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
		}
		remote.destroy();

		const results = {
			machine: { cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version },
			board: { ...medians(boardRuns), html: boardHtml },
			signin: { ...medians(signinRuns), html: signinHtml },
			runs: { board: boardRuns, signin: signinRuns }
		};
		print(results.board, results.signin);
		if (process.env.BOARD_BENCH_JSON)
			writeFileSync(process.env.BOARD_BENCH_JSON, JSON.stringify(results, null, 2));
	} finally {
		await browser.close();
		await server.stop();
		server.cleanup();
	}
}

function print(
	board: BoardFigures & { html: HtmlBytes },
	signin: PageFigures & { html: HtmlBytes }
) {
	const ms = (value: number) => `${Math.round(value)} ms`;
	const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
	const rows: [string, string, string][] = [
		['first contentful paint', ms(board.fcpMs), ms(signin.fcpMs)],
		['navigation → live (sign-in: loaded)', ms(board.readyMs), ms(signin.readyMs)],
		['long tasks until then', String(board.longTasks), String(signin.longTasks)],
		['… their total', ms(board.longTaskMs), ms(signin.longTaskMs)],
		['… the longest', ms(board.longestTaskMs), ms(signin.longestTaskMs)],
		['DOM elements', String(board.elements), String(signin.elements)],
		['DOM nodes (all)', String(board.nodes), String(signin.nodes)],
		['HTML raw', kb(board.html.raw), kb(signin.html.raw)],
		['HTML gzip', kb(board.html.gzip), kb(signin.html.gzip)],
		['HTML brotli', kb(board.html.br), kb(signin.html.br)],
		['route JS (gzip)', kb(board.jsGzipBytes), kb(signin.jsGzipBytes)],
		['main thread per remote edit', `${board.editTaskMs.toFixed(1)} ms`, ''],
		['… of which script', `${board.editScriptMs.toFixed(1)} ms`, ''],
		['on a phone (390 × 844): DOM nodes (all)', String(board.phoneNodes), ''],
		['… main thread per remote edit', `${board.phoneEditTaskMs.toFixed(1)} ms`, ''],
		['… of which script', `${board.phoneEditScriptMs.toFixed(1)} ms`, ''],
		[`${BURST_EDITS} edits at 50 Hz: shown after the last sent`, ms(board.burstAfterLastMs), ''],
		['… after the first sent', ms(board.burstAfterFirstMs), ''],
		['… main-thread time meanwhile', ms(board.burstTaskMs), ''],
		['… long tasks meanwhile', String(board.burstLongTasks), ''],
		['… their total', ms(board.burstLongTaskMs), ''],
		['… the longest', ms(board.burstLongestTaskMs), '']
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	console.log(`\nBrowser: ${ROWS} × ${ROLES} board vs sign-in page, median of ${RUNS} runs`);
	console.log(`${''.padEnd(width)}  ${'board'.padStart(10)}  ${'sign-in'.padStart(10)}`);
	for (const [label, value, baseline] of rows) {
		console.log(`${label.padEnd(width)}  ${value.padStart(10)}  ${baseline.padStart(10)}`);
	}
}

await main();
