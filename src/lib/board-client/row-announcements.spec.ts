import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	editCard,
	getNoteText,
	placeCard,
	recordNoteEdit,
	seedBoard,
	setCell,
	unplaceCard
} from '../board/index.ts';
import { REPEAT_QUIET_MS, RepeatFilter, remoteRowAnnouncement } from './row-announcements.ts';

const ana = { id: 'u-ana', name: 'Ana' };
const ben = { id: 'u-ben', name: 'Ben' };

/**
 * Ana's and Ben's copies of one board, wired as the sync server would: what one writes arrives
 * at the other as a remote update. Returns what Ben's screen reader would hear with focus in
 * `focus` (a card id), one entry per transaction that arrived.
 */
const pair = () => {
	const anaDoc = new Y.Doc();
	seedBoard(anaDoc, {
		roles: [
			{ id: 'pm', name: 'Product Manager', label: 'PM', color: '#1e88e5' },
			{ id: 'eng', name: 'Engineering', label: 'ENG', color: '#43a047' }
		],
		cards: ['roadmap', 'launch'].map((id) => ({
			id,
			title: id[0].toUpperCase() + id.slice(1),
			category: 'General'
		}))
	});
	placeCard(anaDoc, 'seed', ana, 'roadmap');
	placeCard(anaDoc, 'seed', ana, 'launch');
	const benDoc = new Y.Doc();
	Y.applyUpdate(benDoc, Y.encodeStateAsUpdate(anaDoc), 'remote');
	const link = (from: Y.Doc, to: Y.Doc) =>
		from.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'remote') Y.applyUpdate(to, update, 'remote');
		});
	link(anaDoc, benDoc);
	link(benDoc, anaDoc);
	const heard: (string | null)[] = [];
	const state = { focus: 'roadmap' as string | null };
	benDoc.on('afterTransaction', (transaction: Y.Transaction) =>
		heard.push(remoteRowAnnouncement(transaction, state.focus, ben.id))
	);
	return { anaDoc, benDoc, heard, state };
};

describe('announcing remote edits to the focused row', () => {
	it('says who set which letter for which role on the row', () => {
		const { anaDoc, heard } = pair();
		setCell(anaDoc, 'tab', ana, 'roadmap', 'pm', 'R');
		setCell(anaDoc, 'tab', ana, 'roadmap', 'pm', null);
		expect(heard).toEqual([
			'Ana set R for Product Manager on Roadmap.',
			'Ana cleared the letter for Product Manager on Roadmap.'
		]);
	});

	it('lists several letters changed at once, and says when the row went back to the tray', () => {
		const { anaDoc, heard } = pair();
		anaDoc.transact(() => {
			setCell(anaDoc, 'tab', ana, 'roadmap', 'pm', 'A');
			setCell(anaDoc, 'tab', ana, 'roadmap', 'eng', 'R');
		}, 'tab');
		unplaceCard(anaDoc, 'tab', ana, 'roadmap');
		expect(heard).toEqual([
			'Ana changed Roadmap: A for Product Manager, R for Engineering.',
			'Ana moved Roadmap back to the tray.'
		]);
	});

	it('says a note or the wording changed', () => {
		const { anaDoc, heard } = pair();
		const note = getNoteText(anaDoc, 'roadmap');
		anaDoc.transact(() => {
			note.insert(0, 'PM owns it.');
			recordNoteEdit(anaDoc, ana, 'roadmap');
		}, 'tab');
		editCard(anaDoc, 'tab', ana, 'roadmap', { title: 'Product roadmap' });
		expect(heard.filter(Boolean)).toEqual([
			'Ana edited the note on Roadmap.',
			'Ana renamed this row to Product roadmap.'
		]);
	});

	it('stays quiet for other rows, no focus, one’s own edits here or in another tab', () => {
		const { anaDoc, benDoc, heard, state } = pair();
		setCell(anaDoc, 'tab', ana, 'launch', 'pm', 'R');
		// Ben's own edit in this tab, then in another of his tabs (it arrives as remote).
		setCell(benDoc, 'tab', ben, 'roadmap', 'pm', 'C');
		setCell(anaDoc, 'other-tab', ben, 'roadmap', 'eng', 'I');
		state.focus = null;
		setCell(anaDoc, 'tab', ana, 'roadmap', 'eng', 'A');
		expect(heard.filter(Boolean)).toEqual([]);
		expect(heard.length).toBeGreaterThanOrEqual(4);
	});
});

describe('repeat filter', () => {
	it('says a sentence once while it repeats within the quiet time', () => {
		const filter = new RepeatFilter();
		expect(filter.pass('Ana edited the note on Roadmap.', 0)).toBe(true);
		expect(filter.pass('Ana edited the note on Roadmap.', 500)).toBe(false);
		expect(filter.pass('Ana set R for Product Manager on Roadmap.', 600)).toBe(true);
		expect(filter.pass('Ana edited the note on Roadmap.', 700)).toBe(true);
		expect(filter.pass('Ana edited the note on Roadmap.', 700 + REPEAT_QUIET_MS)).toBe(true);
	});
});
