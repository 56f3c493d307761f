import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_META, createFixtureBoard } from '../board/__fixtures__/board.ts';
import { buildCharter, type Charter } from './charter.ts';
import { searchCharter, searchWords } from './search.ts';
import { readBoard } from '../board/snapshot.ts';

let charter: Charter;

beforeAll(() => {
	charter = buildCharter(readBoard(createFixtureBoard()), FIXTURE_META);
});

const titles = (query: string) => searchCharter(charter, query).map(({ item }) => item.title);

describe('searchCharter', () => {
	it('answers a question with the row and who is accountable for it', () => {
		const [first, ...rest] = searchCharter(charter, 'Who owns beta programs?');
		expect(first.item.title).toBe('Run beta programs');
		expect(first.boundary).toBe('owns');
		expect(first.accountable).toEqual(['Product Manager']);
		expect(rest).toEqual([]);
	});

	it('names the owner of a row outside the focus role', () => {
		expect(searchCharter(charter, 'who is responsible for customer contracts')[0]).toMatchObject({
			item: { title: 'Negotiate customer contracts' },
			boundary: 'outside',
			accountable: ['Sales']
		});
	});

	it('matches case-insensitively, on word stems and accents', () => {
		expect(titles('BETA')).toEqual(['Run beta programs']);
		expect(titles('program')).toEqual(['Run beta programs']);
		expect(titles('roadmaps')).toEqual(['Prioritise the roadmap']);
		expect(titles('prïcing')).toEqual(['Set pricing & packaging']);
	});

	it('matches detail, category and rationale, ranking title matches first', () => {
		expect(titles('feedback')).toEqual(['Run beta programs']);
		expect(titles('patterns')).toEqual(['Negotiate customer contracts']);
		const discounts = titles('discounts pricing');
		expect(discounts[0]).toBe('Set pricing & packaging');
		expect(discounts).toContain('Negotiate customer contracts');
	});

	it('reports rows with several owners with all of them', () => {
		expect(searchCharter(charter, 'budget')[0]).toMatchObject({
			boundary: 'unresolved',
			accountable: ['Product Manager', 'Leadership']
		});
	});

	it('finds nothing for stop words alone, short fragments or unknown words', () => {
		expect(titles('who owns what?')).toEqual([]);
		expect(titles('')).toEqual([]);
		expect(titles('pro')).toEqual([]);
		expect(titles('kubernetes')).toEqual([]);
	});
});

describe('searchWords', () => {
	it('splits on anything but letters and digits', () => {
		expect(searchWords('Go-to-market: Zoë’s Q3 plan')).toEqual([
			'go',
			'to',
			'market',
			'zoe',
			's',
			'q3',
			'plan'
		]);
	});
});
