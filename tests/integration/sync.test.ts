import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../support/server.ts';
import {
	addMember,
	changeRole,
	connect,
	fixtureStore,
	inviteLink,
	metric,
	rawClient,
	note,
	removeMember,
	signUp,
	synced,
	syncUrl,
	upgradeStatus,
	waitFor,
	type Client,
	type TestUser
} from '../support/sync-client.ts';
import { createWorkshop } from '../support/workshop-http.ts';

/**
 * The sync service end to end: a real server process, users signed up over
 * HTTP, and stock y-websocket providers carrying their session cookies.
 */

let server: RunningServer;
let fay: TestUser; // facilitator
let pat: TestUser; // participant
let rita: TestUser; // reader
let outsider: TestUser;
let workshopId: string;
const clients: Client[] = [];

function open(user: TestUser | null, kind: 'board' | 'facilitation' = 'board', id = workshopId) {
	const client = connect(server.url, user, id, kind);
	clients.push(client);
	return client;
}

/** A workshop of its own for each test: Fay facilitates, Pat participates, Rita reads. */
async function freshWorkshop(): Promise<string> {
	workshopId = await createWorkshop(server, fay);
	await addMember(server, fay, workshopId, pat, 'participant');
	await addMember(server, fay, workshopId, rita, 'reader');
	return workshopId;
}

function closeAll() {
	for (const client of clients.splice(0)) client.destroy();
}

beforeAll(async () => {
	server = await startServer({ env: { ROOM_IDLE_MS: '200' } });
	[fay, pat, rita, outsider] = await Promise.all(
		['Fay', 'Pat', 'Rita', 'Olga'].map((name) => signUp(server, name))
	);
});

beforeEach(async () => {
	await freshWorkshop();
});

afterAll(async () => {
	closeAll();
	await server?.stop();
	server?.cleanup();
});

describe('sync: collaboration', () => {
	it('two clients converge on concurrent edits and see each other under their server-side names', async () => {
		const a = open(fay);
		const b = open(pat);
		await Promise.all([synced(a), synced(b)]);
		note(a.doc).insert(0, 'facilitator ');
		note(b.doc).insert(0, 'participant ');
		a.doc.getMap('cells').set('c1:pm', 'A');
		b.doc.getMap('cells').set('c1:eng', 'R');
		await waitFor(
			() =>
				note(a.doc).toString() === note(b.doc).toString() &&
				note(b.doc).length === 24 &&
				a.doc.getMap('cells').size === 2 &&
				b.doc.getMap('cells').size === 2,
			'convergence'
		);
		await waitFor(
			() =>
				[...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Fay') &&
				[...a.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Pat'),
			'presence under server-side names'
		);
		const seen = [...b.provider.awareness.getStates().entries()].find(
			([id]) => id === a.doc.clientID
		);
		expect(seen?.[1].user).toMatchObject({ id: fay.id, name: 'Fay' });
		expect(a.errors).toEqual([]);
		closeAll();
	});

	it('twenty clients converge on concurrent edits', async () => {
		const users = [fay, pat];
		const many = Array.from({ length: 20 }, (_, i) => open(users[i % 2]));
		await Promise.all(many.map((c) => synced(c)));
		many.forEach((c, i) => {
			c.doc.getMap('cells').set(`row${i}:pm`, 'R');
			note(c.doc).insert(0, `${i};`);
		});
		const expected = many.length;
		await waitFor(
			() => many.every((c) => c.doc.getMap('cells').size >= expected),
			'every edit everywhere',
			20_000
		);
		const texts = new Set(many.map((c) => note(c.doc).toString()));
		await waitFor(() => new Set(many.map((c) => note(c.doc).toString())).size === 1, 'one text');
		expect(texts.size).toBeGreaterThanOrEqual(1);
		closeAll();
	});
});

describe('sync: last activity', () => {
	it("a board edit moves the workshop's last activity forward", async () => {
		const updatedAt = () =>
			fixtureStore(server, async (store) => (await store.workshops.get(workshopId))!.updatedAt);
		const before = await updatedAt();
		await new Promise((resolve) => setTimeout(resolve, 20));
		const a = open(pat);
		await synced(a);
		a.doc.getMap('cells').set('c1:pm', 'A');
		await waitFor(async () => (await updatedAt()) > before, 'last activity to move');
		closeAll();
	});
});

describe('sync: upgrade checks before any Yjs byte', () => {
	it('answers 401 / 403 / 403 (bad Origin) / 404 with HTTP statuses', async () => {
		const url = `${syncUrl(server.url)}/${workshopId}/board`;
		const origin = server.url;
		expect(await upgradeStatus(url, { origin })).toBe(401);
		expect(await upgradeStatus(url, { origin, cookie: 'drawline_session=forged.token' })).toBe(401);
		expect(await upgradeStatus(url, { origin, cookie: outsider.cookie })).toBe(403);
		expect(await upgradeStatus(url, { origin: 'https://evil.example', cookie: fay.cookie })).toBe(
			403
		);
		expect(
			await upgradeStatus(`${syncUrl(server.url)}/nosuchworkshop/board`, {
				origin,
				cookie: fay.cookie
			})
		).toBe(404);
		expect(
			await upgradeStatus(`${syncUrl(server.url)}/${workshopId}/kitchen`, {
				origin,
				cookie: fay.cookie
			})
		).toBe(404);
		expect(await upgradeStatus(url, { origin, cookie: rita.cookie })).toBe(101);
	});
});

describe('sync: write permissions', () => {
	it("drops a reader's writes and a locked participant's, live and after a restart", async () => {
		const facilitator = open(fay);
		const participant = open(pat);
		const reader = open(rita);
		const control = open(fay, 'facilitation');
		await Promise.all([facilitator, participant, reader, control].map((c) => synced(c)));
		const refusedReadOnly = `drawline_sync_writes_refused_total{reason="read-only"}`;
		const refusedLocked = `drawline_sync_writes_refused_total{reason="board-locked"}`;
		const readOnlyBefore = await metric(server.url, refusedReadOnly);
		const lockedBefore = await metric(server.url, refusedLocked);

		reader.doc.getMap('cells').set('reader:pm', 'A');
		participant.doc.getMap('cells').set('before-lock:pm', 'R');
		await waitFor(() => facilitator.doc.getMap('cells').has('before-lock:pm'), 'participant edit');

		control.doc.getMap('state').set('locked', true);
		await waitFor(() => participant.doc.getMap('cells').size >= 1, 'participant synced');
		// The lock is a facilitation write; once committed, the board refuses participants at once.
		await new Promise((resolve) => setTimeout(resolve, 200));
		participant.doc.getMap('cells').set('during-lock:pm', 'C');
		facilitator.doc.getMap('cells').set('facilitator-during-lock:pm', 'I');
		await waitFor(
			() => participant.doc.getMap('cells').has('facilitator-during-lock:pm'),
			'facilitator edit while locked'
		);
		await waitFor(
			async () =>
				(await metric(server.url, refusedReadOnly)) >= readOnlyBefore + 1 &&
				(await metric(server.url, refusedLocked)) >= lockedBefore + 1,
			'dropped writes counted'
		);
		expect(facilitator.doc.getMap('cells').has('reader:pm')).toBe(false);
		expect(facilitator.doc.getMap('cells').has('during-lock:pm')).toBe(false);
		expect(participant.closeCodes).toEqual([]);

		// A participant cannot unlock: facilitation is read-only for them.
		const participantControl = open(pat, 'facilitation');
		await synced(participantControl);
		expect(participantControl.doc.getMap('state').get('locked')).toBe(true);
		participantControl.doc.getMap('state').set('locked', false);
		await new Promise((resolve) => setTimeout(resolve, 300));
		closeAll();

		// After a restart the refused writes are nowhere; the accepted ones are all there.
		expect(await server.stop()).toBe(0);
		server = await startServer({ dataDir: server.dataDir, env: { ROOM_IDLE_MS: '200' } });
		const fresh = open(fay);
		const freshControl = open(fay, 'facilitation');
		await Promise.all([synced(fresh), synced(freshControl)]);
		expect(fresh.doc.getMap('cells').toJSON()).toEqual({
			'before-lock:pm': 'R',
			'facilitator-during-lock:pm': 'I'
		});
		expect(freshControl.doc.getMap('state').get('locked')).toBe(true);

		// Unlocking gives participants their pen back without reconnecting: like the board UI,
		// the participant writes once its facilitation doc shows the board unlocked.
		const participantAgain = open(pat);
		const participantView = open(pat, 'facilitation');
		await Promise.all([synced(participantAgain), synced(participantView)]);
		freshControl.doc.getMap('state').set('locked', false);
		await waitFor(() => participantView.doc.getMap('state').get('locked') === false, 'unlock seen');
		participantAgain.doc.getMap('cells').set('after-unlock:pm', 'A');
		await waitFor(() => fresh.doc.getMap('cells').has('after-unlock:pm'), 'write after unlock');
		expect(participantAgain.closeCodes).toEqual([]);
		closeAll();
	});
});

describe('sync: rooms', () => {
	it('loads a cold room exactly once when twenty clients connect at the same instant', async () => {
		const coldId = await createWorkshop(server, fay);
		const before = await metric(server.url, 'drawline_room_loads_total{kind="board"}');
		const burst = Array.from({ length: 20 }, () => open(fay, 'board', coldId));
		await Promise.all(burst.map((c) => synced(c)));
		expect(await metric(server.url, 'drawline_room_loads_total{kind="board"}')).toBe(before + 1);
		closeAll();
	});

	it('reconnects a member whose role changed with the new role (4001), and closes them (4403) when removed', async () => {
		const facilitator = open(fay);
		const participant = open(pat);
		const participantControl = open(pat, 'facilitation');
		await Promise.all([facilitator, participant, participantControl].map((c) => synced(c)));
		participant.doc.getMap('cells').set('as-participant:pm', 'R');
		await waitFor(
			() => facilitator.doc.getMap('cells').has('as-participant:pm'),
			'write as participant'
		);

		await changeRole(server, fay, workshopId, pat, 'reader');
		await waitFor(
			() => participant.closeCodes.includes(4001) && participantControl.closeCodes.includes(4001),
			'close 4001 on both rooms'
		);
		await waitFor(() => participant.provider.synced, 'reconnected as reader');
		participant.doc.getMap('cells').set('as-reader:pm', 'A');
		facilitator.doc.getMap('cells').set('marker:pm', 'I');
		await waitFor(() => participant.doc.getMap('cells').has('marker:pm'), 'reading');
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(facilitator.doc.getMap('cells').has('as-reader:pm')).toBe(false);

		// Raised again: the new connection writes.
		await changeRole(server, fay, workshopId, pat, 'participant');
		await waitFor(
			() => participant.closeCodes.filter((code) => code === 4001).length === 2,
			'close 4001 again'
		);
		await waitFor(() => participant.provider.synced, 'reconnected as participant');
		participant.doc.getMap('cells').set('as-participant-again:pm', 'C');
		await waitFor(
			() => facilitator.doc.getMap('cells').has('as-participant-again:pm'),
			'write as participant again'
		);

		await removeMember(server, fay, workshopId, pat);
		await waitFor(
			() => participant.closeCodes.includes(4403) && participantControl.closeCodes.includes(4403),
			'close 4403 on both rooms'
		);
		closeAll();
		await addMember(server, fay, workshopId, pat, 'participant');
	});

	it("reconnects a reader who opens a participant's invite link as a participant (4001)", async () => {
		const facilitator = open(fay);
		const reader = open(rita);
		await Promise.all([synced(facilitator), synced(reader)]);
		await addMember(server, fay, workshopId, rita, 'participant');
		await waitFor(() => reader.closeCodes.includes(4001), 'close 4001');
		await waitFor(() => reader.provider.synced, 'reconnected as participant');
		reader.doc.getMap('cells').set('raised-by-invite:pm', 'C');
		await waitFor(
			() => facilitator.doc.getMap('cells').has('raised-by-invite:pm'),
			'write as participant'
		);
		closeAll();
	});

	it('closes the rooms of a deleted workshop (4404)', async () => {
		const client = open(pat);
		await synced(client);
		const response = await fetch(`${server.url}/w/${workshopId}/settings?/delete`, {
			method: 'POST',
			redirect: 'manual',
			body: new URLSearchParams({ confirm: 'Where should we draw the line?' }),
			headers: {
				origin: server.url,
				cookie: fay.cookie,
				'content-type': 'application/x-www-form-urlencoded',
				'x-sveltekit-action': 'true'
			}
		});
		expect(response.status).toBe(200);
		await waitFor(() => client.closeCodes.includes(4404), 'close 4404');
		const url = `${syncUrl(server.url)}/${workshopId}/board`;
		expect(await upgradeStatus(url, { origin: server.url, cookie: fay.cookie })).toBe(404);
		closeAll();
	});

	it('closes the sockets of a session that signs out (4401)', async () => {
		const user = await signUp(server, 'Sam');
		await addMember(server, fay, workshopId, user, 'participant');
		const client = open(user);
		await synced(client);
		const response = await fetch(`${server.url}/signout`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: user.cookie, origin: server.url }
		});
		expect(response.status).toBeLessThan(400);
		await waitFor(() => client.closeCodes.includes(4401), 'close 4401');
		closeAll();
	});

	it("closes a guest's sockets when that browser signs in to an account (4401)", async () => {
		const link = await inviteLink(server, fay, workshopId, 'participant');
		const form = (fields: Record<string, string>, cookie = '') => ({
			method: 'POST',
			redirect: 'manual' as const,
			body: new URLSearchParams(fields),
			headers: {
				origin: server.url,
				cookie,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			}
		});
		const joined = await fetch(`${server.url}${link}?/guest`, form({ displayName: 'Gus' }));
		const guestCookie = joined.headers
			.getSetCookie()
			.find((c) => c.startsWith('drawline_session='))
			?.split(';')[0];
		expect(guestCookie).toBeDefined();
		const guest = { id: '', username: '', displayName: 'Gus', cookie: guestCookie! };
		const client = open(guest);
		await synced(client);

		const account = await signUp(server, 'Gus Account');
		const signedIn = await fetch(
			`${server.url}/signin`,
			form({ username: account.username, password: 'correct horse battery staple' }, guestCookie)
		);
		expect(signedIn.status).toBe(303);
		await waitFor(() => client.closeCodes.includes(4401), 'close 4401');
		expect(
			await upgradeStatus(`${syncUrl(server.url)}/${workshopId}/board`, {
				origin: server.url,
				cookie: guest.cookie
			})
		).toBe(401);
		closeAll();
	});
});

describe('sync: limits and bad input', () => {
	it('closes an oversized message with 1009, a malformed one with 1007, a text frame with 1003', async () => {
		const big = rawClient(server.url, pat, workshopId);
		await big.opened;
		big.ws.send(new Uint8Array(1024 * 1024 + 16));
		expect(await big.closed).toBe(1009);

		const bad = rawClient(server.url, pat, workshopId);
		await bad.opened;
		bad.ws.send(new Uint8Array([0, 2, 50, 1, 2, 3]));
		expect(await bad.closed).toBe(1007);

		const text = rawClient(server.url, pat, workshopId);
		await text.opened;
		text.ws.send('hello');
		expect(await text.closed).toBe(1003);

		const unknown = rawClient(server.url, pat, workshopId);
		await unknown.opened;
		unknown.ws.send(new Uint8Array([9]));
		expect(await unknown.closed).toBe(1002);
	});

	it('serves Prometheus metrics', async () => {
		const text = await (await fetch(`${server.url}/metrics`)).text();
		for (const name of [
			'drawline_sync_connections',
			'drawline_sync_rooms',
			'drawline_sync_messages_in_total',
			'drawline_sync_messages_out_total',
			'drawline_sync_bytes_in_total',
			'drawline_sync_bytes_out_total',
			'drawline_sync_writes_refused_total',
			'drawline_sync_persist_batch_seconds_bucket',
			'drawline_sync_compactions_total',
			'drawline_room_loads_total'
		]) {
			expect(text).toContain(name);
		}
	});
});

describe('sync: shutdown', () => {
	it('on SIGTERM flushes, closes sockets with 1012 and exits 0; clients re-sync after restart', async () => {
		const a = open(fay);
		const b = open(pat);
		await Promise.all([synced(a), synced(b)]);
		for (let i = 0; i < 50; i++) note(a.doc).insert(0, 'x');
		await waitFor(() => note(b.doc).length === 50, 'edits before shutdown');
		const port = server.port;
		expect(await server.stop()).toBe(0);
		await waitFor(() => a.closeCodes.includes(1012) && b.closeCodes.includes(1012), 'close 1012');

		server = await startServer({ dataDir: server.dataDir, port, env: { ROOM_IDLE_MS: '200' } });
		note(b.doc).insert(0, 'y');
		await Promise.all([synced(a, 15_000), synced(b, 15_000)]);
		await waitFor(() => note(a.doc).length === 51, 'offline edit re-synced', 15_000);
		const cold = new Y.Doc();
		const fresh = connect(server.url, fay, workshopId, 'board', { doc: cold });
		clients.push(fresh);
		await synced(fresh);
		expect(note(cold).length).toBe(51);
		closeAll();
	});
});
