import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	FIXTURE_META,
	createFixtureBoard,
	fixtureAgreements
} from '../board/__fixtures__/board.ts';
import { gridSnapshot } from '../board/__fixtures__/letters.ts';
import { buildCharter, type Charter } from './charter.ts';
import { charterToCsv } from './export-csv.ts';
import { charterToJson } from './export-json.ts';
import { charterToMarkdown } from './export-markdown.ts';
import { readBoard } from '../board/snapshot.ts';

// Golden files are compared, never rewritten silently: after a deliberate change of the output,
// run once with UPDATE_GOLDEN=1 and review the diff of __golden__/ before committing it.
const golden = (name: string, actual: string) => {
	const url = new URL(`./__golden__/${name}`, import.meta.url);
	if (process.env.UPDATE_GOLDEN) writeFileSync(url, actual);
	if (!existsSync(url)) throw new Error(`Missing golden ${name}; run with UPDATE_GOLDEN=1`);
	expect(actual).toBe(readFileSync(url, 'utf8'));
};

let charter: Charter;

beforeAll(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date('2025-03-14T15:00:00.000Z'));
	const doc = createFixtureBoard();
	charter = buildCharter(readBoard(doc), { ...FIXTURE_META, agreed: fixtureAgreements(doc) });
});

afterAll(() => {
	vi.useRealTimers();
});

// A charter whose matrix holds the text that breaks naive exporters.
const awkwardCharter = (): Charter => {
	const snapshot = gridSnapshot(['pm', 'eng'], { a: 'AR', b: 'RA', c: 'AR', d: '.R' });
	snapshot.roles[0].name = 'Product, Manager';
	snapshot.roles[1].name = 'Ingeniería "core"';
	const titles = [
		'Pricing, packaging and discounts',
		'Say "no" to scope creep',
		'Line one\nline two',
		'=HYPERLINK("http://evil.example","click") | Ünïcødé 製品 🚀'
	];
	snapshot.rows.forEach((row, i) => (row.title = titles[i]));
	snapshot.rows[0].category = 'Strategy & vision';
	snapshot.notes.b = '# not a heading\n- not a list\n1. not a list either';
	return buildCharter(snapshot, FIXTURE_META);
};

describe('charterToMarkdown', () => {
	it('matches the golden file', () => {
		golden('charter.md', charterToMarkdown(charter));
	});

	it('collapses each empty section to its heading line', () => {
		const sparse = charterToMarkdown(
			buildCharter(gridSnapshot(['pm', 'eng'], { a: 'AR', b: 'RA' }), FIXTURE_META)
		);
		expect(sparse).toContain('## Owns (A)\n\n- **Row a**');
		for (const title of [
			'Consulted on (C)',
			'Informed of (I)',
			"Not the Role pm's job",
			'Open questions'
		]) {
			expect(sparse).toContain(`\n## ${title}: nothing here\n\n## `);
		}
	});

	it('uses reader-facing rule text when given', () => {
		const markdown = charterToMarkdown(charter, {
			ruleText: { 'multiple-accountable': 'Too many owners' }
		});
		expect(markdown).toContain(
			'- **Own the product budget**: Too many owners (Product Manager, Leadership); no-responsible'
		);
	});

	it('keeps board text from turning into markup', () => {
		const markdown = charterToMarkdown(awkwardCharter());
		expect(markdown).toContain(
			'| =HYPERLINK("http://evil.example","click") \\| Ünïcødé 製品 🚀 |   | R |'
		);
		expect(markdown).toContain('| Line one line two | A | R |');
		expect(markdown).toContain(
			'  - Rationale: \\# not a heading\n    \\- not a list\n    1\\. not a list either'
		);
		expect(markdown).not.toMatch(/^# not a heading/m);
	});

	it.each([
		['a bare CR', '\r'],
		['CRLF', '\r\n'],
		['a line separator', '\u2028'],
		['a paragraph separator', '\u2029']
	])('treats %s in a note as a line break, never as the start of a heading', (_, br) => {
		const awkward = awkwardCharter();
		const row = awkward.sections.owns.find((item) => item.note) ?? awkward.sections.owns[0];
		row.note = `Agreed.${br}# Fake heading${br}> fake quote`;
		const markdown = charterToMarkdown(awkward);
		expect(markdown).toContain('  - Rationale: Agreed.\n    \\# Fake heading\n    \\> fake quote');
		expect(markdown).not.toMatch(/[\r\u2028\u2029]/);
	});
});

describe('charterToCsv', () => {
	it('matches the golden file', () => {
		golden('charter.csv', charterToCsv(charter));
	});

	it('quotes commas, quotes and newlines, keeps Unicode and defuses formulas', () => {
		const csv = charterToCsv(awkwardCharter());
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')).toEqual([
			'Responsibility,Category,"Product, Manager","Ingeniería ""core""",Agreement',
			'"Pricing, packaging and discounts",Strategy & vision,A,R,Not agreed in the workshop',
			'"Say ""no"" to scope creep",,R,A,Not agreed in the workshop',
			'"Line one\nline two",,A,R,Not agreed in the workshop',
			`"'=HYPERLINK(""http://evil.example"",""click"") | Ünïcødé 製品 🚀",,,R,Not agreed in the workshop`,
			''
		]);
	});

	it('writes a header alone for an empty board', () => {
		const empty = buildCharter(gridSnapshot([], {}), FIXTURE_META);
		expect(charterToCsv(empty)).toBe('\uFEFFResponsibility,Category,Agreement\r\n');
	});
});

describe('charterToJson', () => {
	it('matches the golden file', () => {
		golden('charter.json', charterToJson(charter));
	});

	it('is stable however the charter was put together, and round-trips', () => {
		const json = charterToJson(charter);
		const reordered = Object.fromEntries(Object.entries(charter).reverse()) as Charter;
		expect(charterToJson(reordered)).toBe(json);
		expect(JSON.parse(json)).toEqual(charter);
	});
});
