import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	createTestDatabase,
	type TestDatabase
} from '../../server/store/__fixtures__/pg-database.ts';
import { randomId } from '../../server/store/ids.ts';
import { freePort, startNginx } from '../support/nginx.ts';
import { startOwnRedis } from '../support/redis.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { asPerson, createWorkshop } from '../support/workshop-http.ts';
import { placeCard, readBoard } from '../../src/lib/board/index.ts';
import { readFacilitation } from '../../src/lib/facilitation/index.ts';
import {
	addMember,
	connect,
	metric,
	removeMember,
	signUp,
	synced,
	waitFor,
	type Client,
	type TestUser
} from '../support/sync-client.ts';

/**
 * Two instances on one fresh PostgreSQL database and one Redis key prefix,
 * clients split across them, as behind a load balancer without sticky
 * sessions. PostgreSQL and Redis must be reachable (TEST_DATABASE_URL,
 * TEST_REDIS_URL): without them these tests fail, they do not skip.
 */

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
let database: TestDatabase;
let env: Record<string, string>;
let a: RunningServer;
let b: RunningServer;
let fay: TestUser;
let pat: TestUser;
let rita: TestUser;
const clients: Client[] = [];
/** A board cell key (row:role) the content policy accepts; the letter written is always R. */
const cell = (row: string) => `${row}:pm`;

function open(server: RunningServer, user: TestUser, workshopId: string, kind = 'board' as const) {
	const client = connect(server.url, user, workshopId, kind);
	clients.push(client);
	return client;
}

function openControl(server: RunningServer, user: TestUser, workshopId: string) {
	const client = connect(server.url, user, workshopId, 'facilitation');
	clients.push(client);
	return client;
}

function closeAll(): void {
	for (const client of clients.splice(0)) client.destroy();
}

async function setUp(): Promise<string> {
	const workshopId = await createWorkshop(a, fay);
	await addMember(a, fay, workshopId, pat, 'participant');
	await addMember(b, fay, workshopId, rita, 'reader');
	return workshopId;
}

/**
 * Runs `fn` with `count` extra instances on the shared database, started with `extra` env;
 * closes the test's clients and stops (or, if killed, just cleans up) the instances after.
 */
async function withInstances(
	count: number,
	extra: Record<string, string>,
	fn: (servers: RunningServer[]) => Promise<void>
): Promise<void> {
	const servers = await Promise.all(
		Array.from({ length: count }, () => startServer({ env: { ...env, ...extra } }))
	);
	try {
		await fn(servers);
	} finally {
		closeAll();
		await Promise.all(servers.map((server) => server.stop()));
		for (const server of servers) server.cleanup();
	}
}

beforeAll(async () => {
	database = await createTestDatabase();
	env = {
		DATABASE_URL: database.url,
		DATABASE_POOL_SIZE: '4',
		REDIS_URL,
		REDIS_PREFIX: `drawline-test-${randomId(8)}:`,
		ROOM_IDLE_MS: '300'
	};
	// Started together: the migration lock lets exactly one of them migrate.
	[a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
	[fay, pat, rita] = await Promise.all([signUp(a, 'Fay'), signUp(b, 'Pat'), signUp(a, 'Rita')]);
});

afterAll(async () => {
	closeAll();
	await Promise.all([a?.stop(), b?.stop()]);
	a?.cleanup();
	b?.cleanup();
	await database?.drop();
});

describe('several instances', () => {
	it('reports PostgreSQL and Redis in /healthz', async () => {
		const response = await fetch(`${b.url}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({
			status: 'ok',
			database: 'ok',
			databaseBackend: 'postgres',
			redis: 'ok'
		});
	});

	it('converges concurrent edits and presence from clients on both instances', async () => {
		const workshopId = await setUp();
		const onA = open(a, fay, workshopId);
		const onB = open(b, pat, workshopId);
		await Promise.all([synced(onA), synced(onB)]);
		for (let i = 0; i < 30; i++) {
			onA.doc.getMap('cells').set(cell(`a${i}`), 'R');
			onB.doc.getMap('cells').set(cell(`b${i}`), 'R');
		}
		await waitFor(
			() => onA.doc.getMap('cells').size === 60 && onB.doc.getMap('cells').size === 60,
			'both sides to hold all 60 edits'
		);
		expect(onA.doc.getMap('cells').toJSON()).toEqual(onB.doc.getMap('cells').toJSON());

		onB.provider.awareness.setLocalStateField('cursor', 'b-cell');
		await waitFor(
			() =>
				[...onA.provider.awareness.getStates().values()].some((state) => state.cursor === 'b-cell'),
			"B's presence on A"
		);

		// A client arriving later on either instance loads everything from the shared log.
		const late = open(b, fay, workshopId);
		await synced(late);
		await waitFor(() => late.doc.getMap('cells').size === 60, 'late client has every edit');
		closeAll();
	});

	it('converges a room whose clients are spread over three instances', async () => {
		await withInstances(1, {}, async ([c]) => {
			const workshopId = await setUp();
			const tabs = [a, b, c].flatMap((server) => [
				open(server, fay, workshopId),
				open(server, pat, workshopId)
			]);
			await Promise.all(tabs.map((tab) => synced(tab)));
			for (let i = 0; i < 10; i++) {
				tabs.forEach((tab, t) => tab.doc.getMap('cells').set(cell(`t${t}-${i}`), 'R'));
			}
			for (const tab of tabs) {
				await waitFor(() => tab.doc.getMap('cells').size === 60, 'all 60 edits everywhere');
			}
			const [first, ...rest] = tabs.map((tab) => tab.doc.getMap('cells').toJSON());
			for (const state of rest) expect(state).toEqual(first);
		});
	});

	it('keeps a reader on B from writing, and a lock set on A stops a participant on B', async () => {
		const workshopId = await setUp();
		const fayBoard = open(a, fay, workshopId);
		const control = openControl(a, fay, workshopId);
		const patBoard = open(b, pat, workshopId);
		const patView = openControl(b, pat, workshopId);
		const reader = open(b, rita, workshopId);
		await Promise.all([fayBoard, control, patBoard, patView, reader].map((c) => synced(c)));
		const readOnly = `drawline_sync_writes_refused_total{reason="read-only"}`;
		const locked = `drawline_sync_writes_refused_total{reason="board-locked"}`;
		const [readOnlyBefore, lockedBefore] = [
			await metric(b.url, readOnly),
			await metric(b.url, locked)
		];

		reader.doc.getMap('cells').set(cell('reader'), 'A');
		await waitFor(async () => (await metric(b.url, readOnly)) > readOnlyBefore, 'reader refused');

		control.doc.getMap('state').set('locked', true);
		await waitFor(() => patView.doc.getMap('state').get('locked') === true, 'lock seen on B');
		patBoard.doc.getMap('cells').set(cell('during-lock'), 'C');
		await waitFor(async () => (await metric(b.url, locked)) > lockedBefore, 'locked write refused');
		fayBoard.doc.getMap('cells').set(cell('facilitator'), 'R');
		await waitFor(
			() => patBoard.doc.getMap('cells').has(cell('facilitator')),
			'facilitator edit on B'
		);

		const fresh = open(a, fay, workshopId);
		await synced(fresh);
		expect(fresh.doc.getMap('cells').toJSON()).toEqual({ [cell('facilitator')]: 'R' });
		expect(fayBoard.doc.getMap('cells').toJSON()).toEqual({ [cell('facilitator')]: 'R' });
		closeAll();
	});

	it('closes on B the sockets of a member removed on A', async () => {
		const workshopId = await setUp();
		const patBoard = open(b, pat, workshopId);
		await synced(patBoard);
		await removeMember(a, fay, workshopId, pat);
		await waitFor(() => patBoard.closeCodes.includes(4403), 'removed member closed on B');
		closeAll();
	});

	it('moves every screen on B to Published when the facilitator publishes on A', async () => {
		const workshopId = await setUp();
		const watchers = [openControl(b, pat, workshopId), openControl(b, rita, workshopId)];
		const patBoard = open(b, pat, workshopId);
		const fayBoard = open(a, fay, workshopId);
		await Promise.all([...watchers, patBoard, fayBoard].map((c) => synced(c)));
		// The row is placed on B; A publishes it from its own copy of the board.
		const card = readBoard(patBoard.doc).tray[0].id;
		placeCard(patBoard.doc, 'pat', { id: pat.id, name: 'Pat' }, card);
		await waitFor(() => readBoard(fayBoard.doc).rows.length === 1, 'the row on A');
		const published = await asPerson(a, fay).api<{ version: number }>(
			'POST',
			`/w/${workshopId}/facilitation/publish`
		);
		expect(published.status).toBe(201);
		for (const watcher of watchers) {
			await waitFor(() => readFacilitation(watcher.doc).phase === 'published', 'Published on B');
			expect(readFacilitation(watcher.doc).published).toMatchObject({ version: 1 });
		}
		closeAll();
	});

	it('keeps every acknowledged update when an instance is killed mid-write, three times', async () => {
		const workshopId = await setUp();
		const watcher = open(a, fay, workshopId);
		const writerA = open(a, fay, workshopId);
		await Promise.all([synced(watcher), synced(writerA)]);
		// Seen by a client on A: committed (by A, or by B and relayed) before it was sent.
		const acknowledged = new Set<string>();
		watcher.doc.getMap('cells').observe((event) => {
			for (const key of event.keysChanged) acknowledged.add(key);
		});
		/** B's writers' documents: they hold their edits across reconnects, as a browser tab does. */
		const docs = [new Y.Doc(), new Y.Doc()];
		let n = 0;
		for (let round = 0; round < 3; round++) {
			const writersB = docs.map((doc) => {
				const client = connect(b.url, pat, workshopId, 'board', { doc });
				clients.push(client);
				return client;
			});
			await Promise.all(writersB.map((c) => synced(c)));
			const target = acknowledged.size + 60;
			const writing = setInterval(() => {
				n++;
				writerA.doc.getMap('cells').set(cell(`a${n}`), 'R');
				docs[n % 2].getMap('cells').set(cell(`b${n}`), 'R');
			}, 5);
			await waitFor(() => acknowledged.size >= target, 'edits flowing before the kill');
			await b.kill();
			clearInterval(writing);
			b.cleanup();
			// B's clients come back through the balancer to A, their unacknowledged edits with them.
			const moved = docs.map((doc, i) => {
				writersB[i].provider.destroy();
				const again = connect(a.url, pat, workshopId, 'board', { doc });
				clients.push(again);
				return again;
			});
			await Promise.all(moved.map((c) => synced(c)));
			b = await startServer({ env });
			for (const client of moved) client.provider.destroy();
		}

		const fresh = open(b, fay, workshopId);
		await synced(fresh);
		const written = new Set([
			...writerA.doc.getMap('cells').keys(),
			...docs.flatMap((doc) => [...doc.getMap('cells').keys()])
		]);
		await waitFor(() => fresh.doc.getMap('cells').size === written.size, 'every edit stored');
		const stored = new Set(fresh.doc.getMap('cells').keys());
		for (const key of acknowledged) expect(stored.has(key), key).toBe(true);
		for (const client of [watcher, writerA]) {
			await waitFor(() => client.doc.getMap('cells').size === stored.size, 'clients converge');
		}
		closeAll();
	});
});

describe('a Redis restart', () => {
	it('loses nothing: instances resubscribe, read what they missed from PostgreSQL, and go live again', async () => {
		const redis = await startOwnRedis();
		try {
			await withInstances(2, { REDIS_URL: redis.url }, async ([c, d]) => {
				const workshopId = await createWorkshop(c, fay);
				await addMember(c, fay, workshopId, pat, 'participant');
				const onC = open(c, fay, workshopId);
				const onD = open(d, pat, workshopId);
				await Promise.all([synced(onC), synced(onD)]);
				onC.doc.getMap('cells').set(cell('before'), 'R');
				await waitFor(
					() => onD.doc.getMap('cells').has(cell('before')),
					'relayed before the restart'
				);

				await redis.kill();
				// Committed on C while Redis is gone: D can only learn of it from PostgreSQL.
				onC.doc.getMap('cells').set(cell('during'), 'R');
				await waitFor(
					async () => (await fetch(`${c.url}/healthz`)).status === 503,
					'C reports Redis down'
				);
				expect(await (await fetch(`${c.url}/healthz`)).json()).toMatchObject({
					failing: ['redis']
				});
				await redis.start();

				await waitFor(
					() => onD.doc.getMap('cells').has(cell('during')),
					'the missed edit on D',
					20_000
				);
				onD.doc.getMap('cells').set(cell('after'), 'R');
				await waitFor(
					() => onC.doc.getMap('cells').has(cell('after')),
					'live again after the restart'
				);
				await waitFor(
					async () => (await fetch(`${d.url}/healthz`)).status === 200,
					'D healthy again'
				);
				expect(onC.closeCodes).toEqual([]);
				expect(onD.closeCodes).toEqual([]);
			});
		} finally {
			await redis.kill();
		}
	});
});

describe('Redis away when instances start', () => {
	it('they serve from PostgreSQL, say Redis is down, and relay once it is up', async () => {
		const redis = await startOwnRedis();
		await redis.kill();
		try {
			await withInstances(2, { REDIS_URL: redis.url }, async ([c, d]) => {
				const health = await fetch(`${c.url}/healthz`);
				expect(health.status).toBe(503);
				expect(await health.json()).toMatchObject({ database: 'ok', failing: ['redis'] });
				const workshopId = await createWorkshop(c, fay);
				await addMember(c, fay, workshopId, pat, 'participant');
				const onC = open(c, fay, workshopId);
				const onD = open(d, pat, workshopId);
				await Promise.all([synced(onC), synced(onD)]);
				onC.doc.getMap('cells').set(cell('without-redis'), 'R');
				onD.doc.getMap('cells').set(cell('also-without'), 'R');

				await redis.start();
				await waitFor(
					() => onD.doc.getMap('cells').has(cell('without-redis')),
					'C’s edit on D once Redis is up',
					20_000
				);
				await waitFor(
					() => onC.doc.getMap('cells').has(cell('also-without')),
					'D’s edit on C',
					20_000
				);
				// Live relaying needs both instances' Redis links back (publisher and subscriber).
				for (const server of [c, d]) {
					await waitFor(
						async () => (await fetch(`${server.url}/healthz`)).status === 200,
						'Redis back on both instances'
					);
				}
				onD.doc.getMap('cells').set(cell('live'), 'R');
				await waitFor(() => onC.doc.getMap('cells').has(cell('live')), 'relayed live');
				expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
			});
		} finally {
			await redis.kill();
		}
	});
});

describe('PostgreSQL out of reach', () => {
	it('acknowledges nothing it could not commit, says so, and recovers by itself', async () => {
		const url = new URL(database.url);
		const proxy = await startTcpProxy(Number(url.port || 5432), url.hostname);
		url.port = String(proxy.port);
		try {
			await withInstances(1, { DATABASE_URL: url.toString() }, async ([cutOff]) => {
				const workshopId = await createWorkshop(a, fay);
				await addMember(a, fay, workshopId, pat, 'participant');
				const writer = open(cutOff, pat, workshopId);
				const watcher = open(a, fay, workshopId);
				await Promise.all([synced(writer), synced(watcher)]);
				writer.doc.getMap('cells').set(cell('before'), 'R');
				await waitFor(() => watcher.doc.getMap('cells').has(cell('before')), 'edit before the cut');

				await proxy.cut();
				writer.doc.getMap('cells').set(cell('during'), 'R');
				await waitFor(() => writer.closeCodes.includes(1011), 'writer told the save failed');
				const health = await fetch(`${cutOff.url}/healthz`);
				expect(health.status).toBe(503);
				expect(await health.json()).toMatchObject({ database: 'down', failing: ['database'] });
				expect(watcher.doc.getMap('cells').has(cell('during'))).toBe(false);

				await proxy.restore();
				// The writer reconnects by itself and re-sends what was never acknowledged.
				await waitFor(
					() => watcher.doc.getMap('cells').has(cell('during')),
					'edit after recovery',
					20_000
				);
				expect((await fetch(`${cutOff.url}/healthz`)).status).toBe(200);
				writer.doc.getMap('cells').set(cell('after'), 'R');
				await waitFor(() => watcher.doc.getMap('cells').has(cell('after')), 'live after recovery');
			});
		} finally {
			await proxy.close();
		}
	});
});

describe('behind nginx, without sticky sessions', () => {
	it('spreads one room over both instances, and its clients move on when one dies', async () => {
		const port = await freePort();
		await withInstances(2, { ORIGIN: `http://127.0.0.1:${port}` }, async ([c, d]) => {
			const nginx = await startNginx(port, [c.port, d.port]);
			try {
				const front = { url: nginx.url, dataDir: c.dataDir, databaseUrl: database.url };
				const [fayThere, patThere] = await Promise.all([
					signUp(front, 'Fay'),
					signUp(front, 'Pat')
				]);
				const workshopId = await createWorkshop(front, fayThere);
				await addMember(front, fayThere, workshopId, patThere, 'participant');
				const people = [fayThere, patThere, fayThere, patThere];
				const tabs = people.map((person) => {
					const client = connect(nginx.url, person, workshopId);
					clients.push(client);
					return client;
				});
				await Promise.all(tabs.map((tab) => synced(tab)));
				const connections = 'drawline_sync_connections';
				// Round robin: the room is open on both instances at once.
				expect(await metric(c.url, connections)).toBeGreaterThan(0);
				expect(await metric(d.url, connections)).toBeGreaterThan(0);

				tabs.forEach((tab, i) => tab.doc.getMap('cells').set(cell(`tab${i}`), 'R'));
				for (const tab of tabs) {
					await waitFor(() => tab.doc.getMap('cells').size === tabs.length, 'every tab sees all');
				}

				await d.kill();
				tabs.forEach((tab, i) => tab.doc.getMap('cells').set(cell(`after${i}`), 'R'));
				for (const tab of tabs) {
					await waitFor(
						() => tab.doc.getMap('cells').size === tabs.length * 2,
						'every tab, reconnected through nginx, sees all',
						20_000
					);
				}
				expect(await metric(c.url, connections)).toBe(tabs.length);
			} finally {
				closeAll();
				await nginx.stop();
			}
		});
	});
});
