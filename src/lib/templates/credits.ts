/**
 * The articles a card credits: the one it comes from, then the others that name the same
 * responsibility. A card keeps its catalog id on the board, which is how its other articles are
 * found; a card written in the workshop credits nothing.
 */
import { RESPONSIBILITIES } from './responsibilities/index.ts';
import { SOURCES } from './sources.ts';
import type { Source } from './types.ts';

const sourceById = new Map(SOURCES.map((source) => [source.id, source]));
const responsibilityById = new Map(RESPONSIBILITIES.map((entry) => [entry.id, entry]));

export const creditsOf = (card: { id: string; source: string }): Source[] => {
	const primary = sourceById.get(card.source);
	if (!primary) return [];
	const known = responsibilityById.get(card.id);
	const others = known?.source === card.source ? (known.alsoIn ?? []) : [];
	return [primary, ...others.flatMap((id) => sourceById.get(id) ?? [])];
};

export const sourceText = (source: { title: string; author: string }): string =>
	`“${source.title}” by ${source.author}`;

/** "From “…” by …; also named in “…” by …", or '' when nothing is credited. */
export const creditWords = (sources: { title: string; author: string }[]): string => {
	const [own, ...others] = sources;
	if (!own) return '';
	const also = others.length ? `; also named in ${others.map(sourceText).join(', ')}` : '';
	return `From ${sourceText(own)}${also}`;
};
