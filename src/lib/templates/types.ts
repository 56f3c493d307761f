import type { Cadence, Seniority } from './tags.ts';

export type { Cadence, Seniority };

export interface Source {
	id: string;
	title: string;
	author: string;
}

export interface TemplateCard {
	id: string;
	title: string;
	detail: string;
	category: string;
	/** The article the card comes from (a `Source` id). */
	source: string;
	/** Other articles that name the same responsibility. */
	alsoIn?: string[];
	cadence?: Cadence[];
	seniority?: Seniority[];
}

/**
 * A responsibility is written once; every template that uses it files it under that template's
 * own category (a pillar, a core function...), which is why the category is not part of it.
 */
export type Responsibility = Omit<TemplateCard, 'category'>;

export interface TemplateRole {
	id: string;
	name: string;
	label: string;
	color: string;
}

export interface Template {
	id: string;
	name: string;
	description: string;
	sources: string[];
	cards: TemplateCard[];
	roles: TemplateRole[];
	focusRoleId: string;
}

// The board's checks and boundaries name these; the templates only word them (copy.ts).
export type { RuleId } from '../board/rules.ts';
export type { Boundary as BoundaryId } from '../board/boundary.ts';
export type { FrameworkId } from '../board/frameworks.ts';
