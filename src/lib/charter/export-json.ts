import type { Charter } from './charter.ts';

// Keys sorted at every level, so a charter serialises to the same bytes however it was built or
// loaded; arrays keep their order, which carries meaning.
const sortKeys = (value: unknown): unknown => {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value === null || typeof value !== 'object') return value;
	const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return Object.fromEntries(entries.map(([key, entry]) => [key, sortKeys(entry)]));
};

export const charterToJson = (charter: Charter): string =>
	JSON.stringify(sortKeys(charter), null, 2) + '\n';
