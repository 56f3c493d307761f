import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createTestDatabase,
	type TestDatabase
} from '../../server/store/__fixtures__/pg-database.ts';
import { randomId } from '../../server/store/ids.ts';
import { startOwnRedis, type OwnRedis } from '../support/redis.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import {
	addMember,
	connect,
	removeMember,
	signUp,
	synced,
	waitFor,
	type Client,
	type TestUser
} from '../support/sync-client.ts';

/**
 * What must hold across instances besides the rooms: sign-in throttles, creation caps and last
 * activity are shared, and a command (member removed, session ended) sent while Redis was away
 * still reaches every instance. Each instance gets its own Redis link through a TCP proxy, so a
 * test can cut one instance off, or kill the test's own Redis for all of them. PostgreSQL and
 * redis-server must be available: without them these tests fail, they do not skip.
 */

let database: TestDatabase;
let redis: OwnRedis;
let env: Record<string, string>;
const links: TcpProxy[] = [];
let a: RunningServer;
let b: RunningServer;
let linkA: TcpProxy;
let linkB: TcpProxy;
const clients: Client[] = [];
const PASSWORD = 'correct horse battery staple';
const cell = (row: string) => `${row}:pm`;

async function startBehindLink(): Promise<[RunningServer, TcpProxy]> {
	const link = await startTcpProxy(Number(new URL(redis.url).port));
	links.push(link);
	const server = await startServer({
		env: { ...env, REDIS_URL: `redis://127.0.0.1:${link.port}` }
	});
	return [server, link];
}

function open(server: RunningServer, user: TestUser, workshopId: string): Client {
	const client = connect(server.url, user, workshopId, 'board');
	clients.push(client);
	return client;
}

async function signIn(server: RunningServer, username: string, password: string) {
	const response = await fetch(`${server.url}/signin`, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams({ username, password }),
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
	return { status: response.status, text: await response.text() };
}

async function healthy(server: RunningServer): Promise<boolean> {
	return (await fetch(`${server.url}/healthz`)).status === 200;
}

beforeAll(async () => {
	database = await createTestDatabase();
	redis = await startOwnRedis();
	env = {
		DATABASE_URL: database.url,
		DATABASE_POOL_SIZE: '4',
		REDIS_PREFIX: `drawline-test-${randomId(8)}:`,
		ROOM_IDLE_MS: '300',
		MAX_WORKSHOPS_PER_HOUR: '3'
	};
	[[a, linkA], [b, linkB]] = await Promise.all([startBehindLink(), startBehindLink()]);
});

afterAll(async () => {
	for (const client of clients.splice(0)) client.destroy();
	await Promise.all([a?.stop(), b?.stop()]);
	a?.cleanup();
	b?.cleanup();
	await Promise.all(links.map((link) => link.close()));
	await redis?.kill();
	await database?.drop();
});

describe('limits shared by every instance', () => {
	it('slows sign-in guesses spread over two instances as if they were made on one', async () => {
		const carol = await signUp(a, 'Carol');
		// Five failures are free for one address on one account; here three on A, two on B.
		for (const server of [a, b, a, b, a]) {
			expect((await signIn(server, carol.username, 'wrong guess')).status).toBe(400);
		}
		for (const server of [a, b]) {
			const blocked = await signIn(server, carol.username, PASSWORD);
			expect(blocked.status).toBe(429);
			expect(blocked.text).toMatch(/Too many attempts, try again in \d+ s/);
		}
	});

	it('keeps signing people in, and throttling guesses, on an instance cut off from Redis', async () => {
		const dave = await signUp(a, 'Dave');
		await linkA.cut();
		try {
			await waitFor(async () => !(await healthy(a)), 'A sees Redis gone');
			expect((await signIn(a, dave.username, PASSWORD)).status).toBe(303);
			for (let i = 0; i < 5; i++) {
				expect((await signIn(a, dave.username, 'wrong guess')).status).toBe(400);
			}
			expect((await signIn(a, dave.username, PASSWORD)).status).toBe(429);
		} finally {
			await linkA.restore();
		}
		await waitFor(() => healthy(a), 'A back on Redis');
	});

	it('counts workshops started on A and on B against one hourly cap', async () => {
		const fay = await signUp(a, 'Fay');
		await createWorkshop(a, fay);
		await createWorkshop(b, fay);
		await createWorkshop(a, fay);
		await expect(createWorkshop(b, fay)).rejects.toThrow(/\(429\)/);
		await expect(createWorkshop(a, fay)).rejects.toThrow(/\(429\)/);
	});

	it("shows on A's dashboard the activity of a board edited on B", async () => {
		const fay = await signUp(a, 'Fay');
		const pat = await signUp(b, 'Pat');
		const workshopId = await createWorkshop(a, fay);
		await addMember(a, fay, workshopId, pat, 'participant');
		const activeSince = async () => {
			const html = await (await fetch(`${a.url}/`, { headers: { cookie: fay.cookie } })).text();
			const match = /title="([^"]+)"[^>]*>\s*Active/.exec(html);
			if (!match) throw new Error('no "Active" line on the dashboard');
			return match[1];
		};
		const before = await activeSince();
		// The dashboard shows seconds: let one pass so the edit's time reads differently.
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const onB = open(b, pat, workshopId);
		await synced(onB);
		onB.doc.getMap('cells').set(cell('edit'), 'R');
		await waitFor(async () => (await activeSince()) !== before, 'the edit on B shown on A');
	});
});

describe('a command sent while Redis is away', () => {
	async function memberOnB(): Promise<{
		fay: TestUser;
		pat: TestUser;
		workshopId: string;
		board: Client;
	}> {
		const fay = await signUp(a, 'Fay');
		const pat = await signUp(b, 'Pat');
		const workshopId = await createWorkshop(a, fay);
		await addMember(a, fay, workshopId, pat, 'participant');
		const board = open(b, pat, workshopId);
		await synced(board);
		return { fay, pat, workshopId, board };
	}

	it('still closes on B a member removed on A while B was cut off from Redis', async () => {
		const { fay, pat, workshopId, board } = await memberOnB();
		await linkB.cut();
		await waitFor(async () => !(await healthy(b)), 'B sees Redis gone');
		// A publishes the command; B, unsubscribed, never receives it.
		await removeMember(a, fay, workshopId, pat);
		await linkB.restore();
		await waitFor(() => board.closeCodes.includes(4403), 'the removed member closed on B', 20_000);
	});

	it('still closes on B a member removed on A while A was cut off from Redis', async () => {
		const { fay, pat, workshopId, board } = await memberOnB();
		await linkA.cut();
		await waitFor(async () => !(await healthy(a)), 'A sees Redis gone');
		// A cannot publish; B's own link never broke, so only A sending again can tell it.
		await removeMember(a, fay, workshopId, pat);
		expect(board.closeCodes).toEqual([]);
		await linkA.restore();
		await waitFor(() => board.closeCodes.includes(4403), 'the removed member closed on B', 20_000);
	});

	it('still closes on B the sockets of a session signed out on A while Redis was down', async () => {
		const { board, pat } = await memberOnB();
		const other = await memberOnB();
		await redis.kill();
		await waitFor(async () => !(await healthy(a)), 'A sees Redis gone');
		const out = await fetch(`${a.url}/signout`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: pat.cookie, origin: a.url }
		});
		expect(out.status).toBeLessThan(400);
		await redis.start();
		await waitFor(
			() => board.closeCodes.includes(4401),
			'the signed-out session closed on B',
			20_000
		);
		// Everyone else stays connected and live.
		await waitFor(async () => (await healthy(a)) && (await healthy(b)), 'Redis back on both');
		expect(other.board.closeCodes).toEqual([]);
	});
});
