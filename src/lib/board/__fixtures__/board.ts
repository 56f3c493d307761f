// A workshop board that covers every boundary of the focus role, for the charter, search, diff
// and exporter tests. Titles are paraphrased from the seed articles.
import * as Y from 'yjs';
import { getNoteText, placeCard, setCell, setDissent } from '../operations.ts';
import { seedBoard } from '../seed.ts';
import type { Actor, Mark } from '../schema.ts';
import type { FrameworkId } from '../frameworks.ts';
import type { CharterMeta } from '../../charter/charter.ts';
import type { Agreement } from '../../facilitation/agreement.ts';
import { readBoard } from '../snapshot.ts';

export const ana: Actor = { id: 'u-ana', name: 'Ana Ruiz' };
export const ben: Actor = { id: 'u-ben', name: 'Ben Okafor' };
export const zoe: Actor = { id: 'u-zoe', name: 'Zoë Lindqvist' };

export const ROLE_SEED = [
	{ id: 'pm', name: 'Product Manager', label: 'PM', color: '#1e88e5' },
	{ id: 'eng', name: 'Engineering', label: 'ENG', color: '#43a047' },
	{ id: 'design', name: 'Design', label: 'DES', color: '#8e24aa' },
	{ id: 'sales', name: 'Sales', label: 'SAL', color: '#fb8c00' },
	{ id: 'support', name: 'Support', label: 'SUP', color: '#00897b' },
	{ id: 'lead', name: 'Leadership', label: 'LEAD', color: '#546e7a' }
];

const CARD_SEED = [
	{
		id: 'vision',
		title: 'Set the product vision',
		detail: 'Describe where the product is going and why it matters to customers.',
		category: 'Vision and strategy',
		source: 'definitive-guide',
		cadence: ['monthly'],
		seniority: ['senior', 'group']
	},
	{
		id: 'roadmap',
		title: 'Prioritise the roadmap',
		detail: 'Decide what gets built next and what waits.',
		category: 'Prioritization and roadmapping',
		source: 'definitive-guide'
	},
	{
		id: 'beta',
		title: 'Run beta programs',
		detail: 'Recruit early users, collect their feedback and decide when the beta ends.',
		category: 'Execution and go-to-market',
		source: 'product-school'
	},
	{
		id: 'stories',
		title: 'Write user stories',
		detail: 'Stories with acceptance criteria.\nReviewed with QA before planning.',
		category: 'Execution and go-to-market',
		source: 'product-school',
		cadence: ['weekly']
	},
	{
		id: 'pricing',
		title: 'Set pricing & packaging',
		detail: 'Price points, plans and discounts.',
		category: 'Vision and strategy',
		source: 'many-things'
	},
	{
		id: 'releases',
		title: 'Ship releases | hotfixes',
		detail: 'Cut, test and deploy releases.',
		category: 'Execution and go-to-market',
		source: 'three-core'
	},
	{
		id: 'contracts',
		title: 'Negotiate customer contracts',
		detail: 'Terms, renewals and discounts for individual deals.',
		category: 'Execution and go-to-market',
		source: 'many-things'
	},
	{
		id: 'budget',
		title: 'Own the product budget',
		detail: '',
		category: 'Vision and strategy',
		source: 'many-things'
	},
	{
		id: 'copy',
		title: 'Write marketing copy',
		detail: 'Landing pages and launch emails.',
		category: 'Execution and go-to-market',
		source: 'many-things'
	},
	{
		id: 'hiring',
		title: 'Hire product managers',
		detail: 'Left in the tray: not part of this charter.',
		category: 'Leadership',
		source: 'product-school'
	}
];

type Letters = Record<string, Record<string, Mark>>;

const LETTERS: Letters = {
	vision: { pm: 'A', design: 'R', lead: 'C', eng: 'I' },
	roadmap: { pm: 'A', eng: 'R', design: 'C', sales: 'C', support: 'C', lead: 'C' },
	beta: { pm: 'A', eng: 'R', support: 'R', sales: 'I' },
	stories: { eng: 'A', pm: 'R', design: 'C' },
	pricing: { lead: 'A', sales: 'R', pm: 'C' },
	releases: { eng: 'A', support: 'R', pm: 'I', sales: 'I' },
	contracts: { sales: 'A', lead: 'R' },
	budget: { pm: 'A', lead: 'A', eng: 'C' },
	copy: {}
};

// The same board in the other frameworks: the PM owns and does the vision (A/R, A/D), and in
// RASCI supports pricing and design supports two rows.
const LETTERS_OF: Record<FrameworkId, Letters> = {
	raci: LETTERS,
	rasci: {
		...LETTERS,
		vision: { pm: 'A/R', design: 'S', lead: 'C', eng: 'I' },
		roadmap: { pm: 'A', eng: 'R', design: 'S', sales: 'C', support: 'C', lead: 'C' },
		beta: { pm: 'A', eng: 'R', support: 'S', sales: 'I' },
		pricing: { lead: 'A', sales: 'R', pm: 'S' }
	},
	daci: {
		vision: { pm: 'A/D', design: 'C', lead: 'C', eng: 'I' },
		roadmap: { pm: 'A', eng: 'D', design: 'C', sales: 'C', support: 'C', lead: 'C' },
		beta: { pm: 'A', eng: 'D', support: 'D', sales: 'I' },
		stories: { eng: 'A', pm: 'D', design: 'C' },
		pricing: { lead: 'A', sales: 'D', pm: 'C' },
		releases: { eng: 'A', support: 'D', pm: 'I', sales: 'I' },
		contracts: { sales: 'A', lead: 'D' },
		budget: { pm: 'A', lead: 'A', eng: 'C' },
		copy: {}
	}
};

export const createFixtureBoard = (framework: FrameworkId = 'raci'): Y.Doc => {
	const doc = new Y.Doc();
	seedBoard(doc, { roles: ROLE_SEED, cards: CARD_SEED, focusRoleId: 'pm', framework });
	for (const [cardId, letters] of Object.entries(LETTERS_OF[framework])) {
		placeCard(doc, null, ana, cardId);
		for (const [roleId, letter] of Object.entries(letters)) {
			setCell(doc, null, ana, cardId, roleId, letter);
		}
	}
	getNoteText(doc, 'beta').insert(0, 'Support joins so that beta feedback reaches the queue.');
	getNoteText(doc, 'contracts').insert(0, 'Sales owns deals; the PM only hears about patterns.');
	setDissent(doc, null, ben, 'vision', 'Engineering should shape the vision too.');
	setDissent(doc, null, zoe, 'budget', 'Leadership holds the budget; the PM proposes it.');
	return doc;
};

export const FIXTURE_META: CharterMeta = {
	workshopId: 'w-checkout',
	title: 'Checkout team PM charter',
	team: 'Checkout',
	version: 1,
	publishedAt: '2025-03-14T16:30:00.000Z',
	author: { id: ana.id, name: ana.name },
	participants: [
		{ id: ana.id, name: ana.name, role: 'facilitator' },
		{ id: ben.id, name: ben.name, role: 'participant' },
		{ id: zoe.id, name: zoe.name, role: 'participant' }
	],
	agreed: {},
	consents: [
		{ userId: ana.id, name: ana.name, decision: 'agree', at: '2025-03-14T17:00:00.000Z' },
		{
			userId: zoe.id,
			name: zoe.name,
			decision: 'object',
			comment: 'The budget row is still open.',
			at: '2025-03-14T17:05:00.000Z'
		}
	]
};

/**
 * Agreements for the fixture board in each state: most rows agreed as they stand, `stories`
 * edited again after Ana agreed it (reopened), and `pricing` and `copy` never agreed.
 */
export const fixtureAgreements = (doc: Y.Doc): Record<string, Agreement> => {
	const { rowEdits } = readBoard(doc);
	const at = Date.parse('2025-03-14T16:00:00.000Z');
	const agreed: Record<string, Agreement> = {};
	for (const cardId of ['vision', 'roadmap', 'beta', 'releases', 'contracts', 'budget']) {
		agreed[cardId] = { at, by: ana, edit: rowEdits[cardId] ?? null };
	}
	const earlier = Date.parse('2025-03-14T14:30:00.000Z');
	agreed.stories = { at: earlier, by: ana, edit: { userId: ben.id, name: ben.name, at: earlier } };
	return agreed;
};
