// Peers editing one board without a network: each Y.Doc changes on its own, then they exchange
// the updates the other is missing, as the sync protocol would, and must converge.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addCard,
	clearDissent,
	cycleCell,
	deleteCard,
	editCard,
	getNoteText,
	moveRow,
	placeCard,
	setCell,
	setDissent,
	unplaceCard
} from './operations.ts';
import { isOrderKey } from './order.ts';
import { addRole, deleteRole, editRole, moveRole, setFocusRole } from './role-operations.ts';
import { buildCharter } from '../charter/charter.ts';
import { checkBoard } from './rules.ts';
import { getCellMap, splitKey, type BoardSnapshot, type Letter } from './schema.ts';
import { seedBoard } from './seed.ts';
import { readBoard } from './snapshot.ts';

const ana = { id: 'u-ana', name: 'Ana' };
const ben = { id: 'u-ben', name: 'Ben' };

const syncPair = (from: Y.Doc, to: Y.Doc) =>
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

const syncAll = (docs: Y.Doc[]) => {
	for (const from of docs) for (const to of docs) if (from !== to) syncPair(from, to);
};

/** Peers with a shared seeded board: roles pm, eng, des, sales; cards a–f, a–d placed. */
const peers = (count = 2): Y.Doc[] => {
	const docs = Array.from({ length: count }, (_, i) => {
		const doc = new Y.Doc();
		doc.clientID = i + 1;
		return doc;
	});
	seedBoard(docs[0], {
		roles: ['pm', 'eng', 'des', 'sales'].map((id) => ({
			id,
			name: id,
			label: id,
			color: '#123456'
		})),
		cards: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, title: `Card ${id}` }))
	});
	for (const id of ['a', 'b', 'c', 'd']) placeCard(docs[0], null, ana, id, { roleId: 'eng' });
	syncAll(docs);
	return docs;
};

const rowIds = (doc: Y.Doc) => readBoard(doc).rows.map((row) => row.id);

const expectConverged = (docs: Y.Doc[]): BoardSnapshot => {
	const [first, ...rest] = docs.map(readBoard);
	for (const other of rest) expect(other).toEqual(first);
	const ids = [...first.rows, ...first.tray].map((card) => card.id);
	expect(new Set(ids).size).toBe(ids.length);
	expect(new Set(first.roles.map((role) => role.id)).size).toBe(first.roles.length);
	return first;
};

describe('concurrent edits', () => {
	it('two moves of one row keep one copy of it', () => {
		const [x, y] = peers();
		moveRow(x, null, ana, 'a', 'd', null);
		moveRow(y, null, ben, 'a', 'b', 'c');
		expect(rowIds(x)).toEqual(['b', 'c', 'd', 'a']);
		expect(rowIds(y)).toEqual(['b', 'a', 'c', 'd']);
		syncAll([x, y]);
		const board = expectConverged([x, y]);
		expect(board.rows.map((row) => row.id).sort()).toEqual(['a', 'b', 'c', 'd']);
	});

	it('placing a card while someone deletes it leaves no trace of it', () => {
		const [x, y] = peers();
		placeCard(x, null, ana, 'e', { afterId: 'a', roleId: 'pm' });
		setCell(x, null, ana, 'e', 'eng', 'A');
		setDissent(x, null, ana, 'e', 'Not sure');
		getNoteText(x, 'e').insert(0, 'Why');
		deleteCard(y, null, 'e');
		syncAll([x, y]);
		const board = expectConverged([x, y]);
		expect(board.rows.map((row) => row.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(board.tray.map((card) => card.id)).toEqual(['f']);
		expect(Object.keys(board.cells).filter((key) => key.startsWith('e:'))).toEqual([]);
		expect(board.dissent).toEqual([]);
		expect(board.notes).toEqual({});
		// The letters x wrote linger in the document until the next sweep.
		expect(getCellMap(x).has('e:eng')).toBe(true);
		deleteCard(x, null, 'f');
		syncAll([x, y]);
		expect([...getCellMap(y).keys()].filter((key) => key.startsWith('e:'))).toEqual([]);
	});

	it('two inserts at one place both land, in the same order everywhere', () => {
		const [x, y] = peers();
		placeCard(x, null, ana, 'e', { beforeId: 'a' });
		placeCard(y, null, ben, 'f', { beforeId: 'a' });
		syncAll([x, y]);
		const board = expectConverged([x, y]);
		const [e, f] = ['e', 'f'].map((id) => board.rows.find((row) => row.id === id)!);
		expect(e.order).toBe(f.order);
		expect(board.rows.map((row) => row.id)).toEqual(['a', 'e', 'f', 'b', 'c', 'd']);
		// A row can still go between the two entries that share a key.
		moveRow(x, null, ana, 'd', 'e', 'f');
		expect(rowIds(x)).toEqual(['a', 'e', 'd', 'f', 'b', 'c']);
		syncAll([x, y]);
		expectConverged([x, y]);
		expect(rowIds(y)).toEqual(['a', 'e', 'd', 'f', 'b', 'c']);
	});

	it('concurrent column moves keep every role once', () => {
		const [x, y] = peers();
		moveRole(x, null, 'sales', null, 'pm');
		moveRole(y, null, 'pm', 'sales', null);
		moveRole(y, null, 'sales', 'eng', 'des');
		syncAll([x, y]);
		const board = expectConverged([x, y]);
		expect(board.roles.map((role) => role.id).sort()).toEqual(['des', 'eng', 'pm', 'sales']);
	});

	it('a letter set while the row goes back to the tray does not stick to the card', () => {
		const [x, y] = peers();
		unplaceCard(x, null, ana, 'a');
		setCell(y, null, ben, 'a', 'pm', 'A');
		setDissent(y, null, ben, 'a', 'Keep it');
		syncAll([x, y]);
		const board = expectConverged([x, y]);
		expect(board.tray.map((card) => card.id)).toContain('a');
		expect(Object.keys(board.cells).filter((key) => key.startsWith('a:'))).toEqual([]);
		expect(board.dissent).toEqual([]);
		placeCard(y, null, ben, 'a', { roleId: 'des' });
		syncAll([x, y]);
		expect(
			Object.keys(expectConverged([x, y]).cells).filter((key) => key.startsWith('a:'))
		).toEqual(['a:des']);
	});

	it('deleting the focus role while someone focuses it falls back to the first role', () => {
		const [x, y] = peers();
		setCell(x, null, ana, 'a', 'sales', 'A');
		setFocusRole(x, null, 'sales');
		syncAll([x, y]);
		deleteRole(x, null, 'sales');
		setCell(y, null, ben, 'b', 'sales', 'C');
		setFocusRole(y, null, 'sales');
		syncAll([x, y]);
		const board = expectConverged([x, y]);
		expect(board.roles.map((role) => role.id)).toEqual(['pm', 'eng', 'des']);
		expect(board.focusRoleId).toBe('pm');
		expect(Object.keys(board.cells).some((key) => key.endsWith(':sales'))).toBe(false);
	});

	it('keeps both users dissent and both users typing in a note', () => {
		const [x, y] = peers();
		setDissent(x, null, ana, 'a', 'One');
		setDissent(y, null, ben, 'a', 'Two');
		getNoteText(x, 'a').insert(0, 'Ana says. ');
		getNoteText(y, 'a').insert(0, 'Ben says.');
		syncAll([x, y]);
		const board = expectConverged([x, y]);
		expect(board.dissent.map((entry) => entry.reason).sort()).toEqual(['One', 'Two']);
		expect(board.notes.a).toContain('Ana says.');
		expect(board.notes.a).toContain('Ben says.');
	});
});

// mulberry32: a small seeded PRNG, so that a failing run can be replayed from its seed.
const prng = (seed: number) => () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const fuzz = (seed: number, peerCount: number, opsPerPeer: number) => {
	const random = prng(seed);
	const pick = <T>(list: readonly T[]): T | undefined =>
		list.length > 0 ? list[Math.floor(random() * list.length)] : undefined;
	const docs = peers(peerCount);
	const added = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
	const deleted = new Set<string>();
	let next = 0;

	const position = (ids: string[]): [string | null, string | null] => {
		const index = Math.floor(random() * (ids.length + 1));
		return [ids[index - 1] ?? null, ids[index] ?? null];
	};

	const step = (doc: Y.Doc, peer: number) => {
		const actor = { id: `u${peer}`, name: `User ${peer}` };
		const board = readBoard(doc);
		const row = pick(board.rows)?.id;
		const card = pick(board.tray)?.id;
		const role = pick(board.roles)?.id;
		const others = (id: string) => board.rows.map((r) => r.id).filter((r) => r !== id);
		const roll = random();
		if (roll < 0.08) {
			const id = `p${peer}-${next++}`;
			addCard(doc, null, actor, { id, title: `Card ${id}`, category: pick(['x', 'y']) });
			added.add(id);
		} else if (roll < 0.22 && card) {
			const [beforeId, afterId] = position(board.rows.map((r) => r.id));
			placeCard(doc, null, actor, card, {
				beforeId,
				afterId,
				roleId: random() < 0.5 ? role : undefined
			});
		} else if (roll < 0.27 && row) {
			unplaceCard(doc, null, actor, row);
		} else if (roll < 0.42 && row) {
			const [beforeId, afterId] = position(others(row));
			moveRow(doc, null, actor, row, beforeId, afterId);
		} else if (roll < 0.6 && row && role) {
			setCell(doc, null, actor, row, role, pick<Letter | null>(['R', 'A', 'C', 'I', null])!);
		} else if (roll < 0.68 && row && role) {
			cycleCell(doc, null, actor, row, role);
		} else if (roll < 0.71 && (row || card)) {
			deleteCard(doc, null, (row ?? card)!);
			deleted.add((row ?? card)!);
		} else if (roll < 0.74 && board.roles.length < 7) {
			addRole(doc, null, { id: `r${peer}-${next++}`, name: 'Role', label: 'R', color: '#abc' });
		} else if (roll < 0.76 && role && board.roles.length > 2) {
			deleteRole(doc, null, role);
		} else if (roll < 0.82 && role) {
			const [beforeId, afterId] = position(board.roles.map((r) => r.id).filter((r) => r !== role));
			moveRole(doc, null, role, beforeId, afterId);
		} else if (roll < 0.85 && role) {
			setFocusRole(doc, null, role);
		} else if (roll < 0.87 && role) {
			editRole(doc, null, role, { name: `Role ${next++}` });
		} else if (roll < 0.9 && (row || card)) {
			editCard(doc, null, actor, (row ?? card)!, { title: `Renamed ${next++}` });
		} else if (roll < 0.94 && row) {
			if (random() < 0.7) setDissent(doc, null, actor, row, `Reason ${next++}`);
			else clearDissent(doc, null, actor, row);
		} else if (row ?? card) {
			const note = getNoteText(doc, (row ?? card)!);
			note.insert(Math.floor(random() * (note.length + 1)), `${peer}`);
		}
	};

	for (let round = 0; round < opsPerPeer; round++) {
		docs.forEach((doc, peer) => step(doc, peer));
		if (random() < 0.15) {
			const from = pick(docs)!;
			const to = pick(docs)!;
			if (from !== to) syncPair(from, to);
		}
	}
	syncAll(docs);

	const board = expectConverged(docs);
	const ids = new Set([...board.rows, ...board.tray].map((c) => c.id));
	expect(ids).toEqual(new Set([...added].filter((id) => !deleted.has(id))));
	const roleIds = new Set(board.roles.map((r) => r.id));
	for (const key of Object.keys(board.cells)) {
		const [cardId, roleId] = splitKey(key);
		expect(board.rows.some((r) => r.id === cardId) && roleIds.has(roleId)).toBe(true);
	}
	expect(board.rows.every((r) => isOrderKey(r.order))).toBe(true);
	expect(board.roles.every((r) => isOrderKey(r.order))).toBe(true);
	expect(board.focusRoleId === null ? roleIds.size === 0 : roleIds.has(board.focusRoleId)).toBe(
		true
	);
	for (const entry of board.dissent)
		expect(board.rows.some((r) => r.id === entry.cardId)).toBe(true);
	// Everything built on a snapshot accepts a merged one.
	checkBoard(board);
	buildCharter(board, {
		workshopId: 'w',
		title: 'Fuzz',
		team: '',
		version: 1,
		publishedAt: '2025-01-01T00:00:00Z',
		author: ana,
		participants: [],
		agreed: {}
	});
	return board;
};

describe('random concurrent edits', () => {
	for (const seed of [1, 2, 3]) {
		it(`converge with no card lost or duplicated (seed ${seed}, 3 peers × 300 ops)`, () => {
			const board = fuzz(seed, 3, 300);
			expect(board.rows.length + board.tray.length).toBeGreaterThan(0);
		});
	}
});
