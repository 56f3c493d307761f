import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cellKey, readBoard, placeCard, setCell } from '../../src/lib/board/index.ts';
import {
	markAgreed,
	readFacilitation,
	rowStatus,
	setLocked,
	setPhase,
	setVoteBudget
} from '../../src/lib/facilitation/index.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { connect, fixtureStore, synced, waitFor, type Client } from '../support/sync-client.ts';
import { createWorkshop, invite, signUpPerson, type Person } from '../support/workshop-http.ts';

/**
 * Facilitation end to end: the real server, people signed up and invited through the app's
 * forms, stock y-websocket clients with their cookies, and the JSON endpoints. What matters is
 * who can do what: only the facilitator steers, proposals stay private to their author, a
 * removed participant is cut off at once, published versions never change, consent is one
 * answer per person per version.
 */

let server: RunningServer;
let fay: Person; // facilitator
let pat: Person; // participant
let ria: Person; // participant
let rex: Person; // reader
let workshopId: string;
const clients: Client[] = [];

function open(person: Person, kind: 'board' | 'facilitation') {
	const client = connect(server.url, person, workshopId, kind);
	clients.push(client);
	return client;
}

const base = () => `/w/${workshopId}/facilitation`;

beforeAll(async () => {
	server = await startServer({ env: { ROOM_IDLE_MS: '200' } });
	[fay, pat, ria, rex] = await Promise.all(
		['Fay', 'Pat', 'Ria', 'Rex'].map((name) => signUpPerson(server, name))
	);
});

beforeEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	workshopId = await createWorkshop(server, fay);
	await invite(server, fay, workshopId, 'participant', [pat, ria]);
	await invite(server, fay, workshopId, 'reader', [rex]);
});

afterAll(async () => {
	for (const client of clients.splice(0)) client.destroy();
	await server?.stop();
	server?.cleanup();
});

/** Places the first `n` tray cards as rows (as a participant would) and returns their ids. */
async function placeRows(n: number): Promise<{ board: Client; rows: string[]; roles: string[] }> {
	const board = open(pat, 'board');
	await synced(board);
	const snapshot = readBoard(board.doc);
	const rows = snapshot.tray.slice(0, n).map((card) => card.id);
	for (const id of rows) placeCard(board.doc, 'pat', { id: pat.id, name: 'Pat' }, id);
	await waitFor(async () => {
		const check = open(fay, 'board');
		await synced(check);
		const placed = readBoard(check.doc).rows.length;
		check.destroy();
		return placed === n;
	}, 'rows to be stored');
	return { board, rows, roles: snapshot.roles.map((role) => role.id) };
}

describe('facilitation room: only the facilitator steers', () => {
	it('carries the facilitator’s phase to participants and drops a participant’s writes', async () => {
		const mine = open(fay, 'facilitation');
		const theirs = open(pat, 'facilitation');
		await Promise.all([synced(mine), synced(theirs)]);

		setPhase(mine.doc, 'fay', 'discuss');
		await waitFor(() => readFacilitation(theirs.doc).phase === 'discuss', 'phase to reach Pat');

		// Pat's own doc accepts the change locally; the server drops it.
		setPhase(theirs.doc, 'pat', 'published');
		setLocked(theirs.doc, 'pat', true);
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect(readFacilitation(mine.doc)).toMatchObject({ phase: 'discuss', locked: false });
		const late = open(ria, 'facilitation');
		await synced(late);
		expect(readFacilitation(late.doc)).toMatchObject({ phase: 'discuss', locked: false });
	});

	it('refuses facilitator-only endpoints to participants and readers', async () => {
		for (const person of [pat, ria]) {
			expect((await person.api('POST', `${base()}/round`, { named: false })).status).toBe(403);
			expect((await person.api('POST', `${base()}/reveal`)).status).toBe(403);
			expect((await person.api('POST', `${base()}/publish`)).status).toBe(403);
			expect((await person.api('POST', `${base()}/adopt`, { cardId: 'x' })).status).toBe(403);
			expect((await person.api('DELETE', `${base()}/votes`)).status).toBe(403);
		}
		expect((await rex.api('PUT', `${base()}/proposals`, { cells: {} })).status).toBe(403);
		expect((await rex.api('POST', `${base()}/votes`, { cardId: 'x', delta: 1 })).status).toBe(403);
		const publish = await pat.api<{ message: string }>('POST', `${base()}/publish`);
		expect(publish.body.message).toMatch(/facilitator/i);
	});

	it('tells the time for the shared timer', async () => {
		const before = Date.now();
		const { status, body } = await pat.api<{ now: number }>('GET', `${base()}/time`);
		expect(status).toBe(200);
		expect(body.now).toBeGreaterThanOrEqual(before - 1000);
		expect(body.now).toBeLessThanOrEqual(Date.now() + 1000);
	});
});

describe('blind proposals', () => {
	it('keeps each person’s proposals to themselves, before and after an anonymous reveal', async () => {
		const { rows, roles } = await placeRows(2);
		const [roadmap, launch] = rows;
		const [pm, eng] = roles;
		const facilitation = open(ria, 'facilitation');
		await synced(facilitation);

		expect((await pat.api('PUT', `${base()}/proposals`, { cells: {} })).status).toBe(409);
		const started = await fay.api('POST', `${base()}/round`, { named: false });
		expect(started.status).toBe(201);
		await waitFor(() => readFacilitation(facilitation.doc).phase === 'propose', 'Propose phase');

		const patCells = { [cellKey(roadmap, pm)]: 'A', [cellKey(roadmap, eng)]: 'R' };
		const riaCells = {
			[cellKey(roadmap, eng)]: 'A',
			[cellKey(roadmap, pm)]: 'R',
			[cellKey(launch, pm)]: 'A'
		};
		expect((await pat.api('PUT', `${base()}/proposals`, { cells: patCells })).status).toBe(200);
		expect((await ria.api('PUT', `${base()}/proposals`, { cells: riaCells })).status).toBe(200);
		await waitFor(() => readFacilitation(facilitation.doc).round?.submitted === 2, 'count of 2');

		// Each reads their own; the facilitator, who proposed nothing, reads nothing.
		expect((await pat.api('GET', `${base()}/proposals`)).body.cells).toEqual(patCells);
		expect((await ria.api('GET', `${base()}/proposals`)).body.cells).toEqual(riaCells);
		expect((await fay.api('GET', `${base()}/proposals`)).body.cells).toEqual({});
		// Naming someone else does nothing: the endpoint only knows the session's user.
		expect(
			(await fay.api('GET', `${base()}/proposals?userId=${pat.id}&user=${pat.id}`)).body.cells
		).toEqual({});
		// Nothing individual is in the shared room before the reveal.
		const beforeReveal = JSON.stringify(facilitation.doc.toJSON());
		for (const person of [pat, ria]) expect(beforeReveal).not.toContain(person.id);

		const revealed = await fay.api<{ respondents: number }>('POST', `${base()}/reveal`);
		expect(revealed.status).toBe(200);
		expect(revealed.body.respondents).toBe(2);
		await waitFor(() => readFacilitation(facilitation.doc).reveal !== null, 'reveal to arrive');
		const reveal = readFacilitation(facilitation.doc).reveal!;
		expect(reveal.cells[cellKey(roadmap, pm)].counts).toEqual({ A: 1, R: 1 });
		expect(reveal.cells[cellKey(launch, pm)].counts).toEqual({ A: 1 });
		const shared = JSON.stringify(facilitation.doc.toJSON());
		for (const person of [pat, ria]) {
			expect(shared).not.toContain(person.id);
			expect(shared).not.toContain(`"${person.displayName}"`);
		}
		// After the reveal: still only one's own, and no more changes.
		expect((await fay.api('GET', `${base()}/proposals`)).body.cells).toEqual({});
		expect((await pat.api('GET', `${base()}/proposals`)).body.cells).toEqual(patCells);
		const late = await pat.api('PUT', `${base()}/proposals`, {
			cells: { [cellKey(launch, pm)]: 'C' }
		});
		expect(late.status).toBe(409);
		expect((await fay.api('POST', `${base()}/reveal`)).status).toBe(409);
	});

	it('names who said what only in a round started in named mode; adopts the majority', async () => {
		const { board, rows, roles } = await placeRows(1);
		const [row] = rows;
		const [pm, eng] = roles;
		await fay.api('POST', `${base()}/round`, { named: true });
		await pat.api('PUT', `${base()}/proposals`, {
			cells: { [cellKey(row, pm)]: 'A', [cellKey(row, eng)]: 'R' }
		});
		await ria.api('PUT', `${base()}/proposals`, {
			cells: { [cellKey(row, pm)]: 'A', [cellKey(row, eng)]: 'C' }
		});
		await fay.api('PUT', `${base()}/proposals`, {
			cells: { [cellKey(row, pm)]: 'A', [cellKey(row, eng)]: 'R' }
		});
		const { body } = await fay.api<{ cells: Record<string, { names?: Record<string, string[]> }> }>(
			'POST',
			`${base()}/reveal`
		);
		expect(body.cells[cellKey(row, pm)].names?.A).toEqual(['Fay', 'Pat', 'Ria']);

		expect((await pat.api('POST', `${base()}/adopt`, { cardId: row })).status).toBe(403);
		const adopted = await fay.api<{ letters: Record<string, string | null> }>(
			'POST',
			`${base()}/adopt`,
			{ cardId: row }
		);
		expect(adopted.status).toBe(200);
		expect(adopted.body.letters).toMatchObject({ [pm]: 'A', [eng]: 'R' });
		// The letters reach a connected board client through the board room.
		await waitFor(() => readBoard(board.doc).cells[cellKey(row, pm)] === 'A', 'adopted letters');
		expect(readBoard(board.doc).cells[cellKey(row, eng)]).toBe('R');
		expect(readBoard(board.doc).rowEdits[row].name).toBe('Fay');
	});

	it('takes the letters of the workshop’s framework only, and adopts an owner who also does it', async () => {
		workshopId = await createWorkshop(server, fay, { framework: 'daci' });
		await invite(server, fay, workshopId, 'participant', [pat, ria]);
		const { board, rows, roles } = await placeRows(1);
		const [row] = rows;
		const [pm, eng] = roles;
		await fay.api('POST', `${base()}/round`, { named: false });
		const raci = await pat.api('PUT', `${base()}/proposals`, {
			cells: { [cellKey(row, eng)]: 'R' }
		});
		expect(raci.status).toBe(400);
		const daci = { [cellKey(row, pm)]: 'A/D', [cellKey(row, eng)]: 'C' };
		expect((await pat.api('PUT', `${base()}/proposals`, { cells: daci })).status).toBe(200);
		expect((await ria.api('PUT', `${base()}/proposals`, { cells: daci })).status).toBe(200);
		expect((await fay.api('POST', `${base()}/reveal`)).status).toBe(200);
		const adopted = await fay.api<{ letters: Record<string, string | null> }>(
			'POST',
			`${base()}/adopt`,
			{ cardId: row }
		);
		expect(adopted.body.letters).toMatchObject({ [pm]: 'A/D', [eng]: 'C' });
		await waitFor(() => readBoard(board.doc).cells[cellKey(row, pm)] === 'A/D', 'adopted A/D');
	});

	it('asks about the rows on the board, or the rows the facilitator picked, and nothing else', async () => {
		const { board, rows, roles } = await placeRows(2);
		const [roadmap, launch] = rows;
		const [pm] = roles;
		const trayCard = readBoard(board.doc).tray[0].id;
		const facilitation = open(ria, 'facilitation');
		await synced(facilitation);

		// By default: the two placed rows, not the template's whole tray.
		expect((await fay.api('POST', `${base()}/round`, { named: false })).status).toBe(201);
		await waitFor(() => readFacilitation(facilitation.doc).round?.number === 1, 'round 1');
		expect(readFacilitation(facilitation.doc).round?.cardIds).toEqual([roadmap, launch]);
		const outside = await pat.api('PUT', `${base()}/proposals`, {
			cells: { [cellKey(roadmap, pm)]: 'A', [cellKey(trayCard, pm)]: 'R' }
		});
		expect(outside.status).toBe(400);
		expect((await pat.api('GET', `${base()}/proposals`)).body.cells).toEqual({});
		expect(
			(await pat.api('PUT', `${base()}/proposals`, { cells: { [cellKey(roadmap, pm)]: 'A' } }))
				.status
		).toBe(200);
		await fay.api('POST', `${base()}/reveal`);
		await waitFor(() => readFacilitation(facilitation.doc).reveal !== null, 'reveal 1');
		expect(readFacilitation(facilitation.doc).reveal?.cardIds).toEqual([roadmap, launch]);

		// Picked rows: checked on the server, for the facilitator only.
		const picked = { named: false, cardIds: [trayCard, launch] };
		expect((await pat.api('POST', `${base()}/round`, picked)).status).toBe(403);
		for (const cardIds of [[], ['no-such-card'], 'launch']) {
			expect((await fay.api('POST', `${base()}/round`, { named: false, cardIds })).status).toBe(
				400
			);
		}
		expect((await fay.api('POST', `${base()}/round`, picked)).status).toBe(201);
		await waitFor(() => readFacilitation(facilitation.doc).round?.number === 2, 'round 2');
		expect(readFacilitation(facilitation.doc).round?.cardIds).toEqual([launch, trayCard]);
		expect(
			(await pat.api('PUT', `${base()}/proposals`, { cells: { [cellKey(roadmap, pm)]: 'A' } }))
				.status
		).toBe(400);
		expect(
			(await pat.api('PUT', `${base()}/proposals`, { cells: { [cellKey(trayCard, pm)]: 'C' } }))
				.status
		).toBe(200);
		const revealed = await fay.api<{ rows: Record<string, number>; cardIds: string[] }>(
			'POST',
			`${base()}/reveal`
		);
		expect(revealed.body.rows).toEqual({ [trayCard]: 1 });
		expect(revealed.body.cardIds).toEqual([launch, trayCard]);
	});
});

describe('dot votes', () => {
	it('enforces the budget the facilitator set, on the server, and shares totals', async () => {
		const { rows } = await placeRows(3);
		const steering = open(fay, 'facilitation');
		await synced(steering);
		setVoteBudget(steering.doc, 'fay', 2);
		await waitFor(
			async () => (await pat.api('GET', `${base()}/votes`)).body.budget === 2,
			'budget'
		);

		expect((await pat.api('POST', `${base()}/votes`, { cardId: rows[0], delta: 1 })).status).toBe(
			200
		);
		const second = await pat.api<{ remaining: number }>('POST', `${base()}/votes`, {
			cardId: rows[0],
			delta: 1
		});
		expect(second.body.remaining).toBe(0);
		const over = await pat.api<{ message: string }>('POST', `${base()}/votes`, {
			cardId: rows[1],
			delta: 1
		});
		expect(over.status).toBe(409);
		expect(over.body.message).toMatch(/all 2/);
		await ria.api('POST', `${base()}/votes`, { cardId: rows[1], delta: 1 });
		await pat.api('POST', `${base()}/votes`, { cardId: rows[0], delta: -1 });
		await waitFor(
			() =>
				JSON.stringify(readFacilitation(steering.doc).votes) ===
				JSON.stringify({ [rows[0]]: 1, [rows[1]]: 1 }),
			'vote totals'
		);
		expect((await pat.api('POST', `${base()}/votes`, { cardId: 'nope', delta: 1 })).status).toBe(
			404
		);
	});
});

describe('membership', () => {
	it('closes a removed participant’s sockets at once', async () => {
		const board = open(pat, 'board');
		const facilitation = open(pat, 'facilitation');
		await Promise.all([synced(board), synced(facilitation)]);
		const removed = await fay.form(`/w/${workshopId}/settings?/removeMember`, { userId: pat.id });
		expect(removed.status).toBe(200);
		const started = Date.now();
		await waitFor(
			() => board.closeCodes.includes(4403) && facilitation.closeCodes.includes(4403),
			'both sockets to close with 4403',
			3000
		);
		expect(Date.now() - started).toBeLessThan(1000);
		expect((await pat.api('GET', `${base()}/proposals`)).status).toBe(403);
	});
});

describe('agreement, publishing and consent', () => {
	it('reopens an agreed row on a later edit and names who reopened it', async () => {
		const { board, rows, roles } = await placeRows(1);
		const steering = open(fay, 'facilitation');
		await synced(steering);
		const edit = readBoard(board.doc).rowEdits[rows[0]];
		markAgreed(steering.doc, 'fay', { id: fay.id, name: 'Fay' }, rows[0], edit, Date.now());
		const viewer = open(ria, 'facilitation');
		await synced(viewer);
		await waitFor(() => rows[0] in readFacilitation(viewer.doc).agreed, 'agreement to reach Ria');
		expect(rowStatus(readFacilitation(viewer.doc).agreed[rows[0]], edit).state).toBe('agreed');

		const riaBoard = open(ria, 'board');
		await synced(riaBoard);
		setCell(riaBoard.doc, 'ria', { id: ria.id, name: 'Ria' }, rows[0], roles[0], 'A');
		await waitFor(() => readBoard(board.doc).rowEdits[rows[0]]?.userId === ria.id, 'edit');
		const status = rowStatus(
			readFacilitation(viewer.doc).agreed[rows[0]],
			readBoard(board.doc).rowEdits[rows[0]]
		);
		expect(status).toMatchObject({ state: 'reopened', reopenedBy: { name: 'Ria' } });
	});

	it('publishes immutable numbered versions and records one consent per person per version', async () => {
		const { board, rows, roles } = await placeRows(2);
		setCell(board.doc, 'pat', { id: pat.id, name: 'Pat' }, rows[0], roles[0], 'A');
		setCell(board.doc, 'pat', { id: pat.id, name: 'Pat' }, rows[0], roles[1], 'R');
		const watcher = open(ria, 'facilitation');
		await synced(watcher);
		await new Promise((resolve) => setTimeout(resolve, 200));

		const first = await fay.api<{ version: number; unresolved: { broken: unknown[] } }>(
			'POST',
			`${base()}/publish`
		);
		expect(first.status).toBe(201);
		expect(first.body.version).toBe(1);
		expect(first.body.unresolved.broken).toHaveLength(1);
		await waitFor(() => readFacilitation(watcher.doc).phase === 'published', 'Published phase');
		expect(readFacilitation(watcher.doc).published).toMatchObject({
			version: 1,
			by: { name: 'Fay' }
		});

		const v1 = await fixtureStore(server, (store) => store.charters.get(workshopId, 1));
		expect(v1?.charter.sections.owns.map((item) => item.cardId)).toEqual([rows[0]]);
		expect(v1?.charter.participants.map((p) => p.name).sort()).toEqual(['Fay', 'Pat', 'Ria']);

		// The board stays editable; a second publication is v2 and v1 is untouched.
		setCell(board.doc, 'pat', { id: pat.id, name: 'Pat' }, rows[1], roles[1], 'A');
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect((await fay.api<{ version: number }>('POST', `${base()}/publish`)).body.version).toBe(2);
		const again = await fixtureStore(server, (store) => store.charters.get(workshopId, 1));
		expect(again).toEqual(v1);
		// Not even the database lets a published row change.
		const db = new DatabaseSync(path.join(server.dataDir, 'drawline.db'));
		try {
			expect(() =>
				db
					.prepare('UPDATE charter_versions SET charter_json = ? WHERE workshop_id = ?')
					.run('{}', workshopId)
			).toThrow(/immutable/);
		} finally {
			db.close();
		}

		// Consent: per person, per version; the latest answer replaces the earlier one.
		const consent = (person: Person, body: unknown) =>
			person.api('POST', `${base()}/consent`, body);
		expect((await consent(pat, { version: 1, decision: 'agree' })).status).toBe(200);
		expect((await consent(ria, { version: 1, decision: 'object' })).status).toBe(400);
		expect(
			(await consent(ria, { version: 1, decision: 'object', comment: 'Support owns this' })).status
		).toBe(200);
		expect(
			(await consent(pat, { version: 1, decision: 'object', comment: 'Changed my mind' })).status
		).toBe(200);
		expect((await consent(pat, { version: 2, decision: 'agree' })).status).toBe(200);
		expect((await consent(pat, { version: 9, decision: 'agree' })).status).toBe(404);
		expect((await consent(rex, { version: 1, decision: 'agree' })).status).toBe(403);

		const listed = await fay.api<{ consents: { name: string; decision: string }[] }>(
			'GET',
			`${base()}/consent?v=1`
		);
		expect(listed.body.consents.map((c) => [c.name, c.decision]).sort()).toEqual([
			['Pat', 'object'],
			['Ria', 'object']
		]);
		const v2 = await fay.api<{ consents: { name: string }[] }>('GET', `${base()}/consent?v=2`);
		expect(v2.body.consents.map((c) => c.name)).toEqual(['Pat']);
		await waitFor(
			() => readFacilitation(watcher.doc).consents.length === 3,
			'consents in the room'
		);
	});
});
