/** Changes to the board's columns; see operations.ts for transactions, origins and positions. */
import type * as Y from 'yjs';
import {
	claimId,
	createRole,
	findRole,
	insertionIndex,
	prune,
	sortedRoles,
	writeOrder
} from './entries.ts';
import { DEFAULT_CONTENT_LIMITS } from './content.ts';
import { keyBetween } from './order.ts';
import { FOCUS_ROLE_ID, getMetaMap, getRoleMap } from './schema.ts';
import { BoardError, checkRoleFields, type RoleInput, type RolePatch } from './validate.ts';

/** Adds a role as the last column and returns its id; the first role becomes the focus. */
export const addRole = (doc: Y.Doc, origin: unknown, input: RoleInput): string => {
	const fields = checkRoleFields(input, true);
	const id = claimId(getRoleMap(doc), input.id, 'Role');
	const roles = sortedRoles(doc);
	// The server refuses more (MAX_ROLES_PER_BOARD); saying so here keeps the edit from being lost.
	if (getRoleMap(doc).size >= DEFAULT_CONTENT_LIMITS.maxRoles) {
		throw new BoardError(
			'invalid-input',
			`A board has at most ${DEFAULT_CONTENT_LIMITS.maxRoles} roles; a wider board is hard to read`
		);
	}
	doc.transact(() => {
		createRole(doc, id, fields, keyBetween(roles.at(-1)?.order ?? null, null));
		if (roles.length === 0) getMetaMap(doc).set(FOCUS_ROLE_ID, id);
	}, origin);
	return id;
};

export const editRole = (doc: Y.Doc, origin: unknown, roleId: string, patch: RolePatch): void => {
	const role = findRole(doc, roleId);
	const changed = Object.entries(checkRoleFields(patch, false)).filter(
		([field, value]) => role.get(field) !== value
	);
	if (changed.length === 0) return;
	doc.transact(() => {
		for (const [field, value] of changed) role.set(field, value);
	}, origin);
};

/** Deletes a role and its letters; if it was the focus role, the first remaining role is. */
export const deleteRole = (doc: Y.Doc, origin: unknown, roleId: string): void => {
	findRole(doc, roleId);
	const meta = getMetaMap(doc);
	const next = sortedRoles(doc, roleId)[0]?.id;
	doc.transact(() => {
		getRoleMap(doc).delete(roleId);
		prune(doc);
		if (meta.get(FOCUS_ROLE_ID) !== roleId) return;
		if (next === undefined) meta.delete(FOCUS_ROLE_ID);
		else meta.set(FOCUS_ROLE_ID, next);
	}, origin);
};

export const moveRole = (
	doc: Y.Doc,
	origin: unknown,
	roleId: string,
	beforeId: string | null,
	afterId: string | null
): void => {
	const role = findRole(doc, roleId);
	const roles = sortedRoles(doc, roleId);
	const index = insertionIndex(roles, roleId, beforeId, afterId);
	if (index === sortedRoles(doc).findIndex((entry) => entry.id === roleId)) return;
	doc.transact(() => writeOrder(getRoleMap(doc), role, roles, index), origin);
};

export const setFocusRole = (doc: Y.Doc, origin: unknown, roleId: string): void => {
	findRole(doc, roleId);
	const meta = getMetaMap(doc);
	if (meta.get(FOCUS_ROLE_ID) === roleId) return;
	doc.transact(() => meta.set(FOCUS_ROLE_ID, roleId), origin);
};
