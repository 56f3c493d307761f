import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import {
	addMember,
	connect,
	metric,
	rawClient,
	note,
	signUp,
	synced,
	syncUrl,
	upgradeStatus,
	waitFor,
	type Client,
	type TestUser
} from '../support/sync-client.ts';
import { createWorkshop } from '../support/workshop-http.ts';

/** The configurable limits, set low so that a test can reach them. */

let server: RunningServer;
let fay: TestUser;
let pat: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
	server = await startServer({
		env: {
			MAX_CONNECTIONS_PER_ROOM: '3',
			HEARTBEAT_MS: '300',
			MAX_BUFFERED_BYTES: String(256 * 1024),
			MAX_MESSAGE_BYTES: String(512 * 1024),
			// Room for the big note that fills a slow client's buffer.
			MAX_NOTE_CHARS: String(256 * 1024 * 1024),
			MAX_DOC_BYTES: String(1024 * 1024 * 1024),
			ROOM_IDLE_MS: '200'
		}
	});
	[fay, pat] = await Promise.all([signUp(server, 'Fay'), signUp(server, 'Pat')]);
});

afterAll(async () => {
	for (const client of clients.splice(0)) client.destroy();
	await server?.stop();
	server?.cleanup();
});

describe('sync: limits', () => {
	it('refuses a connection past MAX_CONNECTIONS_PER_ROOM with 503', async () => {
		const workshopId = await createWorkshop(server, fay);
		const url = `${syncUrl(server.url)}/${workshopId}/board`;
		for (let i = 0; i < 3; i++) {
			const client = connect(server.url, fay, workshopId);
			clients.push(client);
			await synced(client);
		}
		expect(await upgradeStatus(url, { origin: server.url, cookie: fay.cookie })).toBe(503);
		clients.pop()?.destroy();
		await waitFor(
			async () => (await upgradeStatus(url, { origin: server.url, cookie: fay.cookie })) === 101,
			'a freed slot'
		);
		for (const client of clients.splice(0)) client.destroy();
	});

	it('closes a client that stops reading once its send buffer passes MAX_BUFFERED_BYTES', async () => {
		const workshopId = await createWorkshop(server, fay);
		await addMember(server, fay, workshopId, pat, 'participant');
		const writer = connect(server.url, fay, workshopId);
		const reader = connect(server.url, pat, workshopId);
		clients.push(writer, reader);
		await Promise.all([synced(writer), synced(reader)]);
		const slow = rawClient(server.url, pat, workshopId);
		await slow.opened;
		(slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
		const before = await metric(server.url, 'drawline_sync_closes_total{code="1013"}');

		// Within this server's board limits: a note that keeps growing.
		const chunk = 'x'.repeat(200 * 1024);
		const text = note(writer.doc);
		const closedSlow = async () =>
			(await metric(server.url, 'drawline_sync_closes_total{code="1013"}')) > before;
		const deadline = Date.now() + 30_000;
		// Keep writing until the server gives up on the reader that never reads.
		while (!(await closedSlow())) {
			if (Date.now() > deadline) throw new Error('the slow client was never closed');
			for (let i = 0; i < 10; i++) text.insert(0, chunk);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		// Everyone else carries on.
		writer.doc.getMap('cells').set('after:pm', 'A');
		await waitFor(() => reader.doc.getMap('cells').get('after:pm') === 'A', 'reader still in sync');
		expect(writer.closeCodes).toEqual([]);
		expect(reader.closeCodes).toEqual([]);
		(slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
		slow.ws.terminate();
		for (const client of clients.splice(0)) client.destroy();
	});

	it('closes a socket that stops answering heartbeat pings', async () => {
		const workshopId = await createWorkshop(server, fay);
		const dead = rawClient(server.url, fay, workshopId, { autoPong: false });
		const alive = connect(server.url, fay, workshopId);
		clients.push(alive);
		await Promise.all([dead.opened, synced(alive)]);
		const started = Date.now();
		await dead.closed;
		expect(Date.now() - started).toBeLessThan(3000);
		await new Promise((resolve) => setTimeout(resolve, 700));
		expect(alive.closeCodes).toEqual([]);
		for (const client of clients.splice(0)) client.destroy();
	});
});
