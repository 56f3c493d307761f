import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	FIXTURE_META,
	ana,
	ben,
	createFixtureBoard,
	fixtureAgreements
} from '../board/__fixtures__/board.ts';
import { getNoteText, recordNoteEdit, removeDissent } from '../board/operations.ts';
import {
	buildCharter,
	countAgreement,
	everyRowAgreed,
	listEntries,
	type Charter
} from './charter.ts';
import { creditLine } from './item-text.ts';
import { charterToMarkdown } from './export-markdown.ts';
import { readBoard } from '../board/snapshot.ts';
import type { FrameworkId } from '../board/frameworks.ts';

let charter: Charter;

beforeAll(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date('2025-03-14T15:00:00.000Z'));
	charter = buildCharter(readBoard(createFixtureBoard()), FIXTURE_META);
});

afterAll(() => {
	vi.useRealTimers();
});

const ids = (items: { cardId: string }[]) => items.map((item) => item.cardId);

describe('buildCharter', () => {
	it('carries the publishing metadata', () => {
		expect(charter).toMatchObject({
			schema: 'drawline.charter/2',
			framework: 'raci',
			workshopId: 'w-checkout',
			title: 'Checkout team PM charter',
			team: 'Checkout',
			version: 1,
			publishedAt: '2025-03-14T16:30:00.000Z',
			author: { id: 'u-ana', name: 'Ana Ruiz' },
			focusRole: { id: 'pm', name: 'Product Manager', label: 'PM', color: '#1e88e5' }
		});
		expect(charter.participants).toHaveLength(3);
		expect(charter.consents.map((consent) => consent.decision)).toEqual(['agree', 'object']);
		expect(charter.roles.map((role) => role.id)).toEqual([
			'pm',
			'eng',
			'design',
			'sales',
			'support',
			'lead'
		]);
	});

	it('sorts every placed row into one section of the focus role, in board order', () => {
		const { sections } = charter;
		expect(ids(sections.owns)).toEqual(['vision', 'roadmap', 'beta']);
		expect(ids(sections.does)).toEqual(['stories']);
		expect(ids(sections.consulted)).toEqual(['pricing']);
		expect(ids(sections.informed)).toEqual(['releases']);
		expect(ids(sections.outside)).toEqual(['contracts']);
		expect(ids(sections.unresolved)).toEqual(['budget', 'copy']);
		expect(listEntries(charter).map(({ item }) => item.cardId)).not.toContain('hiring');
	});

	it('gives each item its wording, tags, rationale and dissent', () => {
		expect(charter.sections.owns[0]).toEqual({
			cardId: 'vision',
			title: 'Set the product vision',
			detail: 'Describe where the product is going and why it matters to customers.',
			category: 'Vision and strategy',
			source: 'definitive-guide',
			credits: ['definitive-guide'],
			cadence: ['monthly'],
			seniority: ['senior', 'group'],
			note: '',
			dissent: [
				{
					userId: 'u-ben',
					name: 'Ben Okafor',
					reason: 'Engineering should shape the vision too.',
					at: '2025-03-14T15:00:00.000Z'
				}
			],
			agreement: { state: 'not-agreed' }
		});
		expect(charter.sections.owns[2].note).toBe(
			'Support joins so that beta feedback reaches the queue.'
		);
	});

	it('records dissent a facilitator removed, and who removed it', () => {
		const doc = createFixtureBoard();
		removeDissent(doc, null, ana, 'vision', 'u-ben');
		const item = buildCharter(readBoard(doc), FIXTURE_META).sections.owns[0];
		expect(item.dissent).toEqual([]);
		expect(item.removedDissent).toEqual([
			{
				userId: 'u-ben',
				name: 'Ben Okafor',
				removedBy: { id: 'u-ana', name: 'Ana Ruiz' },
				at: '2025-03-14T15:00:00.000Z'
			}
		]);
		expect(charter.sections.owns[0]).not.toHaveProperty('removedDissent');
		const markdown = charterToMarkdown(buildCharter(readBoard(doc), FIXTURE_META));
		expect(markdown).toContain('- Dissent from Ben Okafor removed by Ana Ruiz on 2025-03-14');
		expect(markdown).not.toContain('Dissent from Ben Okafor:');
	});

	it('names who owns what is outside the focus role', () => {
		expect(charter.sections.outside[0]).toMatchObject({
			cardId: 'contracts',
			owners: [{ id: 'sales', name: 'Sales', label: 'SAL' }],
			note: 'Sales owns deals; the PM only hears about patterns.'
		});
	});

	it('lists unresolved rows as open questions with their reasons', () => {
		expect(charter.sections.unresolved[0].issues).toEqual([
			{ rule: 'multiple-accountable', severity: 'error', roleIds: ['pm', 'lead'] },
			{ rule: 'no-responsible', severity: 'error' }
		]);
		expect(charter.openQuestions).toEqual([
			{
				cardId: 'budget',
				title: 'Own the product budget',
				issues: charter.sections.unresolved[0].issues,
				dissent: [expect.objectContaining({ userId: 'u-zoe' })]
			},
			{
				cardId: 'copy',
				title: 'Write marketing copy',
				issues: [
					{ rule: 'no-accountable', severity: 'error' },
					{ rule: 'no-responsible', severity: 'error' }
				],
				dissent: []
			}
		]);
	});

	it('gives every role a view of its agreed rows', () => {
		expect(charter.roleViews.sales).toEqual({
			owns: ['contracts'],
			does: ['pricing'],
			consulted: ['roadmap'],
			informed: ['beta', 'releases']
		});
		// Unresolved rows stay out of every view, the focus role's included.
		expect(charter.roleViews.lead.owns).toEqual(['pricing']);
		expect(charter.roleViews.pm.owns).toEqual(['vision', 'roadmap', 'beta']);
	});

	it('appends the full matrix with a letter or "" for every role', () => {
		expect(charter.matrix.roles[0]).toEqual({ id: 'pm', name: 'Product Manager', label: 'PM' });
		expect(charter.matrix.rows.map((row) => row.cardId)).toEqual([
			'vision',
			'roadmap',
			'beta',
			'stories',
			'pricing',
			'releases',
			'contracts',
			'budget',
			'copy'
		]);
		expect(charter.matrix.rows[6]).toEqual({
			cardId: 'contracts',
			title: 'Negotiate customer contracts',
			category: 'Execution and go-to-market',
			letters: { pm: '', eng: '', design: '', sales: 'A', support: '', lead: 'R' }
		});
	});

	it('is plain JSON', () => {
		expect(JSON.parse(JSON.stringify(charter))).toEqual(charter);
	});

	it('refuses bad metadata', () => {
		const snapshot = readBoard(createFixtureBoard());
		expect(() => buildCharter(snapshot, { ...FIXTURE_META, version: 0 })).toThrow(/version/);
		expect(() => buildCharter(snapshot, { ...FIXTURE_META, publishedAt: 'soon' })).toThrow(
			/not a date/
		);
		expect(() => buildCharter(snapshot, { ...FIXTURE_META, title: ' ' })).toThrow(/title/);
	});

	it('builds a charter of a board without roles', () => {
		const empty = buildCharter(
			{
				framework: 'raci',
				focusRoleId: null,
				roles: [],
				rows: [],
				tray: [],
				cells: {},
				notes: {},
				dissent: [],
				rowEdits: {}
			},
			FIXTURE_META
		);
		expect(empty.focusRole).toBeNull();
		expect(empty.matrix).toEqual({ roles: [], rows: [] });
	});
});

describe('sources in the charter', () => {
	it('credits every article that names a card, and lists the articles once', () => {
		const snapshot = readBoard(createFixtureBoard());
		snapshot.rows[1] = { ...snapshot.rows[1], id: 'own-roadmap', source: 'definitive-guide' };
		snapshot.cells = {};
		const built = buildCharter(snapshot, FIXTURE_META);
		const roadmap = listEntries(built).find(({ item }) => item.cardId === 'own-roadmap')?.item;
		expect(roadmap?.credits).toEqual(['definitive-guide', 'day-to-day']);
		expect(creditLine(built, roadmap!)).toBe(
			'From “Product Manager Responsibilities: The Definitive Guide” by SigOS; also named in ' +
				'“What Does A Product Manager Do? 8 Day To Day Roles & Tasks” by The Product Manager'
		);
		expect(built.sources?.map((source) => source.id)).toEqual([
			'definitive-guide',
			'day-to-day',
			'product-school',
			'many-things',
			'three-core'
		]);
	});

	it('credits nothing for a card written in the workshop', () => {
		const snapshot = readBoard(createFixtureBoard());
		snapshot.rows[0] = { ...snapshot.rows[0], source: 'custom' };
		const built = buildCharter(snapshot, FIXTURE_META);
		expect(listEntries(built)[0].item.credits).toBeUndefined();
		expect(creditLine(built, listEntries(built)[0].item)).toBe('');
	});
});

describe('agreement in the charter', () => {
	const agreementOf = (built: Charter) =>
		Object.fromEntries(listEntries(built).map(({ item }) => [item.cardId, item.agreement?.state]));

	it('records each row as agreed, not agreed or reopened, with who and when', () => {
		const doc = createFixtureBoard();
		const built = buildCharter(readBoard(doc), { ...FIXTURE_META, agreed: fixtureAgreements(doc) });
		expect(agreementOf(built)).toEqual({
			vision: 'agreed',
			roadmap: 'agreed',
			beta: 'agreed',
			stories: 'reopened',
			pricing: 'not-agreed',
			releases: 'agreed',
			contracts: 'agreed',
			budget: 'agreed',
			copy: 'not-agreed'
		});
		expect(built.sections.owns[0].agreement).toEqual({
			state: 'agreed',
			by: { id: ana.id, name: ana.name },
			at: '2025-03-14T16:00:00.000Z'
		});
		expect(built.sections.does[0].agreement).toMatchObject({
			state: 'reopened',
			by: { name: ana.name },
			at: '2025-03-14T14:30:00.000Z',
			reopenedBy: { name: ana.name },
			reopenedAt: '2025-03-14T15:00:00.000Z'
		});
		expect(countAgreement(built)).toEqual({ agreed: 6, notAgreed: 2, reopened: 1 });
		expect(everyRowAgreed(built)).toBe(false);
	});

	it('says every row was agreed only when each one is', () => {
		const doc = createFixtureBoard();
		const agreed = fixtureAgreements(doc);
		const { rowEdits, rows } = readBoard(doc);
		for (const row of rows) agreed[row.id] = { at: 0, by: ana, edit: rowEdits[row.id] ?? null };
		expect(everyRowAgreed(buildCharter(readBoard(doc), { ...FIXTURE_META, agreed }))).toBe(true);
		expect(everyRowAgreed(charter)).toBe(false);
	});

	it('reopens an agreed row when its rationale changes', () => {
		const doc = createFixtureBoard();
		const agreed = fixtureAgreements(doc);
		vi.setSystemTime(new Date('2025-03-14T16:10:00.000Z'));
		doc.transact(() => {
			getNoteText(doc, 'vision').insert(0, 'Customers asked for it.');
			recordNoteEdit(doc, ben, 'vision');
		});
		const built = buildCharter(readBoard(doc), { ...FIXTURE_META, agreed });
		expect(built.sections.owns[0].agreement).toMatchObject({
			state: 'reopened',
			reopenedBy: { id: ben.id, name: ben.name }
		});
		vi.setSystemTime(new Date('2025-03-14T15:00:00.000Z'));
	});

	it('leaves agreement unknown in versions published before it was recorded', () => {
		const old = JSON.parse(JSON.stringify(charter)) as Charter;
		for (const { item } of listEntries(old)) delete item.agreement;
		expect(countAgreement(old)).toBeNull();
		expect(everyRowAgreed(old)).toBe(false);
	});
});

describe('a charter with an owner who also does a row', () => {
	const built = (framework: FrameworkId) => {
		const doc = createFixtureBoard(framework);
		return buildCharter(readBoard(doc), { ...FIXTURE_META, agreed: fixtureAgreements(doc) });
	};

	it('files the A/R row under owns, marked, and not among the open questions', () => {
		const rasci = built('rasci');
		expect(ids(rasci.sections.owns)).toEqual(['vision', 'roadmap', 'beta']);
		expect(rasci.sections.owns[0]).toMatchObject({ cardId: 'vision', alsoDoes: true });
		expect(rasci.sections.owns[1].alsoDoes).toBeUndefined();
		expect(ids(rasci.sections.does)).toEqual(['stories']);
		expect(ids(rasci.sections.unresolved)).toEqual(['budget', 'copy']);
		expect(rasci.matrix.rows[0].letters.pm).toBe('A/R');
	});

	it('lists the row under both owns and does in the role view', () => {
		const rasci = built('rasci');
		expect(rasci.roleViews.pm.owns).toContain('vision');
		expect(rasci.roleViews.pm.does).toEqual(['vision', 'stories']);
	});

	it('has a supports section in RASCI only', () => {
		const rasci = built('rasci');
		expect(ids(rasci.sections.supports ?? [])).toEqual(['pricing']);
		expect(rasci.roleViews.design.supports).toEqual(['vision', 'roadmap']);
		expect(charter.sections.supports).toBeUndefined();
		expect(built('daci').sections.supports).toBeUndefined();
	});

	it('records the framework, and the DACI Approver who also drives owns the row', () => {
		const daci = built('daci');
		expect(daci.framework).toBe('daci');
		expect(daci.sections.owns[0]).toMatchObject({ cardId: 'vision', alsoDoes: true });
		expect(ids(daci.sections.does)).toEqual(['stories']);
		expect(ids(daci.sections.consulted)).toEqual(['pricing']);
	});
});
