import { RESPONSIBILITIES } from './responsibilities/index.ts';
import { DEFAULT_ROLES, FOCUS_ROLE_ID } from './roles.ts';
import { SOURCES } from './sources.ts';
import type { Template, TemplateCard } from './types.ts';

interface TemplateOutline {
	id: string;
	name: string;
	description: string;
	/** Category name → responsibility ids, both in board order. */
	sections: Record<string, string[]>;
}

const byId = new Map(RESPONSIBILITIES.map((responsibility) => [responsibility.id, responsibility]));

function placeCards(category: string, ids: string[]): TemplateCard[] {
	return ids.map((id) => {
		const responsibility = byId.get(id);
		// Templates are static, so a typo fails the first import instead of yielding a card-less row.
		if (!responsibility) throw new Error(`Unknown responsibility "${id}" in "${category}"`);
		return { ...responsibility, category };
	});
}

// The article a template is built from supplies most of its cards, so it is listed first; the
// articles of cards it borrows follow.
function sourcesOf(cards: TemplateCard[]): string[] {
	const counts = new Map<string, number>();
	for (const card of cards) counts.set(card.source, (counts.get(card.source) ?? 0) + 1);
	return SOURCES.map((source) => source.id)
		.filter((id) => counts.has(id))
		.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
}

export function defineTemplate({ id, name, description, sections }: TemplateOutline): Template {
	const cards = Object.entries(sections).flatMap(([category, ids]) => placeCards(category, ids));
	return {
		id,
		name,
		description,
		sources: sourcesOf(cards),
		cards,
		roles: DEFAULT_ROLES,
		focusRoleId: FOCUS_ROLE_ID
	};
}
