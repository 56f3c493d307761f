import type { FacilitationSnapshot } from '#lib/facilitation/facilitation-doc.ts';
import { getPhase } from '#lib/facilitation/phases.ts';

/**
 * What the facilitator just did to the room, told to everyone else wherever they are looking:
 * the one change between two snapshots of the facilitation room that matters most.
 */
export type RoomEvent = {
	kind: 'published' | 'reveal' | 'phase' | 'lock' | 'unlock' | 'spotlight';
	message: string;
	/** The row it is about, for a "Show row" button. */
	cardId?: string;
};

export type RoomState = Pick<
	FacilitationSnapshot,
	'phase' | 'locked' | 'spotlight' | 'reveal' | 'published'
>;

export function roomEvent(
	before: RoomState,
	after: RoomState,
	rowTitle: (cardId: string) => string | null
): RoomEvent | null {
	if (after.published && after.published.version !== before.published?.version) {
		return {
			kind: 'published',
			message: `Charter v${after.published.version} is published. Read it and say whether you agree.`
		};
	}
	if (after.reveal && after.reveal.round !== before.reveal?.round) {
		return { kind: 'reveal', message: 'The blind proposals are revealed: see the perception gap.' };
	}
	if (after.phase !== before.phase) {
		const phase = getPhase(after.phase);
		return { kind: 'phase', message: `Now: ${phase.name}. ${phase.instruction}` };
	}
	if (after.locked !== before.locked) {
		return after.locked
			? { kind: 'lock', message: 'The facilitator locked the board: you can look, not edit.' }
			: { kind: 'unlock', message: 'The board is unlocked: you can edit again.' };
	}
	if (after.spotlight && after.spotlight !== before.spotlight) {
		const title = rowTitle(after.spotlight);
		return {
			kind: 'spotlight',
			message: title ? `In the spotlight: ${title}` : 'A row is in the spotlight.',
			cardId: after.spotlight
		};
	}
	return null;
}
