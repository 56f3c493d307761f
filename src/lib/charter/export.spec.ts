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
import type { FrameworkId } from '../board/frameworks.ts';
import { diffCharters } from './diff.ts';
import { RULE_COPY } from '../templates/copy.ts';

// Golden files are compared, never rewritten silently: after a deliberate change of the output,
// run once with UPDATE_GOLDEN=1 and review the diff of __golden__/ before committing it.
const golden = (name: string, actual: string) => {
	const url = new URL(`./__golden__/${name}`, import.meta.url);
	if (process.env.UPDATE_GOLDEN) writeFileSync(url, actual);
	if (!existsSync(url)) throw new Error(`Missing golden ${name}; run with UPDATE_GOLDEN=1`);
	expect(actual).toBe(readFileSync(url, 'utf8'));
};

let charter: Charter;
const byFramework = {} as Record<'rasci' | 'daci', Charter>;

const fixtureCharter = (framework: FrameworkId): Charter => {
	const doc = createFixtureBoard(framework);
	return buildCharter(readBoard(doc), { ...FIXTURE_META, agreed: fixtureAgreements(doc) });
};

beforeAll(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date('2025-03-14T15:00:00.000Z'));
	charter = fixtureCharter('raci');
	byFramework.rasci = fixtureCharter('rasci');
	byFramework.daci = fixtureCharter('daci');
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

describe.each(['rasci', 'daci'] as const)('a %s charter', (framework) => {
	const ruleText = Object.fromEntries(
		Object.entries(RULE_COPY).map(([rule, copy]) => [rule, copy.label])
	);

	it('matches the golden Markdown, CSV and JSON files', () => {
		const built = byFramework[framework];
		golden(`charter-${framework}.md`, charterToMarkdown(built, { ruleText }));
		golden(`charter-${framework}.csv`, charterToCsv(built));
		golden(`charter-${framework}.json`, charterToJson(built));
	});
});

describe('the owner who also does a row, in the exports', () => {
	it('files the row under the owner’s section and says the owner does it too', () => {
		const markdown = charterToMarkdown(byFramework.rasci);
		const owns = markdown.slice(markdown.indexOf('## Owns (A)'), markdown.indexOf('## Does (R)'));
		expect(owns).toContain('- **Set the product vision**');
		expect(owns).toContain('  - Product Manager also does it');
		expect(markdown).toContain('## Supports (S)\n\n- **Set pricing & packaging**');
		expect(charterToCsv(byFramework.rasci)).toContain(
			'Set the product vision,Vision and strategy,A/R,I,S,,,C,'
		);
	});

	it('names DACI’s sections by its own verbs', () => {
		const markdown = charterToMarkdown(byFramework.daci);
		expect(markdown).toContain(
			'approves (A), drives (D), contributes to (C) and is informed of (I)'
		);
		expect(markdown).toContain('## Approves (A)\n\n- **Set the product vision**');
		expect(markdown).toContain('  - Product Manager also drives it');
		expect(markdown).toContain('## Appendix: DACI matrix');
		expect(markdown).not.toContain('## Does (R)');
	});
});

describe('a version published under drawline.charter/1', () => {
	const stored = (): Charter =>
		JSON.parse(
			readFileSync(new URL('./__fixtures__/charter-schema-1.json', import.meta.url), 'utf8')
		) as Charter;

	it('still exports as it did, read as RACI', () => {
		const old = stored();
		expect(old.schema).toBe('drawline.charter/1');
		expect(old.framework).toBeUndefined();
		// The fixture was stored before warnings recorded their measure; leave it out to compare.
		const now = JSON.parse(
			JSON.stringify(charter, (key, value) => (key === 'measure' ? undefined : value))
		) as Charter;
		expect(charterToMarkdown(old)).toBe(charterToMarkdown(now));
		expect(charterToCsv(old)).toBe(charterToCsv(now));
	});

	it('diffs against a version published under /2 with nothing changed', () => {
		const diff = diffCharters(stored(), charter);
		expect(diff).toEqual({ added: [], removed: [], changed: [], rolesAdded: [], rolesRemoved: [] });
	});
});
