/** A row's sources and tags in words, as the catalog words them, from what the charter stored. */
import { creditWords } from '../templates/credits.ts';
import { COORDINATOR_COPY, RULE_COPY, measureText } from '../templates/copy.ts';
import { tagWords } from '../templates/tags.ts';
import { frameworkOf, lettersOf, type Letter } from '../board/frameworks.ts';
import type { CharterWarning } from './warnings.ts';
import type { Charter, CharterItem, CharterRemoval, CharterSource } from './charter.ts';

export { sourceText } from '../templates/credits.ts';

/** The articles a row credits, its own first; [] when it credits none. */
export const creditsOfItem = (charter: Charter, item: CharterItem): CharterSource[] => {
	const byId = new Map((charter.sources ?? []).map((source) => [source.id, source]));
	return (item.credits ?? []).flatMap((id) => byId.get(id) ?? []);
};

export const creditLine = (charter: Charter, item: CharterItem): string =>
	creditWords(creditsOfItem(charter, item));

export const tagLine = (item: CharterItem): string => tagWords(item.cadence, item.seniority);

/**
 * "Spread too thin (Product Manager): R or A on 9 of 12 rows (threshold 8). <why it matters>";
 * versions published before thresholds were recorded say no numbers.
 */
export const warningText = (charter: Charter, warning: CharterWarning): string => {
	const copy =
		warning.rule === 'accidental-coordinator' ? COORDINATOR_COPY : RULE_COPY[warning.rule];
	const names = warning.roleIds.map(
		(id) => charter.roles.find((role) => role.id === id)?.name ?? id
	);
	const who = `${copy.label}${names.length ? ` (${names.join(', ')})` : ''}`;
	const measure =
		warning.measure && warning.rule !== 'accidental-coordinator'
			? `${measureText(warning.rule, warning.measure, frameworkOf(charter.framework))}. `
			: '';
	return `${who}: ${measure}${copy.explanation}`;
};

/** Dissent a facilitator took down, said wherever the charter is read. */
export const removalText = (entry: CharterRemoval): string =>
	`Dissent from ${entry.name} removed by ${entry.removedBy.name} on ${entry.at.slice(0, 10)}`;

/** "Product Manager also does it": said of an owned row its owner also does ("A/R"). */
export const alsoDoesText = (charter: Charter, roleName: string): string =>
	`${roleName} also ${frameworkOf(charter.framework).words.does.phrase} it`;

/**
 * Who else holds which letter on a row, in words ("Done by: Engineering"), leaving out role
 * `roleId` and the letters in `skip`; a role holding two letters ("A/R") is named under each.
 */
export const othersOnRow = (
	charter: Charter,
	cardId: string,
	roleId: string | null,
	skip: readonly Letter[]
): string[] => {
	const row = charter.matrix.rows.find((entry) => entry.cardId === cardId);
	if (!row) return [];
	return frameworkOf(charter.framework).letters.flatMap((info) => {
		if (skip.includes(info.letter)) return [];
		const who = charter.matrix.roles.filter((role) => {
			const mark = row.letters[role.id];
			return role.id !== roleId && !!mark && lettersOf(mark).includes(info.letter);
		});
		return who.length > 0 ? [`${info.holders}: ${who.map((role) => role.name).join(', ')}`] : [];
	});
};
