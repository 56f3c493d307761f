/**
 * The discuss queue: which rows the group should talk about first, in one of two orders the
 * facilitator chooses. By votes: the rows people dot-voted for, most votes first (the Discuss
 * phase asks everyone to vote for what to discuss). By open issues: broken rules (they must be
 * settled before the charter means anything), dissent flags and how far the blind proposals
 * disagreed. Each order breaks its ties with the other; then board order holds. Every reason is
 * shown beside the row, and agreed rows sink to the bottom.
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
	/** Weighted open issues (rules, dissent, disagreement). */
	score: number;
	votes: number;
	reasons: QueueReason[];
	agreed: boolean;
};

export type QueueOrder = 'votes' | 'issues';

export const QUEUE_ORDERS: readonly QueueOrder[] = ['votes', 'issues'];

export const DEFAULT_QUEUE_ORDER: QueueOrder = 'votes';

export const isQueueOrder = (value: unknown): value is QueueOrder =>
	QUEUE_ORDERS.includes(value as QueueOrder);

/** What one unit of each open issue weighs; disagreement is 0…1, so it weighs up to 4. */
const ISSUE_WEIGHTS = { error: 3, dissent: 2, disagreement: 4 } as const;

/** Below this, proposals are close enough not to count as disagreement. */
const DISAGREEMENT_FLOOR = 0.15;

const issueScore = (reasons: readonly QueueReason[]): number =>
	reasons.reduce((score, reason) => {
		switch (reason.kind) {
			case 'errors':
				return score + reason.count * ISSUE_WEIGHTS.error;
			case 'dissent':
				return score + reason.count * ISSUE_WEIGHTS.dissent;
			case 'disagreement':
				return score + reason.level * ISSUE_WEIGHTS.disagreement;
			case 'votes':
				return score;
		}
	}, 0);

export const buildQueue = (
	input: QueueInput,
	order: QueueOrder = DEFAULT_QUEUE_ORDER
): QueueEntry[] => {
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
			entry: {
				cardId,
				score: issueScore(reasons),
				votes,
				reasons,
				agreed: input.agreed.has(cardId)
			},
			index
		};
	});
	const byVotes = (a: QueueEntry, b: QueueEntry) => b.votes - a.votes;
	const byIssues = (a: QueueEntry, b: QueueEntry) => b.score - a.score;
	const [first, then] = order === 'votes' ? [byVotes, byIssues] : [byIssues, byVotes];
	entries.sort(
		(a, b) =>
			Number(a.entry.agreed) - Number(b.entry.agreed) ||
			first(a.entry, b.entry) ||
			then(a.entry, b.entry) ||
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
