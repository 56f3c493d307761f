import { readBoard, type BoardSnapshot, type Card } from '../../src/lib/board/index.ts';
import type { FacilitationDeps } from './context.ts';
import { FacilitationError } from './errors.ts';

/** The board as it is now in its live room (loaded from the store if nobody has it open). */
export function readBoardDoc(deps: FacilitationDeps, workshopId: string): Promise<BoardSnapshot> {
	return deps.sync.readDoc(workshopId, 'board', readBoard);
}

export function findRow(board: BoardSnapshot, cardId: string): Card {
	const row = board.rows.find((card) => card.id === cardId);
	if (!row) throw new FacilitationError(404, 'That row is not on the board.');
	return row;
}

export function findRowOrCard(board: BoardSnapshot, cardId: string): Card {
	const card = [...board.rows, ...board.tray].find((entry) => entry.id === cardId);
	if (!card) throw new FacilitationError(404, 'That card is not on the board.');
	return card;
}
