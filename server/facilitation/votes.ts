/**
 * Dot votes on rows to discuss. Each person's votes are private rows in the store, counted
 * against the budget the facilitator set in the facilitation room; only the totals per row are
 * written into that room for everyone to see.
 */
import {
	clearVoteTotals,
	readFacilitation,
	setVoteTotals
} from '../../src/lib/facilitation/facilitation-doc.ts';
import type { MyVotes } from '#lib/contracts/facilitation-api.ts';
import { findRow, readBoardDoc } from './board.ts';
import { SERVER_ORIGIN, type FacilitationDeps } from './context.ts';
import { FacilitationError } from './errors.ts';

const used = (mine: Record<string, number>): number =>
	Object.values(mine).reduce((sum, n) => sum + n, 0);

async function budgetOf(deps: FacilitationDeps, workshopId: string): Promise<number> {
	return deps.sync.readDoc(workshopId, 'facilitation', (doc) => readFacilitation(doc).voteBudget);
}

export async function getMyVotes(
	deps: FacilitationDeps,
	workshopId: string,
	userId: string
): Promise<MyVotes> {
	const [budget, mine] = await Promise.all([
		budgetOf(deps, workshopId),
		deps.store.facilitation.myVotes(workshopId, userId)
	]);
	return { budget, mine, remaining: Math.max(0, budget - used(mine)) };
}

/** Adds (+1) or takes back (−1) one vote on a row. */
export async function castVote(
	deps: FacilitationDeps,
	workshopId: string,
	userId: string,
	cardId: unknown,
	delta: unknown
): Promise<MyVotes> {
	if (typeof cardId !== 'string' || (delta !== 1 && delta !== -1)) {
		throw new FacilitationError(400, 'Send a row and +1 or -1.');
	}
	const [budget, board] = await Promise.all([
		budgetOf(deps, workshopId),
		readBoardDoc(deps, workshopId)
	]);
	if (delta === 1) findRow(board, cardId);
	const result = await deps.store.facilitation.vote(workshopId, userId, cardId, delta, budget);
	if (!result.ok) {
		throw new FacilitationError(
			409,
			result.reason === 'over-budget'
				? `You have used all ${budget} of your votes. Take one back to vote for another row.`
				: 'You have no vote on that row to take back.'
		);
	}
	await deps.sync.transact(workshopId, 'facilitation', (doc) =>
		setVoteTotals(doc, SERVER_ORIGIN, { [cardId]: result.total })
	);
	return { budget, mine: result.mine, remaining: Math.max(0, budget - used(result.mine)) };
}

/** Everyone's votes back, for a new round of voting. */
export async function clearVotes(deps: FacilitationDeps, workshopId: string): Promise<void> {
	await deps.store.facilitation.clearVotes(workshopId);
	await deps.sync.transact(workshopId, 'facilitation', (doc) =>
		clearVoteTotals(doc, SERVER_ORIGIN)
	);
}
