import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { placeCard, readBoard, seedBoard, setCell } from '../board/index.ts';
import { isSettled, unresolvedRows } from './publish-check.ts';

const pat = { id: 'pat', name: 'Pat' };

describe('unresolved before publishing', () => {
	it('lists broken rules and rows not agreed or reopened', () => {
		const doc = new Y.Doc();
		seedBoard(doc, {
			roles: [
				{ id: 'pm', name: 'Product Manager', label: 'PM', color: '#123456' },
				{ id: 'eng', name: 'Engineering', label: 'ENG', color: '#654321' }
			],
			cards: [
				{ id: 'roadmap', title: 'Roadmap', detail: '', category: 'x', source: 's' },
				{ id: 'deploy', title: 'Deploys', detail: '', category: 'x', source: 's' }
			]
		});
		placeCard(doc, null, pat, 'roadmap');
		placeCard(doc, null, pat, 'deploy');
		setCell(doc, null, pat, 'roadmap', 'pm', 'A');
		setCell(doc, null, pat, 'roadmap', 'eng', 'R');
		const board = readBoard(doc);
		const agreed = {
			roadmap: { at: 1, by: { id: 'fay', name: 'Fay' }, edit: board.rowEdits.roadmap }
		};
		const before = unresolvedRows(board, agreed);
		expect(before.broken.map((r) => r.cardId)).toEqual(['deploy']);
		expect(before.notAgreed.map((r) => [r.cardId, r.reopenedBy])).toEqual([['deploy', null]]);
		expect(isSettled(before)).toBe(false);

		setCell(doc, null, { id: 'ria', name: 'Ria' }, 'roadmap', 'eng', 'C');
		const after = unresolvedRows(readBoard(doc), agreed);
		expect(after.notAgreed[0]).toMatchObject({ cardId: 'roadmap', reopenedBy: { name: 'Ria' } });
	});
});
