/**
 * The board document as Svelte sees it: read-only snapshots (`readBoard`) that are replaced,
 * never mutated, when the document changes (`ReactiveSnapshot`). Rules and the focus role's
 * boundary derive from the snapshot, the rules with the workshop's warning thresholds.
 */
import type * as Y from 'yjs';
import {
	boundarySummary,
	checkBoard,
	DEFAULT_RULE_OPTIONS,
	readBoard,
	type WarningThresholds,
	type BoardCheck,
	type BoardSnapshot,
	type BoundarySummary
} from '#lib/board/index.ts';
import { ReactiveSnapshot } from '#lib/sync-client/reactive-snapshot.svelte.ts';

export class BoardState {
	#doc: Y.Doc;
	#snapshot = new ReactiveSnapshot(() => readBoard(this.#doc));

	#thresholds: () => WarningThresholds;
	// Compared by value: the facilitation snapshot is a new object on every change to it (a phase,
	// a timer), and only a change of the numbers should check the board again.
	readonly #thresholdKey: string = $derived.by(() => JSON.stringify(this.#thresholds()));

	readonly thresholds: WarningThresholds = $derived.by(() => JSON.parse(this.#thresholdKey));

	readonly check: BoardCheck = $derived.by(() => checkBoard(this.board, this.thresholds));

	readonly focusRole = $derived.by(() => {
		const board = this.board;
		return board.roles.find((role) => role.id === board.focusRoleId) ?? null;
	});

	readonly focusSummary: BoundarySummary | null = $derived.by(() => {
		const board = this.board;
		return board.focusRoleId ? boundarySummary(board, board.focusRoleId) : null;
	});

	constructor(doc: Y.Doc, thresholds: () => WarningThresholds = () => DEFAULT_RULE_OPTIONS) {
		this.#doc = doc;
		this.#thresholds = thresholds;
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
