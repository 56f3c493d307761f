/**
 * PDF benchmark (not a test): part of `npm run bench`, after `vite build`.
 *
 * What ten 1,000-row charter PDFs, asked for at once, do to everyone else on the server. The
 * server is started twice on the same data: "before" with PDF_WORKERS=0 (laid out on the main
 * event loop, as before the worker pool), "after" with the default pool. Meanwhile one probe
 * asks GET /healthz back to back and two y-websocket clients in a board room write every 20 ms;
 * the figures are the latencies of those during the renders (and over a quiet second first, for
 * reference). Ten distinct versions are published so that no request is a cache hit.
 */
import { writeFileSync } from 'node:fs';
import { readBoard } from '../../src/lib/board/index.ts';
import { buildCharter } from '../../src/lib/charter/index.ts';
import { FIXTURE_META } from '../../src/lib/board/__fixtures__/board.ts';
import { createLargeBoard } from '../../server/charter/__fixtures__/large-board.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import {
	connect,
	fixtureStore,
	signUp,
	synced,
	type Client,
	type TestUser
} from '../support/sync-client.ts';

const ROWS = 1000;
const PDFS = 10;
const WRITE_EVERY_MS = 20;
const QUIET_MS = 1000;

type Sampler = { samples: number[]; stop(): Promise<void> };

function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function probeHealthz(url: string): Sampler {
	const samples: number[] = [];
	let running = true;
	const loop = (async () => {
		while (running) {
			const start = performance.now();
			await (await fetch(`${url}/healthz`)).arrayBuffer();
			samples.push(performance.now() - start);
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	})();
	return {
		samples,
		async stop() {
			running = false;
			await loop;
		}
	};
}

/** One client writes a counter every 20 ms; latency is until the other client has it. */
function probeSync(writer: Client, reader: Client): Sampler {
	const samples: number[] = [];
	const sent = new Map<number, number>();
	const readerMap = reader.doc.getMap<number>('bench');
	readerMap.observe(() => {
		const n = readerMap.get('n');
		const at = n === undefined ? undefined : sent.get(n);
		if (n !== undefined && at !== undefined) {
			samples.push(performance.now() - at);
			sent.delete(n);
		}
	});
	let n = 0;
	const timer = setInterval(() => {
		n += 1;
		sent.set(n, performance.now());
		writer.doc.getMap<number>('bench').set('n', n);
	}, WRITE_EVERY_MS);
	return {
		samples,
		async stop() {
			clearInterval(timer);
		}
	};
}

async function publishVersions(server: RunningServer, fay: TestUser, workshopId: string) {
	const board = readBoard(createLargeBoard(ROWS));
	await fixtureStore(server, async (store) => {
		for (let i = 0; i < PDFS; i++) {
			await store.charters.publish(workshopId, fay.id, (version, publishedAt) => ({
				charter: buildCharter(board, {
					...FIXTURE_META,
					workshopId,
					title: `Bench charter v${version}`,
					version,
					publishedAt: new Date(publishedAt).toISOString()
				}),
				board
			}));
		}
	});
}

type Phase = { healthz: number[]; sync: number[] };
type Outcome = {
	label: string;
	quiet: Phase;
	rendering: Phase;
	pdfSeconds: number;
	failed: number;
};

async function measure(label: string, env: Record<string, string>, dataDir?: string) {
	const server = await startServer({ env, dataDir });
	try {
		return { server, ...(await drive(server, label)) };
	} finally {
		await server.stop();
	}
}

let setup: { fay: TestUser; workshopId: string } | null = null;

async function drive(server: RunningServer, label: string): Promise<{ outcome: Outcome }> {
	if (!setup) {
		const fay = await signUp(server, 'Bench Facilitator');
		const workshopId = await createWorkshop(server, fay);
		await publishVersions(server, fay, workshopId);
		setup = { fay, workshopId };
	}
	const { fay, workshopId } = setup;
	const writer = connect(server.url, fay, workshopId);
	const reader = connect(server.url, fay, workshopId);
	await Promise.all([synced(writer), synced(reader)]);

	const phase = async (during: () => Promise<void>): Promise<Phase> => {
		const healthz = probeHealthz(server.url);
		const sync = probeSync(writer, reader);
		await during();
		await Promise.all([healthz.stop(), sync.stop()]);
		return { healthz: healthz.samples, sync: sync.samples };
	};

	const quiet = await phase(() => new Promise((resolve) => setTimeout(resolve, QUIET_MS)));
	let failed = 0;
	const started = performance.now();
	const rendering = await phase(async () => {
		await Promise.all(
			Array.from({ length: PDFS }, async (_, i) => {
				const response = await fetch(`${server.url}/w/${workshopId}/charter.pdf?v=${i + 1}`, {
					headers: { cookie: fay.cookie }
				});
				await response.arrayBuffer();
				if (response.status !== 200) failed += 1;
			})
		);
	});
	const pdfSeconds = (performance.now() - started) / 1000;
	writer.destroy();
	reader.destroy();
	return { outcome: { label, quiet, rendering, pdfSeconds, failed } };
}

const fmt = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(1));

async function main(): Promise<void> {
	const before = await measure('before: PDF on the event loop (PDF_WORKERS=0)', {
		PDF_WORKERS: '0'
	});
	const after = await measure('after: PDF in a worker (PDF_WORKERS=1)', {}, before.server.dataDir);
	before.server.cleanup();
	const outcomes = [before.outcome, after.outcome];

	console.log(`\n${PDFS} charter PDFs of ${ROWS} rows requested at once`);
	console.log(
		'| server | phase | /healthz p50 ms | /healthz p99 ms | /healthz max ms | sync p50 ms | sync p99 ms | sync max ms | PDFs done in s |'
	);
	console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const o of outcomes) {
		for (const [name, phase] of [
			['quiet', o.quiet],
			['rendering', o.rendering]
		] as const) {
			console.log(
				`| ${o.label} | ${name} | ${fmt(percentile(phase.healthz, 50))} | ${fmt(percentile(phase.healthz, 99))} | ${fmt(Math.max(...phase.healthz))} | ${fmt(percentile(phase.sync, 50))} | ${fmt(percentile(phase.sync, 99))} | ${fmt(Math.max(...phase.sync))} | ${name === 'rendering' ? fmt(o.pdfSeconds) + (o.failed ? ` (${o.failed} failed)` : '') : ''} |`
			);
		}
	}
	if (process.env.BENCH_JSON) {
		writeFileSync(
			process.env.BENCH_JSON.replace(/(\.json)?$/, '-pdf.json'),
			JSON.stringify(outcomes, null, 2)
		);
	}
}

const deadline = setTimeout(() => {
	console.error('pdf bench: gave up after 15 minutes');
	process.exit(1);
}, 15 * 60_000);
deadline.unref();

await main();
process.exit(0);
