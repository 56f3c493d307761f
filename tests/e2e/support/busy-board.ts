/**
 * A board in the middle of a workshop: most cards placed, letters that mostly follow the rules,
 * a few rows still broken, the PM doing too much, notes and dissent here and there.
 */
import type * as Y from 'yjs';
import {
	addCard,
	addRole,
	getNoteText,
	placeCard,
	readBoard,
	setCell,
	setDissent,
	type Actor,
	type Letter
} from '../../../src/lib/board/index.ts';

const ORIGIN = { seed: true };

/** Places `rows` tray cards and sets their letters, in one update; deterministic for screenshots. */
export function seedBusyBoard(doc: Y.Doc, actor: Actor, rows = 30): void {
	doc.transact(() => seed(doc, actor, rows), ORIGIN);
}

function seed(doc: Y.Doc, actor: Actor, rows: number): void {
	const tray = readBoard(doc).tray.slice(0, rows);
	const roles = readBoard(doc).roles.map((role) => role.id);
	for (const card of tray) placeCard(doc, ORIGIN, actor, card.id);
	let seed = 7;
	const random = () => {
		seed = (seed * 16807) % 2147483647;
		return seed / 2147483647;
	};
	tray.forEach((card, index) => {
		const letters = new Map<string, Letter>();
		// The PM ends up doing or owning most rows: the overload the seeds warn about.
		const owner = index % 3 === 0 ? roles[0] : roles[1 + Math.floor(random() * (roles.length - 1))];
		if (index % 11 !== 5) letters.set(owner, 'A');
		if (index % 13 === 8) letters.set(roles[(roles.indexOf(owner) + 2) % roles.length], 'A');
		if (index % 9 !== 4) letters.set(roles[0], letters.get(roles[0]) ?? 'R');
		for (const role of roles) {
			if (letters.has(role)) continue;
			const roll = random();
			if (roll < 0.16) letters.set(role, 'R');
			else if (roll < 0.42) letters.set(role, 'C');
			else if (roll < 0.62) letters.set(role, 'I');
		}
		if (index === 2) for (const role of roles) if (!letters.has(role)) letters.set(role, 'C');
		for (const [role, letter] of letters) setCell(doc, ORIGIN, actor, card.id, role, letter);
		if (index % 7 === 1) {
			doc.transact(() => {
				getNoteText(doc, card.id).insert(
					0,
					'Engineering leads the work; the PM keeps the call because it shapes the roadmap.'
				);
			}, ORIGIN);
		}
		if (index % 10 === 3) setDissent(doc, ORIGIN, actor, card.id, 'Sales should own this.');
	});
}

/** Grows the board to `rows` rows and `roles` roles, every row with an owner and a doer. */
export function growBoard(doc: Y.Doc, actor: Actor, rows = 60, roles = 10): void {
	doc.transact(() => grow(doc, actor, rows, roles), ORIGIN);
}

function grow(doc: Y.Doc, actor: Actor, rows: number, roles: number): void {
	const extraRoles = [
		{ name: 'Data Science', label: 'DS', color: '#4338ca' },
		{ name: 'Legal & Compliance', label: 'LEGAL', color: '#b91c1c' },
		{ name: 'Finance', label: 'FIN', color: '#0f766e' }
	];
	for (const role of extraRoles.slice(0, Math.max(0, roles - readBoard(doc).roles.length))) {
		addRole(doc, ORIGIN, role);
	}
	const board = readBoard(doc);
	for (let i = board.rows.length + board.tray.length; i < rows; i++) {
		addCard(doc, ORIGIN, actor, {
			title: `Workshop follow-up ${i + 1}: agree who reviews the quarterly plan`,
			category: 'Follow-ups'
		});
	}
	const ids = readBoard(doc).roles.map((role) => role.id);
	readBoard(doc).tray.forEach((card, index) => {
		placeCard(doc, ORIGIN, actor, card.id);
		setCell(doc, ORIGIN, actor, card.id, ids[index % ids.length], 'A');
		setCell(doc, ORIGIN, actor, card.id, ids[(index + 3) % ids.length], 'R');
		setCell(doc, ORIGIN, actor, card.id, ids[(index + 5) % ids.length], 'C');
		setCell(doc, ORIGIN, actor, card.id, ids[(index + 7) % ids.length], 'I');
	});
}
