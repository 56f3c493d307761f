import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBoard, removeDissent } from '../../src/lib/board/index.ts';
import { buildCharter, listEntries, type Charter } from '../../src/lib/charter/index.ts';
import {
	FIXTURE_META,
	createFixtureBoard,
	fixtureAgreements
} from '../../src/lib/board/__fixtures__/board.ts';
import { BOUNDARY_COPY } from '../../src/lib/templates/index.ts';
import { createLargeBoard } from './__fixtures__/large-board.ts';
import { gridSnapshot } from '../../src/lib/board/__fixtures__/letters.ts';
import { charterToPdf } from './pdf.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');

/** Writes the PDF for a person to look at and returns what pdftotext reads from it. */
function extract(name: string, pdf: Uint8Array, pages?: [number, number], layout = false): string {
	mkdirSync(ARTIFACTS, { recursive: true });
	const file = path.join(ARTIFACTS, `${name}.pdf`);
	writeFileSync(file, pdf);
	const range = pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [];
	const args = [...range, ...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'];
	return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

function pageInfo(pdf: Uint8Array, name: string): { pages: number; size: string } {
	const file = path.join(ARTIFACTS, `${name}.pdf`);
	writeFileSync(file, pdf);
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	return {
		pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
		size: /Page size:\s+(.*)/.exec(info)?.[1] ?? ''
	};
}

describe('charterToPdf', () => {
	let charter: Charter;
	let text: string;

	beforeAll(async () => {
		const doc = createFixtureBoard();
		charter = buildCharter(readBoard(doc), { ...FIXTURE_META, agreed: fixtureAgreements(doc) });
		const pdf = await charterToPdf(charter);
		expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
		text = flat(extract('charter-fixture', pdf));
		// Page 1 as an image, to look at.
		execFileSync('pdftoppm', [
			'-png',
			'-r',
			'60',
			'-f',
			'1',
			'-l',
			'1',
			path.join(ARTIFACTS, 'charter-fixture.pdf'),
			path.join(ARTIFACTS, 'charter-fixture-page')
		]);
	});

	it('opens with the title block: title, team, version, date and author', () => {
		expect(text).toContain('Checkout team PM charter');
		expect(text).toContain('Team Checkout');
		expect(text).toContain('Version 1');
		expect(text).toContain('Published 14 March 2025 by Ana Ruiz');
		expect(text).toContain('Took part 3: Ana Ruiz, Ben Okafor, Zoë Lindqvist');
		expect(text).toContain('Consent 1 consented, 1 objected, 1 not answered yet');
	});

	it('lists who took part and how each answered, non-ASCII names intact', () => {
		expect(text).toContain('Who took part');
		expect(text).toContain('Ana Ruiz (facilitator) — consents');
		expect(text).toContain('Ben Okafor (participant) — no answer yet');
		expect(text).toContain('Zoë Lindqvist (participant) — objects');
	});

	it('has every section heading with its intro, and the appendix', () => {
		for (const key of ['owns', 'does', 'consulted', 'informed'] as const) {
			expect(text).toContain(`Product Manager · ${BOUNDARY_COPY[key].heading}`);
			expect(text).toContain(flat(BOUNDARY_COPY[key].intro));
		}
		expect(text).toContain("Not the Product Manager's job");
		expect(text).toContain('Open questions');
		expect(text).toContain('Role by role');
		expect(text).toContain('Appendix: RACI matrix');
	});

	it('contains every responsibility, its rationale, dissent and the owner of what is not the role’s', () => {
		for (const { item } of listEntries(charter)) expect(text).toContain(flat(item.title));
		expect(text).toContain('Rationale: Support joins so that beta feedback reaches the queue.');
		expect(text).toContain('Dissent from Ben Okafor: Engineering should shape the vision too.');
		expect(text).toContain('Accountable instead: Sales');
		// Who does an owned row and who is consulted on it; who owns a row the role does.
		expect(text).toMatch(/Done by R Design Consulted C Leadership/);
		expect(text).toMatch(/Write user stories .*Owned by A Engineering/);
		expect(text).toContain('Why it is open: Too many owners');
		expect(text).not.toContain('Hire product managers'); // left in the tray
	});

	it('marks each row agreed, not agreed or reopened, and never claims every row was agreed', () => {
		expect(text).toContain('6 of 9 rows agreed; 2 not agreed; 1 reopened.');
		expect(text).toContain('Agreed by Ana Ruiz on 2025-03-14');
		expect(text).toContain('Not agreed in the workshop');
		expect(text).toMatch(
			/Reopened: changed by Ana Ruiz on \d{4}-\d\d-\d\d after Ana Ruiz agreed it/
		);
		expect(text).not.toContain('every row was agreed');
	});

	it('credits each row’s article and its tags, and ends with the Sources list', () => {
		expect(text).toContain('Monthly · for senior PM, group PM');
		expect(text).toContain(
			'From “What Does A Product Manager Do?” by Ellen Merryweather (Product School)'
		);
		const list = text.slice(text.lastIndexOf('Sources'));
		for (const source of charter.sources ?? []) expect(list).toContain(source.title);
		expect(charter.sources).toHaveLength(4);
	});

	it('numbers every page "Page n of m"', () => {
		const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
		expect(pages).toBeGreaterThan(1);
		for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`);
	});
});

describe('charterToPdf of a board a facilitator moderated', () => {
	it('says whose dissent was removed, by whom and when', async () => {
		const doc = createFixtureBoard();
		removeDissent(doc, null, { id: 'u-ana', name: 'Ana Ruiz' }, 'vision', 'u-ben');
		const charter = buildCharter(readBoard(doc), FIXTURE_META);
		const text = flat(extract('charter-moderated', await charterToPdf(charter)));
		expect(text).toMatch(/Dissent from Ben Okafor removed by Ana Ruiz on \d{4}-\d{2}-\d{2}/);
	});
});

describe('charterToPdf of a sparse board', () => {
	it('collapses each empty section to one line', async () => {
		const snapshot = gridSnapshot(['pm', 'eng'], { a: 'AR', b: 'RA' });
		snapshot.focusRoleId = 'pm';
		const text = flat(
			extract('charter-sparse', await charterToPdf(buildCharter(snapshot, FIXTURE_META)))
		);
		expect(text).toContain(`Role pm · ${BOUNDARY_COPY.consulted.heading} (C): nothing here.`);
		expect(text).toContain(`Role pm · ${BOUNDARY_COPY.informed.heading} (I): nothing here.`);
		expect(text).not.toContain(flat(BOUNDARY_COPY.informed.intro));
		expect(text).toContain("Not the Role pm's job: nothing here.");
		expect(text).toContain('Open questions: none, no row breaks a rule.');
		expect(text).not.toContain(flat(BOUNDARY_COPY.unresolved.intro));
		expect(text).toContain(flat(BOUNDARY_COPY.owns.intro));
	});
});

describe('charterToPdf on a 60-row board', () => {
	let charter: Charter;
	let pdf: Uint8Array;

	beforeAll(async () => {
		charter = buildCharter(readBoard(createLargeBoard(60)), {
			...FIXTURE_META,
			title: 'Platform team PM charter'
		});
		pdf = await charterToPdf(charter);
	});

	it('keeps every row, and repeats the matrix header on every page the matrix spans', () => {
		const info = pageInfo(pdf, 'charter-large');
		expect(info.size).toContain('A4');
		const all = flat(extract('charter-large', pdf));
		expect(charter.matrix.rows).toHaveLength(60);
		for (const row of charter.matrix.rows) expect(all).toContain(flat(row.title));

		const pages = Array.from({ length: info.pages }, (_, i) =>
			flat(extract('charter-large', pdf, [i + 1, i + 1], true))
		);
		const first = pages.findIndex((page) => page.includes('Appendix: RACI matrix'));
		expect(first).toBeGreaterThan(0);
		// The Sources list follows the matrix and may start a page of its own.
		const matrixPages = pages
			.slice(first)
			.filter((page) => !page.trimStart().startsWith('Sources'));
		expect(matrixPages.length).toBeGreaterThan(1);
		for (const page of matrixPages) {
			expect(page).toMatch(/Responsibility PM ENG DES SLS CS MKT LEAD PGM/);
		}
	});

	it('prints on Letter paper when asked', async () => {
		const letter = await charterToPdf(charter, { paper: 'Letter' });
		expect(pageInfo(letter, 'charter-large-letter').size).toContain('letter');
	});
});

describe('charterToPdf in other frameworks', () => {
	const pdfText = async (framework: 'rasci' | 'daci') => {
		const doc = createFixtureBoard(framework);
		const built = buildCharter(readBoard(doc), { ...FIXTURE_META, agreed: fixtureAgreements(doc) });
		return flat(extract(`charter-${framework}`, await charterToPdf(built)));
	};

	it('files the RASCI owner who also does a row under Owns, says so, and has Supports', async () => {
		const text = await pdfText('rasci');
		expect(text).toContain('owns (A), does (R), supports (S), is consulted on (C)');
		const owns = text.slice(text.indexOf('Product Manager · Owns (A)'));
		expect(owns.slice(0, owns.indexOf('Product Manager · Does (R)'))).toContain(
			'Product Manager also does it'
		);
		expect(text).toContain('Product Manager · Supports (S)');
		expect(text).toContain('Appendix: RASCI matrix');
		expect(text).toContain('A/R');
	});

	it('names DACI’s sections and letters', async () => {
		const text = await pdfText('daci');
		expect(text).toContain('Product Manager · Approves (A)');
		expect(text).toContain('Product Manager · Drives (D)');
		expect(text).toContain('Product Manager · Contributes to (C)');
		expect(text).toContain('Product Manager also drives it');
		expect(text).toContain('Appendix: DACI matrix');
		expect(text).toContain('A/D');
		expect(text).not.toContain('Does (R)');
	});
});

/**
 * Every page of a PDF as pdftotext reads it (layout kept, the footer left out), and as a PNG
 * under tests/.artifacts/pdf-pages/ for a person to look at.
 */
function pagesOf(name: string, pdf: Uint8Array): string[][] {
	const { pages } = pageInfo(pdf, name);
	const dir = path.join(ARTIFACTS, 'pdf-pages');
	mkdirSync(dir, { recursive: true });
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'50',
		path.join(ARTIFACTS, `${name}.pdf`),
		path.join(dir, name)
	]);
	return Array.from({ length: pages }, (_, i) =>
		extract(name, pdf, [i + 1, i + 1], true)
			.split('\n')
			.map((line) => line.trim().replace(/\s+/g, ' '))
			.filter((line) => line && !/Page \d+ of \d+$/.test(line))
	);
}

/** Lines that must never end a page: headings, their intros, row titles and role names. */
function headingLines(charter: Charter): Set<string> {
	const focus = charter.focusRole?.name ?? '';
	const copy = Object.values(BOUNDARY_COPY);
	return new Set(
		[
			'Who took part',
			'Warnings about roles',
			`Not the ${focus}'s job`,
			'Open questions',
			'Role by role',
			'What each role owns, does, is consulted on and is informed of.',
			'Appendix: RACI matrix',
			'Sources',
			'The articles the responsibilities on this board come from.',
			...copy.map((entry) => `${focus} · ${entry.heading}`),
			...listEntries(charter).map(({ item }) => item.title),
			...charter.roles.map((role) => `${role.label} ${role.name}`)
		].map((line) => flat(line).trim())
	);
}

/** Fewer lines than this on a page that is not the last one reads as a printing fault. */
const MIN_LINES = 12;

describe.each([
	['fixture', 'A4'],
	['fixture', 'Letter'],
	['large', 'A4'],
	['large', 'Letter']
] as const)('charterToPdf pages of the %s board on %s', (board, paper) => {
	let charter: Charter;
	let pages: string[][];

	beforeAll(async () => {
		if (board === 'fixture') {
			const doc = createFixtureBoard();
			charter = buildCharter(readBoard(doc), { ...FIXTURE_META, agreed: fixtureAgreements(doc) });
		} else {
			charter = buildCharter(readBoard(createLargeBoard(60)), FIXTURE_META);
		}
		pages = pagesOf(`pages-${board}-${paper}`, await charterToPdf(charter, { paper }));
	});

	it('leaves no page but the last nearly empty', () => {
		expect(pages.length).toBeGreaterThan(1);
		const sparse = pages
			.slice(0, -1)
			.map((lines, i) => ({ page: i + 1, lines: lines.length }))
			.filter(({ lines }) => lines < MIN_LINES);
		expect(sparse).toEqual([]);
	});

	it('never ends a page on a heading, an intro, a row title or a role name', () => {
		const headings = headingLines(charter);
		const endings = pages.slice(0, -1).map((lines) => lines[lines.length - 1]);
		expect(endings.filter((ending) => headings.has(ending))).toEqual([]);
	});
});

// The text of the fixture's PDF, page by page, as pdftotext reads it. Compared, never rewritten
// silently: after a deliberate change, run once with UPDATE_GOLDEN=1 and review the diff.
describe('charterToPdf text against the golden files', () => {
	beforeAll(() => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2025-03-14T15:00:00.000Z'));
	});
	afterAll(() => {
		vi.useRealTimers();
	});

	it.each(['A4', 'Letter'] as const)('reads the same on %s', async (paper) => {
		const doc = createFixtureBoard();
		const charter = buildCharter(readBoard(doc), {
			...FIXTURE_META,
			agreed: fixtureAgreements(doc)
		});
		const text = extract(`golden-${paper}`, await charterToPdf(charter, { paper }));
		const url = new URL(`./__golden__/charter-${paper.toLowerCase()}.txt`, import.meta.url);
		if (process.env.UPDATE_GOLDEN) writeFileSync(url, text);
		if (!existsSync(url)) throw new Error(`Missing golden for ${paper}; run with UPDATE_GOLDEN=1`);
		expect(text).toBe(readFileSync(url, 'utf8'));
	});
});
