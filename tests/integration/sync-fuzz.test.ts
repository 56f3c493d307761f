import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import * as awarenessProtocol from 'y-protocols/awareness';
import { startServer, type RunningServer } from '../support/server.ts';
import {
	addMember,
	connect,
	signUp,
	synced,
	syncUrl,
	waitFor,
	type TestUser
} from '../support/sync-client.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '#server/sync/protocol.ts';

/**
 * Hostile members throw random, truncated and oversized frames at a room
 * while a normal member keeps editing. The server must stay up, close only
 * the offending sockets, and the normal member must lose nothing.
 */

const FRAMES = 1200;
let server: RunningServer;

beforeAll(async () => {
	server = await startServer({ env: { ROOM_IDLE_MS: '300' } });
});

afterAll(async () => {
	await server?.stop();
	server?.cleanup();
});

/** Well-formed frames to cut short or corrupt, from a scratch document. */
function sampleFrames(gen: prng.PRNG): Uint8Array[] {
	const doc = new Y.Doc();
	const frames: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => frames.push(encodeUpdate(update)));
	for (let i = 0; i < 40; i++) {
		doc.getMap('cells').set(`k${prng.int32(gen, 0, 9)}`, prng.word(gen, 1, 20));
		doc.getText('notes').insert(0, prng.word(gen, 1, 10));
	}
	frames.push(encodeSyncStep1(doc));
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalStateField('user', { id: 'someone-else', name: 'Mallory' });
	frames.push(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])));
	awareness.destroy();
	return frames;
}

function hostileFrame(gen: prng.PRNG, samples: Uint8Array[], i: number): Uint8Array | string {
	if (i % 200 === 199) return new Uint8Array(1024 * 1024 + prng.int32(gen, 1, 4096)); // oversized
	if (i % 97 === 0) return 'not binary';
	switch (prng.int32(gen, 0, 3)) {
		case 0:
			return prng.uint8Array(gen, prng.int32(gen, 0, 300));
		case 1: {
			const frame = prng.oneOf(gen, samples);
			return frame.slice(0, prng.int32(gen, 0, Math.max(0, frame.length - 1)));
		}
		case 2: {
			const frame = prng.oneOf(gen, samples).slice();
			for (let k = 0; k < 3; k++)
				frame[prng.int32(gen, 0, frame.length - 1)] = prng.int32(gen, 0, 255);
			return frame;
		}
		default: {
			const frame = prng.uint8Array(gen, prng.int32(gen, 2, 120));
			frame[0] = prng.int32(gen, 0, 3);
			frame[1] = prng.int32(gen, 0, 2);
			return frame;
		}
	}
}

/** Sends frames on one socket after another until `budget` is spent. */
async function attack(
	user: TestUser,
	workshopId: string,
	gen: prng.PRNG,
	samples: Uint8Array[],
	budget: { left: number; sent: number; closes: Map<number, number> }
): Promise<void> {
	while (budget.left > 0) {
		const ws = new WebSocket(`${syncUrl(server.url)}/${workshopId}/board`, {
			headers: { origin: server.url, cookie: user.cookie }
		});
		ws.on('error', () => {});
		const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
		const opened = await Promise.race([
			new Promise<boolean>((resolve) => ws.on('open', () => resolve(true))),
			closed.then(() => false)
		]);
		if (!opened) continue;
		let open = true;
		closed.then(() => (open = false));
		// A query-awareness probe after each frame: its answer proves the frame was processed.
		let answered: () => void = () => {};
		ws.on('message', (data: Buffer) => {
			if (data[0] === 1) answered();
		});
		while (open && budget.left > 0) {
			budget.left--;
			budget.sent++;
			const probe = new Promise<void>((resolve) => (answered = resolve));
			ws.send(hostileFrame(gen, samples, budget.sent));
			ws.send(new Uint8Array([3]));
			await Promise.race([probe, closed]);
		}
		if (open) ws.close();
		const code = await closed;
		budget.closes.set(code, (budget.closes.get(code) ?? 0) + 1);
	}
}

describe('sync: fuzz', () => {
	it(`survives ${FRAMES} random, truncated and oversized frames while a normal client edits`, async () => {
		const [fay, pat, eve, mal] = await Promise.all(
			['Fay', 'Pat', 'Eve', 'Mal'].map((name) => signUp(server, name))
		);
		const workshopId = await createWorkshop(server, fay);
		await addMember(server, fay, workshopId, pat, 'participant');
		await addMember(server, fay, workshopId, eve, 'participant');
		await addMember(server, fay, workshopId, mal, 'reader');

		const normal = connect(server.url, pat, workshopId);
		const watcher = connect(server.url, fay, workshopId);
		await Promise.all([synced(normal), synced(watcher)]);
		let n = 0;
		const editing = setInterval(() => normal.doc.getMap('cells').set(`edit${n++}:pm`, 'R'), 5);

		const gen = prng.create(20261122);
		const samples = sampleFrames(gen);
		const budget = { left: FRAMES, sent: 0, closes: new Map<number, number>() };
		await Promise.all([
			attack(eve, workshopId, prng.create(1), samples, budget),
			attack(eve, workshopId, prng.create(2), samples, budget),
			attack(mal, workshopId, prng.create(3), samples, budget),
			attack(eve, workshopId, prng.create(4), samples, budget)
		]);
		clearInterval(editing);
		expect(budget.sent).toBeGreaterThanOrEqual(FRAMES);
		expect(budget.closes.get(1009)).toBeGreaterThan(0);
		expect(budget.closes.get(1003)).toBeGreaterThan(0);
		expect((budget.closes.get(1007) ?? 0) + (budget.closes.get(1002) ?? 0)).toBeGreaterThan(0);

		const health = await fetch(`${server.url}/healthz`);
		expect(health.status).toBe(200);
		const edits = n;
		normal.doc.getMap('cells').set(`last${edits}:pm`, 'A');
		await waitFor(() => watcher.doc.getMap('cells').has(`last${edits}:pm`), 'last edit arrives');
		for (let i = 0; i < edits; i++)
			expect(watcher.doc.getMap('cells').get(`edit${i}:pm`)).toBe('R');
		expect(normal.closeCodes).toEqual([]);
		expect(normal.errors).toEqual([]);
		expect(watcher.closeCodes).toEqual([]);

		// Stored state is intact: a cold client sees every normal edit.
		normal.destroy();
		watcher.destroy();
		expect(await server.stop()).toBe(0);
		server = await startServer({ dataDir: server.dataDir, env: { ROOM_IDLE_MS: '300' } });
		const cold = connect(server.url, fay, workshopId);
		await synced(cold);
		for (let i = 0; i < edits; i++) expect(cold.doc.getMap('cells').get(`edit${i}:pm`)).toBe('R');
		cold.destroy();
	});
});
