/**
 * Per-person facilitation data that must stay private on the server: blind proposals (readable
 * only by their author until the reveal aggregates them) and dot votes (only totals are shown).
 */
export interface ProposalRound {
	workshopId: string;
	round: number;
	named: boolean;
	startedBy: string;
	startedAt: number;
	revealedAt: number | null;
}

export interface StoredProposal {
	userId: string;
	/** The author's current display name, for named rounds. */
	name: string;
	/** cellKey → letter, as the author saved it. */
	cells: Record<string, string>;
	updatedAt: number;
}

export type SaveProposalResult = 'saved' | 'no-round' | 'revealed';

export type VoteResult =
	| { ok: true; mine: Record<string, number>; total: number }
	| { ok: false; reason: 'over-budget' | 'none-to-remove'; mine: Record<string, number> };

export interface FacilitationStore {
	/** Opens the next round (numbered from 1); earlier rounds stay as they were. */
	startRound(workshopId: string, named: boolean, startedBy: string): Promise<ProposalRound>;
	/** The latest round, or null before the first. */
	currentRound(workshopId: string): Promise<ProposalRound | null>;
	/** Closes the round to changes; false if it was already revealed. */
	markRevealed(workshopId: string, round: number, at: number): Promise<boolean>;
	/** Replaces the user's proposals in the round, unless it is revealed (or does not exist). */
	saveProposal(
		workshopId: string,
		round: number,
		userId: string,
		cells: Record<string, string>
	): Promise<SaveProposalResult>;
	/** One user's own proposals; callers pass the signed-in user's id only. */
	getProposal(workshopId: string, round: number, userId: string): Promise<StoredProposal | null>;
	/** Everyone's proposals, for aggregation at reveal only: never sent to a client as such. */
	listProposals(workshopId: string, round: number): Promise<StoredProposal[]>;
	/** How many people saved at least one letter in the round. */
	countProposals(workshopId: string, round: number): Promise<number>;
	/**
	 * Adds (+1) or takes back (−1) one of the user's votes on a card, atomically against their
	 * budget; returns their votes and the card's new total.
	 */
	vote(
		workshopId: string,
		userId: string,
		cardId: string,
		delta: 1 | -1,
		budget: number
	): Promise<VoteResult>;
	myVotes(workshopId: string, userId: string): Promise<Record<string, number>>;
	voteTotals(workshopId: string): Promise<Record<string, number>>;
	clearVotes(workshopId: string): Promise<void>;
}
