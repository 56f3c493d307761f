/**
 * The discuss queue: which rows the group should talk about first. A row rises with broken
 * rules (they must be settled before the charter means anything), with dissent flags, with how
 * far the blind proposals disagreed, and with the dot votes it got. Each of these is a reason
 * the queue shows beside the row. Agreed rows sink to the bottom; within equal scores, board
 * order holds.
 */
export type QueueInput = {
	/** Placed rows in board order. */
	rowIds: readonly string[];
	/** Rule errors per row (warnings do not count here). */
	errors: Record<string, number>;
	/** Dissent flags per row. */
	dissent: Record<string, number>;
	/** Row disagreement from the reveal, 0…1. */
	disagreement: Record<string, number>;
	votes: Record<string, number>;
	/** Rows agreed and not reopened. */
	agreed: ReadonlySet<string>;
};

export type QueueReason =
	| { kind: 'errors'; count: number }
	| { kind: 'dissent'; count: number }
	| { kind: 'disagreement'; level: number }
	| { kind: 'votes'; count: number };

export type QueueEntry = {
	cardId: string;
	score: number;
	reasons: QueueReason[];
	agreed: boolean;
};

/** What one unit of each reason weighs; disagreement is 0…1, so it weighs up to 4. */
const QUEUE_WEIGHTS = { error: 3, dissent: 2, disagreement: 4, vote: 1 } as const;

/** Below this, proposals are close enough not to count as disagreement. */
const DISAGREEMENT_FLOOR = 0.15;

const queueScore = (reasons: readonly QueueReason[]): number =>
	reasons.reduce((score, reason) => {
		switch (reason.kind) {
			case 'errors':
				return score + reason.count * QUEUE_WEIGHTS.error;
			case 'dissent':
				return score + reason.count * QUEUE_WEIGHTS.dissent;
			case 'disagreement':
				return score + reason.level * QUEUE_WEIGHTS.disagreement;
			case 'votes':
				return score + reason.count * QUEUE_WEIGHTS.vote;
		}
	}, 0);

export const buildQueue = (input: QueueInput): QueueEntry[] => {
	const entries = input.rowIds.map((cardId, index) => {
		const reasons: QueueReason[] = [];
		const errors = input.errors[cardId] ?? 0;
		const dissent = input.dissent[cardId] ?? 0;
		const level = input.disagreement[cardId] ?? 0;
		const votes = input.votes[cardId] ?? 0;
		if (errors > 0) reasons.push({ kind: 'errors', count: errors });
		if (dissent > 0) reasons.push({ kind: 'dissent', count: dissent });
		if (level >= DISAGREEMENT_FLOOR) reasons.push({ kind: 'disagreement', level });
		if (votes > 0) reasons.push({ kind: 'votes', count: votes });
		return {
			entry: { cardId, score: queueScore(reasons), reasons, agreed: input.agreed.has(cardId) },
			index
		};
	});
	entries.sort(
		(a, b) =>
			Number(a.entry.agreed) - Number(b.entry.agreed) ||
			b.entry.score - a.entry.score ||
			a.index - b.index
	);
	return entries.map(({ entry }) => entry);
};

export const describeReason = (reason: QueueReason): string => {
	switch (reason.kind) {
		case 'errors':
			return reason.count === 1 ? '1 rule broken' : `${reason.count} rules broken`;
		case 'dissent':
			return reason.count === 1 ? '1 dissent' : `${reason.count} dissent`;
		case 'disagreement':
			return `${Math.round(reason.level * 100)}% split`;
		case 'votes':
			return reason.count === 1 ? '1 vote' : `${reason.count} votes`;
	}
};
