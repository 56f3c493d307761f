/**
 * Why the server refused an update because of what it writes (not who may write the room), and
 * the words a participant sees. The server sends the reason at the start of its y-protocols
 * "permission denied" message (`<reason>: …`); the browser shows `describeContentRefusal`.
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

export const isContentRefusal = (value: string): value is ContentRefusal =>
	Object.hasOwn(CONTENT_REFUSALS, value);

/** The words for a refusal message from the server, or null when it is not about content. */
export const describeContentRefusal = (message: string): string | null => {
	const reason = message.split(':', 1)[0];
	return isContentRefusal(reason) ? CONTENT_REFUSALS[reason] : null;
};
