/**
 * The board document as Svelte sees it: read-only snapshots (`readBoard`) that are replaced,
 * never mutated, when the document changes (`ReactiveSnapshot`). Rules and the focus role's
 * boundary derive from the snapshot.
 */
import type * as Y from 'yjs';
import {
	boundarySummary,
	checkBoard,
	readBoard,
	type BoardCheck,
	type BoardSnapshot,
	type BoundarySummary
} from '#lib/board/index.ts';
import { ReactiveSnapshot } from '#lib/sync-client/reactive-snapshot.svelte.ts';

export class BoardState {
	#doc: Y.Doc;
	#snapshot = new ReactiveSnapshot(() => readBoard(this.#doc));

	readonly check: BoardCheck = $derived.by(() => checkBoard(this.board));

	readonly focusRole = $derived.by(() => {
		const board = this.board;
		return board.roles.find((role) => role.id === board.focusRoleId) ?? null;
	});

	readonly focusSummary: BoundarySummary | null = $derived.by(() => {
		const board = this.board;
		return board.focusRoleId ? boundarySummary(board, board.focusRoleId) : null;
	});

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		doc.on('update', this.#snapshot.changed);
	}

	/** Reads from `doc` from now on (the board was rebuilt from the server). */
	replaceDoc(doc: Y.Doc): void {
		this.#doc.off('update', this.#snapshot.changed);
		this.#doc = doc;
		doc.on('update', this.#snapshot.changed);
		this.#snapshot.changed();
	}

	get board(): BoardSnapshot {
		return this.#snapshot.current;
	}
}
