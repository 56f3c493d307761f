import type { Card } from '../schema.ts';

/** A card titled after its id, on the board (`placed`) or in the tray, for tests that need few. */
export const fixtureCard = (id: string, placed: boolean): Card => ({
	id,
	title: id.toUpperCase(),
	detail: '',
	category: '',
	source: '',
	placed,
	order: ''
});
