import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_META, ana, createFixtureBoard } from '../board/__fixtures__/board.ts';
import { buildCharter, type Charter } from './charter.ts';
import { diffCharters, movedText } from './diff.ts';
import { addCard, deleteCard, editCard, placeCard, setCell } from '../board/operations.ts';
import { addRole, deleteRole } from '../board/role-operations.ts';
import { readBoard } from '../board/snapshot.ts';

let v1: Charter;
let v2: Charter;

beforeAll(() => {
	const doc = createFixtureBoard();
	v1 = buildCharter(readBoard(doc), FIXTURE_META);
	// Months later: the budget row is settled, copy goes, a new row and a role arrive.
	setCell(doc, null, ana, 'budget', 'pm', 'R');
	deleteCard(doc, null, 'copy');
	editCard(doc, null, ana, 'stories', { title: 'Write user stories with engineers' });
	placeCard(doc, null, ana, addCard(doc, null, ana, { id: 'okrs', title: 'Set team OKRs' }));
	addRole(doc, null, { id: 'mkt', name: 'Marketing', label: 'MKT', color: '#c2410c' });
	deleteRole(doc, null, 'support');
	setCell(doc, null, ana, 'okrs', 'mkt', 'C');
	v2 = buildCharter(readBoard(doc), { ...FIXTURE_META, version: 2 });
});

describe('diffCharters', () => {
	it('lists added and removed rows', () => {
		const diff = diffCharters(v1, v2);
		expect(diff.added.map((item) => item.cardId)).toEqual(['okrs']);
		expect(diff.removed.map((item) => item.cardId)).toEqual(['copy']);
	});

	it('lists changed letters and titles of rows in both versions', () => {
		const changed = diffCharters(v1, v2).changed;
		expect(changed.find((row) => row.cardId === 'budget')).toEqual({
			cardId: 'budget',
			title: 'Own the product budget',
			cells: [{ roleId: 'pm', roleName: 'Product Manager', from: 'A', to: 'R' }],
			moved: { from: 'unresolved', to: 'does' }
		});
		expect(movedText(v2, { from: 'unresolved', to: 'does' })).toBe(
			'Moved from Open question to Does'
		);
		expect(changed.find((row) => row.cardId === 'stories')).toEqual({
			cardId: 'stories',
			title: 'Write user stories with engineers',
			cells: [],
			titleChanged: { from: 'Write user stories', to: 'Write user stories with engineers' }
		});
	});

	it('shows the letters of a removed role going away', () => {
		const { changed, rolesAdded, rolesRemoved } = diffCharters(v1, v2);
		expect(rolesAdded.map((role) => role.id)).toEqual(['mkt']);
		expect(rolesRemoved.map((role) => role.id)).toEqual(['support']);
		expect(changed.find((row) => row.cardId === 'beta')?.cells).toEqual([
			{ roleId: 'support', roleName: 'Support', from: 'R', to: '' }
		]);
		expect(changed.map((row) => row.cardId)).toEqual([
			'roadmap',
			'beta',
			'stories',
			'releases',
			'budget'
		]);
	});

	it('finds nothing between a charter and itself, and reverses cleanly', () => {
		expect(diffCharters(v1, v1)).toEqual({
			added: [],
			removed: [],
			changed: [],
			rolesAdded: [],
			rolesRemoved: []
		});
		const back = diffCharters(v2, v1);
		expect(back.added.map((item) => item.cardId)).toEqual(['copy']);
		expect(back.rolesRemoved.map((role) => role.id)).toEqual(['mkt']);
		expect(back.changed.find((row) => row.cardId === 'budget')?.cells[0]).toMatchObject({
			from: 'R',
			to: 'A'
		});
	});

	it('works on charters read back from storage', () => {
		const stored = (charter: Charter) => JSON.parse(JSON.stringify(charter)) as Charter;
		expect(diffCharters(stored(v1), stored(v2))).toEqual(diffCharters(v1, v2));
	});
});
