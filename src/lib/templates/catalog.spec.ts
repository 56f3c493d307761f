import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	ALL_CARDS,
	BOUNDARY_COPY,
	CADENCES,
	DEFAULT_ROLES,
	FOCUS_ROLE_ID,
	RULE_COPY,
	SENIORITIES,
	SOURCES,
	TEMPLATES,
	getTemplate
} from './index.ts';
import { RESPONSIBILITIES } from './responsibilities/index.ts';

const SEED_DIR = path.resolve(import.meta.dirname, '../../../../shared/seeds');
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NAMED_TEMPLATE_IDS = ['four-pillars', 'core-functions', 'everything-pms-do', 'classic-list'];
const COPIED_RUN_LENGTH = 8;

function words(text: string): string[] {
	return (
		text
			.toLowerCase()
			.replace(/[‘’]/g, "'")
			.match(/[a-z0-9']+/g) ?? []
	);
}

function runs(text: string): string[] {
	const list = words(text);
	return list
		.slice(0, Math.max(0, list.length - COPIED_RUN_LENGTH + 1))
		.map((_, i) => list.slice(i, i + COPIED_RUN_LENGTH).join(' '));
}

// The seed articles live outside the repository, so a plain clone has none to compare against.
const SEEDS_PRESENT = existsSync(SEED_DIR);
const seedTexts = SEEDS_PRESENT
	? readdirSync(SEED_DIR)
			.filter((name) => name.endsWith('.txt'))
			.map((name) => readFileSync(path.join(SEED_DIR, name), 'utf8'))
	: [];
const seedRuns = new Set(seedTexts.flatMap(runs));

function copiedRun(text: string): string | undefined {
	return runs(text).find((run) => seedRuns.has(run));
}

function relativeLuminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
		return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastWithWhite(hex: string): number {
	return 1.05 / (relativeLuminance(hex) + 0.05);
}

describe('templates', () => {
	it('offers the four named templates and a blank one', () => {
		expect(TEMPLATES.map((template) => template.id).sort()).toEqual(
			[...NAMED_TEMPLATE_IDS, 'blank'].sort()
		);
		for (const id of NAMED_TEMPLATE_IDS) expect(getTemplate(id)?.cards.length).toBeGreaterThan(0);
		expect(getTemplate('blank')?.cards).toEqual([]);
		expect(getTemplate('no-such-template')).toBeUndefined();
	});

	it('gives every template a name, a one-sentence description and the default roles', () => {
		for (const template of TEMPLATES) {
			expect(template.name.trim()).not.toBe('');
			expect(template.description).toMatch(/^[A-Z][^\n]*\.$/);
			expect(template.roles).toEqual(DEFAULT_ROLES);
			expect(template.roles.map((role) => role.id)).toContain(template.focusRoleId);
		}
	});

	it('lists exactly the sources its cards come from, known ones only', () => {
		const sourceIds = SOURCES.map((source) => source.id);
		for (const template of TEMPLATES) {
			const cardSources = new Set(template.cards.map((card) => card.source));
			expect(new Set(template.sources)).toEqual(cardSources);
			for (const id of template.sources) expect(sourceIds).toContain(id);
		}
	});

	it('lists each card once per template, grouped by category', () => {
		for (const template of TEMPLATES) {
			const ids = template.cards.map((card) => card.id);
			expect(new Set(ids).size).toBe(ids.length);
			const categories = template.cards.map((card) => card.category);
			const firstSeen = categories.filter((category, i) => categories.indexOf(category) === i);
			expect(categories).toEqual(
				firstSeen.flatMap((category) => categories.filter((c) => c === category))
			);
		}
	});

	it('shares a card between templates only as the same responsibility', () => {
		const first = new Map(ALL_CARDS.map((card) => [card.id, card]));
		for (const card of TEMPLATES.flatMap((template) => template.cards)) {
			expect({ ...card, category: '' }).toEqual({ ...first.get(card.id), category: '' });
		}
	});
});

describe('cards', () => {
	it('covers at least 40 distinct responsibilities, each used by a template', () => {
		expect(ALL_CARDS.length).toBeGreaterThanOrEqual(40);
		expect(ALL_CARDS.map((card) => card.id).sort()).toEqual(
			RESPONSIBILITIES.map((responsibility) => responsibility.id).sort()
		);
	});

	it('has unique kebab-case ids and unique titles', () => {
		const ids = RESPONSIBILITIES.map((responsibility) => responsibility.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(KEBAB_CASE);
		const titles = RESPONSIBILITIES.map((responsibility) => responsibility.title.toLowerCase());
		expect(new Set(titles).size).toBe(titles.length);
	});

	it('gives every card a short title, a one-line detail, a category and a known source', () => {
		const sourceIds = SOURCES.map((source) => source.id);
		for (const card of ALL_CARDS) {
			expect(card.title.trim()).not.toBe('');
			expect(card.title.length).toBeLessThanOrEqual(40);
			expect(card.detail).toMatch(/^[A-Z][^\n]*\.$/);
			expect(card.category.trim()).not.toBe('');
			expect(sourceIds).toContain(card.source);
		}
	});

	it('tags cadence and seniority only with the allowed values', () => {
		for (const card of ALL_CARDS) {
			for (const [tags, allowed] of [
				[card.cadence, CADENCES],
				[card.seniority, SENIORITIES]
			] as const) {
				if (tags === undefined) continue;
				expect(tags.length).toBeGreaterThan(0);
				expect(new Set(tags).size).toBe(tags.length);
				for (const tag of tags) expect(allowed).toContain(tag);
			}
		}
	});
});

describe('roles', () => {
	it('has the eight default roles with the product manager as focus', () => {
		expect(DEFAULT_ROLES.map((role) => role.id)).toEqual([
			'pm',
			'engineering',
			'design',
			'sales',
			'support',
			'marketing',
			'leadership',
			'program'
		]);
		expect(FOCUS_ROLE_ID).toBe('pm');
		expect(DEFAULT_ROLES.find((role) => role.id === FOCUS_ROLE_ID)?.name).toBe('Product Manager');
	});

	it('gives each role a short unique label and a distinct colour readable under white text', () => {
		const labels = DEFAULT_ROLES.map((role) => role.label);
		expect(new Set(labels).size).toBe(labels.length);
		const colors = DEFAULT_ROLES.map((role) => role.color.toLowerCase());
		expect(new Set(colors).size).toBe(colors.length);
		for (const role of DEFAULT_ROLES) {
			expect(role.label).toMatch(/^[A-Z&]{2,4}$/);
			expect(role.color).toMatch(/^#[0-9a-f]{6}$/i);
			expect(contrastWithWhite(role.color)).toBeGreaterThanOrEqual(4.5);
		}
	});
});

describe('copy', () => {
	it('explains every board rule with a short badge and one sentence', () => {
		expect(Object.keys(RULE_COPY).sort()).toEqual(
			[
				'no-accountable',
				'multiple-accountable',
				'no-responsible',
				'consulted-everyone',
				'only-informed',
				'overload',
				'focus-overload'
			].sort()
		);
		for (const { label, explanation } of Object.values(RULE_COPY)) {
			expect(words(label).length).toBeGreaterThan(0);
			expect(words(label).length).toBeLessThanOrEqual(3);
			expect(explanation).toMatch(/^[A-Z][^\n.]*\.$/);
		}
	});

	it('introduces every charter boundary section', () => {
		expect(Object.keys(BOUNDARY_COPY).sort()).toEqual(
			['owns', 'does', 'supports', 'consulted', 'informed', 'outside', 'unresolved'].sort()
		);
		for (const { heading, intro } of Object.values(BOUNDARY_COPY)) {
			expect(heading.trim()).not.toBe('');
			expect(intro).toMatch(/^[A-Z][^\n.]*\.$/);
		}
	});
});

describe('paraphrasing', () => {
	const skipNote = `skipped: the seed articles folder ${SEED_DIR} is absent`;
	beforeAll(() => {
		if (!SEEDS_PRESENT) console.warn(`paraphrasing checks ${skipNote}`);
	});
	beforeEach((context) => context.skip(!SEEDS_PRESENT, skipNote));

	it('reads all five seed articles', () => {
		expect(seedTexts).toHaveLength(5);
		for (const text of seedTexts) expect(copiedRun(text)).toBeDefined();
	});

	it('copies no run of 8 words from an article into a card detail', () => {
		const copied = ALL_CARDS.map((card) => [card.id, copiedRun(card.detail)]).filter(
			([, run]) => run !== undefined
		);
		expect(copied).toEqual([]);
	});

	it('copies no run of 8 words into any other product text', () => {
		const texts = [
			...ALL_CARDS.map((card) => card.title),
			...TEMPLATES.flatMap((template) => [template.name, template.description]),
			...Object.values(RULE_COPY).map((copy) => copy.explanation),
			...Object.values(BOUNDARY_COPY).map((copy) => copy.intro)
		];
		expect(texts.filter((text) => copiedRun(text) !== undefined)).toEqual([]);
	});
});
