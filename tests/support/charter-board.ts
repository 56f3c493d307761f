/**
 * A workshop with a real board for charter tests: created through the app's form, filled with
 * the fixture board of src/lib/board (every boundary of the focus role, rationale, dissent, a
 * Zoë) through the sync server by a stock y-websocket client, and published over HTTP by the
 * facilitator, as the app does it.
 */
import type * as Y from 'yjs';
import { ROLE_SEED, createFixtureBoard } from '../../src/lib/board/__fixtures__/board.ts';
import {
	addCard,
	editCard,
	getNoteText,
	placeCard,
	readBoard,
	setCell,
	setDissent,
	unplaceCard
} from '../../src/lib/board/index.ts';
import { markAgreed, readFacilitation } from '../../src/lib/facilitation/facilitation-doc.ts';
import { connect, synced, waitFor, type ServerRef, type TestUser } from './sync-client.ts';
import { createWorkshop } from './workshop-http.ts';

/** Creates a workshop from the blank template with the fixture's roles, through the form. */
export function createCharterWorkshop(
	server: ServerRef,
	facilitator: TestUser,
	names: { title: string; team: string } = { title: 'Checkout PM charter', team: 'Checkout' }
): Promise<string> {
	return createWorkshop(server, facilitator, { ...names, template: 'blank', roles: ROLE_SEED });
}

/** Applies `edit` to the board through the sync server and waits until another client sees it. */
async function editBoard(
	server: ServerRef,
	user: TestUser,
	workshopId: string,
	edit: (doc: Y.Doc) => void
): Promise<void> {
	const writer = connect(server.url, user, workshopId);
	const observer = connect(server.url, user, workshopId);
	try {
		await Promise.all([synced(writer), synced(observer)]);
		edit(writer.doc);
		const expected = JSON.stringify(readBoard(writer.doc));
		// The server commits before it broadcasts: once the observer has it, it is stored.
		await waitFor(() => JSON.stringify(readBoard(observer.doc)) === expected, 'the edit to sync');
	} finally {
		writer.destroy();
		observer.destroy();
	}
}

/** The board's edits are the user's own: the server takes named entries only as their writer. */
const actorOf = (user: TestUser) => ({ id: user.id, name: user.displayName });

/**
 * Version 1's board: the cards, letters, rationale and dissent of src/lib/board/__fixtures__,
 * added with the board's own operations onto the workshop's (already seeded) roles. Each dissent
 * is written by the member of that name among `dissenters`, from their own connection.
 */
export async function writeFixtureBoard(
	server: ServerRef,
	user: TestUser,
	workshopId: string,
	dissenters: TestUser[] = []
) {
	const fixture = readBoard(createFixtureBoard());
	const me = actorOf(user);
	await editBoard(server, user, workshopId, (doc) => {
		for (const card of [...fixture.rows, ...fixture.tray]) {
			const { id, title, detail, category, source, cadence, seniority } = card;
			addCard(doc, null, me, { id, title, detail, category, source, cadence, seniority });
		}
		for (const card of fixture.rows) placeCard(doc, null, me, card.id);
		for (const [key, letter] of Object.entries(fixture.cells)) {
			const [cardId, roleId] = key.split(':');
			setCell(doc, null, me, cardId, roleId, letter);
		}
		for (const [cardId, note] of Object.entries(fixture.notes)) {
			getNoteText(doc, cardId).insert(0, note);
		}
	});
	for (const entry of fixture.dissent) {
		const by = dissenters.find((member) => member.displayName === entry.name);
		if (!by) continue;
		await editBoard(server, by, workshopId, (doc) =>
			setDissent(doc, null, actorOf(by), entry.cardId, entry.reason)
		);
	}
}

/**
 * Version 2's changes: "Hire product managers" joins (Leadership owns it), "Write marketing
 * copy" leaves, and Sales goes from informed to responsible on beta programs.
 */
export function writeSecondBoard(server: ServerRef, user: TestUser, workshopId: string) {
	const me = actorOf(user);
	return editBoard(server, user, workshopId, (doc) => {
		editCard(doc, null, me, 'hiring', {
			detail: 'Interview and hire product managers; Leadership makes the offer.'
		});
		placeCard(doc, null, me, 'hiring');
		setCell(doc, null, me, 'hiring', 'lead', 'A');
		setCell(doc, null, me, 'hiring', 'pm', 'R');
		unplaceCard(doc, null, me, 'copy');
		setCell(doc, null, me, 'beta', 'sales', 'R');
	});
}

/** Publishes through the facilitator's form action; returns the new version number. */
export async function publishOverHttp(
	server: ServerRef,
	user: TestUser,
	workshopId: string
): Promise<number> {
	const response = await fetch(`${server.url}/w/${workshopId}/charter?/publish`, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams(),
		headers: {
			origin: server.url,
			cookie: user.cookie,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
	const location = response.headers.get('location') ?? '';
	const match = /\/charter\/v\/(\d+)$/.exec(location);
	if (response.status !== 303 || !match) {
		throw new Error(
			`publish failed (${response.status}): ${(await response.text()).slice(0, 300)}`
		);
	}
	return Number(match[1]);
}

/** The facilitator marks rows agreed as they stand, through the facilitation room. */
export async function agreeRows(
	server: ServerRef,
	facilitator: TestUser,
	workshopId: string,
	cardIds: string[]
): Promise<void> {
	const board = connect(server.url, facilitator, workshopId);
	const writer = connect(server.url, facilitator, workshopId, 'facilitation');
	const observer = connect(server.url, facilitator, workshopId, 'facilitation');
	try {
		await Promise.all([synced(board), synced(writer), synced(observer)]);
		const { rowEdits } = readBoard(board.doc);
		const by = { id: facilitator.id, name: facilitator.displayName };
		for (const cardId of cardIds) {
			markAgreed(writer.doc, null, by, cardId, rowEdits[cardId] ?? null, Date.now());
		}
		await waitFor(
			() => cardIds.every((id) => id in readFacilitation(observer.doc).agreed),
			'the agreements to sync'
		);
	} finally {
		board.destroy();
		writer.destroy();
		observer.destroy();
	}
}
