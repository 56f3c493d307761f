import * as Y from 'yjs';
import { buildCharter } from '../../src/lib/board/charter.ts';
import { readBoard } from '../../src/lib/board/snapshot.ts';
import type { BoardSnapshot } from '../../src/lib/board/schema.ts';
import type { Store } from '../store/index.ts';
import type { PublishedCharter } from '../store/charters.ts';
import type { Workshop } from '../store/workshops.ts';

/** The board as it is stored right now (snapshot + tail of the update log). */
export async function loadBoard(
	store: Pick<Store, 'docs'>,
	workshopId: string
): Promise<BoardSnapshot> {
	const stored = await store.docs.load(`${workshopId}/board`);
	const doc = new Y.Doc();
	try {
		for (const update of stored.updates) Y.applyUpdate(doc, update);
		return readBoard(doc);
	} finally {
		doc.destroy();
	}
}

/**
 * Publishes the next charter version from the stored board. Participants are the members who
 * could shape the board (facilitators and participants); readers only watched.
 */
export async function publishCharter(
	store: Pick<Store, 'docs' | 'charters' | 'workshops'>,
	workshop: Workshop,
	author: { id: string; name: string },
	board?: BoardSnapshot
): Promise<PublishedCharter> {
	const snapshot = board ?? (await loadBoard(store, workshop.id));
	const members = await store.workshops.listMembers(workshop.id);
	const participants = members
		.filter((member) => member.role !== 'reader')
		.map((member) => ({ id: member.userId, name: member.displayName, role: member.role }));
	return store.charters.publish(workshop.id, author.id, (version, publishedAt) => ({
		charter: buildCharter(snapshot, {
			workshopId: workshop.id,
			title: workshop.title,
			team: workshop.team,
			version,
			publishedAt: new Date(publishedAt).toISOString(),
			author,
			participants
		}),
		board: snapshot
	}));
}
