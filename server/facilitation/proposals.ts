/**
 * Blind proposal rounds on the server. A round starts with its mode (anonymous or named) fixed;
 * each person writes and reads only their own proposals; the reveal closes the round, aggregates
 * everyone's answers (counts only, unless named) and writes the result into the facilitation
 * room, where every screen shows it. Adopting the majority writes letters into the board room.
 */
import {
	cellKey,
	frameworkOf,
	placeCard,
	readBoard,
	setCell,
	type Mark
} from '../../src/lib/board/index.ts';
import {
	readFacilitation,
	setPhase,
	setRevealed,
	setRound,
	type Round
} from '../../src/lib/facilitation/facilitation-doc.ts';
import {
	aggregateProposals,
	cellMajority,
	checkProposalCells,
	type ProposalCells,
	type RevealResult
} from '../../src/lib/facilitation/proposals.ts';
import {
	RoundRowsError,
	cellsOutsideRound,
	chooseRoundRows
} from '../../src/lib/facilitation/round-rows.ts';
import type { MyProposal } from '#lib/contracts/facilitation-api.ts';
import { findRowOrCard, readBoardDoc } from './board.ts';
import { SERVER_ORIGIN, type Actor, type FacilitationDeps } from './context.ts';
import { FacilitationError } from './errors.ts';

/**
 * Opens the next round over `rows` (card ids the facilitator picked; absent: the rows on the
 * board) and moves everyone to the Propose phase.
 */
export async function startRound(
	deps: FacilitationDeps,
	workshopId: string,
	actor: Actor,
	named: boolean,
	rows?: unknown
): Promise<Round> {
	let cardIds: string[];
	try {
		cardIds = chooseRoundRows(rows, await readBoardDoc(deps, workshopId));
	} catch (error) {
		if (error instanceof RoundRowsError) throw new FacilitationError(400, error.message);
		throw error;
	}
	const stored = await deps.store.facilitation.startRound(workshopId, named, actor.id);
	const round: Round = {
		number: stored.round,
		named: stored.named,
		startedAt: stored.startedAt,
		submitted: 0,
		cardIds
	};
	await deps.sync.transact(workshopId, 'facilitation', (doc) => {
		doc.transact(() => {
			setRound(doc, SERVER_ORIGIN, round);
			setPhase(doc, SERVER_ORIGIN, 'propose');
		}, SERVER_ORIGIN);
	});
	return round;
}

/**
 * The round as the facilitation room has it: its rows live there. The store's round is written
 * first, so for a moment after a start the room can still show the previous one.
 */
async function roundInRoom(
	deps: FacilitationDeps,
	workshopId: string,
	number: number
): Promise<Round> {
	const shared = await deps.sync.readDoc(
		workshopId,
		'facilitation',
		(doc) => readFacilitation(doc).round
	);
	if (shared?.number !== number) {
		throw new FacilitationError(409, 'The round is just starting; try again in a moment.');
	}
	return shared;
}

/** The signed-in user's own proposals in the current round, and nobody else's. */
export async function getMyProposal(
	deps: FacilitationDeps,
	workshopId: string,
	userId: string
): Promise<MyProposal> {
	const round = await deps.store.facilitation.currentRound(workshopId);
	if (!round) return { round: null, cells: {}, updatedAt: null };
	const mine = await deps.store.facilitation.getProposal(workshopId, round.round, userId);
	const framework = frameworkOf((await readBoardDoc(deps, workshopId)).framework);
	return {
		round: { number: round.round, named: round.named, revealed: round.revealedAt !== null },
		cells: mine ? checkProposalCells(mine.cells, framework) : {},
		updatedAt: mine?.updatedAt ?? null
	};
}

/** Replaces the user's proposals in the current, unrevealed round. */
export async function saveMyProposal(
	deps: FacilitationDeps,
	workshopId: string,
	userId: string,
	input: unknown
): Promise<MyProposal> {
	let cells: ProposalCells;
	const framework = frameworkOf((await readBoardDoc(deps, workshopId)).framework);
	try {
		cells = checkProposalCells(input, framework);
	} catch (error) {
		throw new FacilitationError(400, (error as Error).message);
	}
	const round = await deps.store.facilitation.currentRound(workshopId);
	if (!round) throw new FacilitationError(409, 'The facilitator has not started blind proposals.');
	const shared = await roundInRoom(deps, workshopId, round.round);
	if (cellsOutsideRound(Object.keys(cells), shared.cardIds).length > 0) {
		throw new FacilitationError(400, 'This round does not ask about that row.');
	}
	const saved = await deps.store.facilitation.saveProposal(workshopId, round.round, userId, cells);
	if (saved === 'revealed') {
		throw new FacilitationError(409, 'Proposals were already revealed; they can no longer change.');
	}
	if (saved === 'no-round') throw new FacilitationError(409, 'There is no open proposal round.');
	const submitted = await deps.store.facilitation.countProposals(workshopId, round.round);
	await deps.sync.transact(workshopId, 'facilitation', (doc) => {
		const current = readFacilitation(doc).round;
		if (current?.number === round.round && current.submitted !== submitted) {
			setRound(doc, SERVER_ORIGIN, { ...current, submitted });
		}
	});
	return {
		round: { number: round.round, named: round.named, revealed: false },
		cells,
		updatedAt: Date.now()
	};
}

/** Closes the current round and shows its aggregate to everyone. */
export async function reveal(deps: FacilitationDeps, workshopId: string): Promise<RevealResult> {
	const round = await deps.store.facilitation.currentRound(workshopId);
	if (!round) throw new FacilitationError(409, 'Start blind proposals before revealing them.');
	const shared = await roundInRoom(deps, workshopId, round.round);
	const revealedAt = Date.now();
	if (!(await deps.store.facilitation.markRevealed(workshopId, round.round, revealedAt))) {
		throw new FacilitationError(409, 'These proposals were already revealed.');
	}
	const board = await readBoardDoc(deps, workshopId);
	const onBoard = [...board.rows, ...board.tray].map((card) => card.id);
	const inRound = new Set(shared.cardIds ?? onBoard);
	const cardIds = new Set(onBoard.filter((id) => inRound.has(id)));
	const roleIds = board.roles.map((role) => role.id);
	const proposals = (await deps.store.facilitation.listProposals(workshopId, round.round)).map(
		(stored) => {
			const cells = checkProposalCells(stored.cells, frameworkOf(board.framework));
			// Only cards of the round and roles still on the board count.
			for (const key of Object.keys(cells)) {
				const [cardId, roleId] = key.split(':');
				if (!cardIds.has(cardId) || !roleIds.includes(roleId)) delete cells[key];
			}
			return { userId: stored.userId, name: stored.name, cells };
		}
	);
	const result = aggregateProposals(proposals, roleIds, {
		round: round.round,
		named: round.named,
		revealedAt,
		cardIds: [...cardIds]
	});
	await deps.sync.transact(workshopId, 'facilitation', (doc) =>
		setRevealed(doc, SERVER_ORIGIN, result)
	);
	return result;
}

/**
 * Sets a row's letters (or one cell's, with `roleId`) to what most people proposed; cells with a
 * tie keep their letter. A card still in the tray is placed at the end of the board first.
 */
export async function adoptMajority(
	deps: FacilitationDeps,
	workshopId: string,
	actor: Actor,
	cardId: string,
	roleId?: string
): Promise<Record<string, Mark | null>> {
	const result = await deps.sync.readDoc(
		workshopId,
		'facilitation',
		(doc) => readFacilitation(doc).reveal
	);
	if (!result) throw new FacilitationError(409, 'Reveal the proposals first.');
	return deps.sync.transact(workshopId, 'board', (doc) => {
		const board = readBoard(doc);
		findRowOrCard(board, cardId);
		const roleIds = roleId === undefined ? board.roles.map((role) => role.id) : [roleId];
		if (roleId !== undefined && !board.roles.some((role) => role.id === roleId)) {
			throw new FacilitationError(404, 'That role is not on the board.');
		}
		if (!result.rows[cardId]) {
			throw new FacilitationError(409, 'Nobody proposed letters for this row.');
		}
		const changes: Record<string, Mark | null> = {};
		doc.transact(() => {
			if (!board.rows.some((row) => row.id === cardId))
				placeCard(doc, SERVER_ORIGIN, actor, cardId);
			for (const id of roleIds) {
				const majority = cellMajority(result.cells[cellKey(cardId, id)]);
				if (!majority) continue;
				const letter = majority === 'none' ? null : majority;
				setCell(doc, SERVER_ORIGIN, actor, cardId, id, letter);
				changes[id] = letter;
			}
		}, SERVER_ORIGIN);
		return changes;
	});
}
