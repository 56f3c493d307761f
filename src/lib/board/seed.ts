import type * as Y from 'yjs';
import { createRole, createCard } from './entries.ts';
import { createId } from './ids.ts';
import { keyBetween } from './order.ts';
import { FRAMEWORK, FOCUS_ROLE_ID, getCardMap, getMetaMap, getRoleMap } from './schema.ts';
import { DEFAULT_FRAMEWORK, isFrameworkId, type FrameworkId } from './frameworks.ts';
import {
	BoardError,
	checkCardFields,
	checkId,
	checkRoleFields,
	type CardInput,
	type RoleInput
} from './validate.ts';

export type BoardSeed = {
	roles: RoleInput[];
	cards: CardInput[];
	focusRoleId?: string;
	/** The workshop's matrix; RACI when absent. Nobody changes it after seeding. */
	framework?: FrameworkId;
};

/**
 * Fills an empty board from a template: roles in the given order, every card in the tray, the
 * focus on `focusRoleId` (or the first role). Run it once per document, where the workshop is
 * created: two peers seeding the same document would each add their own copies.
 */
export const seedBoard = (doc: Y.Doc, seed: BoardSeed, origin: unknown = null): void => {
	if (getRoleMap(doc).size > 0 || getCardMap(doc).size > 0) {
		throw new BoardError('already-seeded', 'This board already has roles or cards');
	}
	const taken = new Set<string>();
	const claim = (id: string | undefined, what: string): string => {
		const claimed = id === undefined ? createId() : checkId(id, what);
		if (taken.has(claimed)) {
			throw new BoardError('duplicate-id', `Two entries of the template share the id "${claimed}"`);
		}
		taken.add(claimed);
		return claimed;
	};
	const roles = seed.roles.map((role) => ({
		id: claim(role.id, 'Role'),
		fields: checkRoleFields(role, true)
	}));
	const cards = seed.cards.map((card) => ({
		id: claim(card.id, 'Card'),
		fields: checkCardFields(card, true)
	}));
	const framework = seed.framework ?? DEFAULT_FRAMEWORK;
	if (!isFrameworkId(framework)) {
		throw new BoardError('invalid-input', `Unknown framework "${String(framework)}"`);
	}
	const focusRoleId = seed.focusRoleId ?? roles[0]?.id;
	if (focusRoleId !== undefined && !roles.some((role) => role.id === focusRoleId)) {
		throw new BoardError('unknown-role', `The focus role "${focusRoleId}" is not one of the roles`);
	}
	doc.transact(() => {
		let order: string | null = null;
		for (const role of roles) {
			order = keyBetween(order, null);
			createRole(doc, role.id, role.fields, order);
		}
		for (const card of cards) createCard(doc, card.id, card.fields);
		if (focusRoleId !== undefined) getMetaMap(doc).set(FOCUS_ROLE_ID, focusRoleId);
		if (framework !== DEFAULT_FRAMEWORK) getMetaMap(doc).set(FRAMEWORK, framework);
	}, origin);
};
