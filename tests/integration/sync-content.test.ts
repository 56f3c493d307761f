import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
	addCard,
	addRole,
	deleteRole,
	editRole,
	placeCard,
	readBoard,
	setDissent,
	setFocusRole
} from '../../src/lib/board/index.ts';
import { getDissentMap, getRoleMap, getRowEditMap } from '../../src/lib/board/schema.ts';
import {
	markAgreed,
	readFacilitation,
	setConsentEntry
} from '../../src/lib/facilitation/facilitation-doc.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createWorkshop } from '../support/workshop-http.ts';
import {
	addMember,
	connect,
	joinAsGuest,
	metric,
	note,
	signUp,
	synced,
	syncUrl,
	waitFor,
	type Client,
	type TestUser
} from '../support/sync-client.ts';

/**
 * What a member may write, checked by the server: a hostile client holding a member's own cookie
 * sends updates straight down its socket (no browser checks in the way). Each forbidden one is
 * refused with a reason, reaches no other client, is not stored, and is counted; honest edits
 * from the same socket before and after it land.
 */

const env = {
	ROOM_IDLE_MS: '200',
	MAX_CARDS_PER_BOARD: '40',
	MAX_DOC_BYTES: String(64 * 1024)
};

let server: RunningServer;
let fay: TestUser; // facilitator
let pat: TestUser; // participant
let gus: TestUser; // guest participant
let workshopId: string;
const clients: Client[] = [];

type Hostile = {
	ws: WebSocket;
	refusals: string[];
	closes: number[];
	send(update: Uint8Array): void;
};

async function hostile(
	user: TestUser,
	kind: 'board' | 'facilitation' = 'board',
	workshop = workshopId
): Promise<Hostile> {
	const ws = new WebSocket(`${syncUrl(server.url)}/${workshop}/${kind}`, {
		headers: { origin: server.url, cookie: user.cookie }
	});
	const socket: Hostile = {
		ws,
		refusals: [],
		closes: [],
		send(update) {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, 0); // sync
			encoding.writeVarUint(encoder, 2); // update
			encoding.writeVarUint8Array(encoder, update);
			ws.send(encoding.toUint8Array(encoder));
		}
	};
	ws.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		// y-protocols auth message, permission denied
		if (decoding.readVarUint(decoder) === 2 && decoding.readVarUint(decoder) === 0) {
			socket.refusals.push(decoding.readVarString(decoder));
		}
	});
	ws.on('close', (code) => socket.closes.push(code));
	await new Promise((resolve, reject) => {
		ws.once('open', resolve);
		ws.once('error', reject);
	});
	return socket;
}

/** The update `change` makes on a copy of `base`, from a client id of its own. */
function changeOf(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const scratch = new Y.Doc();
	Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
	const before = Y.encodeStateVector(scratch);
	change(scratch);
	return Y.encodeStateAsUpdate(scratch, before);
}

let marks = 0;

/** An honest letter from `socket`, seen by `watcher`: the socket still writes. */
async function honestEdit(socket: Hostile, watcher: Client, letter = 'R'): Promise<string> {
	const key = `mark${++marks}:pm`;
	socket.send(changeOf(watcher.doc, (doc) => doc.getMap('cells').set(key, letter)));
	await waitFor(() => watcher.doc.getMap('cells').get(key) === letter, `honest edit ${key}`);
	return key;
}

const refusedCount = (reason: string) =>
	metric(server.url, `drawline_sync_writes_refused_total{reason="${reason}"}`);

/**
 * Sends `update` and expects it refused with `reason` (counted by reason; the socket is told
 * once, with the first refusal's reason), then an honest edit from the same socket to land.
 */
async function refused(
	socket: Hostile,
	watcher: Client,
	update: Uint8Array,
	reason: string,
	honestLetter = 'R'
): Promise<string> {
	const before = await refusedCount(reason);
	const told = socket.refusals.length;
	socket.send(update);
	await waitFor(async () => (await refusedCount(reason)) > before, `refusal (${reason})`);
	if (told === 0) {
		await waitFor(() => socket.refusals.length > 0, 'the socket told why');
		expect(socket.refusals[0]).toMatch(new RegExp(`^${reason}:`));
	}
	return honestEdit(socket, watcher, honestLetter);
}

beforeAll(async () => {
	server = await startServer({ env });
	[fay, pat] = await Promise.all([signUp(server, 'Fay'), signUp(server, 'Pat')]);
	workshopId = await createWorkshop(server, fay);
	await addMember(server, fay, workshopId, pat, 'participant');
	gus = await joinAsGuest(server, fay, workshopId, 'Gus');
});

afterAll(async () => {
	for (const client of clients.splice(0)) client.destroy();
	await server?.stop();
	server?.cleanup();
});

describe('sync: what members may write', () => {
	it('refuses forged, structural, malformed and oversized writes and keeps honest ones', async () => {
		const watcher = connect(server.url, fay, workshopId);
		clients.push(watcher);
		await synced(watcher);
		const asFay = { id: fay.id, name: 'Fay' };
		const board = readBoard(watcher.doc);
		const [row, other] = board.tray;
		const pm = board.roles[0];
		placeCard(watcher.doc, null, asFay, row.id);
		placeCard(watcher.doc, null, asFay, other.id);
		setDissent(watcher.doc, null, asFay, row.id, 'The PM should not own this.');
		const counted = {
			'roles-facilitator-only': await refusedCount('roles-facilitator-only'),
			'not-your-entry': await refusedCount('not-your-entry'),
			'bad-value': await refusedCount('bad-value'),
			'too-long': await refusedCount('too-long'),
			'too-many-roles': await refusedCount('too-many-roles'),
			'too-many-cards': await refusedCount('too-many-cards'),
			'board-too-large': await refusedCount('board-too-large')
		};

		const participant = await hostile(pat);
		const guest = await hostile(gus);
		const facilitator = await hostile(fay);
		const honest = [await honestEdit(participant, watcher), await honestEdit(guest, watcher)];
		const asPat = { id: pat.id, name: 'Pat' };
		const asGus = { id: gus.id, name: 'Gus' };
		const hostileColour = 'red;background-image:url(https://evil.example/x);position:fixed';
		const attempts: [Hostile, (doc: Y.Doc) => void, string][] = [
			// The columns and the focus role are the facilitator's.
			[participant, (d) => editRole(d, null, pm.id, { name: 'Nobody' }), 'roles-facilitator-only'],
			[
				participant,
				(d) => (getRoleMap(d).get(pm.id) as Y.Map<unknown>).set('color', hostileColour),
				'roles-facilitator-only'
			],
			[participant, (d) => deleteRole(d, null, pm.id), 'roles-facilitator-only'],
			[guest, (d) => setFocusRole(d, null, board.roles[1].id), 'roles-facilitator-only'],
			[
				guest,
				(d) => addRole(d, null, { name: 'Legal', label: 'LEG', color: '#123456' }),
				'roles-facilitator-only'
			],
			// Entries with a person's name are written and removed only as that person.
			[
				participant,
				(d) =>
					getDissentMap(d).set(`${other.id}:${fay.id}`, {
						userId: fay.id,
						name: 'Fay',
						reason: 'I agree with everything Pat says.',
						at: Date.now()
					}),
				'not-your-entry'
			],
			[guest, (d) => setDissent(d, null, asPat, other.id, 'Signed: Pat'), 'not-your-entry'],
			[participant, (d) => getDissentMap(d).delete(`${row.id}:${fay.id}`), 'not-your-entry'],
			[
				guest,
				(d) => getRowEditMap(d).set(row.id, { userId: pat.id, name: 'Pat', at: Date.now() }),
				'not-your-entry'
			],
			// Values that do not fit the schema, whoever sends them.
			[
				facilitator,
				(d) => (getRoleMap(d).get(pm.id) as Y.Map<unknown>).set('color', hostileColour),
				'bad-value'
			],
			[
				participant,
				(d) => (d.getMap('cards').get(row.id) as Y.Map<unknown>).set('title', 'x'.repeat(10_000)),
				'too-long'
			],
			[participant, (d) => d.getMap('cells').set(`${row.id}:${pm.id}`, 'Z'), 'bad-value'],
			[guest, (d) => d.getMap('elsewhere').set('junk', 'x'.repeat(1000)), 'bad-value'],
			[
				facilitator,
				(d) => {
					// Past the browser's own cap, as a modified client would.
					for (let i = 0; i < 9; i++) {
						const role = new Y.Map<unknown>();
						getRoleMap(d).set(`extra${i}`, role);
						for (const [field, value] of Object.entries({
							id: `extra${i}`,
							name: `Extra ${i}`,
							label: `X${i}`,
							color: '#123456',
							order: `z${i + 1}`
						})) {
							role.set(field, value);
						}
					}
				},
				'too-many-roles'
			],
			[
				participant,
				(d) => {
					for (let i = 0; i < 20; i++) addCard(d, null, asPat, { title: `Spam ${i}` });
				},
				'too-many-cards'
			],
			[
				guest,
				(d) => {
					for (const cardId of [...d.getMap('notes').keys()].slice(0, 20)) {
						(d.getMap('notes').get(cardId) as Y.Text).insert(0, 'n'.repeat(3000));
					}
				},
				'board-too-large'
			]
		];
		for (const [socket, change, reason] of attempts) {
			honest.push(await refused(socket, watcher, changeOf(watcher.doc, change), reason));
		}
		// A participant's own dissent, and an honest card, from the same socket.
		participant.send(
			changeOf(watcher.doc, (d) => setDissent(d, null, asPat, other.id, 'Sales should own it.'))
		);
		guest.send(changeOf(watcher.doc, (d) => addCard(d, null, asGus, { title: 'Run the demo' })));
		await waitFor(
			() =>
				getDissentMap(watcher.doc).has(`${other.id}:${pat.id}`) &&
				readBoard(watcher.doc).tray.some((card) => card.title === 'Run the demo'),
			'honest dissent and card'
		);

		const expectUntouched = (doc: Y.Doc) => {
			const now = readBoard(doc);
			expect(now.roles).toEqual(board.roles);
			expect(now.focusRoleId).toBe(board.focusRoleId);
			expect(now.rows.map((card) => card.title)).toEqual([row.title, other.title]);
			expect(now.tray.length).toBe(board.tray.length - 2 + 1);
			expect(now.dissent.map((d) => [d.userId, d.name])).toEqual(
				expect.arrayContaining([
					[fay.id, 'Fay'],
					[pat.id, 'Pat']
				])
			);
			expect(now.dissent).toHaveLength(2);
			expect(now.cells[`${row.id}:${pm.id}`]).toBeUndefined();
			expect(now.rowEdits[row.id].userId).toBe(fay.id);
			expect(doc.share.has('elsewhere')).toBe(false);
			expect(note(doc).length).toBe(0);
			for (const key of honest) expect(doc.getMap('cells').get(key)).toBe('R');
		};
		// Another member's view, live.
		const other_ = connect(server.url, pat, workshopId);
		clients.push(other_);
		await synced(other_);
		expectUntouched(other_.doc);
		expectUntouched(watcher.doc);
		expect(participant.closes).toEqual([]);
		expect(guest.closes).toEqual([]);

		const expected: Record<string, number> = {
			'roles-facilitator-only': 5,
			'not-your-entry': 4,
			'bad-value': 3,
			'too-long': 1,
			'too-many-roles': 1,
			'too-many-cards': 1,
			'board-too-large': 1
		};
		for (const [reason, count] of Object.entries(expected)) {
			expect(await refusedCount(reason), reason).toBe(
				counted[reason as keyof typeof counted] + count
			);
		}

		// Nothing refused was stored.
		for (const socket of [participant, guest, facilitator]) socket.ws.close();
		for (const client of clients.splice(0)) client.destroy();
		expect(await server.stop()).toBe(0);
		server = await startServer({ dataDir: server.dataDir, env });
		const cold = connect(server.url, fay, workshopId);
		clients.push(cold);
		await synced(cold);
		expectUntouched(cold.doc);
	});

	it('keeps agreements in the agreeing facilitator’s name and consents to the server', async () => {
		const watcher = connect(server.url, pat, workshopId, 'facilitation');
		const board = connect(server.url, fay, workshopId);
		clients.push(watcher, board);
		await Promise.all([synced(watcher), synced(board)]);
		const cardId = readBoard(board.doc).rows[0].id;
		const facilitator = await hostile(fay, 'facilitation');
		const asPat = { id: pat.id, name: 'Pat' };
		const before = await refusedCount('not-your-entry');
		const serverOnly = await refusedCount('server-only');

		facilitator.send(changeOf(watcher.doc, (d) => markAgreed(d, null, asPat, cardId, null, 1)));
		await waitFor(() => facilitator.refusals.length === 1, 'forged agreement refused');
		expect(facilitator.refusals[0]).toMatch(/^not-your-entry:/);
		facilitator.send(
			changeOf(watcher.doc, (d) =>
				setConsentEntry(d, null, {
					version: 1,
					...{ userId: pat.id, name: 'Pat' },
					decision: 'object',
					comment: '',
					at: 1
				})
			)
		);
		await waitFor(
			async () => (await refusedCount('server-only')) > serverOnly,
			'consent written directly refused'
		);
		facilitator.send(
			changeOf(watcher.doc, (d) =>
				markAgreed(d, null, { id: fay.id, name: 'Fay' }, cardId, null, 2)
			)
		);
		await waitFor(() => readFacilitation(watcher.doc).agreed[cardId] !== undefined, 'agreement');
		expect(readFacilitation(watcher.doc).agreed[cardId].by).toEqual({ id: fay.id, name: 'Fay' });
		expect(readFacilitation(watcher.doc).consents).toEqual([]);
		expect(await refusedCount('not-your-entry')).toBe(before + 1);
		facilitator.ws.close();
	});

	it('takes only the letters of the workshop’s framework, and nobody changes the framework', async () => {
		const daciId = await createWorkshop(server, fay, { framework: 'daci' });
		await addMember(server, fay, daciId, pat, 'participant');
		const watcher = connect(server.url, fay, daciId);
		clients.push(watcher);
		await synced(watcher);
		expect(readBoard(watcher.doc).framework).toBe('daci');
		const cardId = readBoard(watcher.doc).tray[0].id;
		placeCard(watcher.doc, null, { id: fay.id, name: 'Fay' }, cardId);
		const cell = `${cardId}:${readBoard(watcher.doc).roles[0].id}`;
		const participant = await hostile(pat, 'board', daciId);
		const facilitator = await hostile(fay, 'board', daciId);
		const badValues = await refusedCount('bad-value');

		const attempts: [Hostile, (doc: Y.Doc) => void][] = [
			// RACI's letters, pairs other than the Approver who also drives, and junk.
			[participant, (d) => d.getMap('cells').set(cell, 'R')],
			[participant, (d) => d.getMap('cells').set(cell, 'A/R')],
			[participant, (d) => d.getMap('cells').set(cell, 'A/C')],
			[participant, (d) => d.getMap('cells').set(cell, 'D/A')],
			[participant, (d) => d.getMap('cells').set(cell, ['A', 'D'])],
			[participant, (d) => d.getMap('cells').set(cell, { letter: 'A' })],
			// The framework is the server's, even for the facilitator.
			[facilitator, (d) => d.getMap('meta').set('framework', 'raci')],
			[facilitator, (d) => d.getMap('meta').delete('framework')]
		];
		for (const [socket, change] of attempts) {
			await refused(socket, watcher, changeOf(watcher.doc, change), 'bad-value', 'D');
		}
		expect(await refusedCount('bad-value')).toBe(badValues + attempts.length);

		participant.send(changeOf(watcher.doc, (d) => d.getMap('cells').set(cell, 'A/D')));
		await waitFor(() => readBoard(watcher.doc).cells[cell] === 'A/D', 'A/D accepted');
		expect(readBoard(watcher.doc).framework).toBe('daci');
		expect(readBoard(watcher.doc).rows).toHaveLength(1);
		for (const socket of [participant, facilitator]) socket.ws.close();
	});

	it('takes an owner who also does the row on a RACI board, and no RASCI letter', async () => {
		const watcher = connect(server.url, fay, workshopId);
		clients.push(watcher);
		await synced(watcher);
		const board = readBoard(watcher.doc);
		const cell = `${board.rows[0].id}:${board.roles[1].id}`;
		const participant = await hostile(pat);
		await refused(
			participant,
			watcher,
			changeOf(watcher.doc, (d) => d.getMap('cells').set(cell, 'S')),
			'bad-value'
		);
		participant.send(changeOf(watcher.doc, (d) => d.getMap('cells').set(cell, 'A/R')));
		await waitFor(() => readBoard(watcher.doc).cells[cell] === 'A/R', 'A/R accepted');
		participant.ws.close();
	});
});
