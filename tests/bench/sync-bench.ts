/**
 * Sync benchmark (not a test): `npm run bench` after `vite build`.
 *
 * Drives the same stock y-websocket clients against two servers, one after
 * the other, each in its own process:
 *   - drawline: our production entry (node server/index.ts) with SQLite
 *     persistence, every update committed before it is broadcast;
 *   - reference: @y/websocket-server 0.1.1, in memory, no auth. It is not a dependency of the
 *     app (it pulls leveldown, whose install script every `npm install` would run): the bench
 *     installs it on first use into ~/.cache/drawline-bench (BENCH_CACHE_DIR to change).
 *
 * Scenarios: 2 clients in one room; 50 clients in one room; 200 clients over
 * 20 rooms; 2,000 clients over 200 rooms, each room writing at 5 Hz; every room
 * holding the board a new workshop starts with. Clients take turns writing one
 * map entry, each room on its own clock (the rooms' clocks spread evenly over
 * one interval); latency runs from the write until every other client in the
 * room has it (all clients live in this process, so they share one clock).
 * Connect time is provider creation → its first `sync` event, every client of
 * the scenario connecting at once. RSS is the server's, read from /proc.
 * Writing starts once every client has synced and the room has been quiet for
 * SETTLE_MS (presence from the connects has gone round). Each scenario runs on
 * fresh rooms: first one shorter warm-up per server (discarded), then several
 * repetitions, alternating which server goes first; each figure is the median
 * over those repetitions. One run on one machine; both servers share the CPU
 * with the clients (and with whatever else the machine is doing).
 *
 * BENCH_CLUSTER=1 adds Drawline on PostgreSQL (one instance) and two instances
 * on PostgreSQL + Redis with each room's clients alternating between them, so
 * every write reaches half its receivers across instances (TEST_DATABASE_URL,
 * TEST_REDIS_URL as for the tests; a fresh database and Redis key prefix, both
 * dropped after).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import * as Y from 'yjs';
import { createTestDatabase } from '../../server/store/__fixtures__/pg-database.ts';
import { randomId } from '../../server/store/ids.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { addMember, connect, signUp, waitFor, type Client } from '../support/sync-client.ts';
import { createWorkshop } from '../support/workshop-http.ts';

interface Target {
	name: string;
	url: string;
	pid: number;
	/** Drawline's instances, whose /metrics count what the room refused or asked again. */
	instanceUrls?: string[];
	/** Fresh rooms holding the same seeded board as a new workshop. */
	newRooms(count: number): Promise<string[]>;
	/** Opens client number `i` in `room`. */
	open(room: string, i: number): Client;
	stop(): Promise<void>;
}

interface Scenario {
	name: string;
	rooms: number;
	perRoom: number;
	/** Writes per room, spread over the room's clients in turn. */
	writes: number;
	/** Between two writes in one room; the rooms' writes are spread evenly over it. */
	intervalMs: number;
	/** Repetitions, when fewer than BENCH_REPETITIONS (the large scenario takes a while). */
	repetitions?: number;
}

const SCENARIOS: Scenario[] = [
	{ name: '2 clients, 1 room', rooms: 1, perRoom: 2, writes: 400, intervalMs: 4 },
	// The target scenario: 800 writes put each run's p99 on its 8th-worst sample, not its 4th.
	{ name: '50 clients, 1 room', rooms: 1, perRoom: 50, writes: 800, intervalMs: 5 },
	{ name: '200 clients, 20 rooms', rooms: 20, perRoom: 10, writes: 40, intervalMs: 20 },
	// Each room writes five times a second, as a lively workshop does.
	{
		name: '2,000 clients, 200 rooms, 5 Hz',
		rooms: 200,
		perRoom: 10,
		writes: 25,
		intervalMs: 200,
		repetitions: 3
	}
];

/** Quiet time between the last client's sync and the first write. */
const SETTLE_MS = 300;
/** Writes per room in the warm-up run that precedes each scenario's repetitions. */
const WARM_UP_WRITES = 100;

/** Makes `count` rooms, ten at a time. */
async function inBatches(count: number, make: () => Promise<string>): Promise<string[]> {
	const made: string[] = [];
	while (made.length < count) {
		const batch = Math.min(10, count - made.length);
		made.push(...(await Promise.all(Array.from({ length: batch }, make))));
	}
	return made;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
	return kb / 1024;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const port = (probe.address() as net.AddressInfo).port;
			probe.close(() => resolve(port));
		});
	});
}

async function drawlineTarget(
	name = 'drawline (SQLite)',
	env: Record<string, string> = {},
	instances = 1
): Promise<Target & { seed(): Promise<Uint8Array> }> {
	// BENCH_NODE_OPTIONS (e.g. --cpu-prof) reaches both server processes, for profiling.
	const nodeOptions = process.env.BENCH_NODE_OPTIONS;
	const servers: RunningServer[] = await Promise.all(
		Array.from({ length: instances }, () =>
			startServer({
				env: {
					// Every repetition starts workshops of its own: hundreds an hour, for one account.
					MAX_WORKSHOPS_PER_HOUR: '1000000',
					...env,
					...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {})
				}
			})
		)
	);
	const [server] = servers;
	const [fay, pat] = [await signUp(server, 'Bench Fay'), await signUp(server, 'Bench Pat')];
	const target = {
		name,
		url: server.url,
		pid: server.process.pid!,
		instanceUrls: servers.map((s) => s.url),
		newRooms(count: number) {
			return inBatches(count, async () => {
				const id = await createWorkshop(server, fay);
				await addMember(server, fay, id, pat, 'participant');
				return id;
			});
		},
		open(room: string, i: number) {
			return connect(servers[i % servers.length].url, i % 2 ? pat : fay, room);
		},
		/** The board every new workshop starts with, to give the reference the same state. */
		async seed() {
			const [room] = await target.newRooms(1);
			const client = connect(server.url, fay, room);
			await waitFor(() => client.provider.synced, 'seed sync');
			const state = Y.encodeStateAsUpdate(client.doc);
			client.destroy();
			return state;
		},
		async stop() {
			await Promise.all(servers.map((s) => s.stop()));
			for (const s of servers) s.cleanup();
		}
	};
	return target;
}

/** Drawline on PostgreSQL alone, and two instances relaying through Redis. */
async function clusterTargets(): Promise<Target[]> {
	const database = await createTestDatabase();
	const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
	const env = {
		DATABASE_URL: database.url,
		REDIS_URL: redisUrl,
		REDIS_PREFIX: `drawline-bench-${randomId(8)}:`
	};
	const single = await drawlineTarget('drawline (PostgreSQL)', { DATABASE_URL: database.url });
	const pair = await drawlineTarget('drawline (2 instances)', env, 2);
	let stopped = 0;
	const dropAfterBoth = async (stop: () => Promise<void>) => {
		await stop();
		if (++stopped < 2) return;
		await database.drop();
		await dropRedisKeys(redisUrl, env.REDIS_PREFIX);
	};
	return [
		{ ...single, stop: () => dropAfterBoth(single.stop) },
		{ ...pair, stop: () => dropAfterBoth(pair.stop) }
	];
}

/** Whatever the instances kept in Redis under this run's prefix. */
async function dropRedisKeys(url: string, prefix: string): Promise<void> {
	const client = createClient({ url });
	await client.connect();
	try {
		for await (const found of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
			const keys = ([] as string[]).concat(found);
			if (keys.length > 0) await client.del(keys);
		}
	} finally {
		client.destroy();
	}
}

const REFERENCE_PACKAGE = '@y/websocket-server@0.1.1';

/** The reference server's entry script, installed into the bench's cache on first use. */
function referenceServerScript(): string {
	const cacheDir =
		process.env.BENCH_CACHE_DIR ??
		path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'drawline-bench');
	const script = path.join(cacheDir, 'node_modules/@y/websocket-server/src/server.js');
	if (!existsSync(script)) {
		console.log(`Installing ${REFERENCE_PACKAGE} into ${cacheDir} (once)`);
		// In memory the reference never loads leveldown, so its native build script is skipped.
		execFileSync(
			'npm',
			[
				'install',
				'--prefix',
				cacheDir,
				'--no-audit',
				'--no-fund',
				'--ignore-scripts',
				REFERENCE_PACKAGE
			],
			{ stdio: 'inherit' }
		);
	}
	return script;
}

async function referenceTarget(seed: Uint8Array): Promise<Target> {
	const script = referenceServerScript();
	const port = await freePort();
	const child: ChildProcess = spawn(process.execPath, [script], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {})
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	await waitFor(() => log.includes('running at'), 'reference server to start', 15_000);
	const url = `http://127.0.0.1:${port}`;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	let next = 0;
	const user = (i: number) => ({
		id: `u${i}`,
		username: `u${i}`,
		displayName: `U${i}`,
		cookie: 'x=y'
	});
	return {
		name: 'reference (@y/websocket-server 0.1.1, memory)',
		url,
		pid: child.pid!,
		async newRooms(count) {
			// Seed each room like a new workshop's board; the in-memory server keeps it.
			return inBatches(count, async () => {
				const name = `bench-${++next}`;
				const seeder = connect(url, user(0), name);
				Y.applyUpdate(seeder.doc, seed);
				await synced(seeder);
				await sleep(20);
				seeder.destroy();
				return name;
			});
		},
		open(room, i) {
			return connect(url, user(i), room);
		},
		async stop() {
			child.kill('SIGTERM');
			await exited;
		}
	};
}

interface Result {
	target: string;
	scenario: string;
	p50: number;
	p95: number;
	p99: number;
	connectP50: number;
	connectP95: number;
	rss: number;
}

interface Samples {
	latencies: number[];
	connects: number[];
	rss: number;
}

/** One repetition of a scenario on fresh rooms; returns the raw samples. */
async function run(target: Target, scenario: Scenario): Promise<Samples> {
	const names = await target.newRooms(scenario.rooms);
	const rooms: Client[][] = [];
	const connects: number[] = [];
	const pending: Promise<void>[] = [];
	for (const name of names) {
		const clients: Client[] = [];
		for (let i = 0; i < scenario.perRoom; i++) {
			const started = performance.now();
			const client = target.open(name, i);
			clients.push(client);
			pending.push(
				synced(client).then(() => {
					connects.push(performance.now() - started);
				})
			);
		}
		rooms.push(clients);
	}
	await Promise.all(pending);
	await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

	const latencies: number[] = [];
	const outstanding = new Map<string, { sent: number; left: number }>();
	for (const clients of rooms) {
		for (const client of clients) {
			client.doc.getMap('cells').observe((event) => {
				if (event.transaction.local) return;
				const now = performance.now();
				for (const key of event.keysChanged) {
					const entry = outstanding.get(key);
					if (!entry) continue;
					if (--entry.left === 0) {
						latencies.push(now - entry.sent);
						outstanding.delete(key);
					}
				}
			});
		}
	}

	// Each room writes on its own clock, the rooms' clocks spread evenly over one interval.
	await Promise.all(
		rooms.map(async (clients, r) => {
			await sleep((r * scenario.intervalMs) / rooms.length);
			for (let w = 0; w < scenario.writes; w++) {
				const writer = clients[w % clients.length];
				// A letter on the board, as a person sets it (the server checks what is written).
				const key = `b${r}-${w}:pm`;
				outstanding.set(key, { sent: performance.now(), left: clients.length - 1 });
				writer.doc.getMap('cells').set(key, 'RACI'[w % 4]);
				await sleep(scenario.intervalMs);
			}
		})
	);
	await waitFor(() => outstanding.size === 0, 'every write everywhere', 120_000);
	const rss = rssMb(target.pid, 'VmRSS');
	for (const clients of rooms) for (const client of clients) client.destroy();
	await new Promise((resolve) => setTimeout(resolve, 300));
	return { latencies, connects, rss };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves at the client's first sync: the provider's own event, not a poll. */
function synced(client: Client, timeoutMs = 120_000): Promise<void> {
	if (client.provider.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('timed out waiting for sync')), timeoutMs);
		client.provider.on('sync', (state: boolean) => {
			if (!state) return;
			clearTimeout(timer);
			resolve();
		});
	});
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Each percentile per repetition, then the median over repetitions: one bad moment on a shared machine moves it less. */
function summarize(target: string, scenario: string, runs: Samples[]): Result {
	const per = (samples: (r: Samples) => number[], p: number) =>
		median(
			runs.map((r) =>
				percentile(
					[...samples(r)].sort((a, b) => a - b),
					p
				)
			)
		);
	return {
		target,
		scenario,
		p50: per((r) => r.latencies, 50),
		p95: per((r) => r.latencies, 95),
		p99: per((r) => r.latencies, 99),
		connectP50: per((r) => r.connects, 50),
		connectP95: per((r) => r.connects, 95),
		rss: Math.max(...runs.map((r) => r.rss))
	};
}

const fmt = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(1));

const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 5);

async function main(): Promise<void> {
	const started = Date.now();
	const loadBefore = os.loadavg()[0];
	process.setMaxListeners(0); // every Node provider adds an 'exit' listener
	// BENCH_CLUSTER=only: the PostgreSQL instance and the pair alone (the large scenario is slow).
	const clusterOnly = process.env.BENCH_CLUSTER === 'only';
	const drawline = clusterOnly ? null : await drawlineTarget();
	const reference = drawline ? await referenceTarget(await drawline.seed()) : null;
	const cluster = process.env.BENCH_CLUSTER ? await clusterTargets() : [];
	const targets: Target[] = [...(drawline && reference ? [drawline, reference] : []), ...cluster];
	running.push(...targets);
	const results: Result[] = [];
	const spreads: string[] = [];
	const pairedRatios: Record<string, number[]> = {};
	// BENCH_ONLY=50 runs only the scenarios whose name contains it.
	const only = process.env.BENCH_ONLY;
	for (const scenario of SCENARIOS.filter((s) => !only || s.name.includes(only))) {
		const runs = new Map<Target, Samples[]>(targets.map((t) => [t, []]));
		const warmUp = {
			...scenario,
			rooms: Math.min(scenario.rooms, 20),
			writes: Math.min(scenario.writes, WARM_UP_WRITES)
		};
		for (const target of targets) await run(target, warmUp);
		// Alternate the servers so that load from elsewhere on the machine hits both alike.
		for (let rep = 0; rep < Math.min(REPETITIONS, scenario.repetitions ?? REPETITIONS); rep++) {
			for (const target of rep % 2 ? [...targets].reverse() : targets) {
				runs.get(target)!.push(await run(target, scenario));
				process.stderr.write('.');
			}
		}
		const perRun = (target: Target, samples: (r: Samples) => number[], p: number) =>
			runs.get(target)!.map((r) =>
				percentile(
					[...samples(r)].sort((a, b) => a - b),
					p
				)
			);
		const p99s = (target: Target) => perRun(target, (r) => r.latencies, 99);
		for (const target of targets) {
			results.push(summarize(target.name, scenario.name, runs.get(target)!));
			spreads.push(`  ${scenario.name}, ${target.name}: ${p99s(target).map(fmt).join(', ')}`);
		}
		// Runs of the same repetition are back to back, so they saw much the same machine.
		if (drawline && reference) {
			const paired = p99s(drawline).map((ours, i) => ours / p99s(reference)[i]);
			spreads.push(
				`  ${scenario.name}, paired ratios: ${paired.map((r) => r.toFixed(2)).join(', ')} (median ${median(paired).toFixed(2)})`
			);
			pairedRatios[scenario.name] = paired;
			const connects = (target: Target) => perRun(target, (r) => r.connects, 50);
			const pairedConnect = connects(drawline).map((ours, i) => ours / connects(reference)[i]);
			spreads.push(
				`  ${scenario.name}, paired connect p50 ratios: ${pairedConnect.map((r) => r.toFixed(2)).join(', ')} (median ${median(pairedConnect).toFixed(2)})`
			);
			pairedRatios[`${scenario.name}, connect p50`] = pairedConnect;
		}
		// The cross-instance target: p99 within 2 × single-instance p99 + 2 ms, against either store.
		const singles = cluster.length > 0 ? [drawline, cluster[0]] : [];
		for (const single of singles.filter((t): t is Target => t !== null)) {
			const bound = p99s(single).map((p99) => 2 * p99 + 2);
			const across = p99s(cluster[1]).map((p99, i) => p99 / bound[i]);
			spreads.push(
				`  ${scenario.name}, 2 instances p99 / (2 × ${single.name} p99 + 2 ms): ${across.map((r) => r.toFixed(2)).join(', ')} (median ${median(across).toFixed(2)})`
			);
			pairedRatios[`${scenario.name}, 2 instances / bound (${single.name})`] = across;
		}
	}
	for (const target of targets) {
		results.push({
			target: target.name,
			scenario: 'peak RSS over the run',
			p50: NaN,
			p95: NaN,
			p99: NaN,
			connectP50: NaN,
			connectP95: NaN,
			rss: rssMb(target.pid, 'VmHWM')
		});
	}
	const serverSide = await (await fetch(`${targets[0].url}/metrics`)).text();
	const turnedAway = await Promise.all(targets.map(refusalsAndResyncs));
	await stopAll();
	process.stderr.write('\n');
	results.sort((a, b) => Number(a.target > b.target) - Number(a.target < b.target));

	const header =
		'| server | scenario | p50 ms | p95 ms | p99 ms | connect p50 ms | connect p95 ms | RSS MB |';
	console.log(header);
	console.log(
		'|' +
			header
				.split('|')
				.slice(1, -1)
				.map(() => '---')
				.join('|') +
			'|'
	);
	for (const r of results) {
		console.log(
			`| ${r.target} | ${r.scenario} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.connectP50)} | ${fmt(r.connectP95)} | ${fmt(r.rss)} |`
		);
	}
	if (reference) console.log('\nRatios drawline / reference (lower is better):');
	const ours = results.filter((r) => r.target.startsWith('drawline'));
	for (const mine of ours) {
		const ref = results.find(
			(r) => !r.target.startsWith('drawline') && r.scenario === mine.scenario
		);
		if (!ref) continue;
		const ratio = (a: number, b: number) => (Number.isNaN(a) ? '–' : (a / b).toFixed(2));
		console.log(
			`  ${mine.scenario}: p50 ${ratio(mine.p50, ref.p50)}, p95 ${ratio(mine.p95, ref.p95)}, p99 ${ratio(mine.p99, ref.p99)}, connect p50 ${ratio(mine.connectP50, ref.connectP50)}, RSS ${ratio(mine.rss, ref.rss)}`
		);
	}
	console.log('\np99 ms of each repetition, in order:');
	console.log(spreads.join('\n'));
	console.log(`\n${targets[0].name} server-side, receipt → broadcast (commit included):`);
	console.log(
		serverSide
			.split('\n')
			.filter((l) =>
				/^drawline_sync_(update_broadcast|persist_batch)_seconds_(bucket|count|sum)/.test(l)
			)
			.map((l) => `  ${l}`)
			.join('\n')
	);
	console.log('\nUpdates refused or answered with a resync request, whole run, all instances:');
	console.log(
		targets
			.map((t, i) => (t.instanceUrls ? `  ${t.name}: ${turnedAway[i] || 'none'}` : ''))
			.filter(Boolean)
			.join('\n')
	);
	console.log(
		`\nMedian over ${REPETITIONS} alternating repetitions per scenario and server (fewer where a scenario says so); ${os.cpus().length} CPUs, load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}; node ${process.version}; ${((Date.now() - started) / 1000).toFixed(0)} s total`
	);
	// BENCH_JSON=<file> keeps the figures, to take medians over several invocations.
	if (process.env.BENCH_JSON) {
		writeFileSync(
			process.env.BENCH_JSON,
			JSON.stringify({ results, pairedRatios, load: [loadBefore, os.loadavg()[0]] })
		);
	}
	process.exit(0);
}

/** Drawline's refusal and resync counters summed over its instances, as "reason n, …". */
async function refusalsAndResyncs(target: Target): Promise<string> {
	const totals = new Map<string, number>();
	for (const url of target.instanceUrls ?? []) {
		const text = await (await fetch(`${url}/metrics`)).text();
		for (const [, series, value] of text.matchAll(
			/^drawline_sync_(writes_refused_total\{reason="[^"]+"\}|resyncs_requested_total) (\d+)/gm
		)) {
			const name = series.replace(/^writes_refused_total\{reason="([^"]+)"\}$/, '$1');
			totals.set(name, (totals.get(name) ?? 0) + Number(value));
		}
	}
	return [...totals]
		.filter(([, n]) => n > 0)
		.map(([name, n]) => `${name} ${n}`)
		.join(', ');
}

/** Every server started, stopped once however the bench ends (cluster targets drop their database). */
const running: Target[] = [];
let stopping: Promise<unknown> | null = null;
function stopAll(): Promise<unknown> {
	stopping ??= Promise.allSettled(running.map((t) => t.stop()));
	return stopping;
}

async function giveUp(why: unknown): Promise<never> {
	console.error('bench:', why);
	await stopAll();
	process.exit(1);
}

const BUDGET_MINUTES = process.env.BENCH_CLUSTER ? 30 : 15;
const deadline = setTimeout(
	() => void giveUp(`over its ${BUDGET_MINUTES}-minute budget, giving up`),
	BUDGET_MINUTES * 60_000
);
deadline.unref();

await main().catch(giveUp);
