/**
 * Layout of a workshop's facilitation document (one Y.Doc per workshop, next
 * to the board). Only the facilitator writes it; everyone reads it.
 *
 *   state   Y.Map { locked: boolean, ... }
 *
 * The sync server reads `locked` to make the board read-only for
 * participants the moment the facilitator locks it.
 */
import type * as Y from 'yjs';

export const STATE = 'state';

export const LOCKED = 'locked';

export function isLocked(doc: Y.Doc): boolean {
	return doc.getMap(STATE).get(LOCKED) === true;
}
