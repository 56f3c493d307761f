import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
	MESSAGE_AUTH,
	MESSAGE_SYNC,
	SYNC_STEP_1,
	SYNC_STEP_2
} from '../../src/lib/contracts/sync.ts';
import {
	encodeAwareness,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate
} from '../../server/sync/protocol.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import {
	addMember,
	connect,
	fixtureStore,
	metric,
	rawClient,
	signUp,
	synced,
	waitFor,
	type Client,
	type TestUser
} from '../support/sync-client.ts';

/**
 * What a participant with a hand-made client cannot do to a room at the Yjs level: leave
 * updates the room cannot integrate (they would be re-sent to every joiner, re-tried on every
 * edit and written into snapshots), bloat presence, or take over another tab's presence.
 */

let server: RunningServer;
let fay: TestUser; // facilitator
let pat: TestUser; // participant
const clients: Client[] = [];
const sockets: { ws: { close(): void } }[] = [];

beforeAll(async () => {
	// A low compaction threshold, so that what the room holds is soon written as a snapshot.
	server = await startServer({ env: { COMPACT_THRESHOLD: '2' } });
	[fay, pat] = await Promise.all([signUp(server, 'Fay'), signUp(server, 'Pat')]);
});

afterAll(async () => {
	for (const client of clients.splice(0)) client.destroy();
	for (const socket of sockets.splice(0)) socket.ws.close();
	await server?.stop();
	server?.cleanup();
});

function open(user: TestUser, workshopId: string): Client {
	const client = connect(server.url, user, workshopId);
	clients.push(client);
	return client;
}

function hostile(user: TestUser, workshopId: string) {
	const client = rawClient(server.url, user, workshopId);
	sockets.push(client);
	return client;
}

function isSyncStep1(frame: Uint8Array): boolean {
	return frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP_1;
}

function isSyncStep2(frame: Uint8Array): boolean {
	return frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP_2;
}

/** What the server sends a new joiner with an empty document (its sync step 2 payload). */
async function joinerStep2(workshopId: string): Promise<Uint8Array> {
	const joiner = hostile(fay, workshopId);
	await joiner.opened;
	joiner.send(encodeSyncStep1(new Y.Doc()));
	await waitFor(() => joiner.frames.some(isSyncStep2), 'sync step 2 for a joiner');
	joiner.ws.close();
	const frame = joiner.frames.find(isSyncStep2)!;
	return decoding.readVarUint8Array(decoding.createDecoder(frame.subarray(2)));
}

function deniedReasons(frames: Uint8Array[]): string[] {
	return frames
		.filter((frame) => frame[0] === MESSAGE_AUTH)
		.map((frame) => {
			const decoder = decoding.createDecoder(frame.subarray(2));
			return decoding.readVarString(decoder);
		});
}

/** Clients named in an update's structs and in its delete set. */
function clientsIn(update: Uint8Array): { structs: Set<number>; deletes: Set<number> } {
	const decoded = Y.decodeUpdate(update);
	return {
		structs: new Set(decoded.structs.map((s) => s.id.client)),
		deletes: new Set(decoded.ds.clients.keys())
	};
}

/** A delete set naming `count` single-item ranges of a client the room has never seen. */
function deletesOfUnknownClient(client: number, count: number): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 0); // no structs
	encoding.writeVarUint(e, 1); // one client in the delete set
	encoding.writeVarUint(e, client);
	encoding.writeVarUint(e, count);
	for (let i = 0; i < count; i++) {
		encoding.writeVarUint(e, i * 2);
		encoding.writeVarUint(e, 1);
	}
	return encoding.toUint8Array(e);
}

describe('sync: updates a room cannot integrate', () => {
	it('does not apply a missing-dependency update or a delete set for an unknown client, asks once for what it lacks instead of refusing; joiners and the store never see them', async () => {
		const workshopId = await createWorkshop(server, fay);
		await addMember(server, fay, workshopId, pat, 'participant');
		const watcher = open(fay, workshopId);
		await synced(watcher);
		const step2Before = await joinerStep2(workshopId);
		const resyncs = 'drawline_sync_resyncs_requested_total';
		const resyncsBefore = await metric(server.url, resyncs);

		// Updates from a client whose first edit never reached the server: Yjs would hold them.
		const forger = new Y.Doc();
		const forged: Uint8Array[] = [];
		forger.on('update', (u: Uint8Array) => forged.push(u));
		forger.getText('forged').insert(0, 'first');
		forger.getText('forged').insert(5, 'x'.repeat(100 * 1024));
		const gapClient = forger.clientID;
		const deleteClient = gapClient + 1;
		const eve = hostile(pat, workshopId);
		await eve.opened;
		eve.send(encodeUpdate(forged[1]));
		eve.send(encodeUpdate(deletesOfUnknownClient(deleteClient, 60_000)));

		// The same connection's honest edit still lands, after the refused ones.
		const honest = new Y.Doc();
		const honestUpdates: Uint8Array[] = [];
		honest.on('update', (u: Uint8Array) => honestUpdates.push(u));
		honest.getMap('cells').set('honest-card:pm', 'R');
		eve.send(encodeUpdate(honestUpdates[0]));
		await waitFor(
			() => watcher.doc.getMap('cells').has('honest-card:pm'),
			'honest edit after refusal'
		);
		await waitFor(
			async () => (await metric(server.url, resyncs)) >= resyncsBefore + 2,
			'resync requests counted'
		);
		expect(deniedReasons(eve.frames)).toEqual([]);
		// The state vector sent at connect, and once more after the first update it lacked.
		expect(eve.frames.filter(isSyncStep1)).toHaveLength(2);
		expect(watcher.doc.getText('forged').toString()).toBe('');

		// A joiner gets what it got before, plus the honest edit and nothing else.
		const step2After = await joinerStep2(workshopId);
		const joined = new Y.Doc();
		Y.applyUpdate(joined, step2After);
		expect(joined.getMap('cells').get('honest-card:pm')).toBe('R');
		const withoutHonest = new Y.Doc();
		Y.applyUpdate(withoutHonest, step2Before);
		Y.applyUpdate(withoutHonest, honestUpdates[0]);
		expect(step2After.byteLength).toBe(Y.encodeStateAsUpdate(withoutHonest).byteLength);
		for (const named of Object.values(clientsIn(step2After))) {
			expect(named.has(gapClient)).toBe(false);
			expect(named.has(deleteClient)).toBe(false);
		}

		// Compaction writes the room's whole state: it holds neither attack either.
		const compactions = await metric(server.url, 'drawline_sync_compactions_total');
		for (let i = 0; i < 3; i++) watcher.doc.getMap('cells').set(`after-${i}:pm`, 'R');
		await waitFor(
			async () => (await metric(server.url, 'drawline_sync_compactions_total')) > compactions,
			'compaction'
		);
		const stored = await fixtureStore(server, (store) => store.docs.load(`${workshopId}/board`));
		const merged = Y.mergeUpdates(stored.updates);
		for (const named of Object.values(clientsIn(merged))) {
			expect(named.has(gapClient)).toBe(false);
			expect(named.has(deleteClient)).toBe(false);
		}
		expect(merged.byteLength).toBeLessThan(50 * 1024);
	});
});

describe('sync: a writer whose earlier edits the room has not seen', () => {
	it('is asked for them, not refused, and both its edits land', async () => {
		const workshopId = await createWorkshop(server, fay);
		await addMember(server, fay, workshopId, pat, 'participant');
		const watcher = open(fay, workshopId);
		await synced(watcher);

		// Pat's first edit went to another instance and has not reached this one; the second
		// comes here first.
		const pats = new Y.Doc();
		const updates: Uint8Array[] = [];
		pats.on('update', (u: Uint8Array) => updates.push(u));
		pats.getMap('cells').set('first:pm', 'R');
		pats.getMap('cells').set('first:pm', 'A');
		const client = hostile(pat, workshopId);
		await client.opened;
		client.send(encodeUpdate(updates[1]));
		await waitFor(() => client.frames.filter(isSyncStep1).length === 2, 'asked to resync');
		expect(deniedReasons(client.frames)).toEqual([]);

		// What a y-websocket client answers: everything the room's state vector lacks.
		const asked = client.frames.filter(isSyncStep1)[1];
		const stateVector = decoding.readVarUint8Array(decoding.createDecoder(asked.subarray(2)));
		client.send(encodeSyncStep2(pats, stateVector));
		await waitFor(() => watcher.doc.getMap('cells').get('first:pm') === 'A', 'both edits');
		expect(deniedReasons(client.frames)).toEqual([]);
	});
});

describe('sync: presence', () => {
	it('two tabs of one user each keep their own presence until closed', async () => {
		const workshopId = await createWorkshop(server, fay);
		await addMember(server, fay, workshopId, pat, 'participant');
		const observer = open(fay, workshopId);
		const tab1 = open(pat, workshopId);
		const tab2 = open(pat, workshopId);
		await Promise.all([observer, tab1, tab2].map((c) => synced(c)));
		const seen = () => observer.provider.awareness.getStates();
		await waitFor(
			() => seen().has(tab1.doc.clientID) && seen().has(tab2.doc.clientID),
			'both tabs present'
		);
		// Each tab hears the other's presence and, like every y-websocket client, echoes it.
		await waitFor(() => tab2.provider.awareness.getStates().has(tab1.doc.clientID), 'echo');

		tab1.provider.awareness.setLocalStateField('cursor', 'tab 1 moved');
		await waitFor(
			() => (seen().get(tab1.doc.clientID) as { cursor?: string })?.cursor === 'tab 1 moved',
			'tab 1 presence update'
		);
		clients.splice(clients.indexOf(tab1), 1);
		tab1.destroy();
		await waitFor(() => !seen().has(tab1.doc.clientID), 'closed tab removed');
		expect(seen().has(tab2.doc.clientID)).toBe(true);
		expect((seen().get(tab2.doc.clientID) as { user: { id: string } }).user.id).toBe(pat.id);
	});

	it('refuses an oversized presence state; a small one from the same connection goes through', async () => {
		const workshopId = await createWorkshop(server, fay);
		await addMember(server, fay, workshopId, pat, 'participant');
		const observer = open(fay, workshopId);
		await synced(observer);
		const bigStates: number[] = [];
		observer.provider.awareness.on('change', () => {
			for (const state of observer.provider.awareness.getStates().values()) {
				if (JSON.stringify(state).length > 8 * 1024) bigStates.push(1);
			}
		});
		const droppedBefore = await metric(server.url, 'drawline_sync_awareness_dropped_total');

		const eve = hostile(pat, workshopId);
		await eve.opened;
		const doc = new Y.Doc();
		const awareness = new awarenessProtocol.Awareness(doc);
		awareness.setLocalState({ cursor: 'x'.repeat(9 * 1024) });
		eve.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])));
		awareness.setLocalState({ cursor: 'small' });
		eve.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])));
		await waitFor(
			() =>
				(observer.provider.awareness.getStates().get(doc.clientID) as { cursor?: string })
					?.cursor === 'small',
			'small presence relayed'
		);
		expect(bigStates).toEqual([]);
		expect(await metric(server.url, 'drawline_sync_awareness_dropped_total')).toBeGreaterThan(
			droppedBefore
		);
		awareness.destroy();
	});
});
