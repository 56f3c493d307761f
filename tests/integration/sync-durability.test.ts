import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../support/server.ts';
import {
	addMember,
	connect,
	fixtureStore,
	metric,
	note,
	signUp,
	synced,
	waitFor,
	type Client,
	type TestUser
} from '../support/sync-client.ts';
import { createWorkshop } from '../support/workshop-http.ts';

/**
 * What the server has accepted survives `kill -9`. "Accepted" is observable:
 * the server broadcasts an update only after committing it, so everything a
 * watching client has received must be in the store after a crash, before
 * the writers (who still hold their edits) reconnect and re-send the rest.
 */

const COMPACT_THRESHOLD = 200;
let server: RunningServer;
let fay: TestUser;
let pat: TestUser;
let port: number;
const env = { ROOM_IDLE_MS: '300', COMPACT_THRESHOLD: String(COMPACT_THRESHOLD) };

beforeAll(async () => {
	server = await startServer({ env });
	port = server.port;
	[fay, pat] = await Promise.all([signUp(server, 'Fay'), signUp(server, 'Pat')]);
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

async function restart(): Promise<void> {
	server = await startServer({ dataDir: server.dataDir, port, env });
}

function keys(client: Client): Set<string> {
	return new Set(client.doc.getMap('cells').keys());
}

describe('sync: durability', () => {
	it('keeps every accepted update across repeated kill -9 while clients write, and all converge', async () => {
		const workshopId = await createWorkshop(server, fay);
		await addMember(server, fay, workshopId, pat, 'participant');
		const writers = [
			connect(server.url, fay, workshopId),
			connect(server.url, pat, workshopId),
			connect(server.url, pat, workshopId)
		];
		await Promise.all(writers.map((w) => synced(w)));
		const written = new Set<string>();

		for (let round = 0; round < 4; round++) {
			const watcher = connect(server.url, fay, workshopId);
			await synced(watcher);
			let n = 0;
			const timer = setInterval(() => {
				writers.forEach((writer, i) => {
					const key = `r${round}-w${i}-${n}:pm`;
					writer.doc.getMap('cells').set(key, 'R');
					written.add(key);
				});
				n++;
			}, 4);
			await waitFor(() => keys(watcher).size > written.size / 2 && n > 40, 'writes flowing');
			await server.kill();
			clearInterval(timer);
			const accepted = keys(watcher);
			watcher.destroy();
			for (const writer of writers) writer.provider.disconnect();

			await restart();
			// The store alone, before any writer re-sends what it holds.
			const verifier = connect(server.url, fay, workshopId);
			await synced(verifier);
			const stored = keys(verifier);
			const missing = [...accepted].filter((k) => !stored.has(k));
			expect(missing, `round ${round}: accepted but lost`).toEqual([]);
			verifier.destroy();

			for (const writer of writers) writer.provider.connect();
			await Promise.all(writers.map((w) => synced(w, 15_000)));
			await waitFor(
				() => writers.every((w) => keys(w).size === written.size),
				`round ${round}: writers converge on all ${written.size} edits`,
				15_000
			);
		}
		for (const writer of writers) writer.destroy();

		const final = connect(server.url, pat, workshopId);
		await synced(final);
		await waitFor(() => keys(final).size === written.size, 'cold client sees every edit');
		final.destroy();
	});

	it('compacts the log after 10,000 small updates; a cold load returns the same state', async () => {
		const workshopId = await createWorkshop(server, fay);
		const writer = connect(server.url, fay, workshopId);
		const watcher = connect(server.url, fay, workshopId);
		await Promise.all([synced(writer), synced(watcher)]);
		const compactionsBefore = await metric(server.url, 'drawline_sync_compactions_total');
		const cells = writer.doc.getMap('cells');
		for (let i = 0; i < 10_000; i++) cells.set(`k${i % 250}:pm`, 'RACI'[i % 4]);
		note(writer.doc).insert(0, 'end');
		await waitFor(() => note(watcher.doc).toString() === 'end', 'all updates through', 30_000);
		expect(await metric(server.url, 'drawline_sync_compactions_total')).toBeGreaterThan(
			compactionsBefore
		);

		const stored = await fixtureStore(server, (store) => store.docs.load(`${workshopId}/board`));
		expect(stored.tailLength).toBeLessThanOrEqual(COMPACT_THRESHOLD + 500);
		expect(stored.updates.length).toBeLessThan(1000);
		const expected = writer.doc.getMap('cells').toJSON();
		writer.destroy();
		watcher.destroy();

		expect(await server.stop()).toBe(0);
		await restart();
		const coldDoc = new Y.Doc();
		const cold = connect(server.url, fay, workshopId, 'board', { doc: coldDoc });
		await synced(cold);
		expect(coldDoc.getMap('cells').toJSON()).toEqual(expected);
		expect(note(coldDoc).toString()).toBe('end');
		cold.destroy();
	});
});
