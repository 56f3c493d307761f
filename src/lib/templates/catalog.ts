import { BLANK } from './blank.ts';
import { CLASSIC_LIST } from './classic-list.ts';
import { CORE_FUNCTIONS } from './core-functions.ts';
import { EVERYTHING_PMS_DO } from './everything-pms-do.ts';
import { FOUR_PILLARS } from './four-pillars.ts';
import type { Template, TemplateCard } from './types.ts';

export const TEMPLATES: Template[] = [
	FOUR_PILLARS,
	CORE_FUNCTIONS,
	EVERYTHING_PMS_DO,
	CLASSIC_LIST,
	BLANK
];

export function getTemplate(id: string): Template | undefined {
	return TEMPLATES.find((template) => template.id === id);
}

// A card shared by several templates keeps the category of the first template that lists it.
function distinctCards(templates: Template[]): TemplateCard[] {
	const byId = new Map<string, TemplateCard>();
	for (const card of templates.flatMap((template) => template.cards)) {
		if (!byId.has(card.id)) byId.set(card.id, card);
	}
	return [...byId.values()];
}

export const ALL_CARDS: TemplateCard[] = distinctCards(TEMPLATES);
