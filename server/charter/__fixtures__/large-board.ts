// A board the size of a long workshop: 60 (or any number of) real template responsibilities on the 8 default
// roles, letters from a seeded generator (one A and one or two R per row, some C and I), a few
// rows left without an owner so that the open-questions section has content.
import * as Y from 'yjs';
import { getNoteText, placeCard, setCell } from '../../../src/lib/board/operations.ts';
import { seedBoard } from '../../../src/lib/board/seed.ts';
import type { Actor, Letter } from '../../../src/lib/board/schema.ts';
import { ALL_CARDS, DEFAULT_ROLES } from '../../../src/lib/templates/index.ts';

const facilitator: Actor = { id: 'u-fac', name: 'Fiona Facilitator' };

const mulberry32 = (seed: number) => () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const createLargeBoard = (rows = 60): Y.Doc => {
	const random = mulberry32(42);
	const doc = new Y.Doc();
	// Past the template cards, the same cards again under new ids (the bench's 1,000 rows).
	const cards = Array.from({ length: rows }, (_, index) => {
		const card = ALL_CARDS[index % ALL_CARDS.length];
		const round = Math.floor(index / ALL_CARDS.length);
		return {
			...card,
			...(round > 0 ? { id: `${card.id}-${round}`, title: `${card.title} (${round + 1})` } : {}),
			category: card.category || 'General'
		};
	});
	seedBoard(doc, { roles: DEFAULT_ROLES, cards, focusRoleId: DEFAULT_ROLES[0].id });
	const roleIds = DEFAULT_ROLES.map((role) => role.id);
	const pick = () => roleIds[Math.floor(random() * roleIds.length)];
	cards.forEach((card, index) => {
		placeCard(doc, null, facilitator, card.id);
		const letters = new Map<string, Letter>();
		if (index % 17 !== 5) letters.set(index % 3 === 0 ? roleIds[0] : pick(), 'A');
		for (let r = 0; r < 1 + (index % 2); r++) {
			const role = pick();
			if (!letters.has(role)) letters.set(role, 'R');
		}
		for (const letter of ['C', 'I', 'C'] as const) {
			const role = pick();
			if (!letters.has(role)) letters.set(role, letter);
		}
		for (const [roleId, letter] of letters)
			setCell(doc, null, facilitator, card.id, roleId, letter);
		if (index % 4 === 0) {
			getNoteText(doc, card.id).insert(0, `Agreed in the session: see row ${index + 1}.`);
		}
	});
	return doc;
};
