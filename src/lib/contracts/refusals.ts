/**
 * Why the sync server refused a write, as it says so on the wire, and what a person is told.
 *
 * The server's y-protocols "permission denied" reason starts with the cause
 * (`board-locked: your changes to board are not saved`), so the browser names the cause even
 * when the refusal arrives before the lock itself has synced. Add a cause here, with its words,
 * and both sides know it.
 */
import type { RoomKind } from './sync.ts';

export const REFUSAL_CAUSES = ['board-locked', 'read-only'] as const;
export type RefusalCause = (typeof REFUSAL_CAUSES)[number];

/** The reason text the server sends with a refused write. */
export function refusalReason(cause: RefusalCause, kind: RoomKind): string {
	return `${cause}: your changes to ${kind} are not saved`;
}

/** The cause a refusal's reason names, or null when it names none this client knows. */
export function refusalCause(reason: string): RefusalCause | null {
	return REFUSAL_CAUSES.find((cause) => reason.startsWith(cause)) ?? null;
}

/**
 * Refusals for what an update writes (the workshop's content check, server/workshop/), with what
 * a person is told. The server's reason starts with one of these, like the causes above.
 */
export const CONTENT_REFUSALS = {
	'roles-facilitator-only': 'Only the facilitator can change the roles.',
	'not-your-entry': 'You can only add or remove entries under your own name.',
	'server-only': 'That is recorded by the server; it cannot be written directly.',
	'bad-value': 'That change holds a value the board does not accept.',
	'too-long': 'That text is longer than the board allows.',
	'too-many-roles': 'The board cannot have more roles.',
	'too-many-cards': 'The board cannot hold more cards.',
	'board-too-large': 'The board has reached its size limit.'
} as const;

export type ContentRefusal = keyof typeof CONTENT_REFUSALS;

/** The content refusal a reason names, or null. */
export function contentRefusal(reason: string): ContentRefusal | null {
	const cause = reason.split(':', 1)[0];
	return Object.hasOwn(CONTENT_REFUSALS, cause) ? (cause as ContentRefusal) : null;
}

/** Told after the server refused a change that this tab had already made locally. */
export function refusedChangeMessage(reason: string): string {
	const content = contentRefusal(reason);
	if (content) return `${CONTENT_REFUSALS[content]} Your last change was not saved.`;
	return refusalCause(reason) === 'board-locked'
		? 'The board is locked — your last change was not saved.'
		: 'You cannot change this board right now — your last change was not saved.';
}

/** Told when someone tries a change their tab already knows will be refused. */
export const BLOCKED_CHANGE_MESSAGES: Readonly<Record<RefusalCause, string>> = {
	'board-locked': 'The board is locked by the facilitator.',
	'read-only': 'Readers can look but not change the board.'
};
