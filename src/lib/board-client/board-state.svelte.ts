/**
 * The board document as Svelte sees it: read-only snapshots (`board`) that are replaced, never
 * mutated, when the document changes (`ReactiveSnapshot`), and each row's letters (`rowCells`).
 *
 * A change renders per row, not per board: a letter set by a peer patches the previous snapshot
 * (`updateBoard`) instead of reading the document again, any other change keeps every part that
 * did not change (`keepUnchanged`), and a row's letters stay the same object until one of them
 * changes, so the grid re-renders the one row whose letter changed. Rules and the focus role's
 * boundary derive from the snapshot (the rules with the workshop's warning thresholds) and keep
 * their unchanged parts the same way.
 */
import type * as Y from 'yjs';
import {
	boundarySummary,
	cellKey,
	checkBoard,
	DEFAULT_RULE_OPTIONS,
	readBoard,
	type WarningThresholds,
	type BoardCheck,
	type BoardSnapshot,
	type BoundarySummary
} from '#lib/board/index.ts';
import { splitKey } from '#lib/board/schema.ts';
import {
	addChanges,
	noChanges,
	updateBoard,
	type BoardChanges
} from '#lib/board/snapshot-update.ts';
import { keepUnchanged, unchangedKeeper } from '#lib/sync-client/keep-unchanged.ts';
import { ReactiveSnapshot } from '#lib/sync-client/reactive-snapshot.svelte.ts';

/** One row's entries of `BoardSnapshot['cells']`, under the same keys. */
export type RowCells = BoardSnapshot['cells'];

const NO_CELLS: RowCells = Object.freeze({});

export class BoardState {
	#doc: Y.Doc;
	#changes: BoardChanges = noChanges();
	#read: BoardSnapshot;
	#rows = new Map<string, RowCells>();
	#snapshot = new ReactiveSnapshot(() => this.#update());
	#keepCheck = unchangedKeeper<BoardCheck>();
	#keepSummary = unchangedKeeper<BoundarySummary | null>();

	#thresholds: () => WarningThresholds;
	// Compared by value: the facilitation snapshot is a new object on every change to it (a phase,
	// a timer), and only a change of the numbers should check the board again.
	readonly #thresholdKey: string = $derived.by(() => JSON.stringify(this.#thresholds()));

	readonly thresholds: WarningThresholds = $derived.by(() => JSON.parse(this.#thresholdKey));

	readonly check: BoardCheck = $derived.by(() =>
		this.#keepCheck(checkBoard(this.board, this.thresholds))
	);

	readonly focusRole = $derived.by(() => {
		const board = this.board;
		return board.roles.find((role) => role.id === board.focusRoleId) ?? null;
	});

	readonly focusSummary: BoundarySummary | null = $derived.by(() => {
		const board = this.board;
		return this.#keepSummary(board.focusRoleId ? boundarySummary(board, board.focusRoleId) : null);
	});

	constructor(doc: Y.Doc, thresholds: () => WarningThresholds = () => DEFAULT_RULE_OPTIONS) {
		this.#doc = doc;
		this.#thresholds = thresholds;
		this.#read = readBoard(doc);
		this.#indexRows(this.#read.rows.map((row) => row.id));
		doc.on('afterTransaction', this.#onTransaction);
	}

	/** Reads from `doc` from now on (the board was rebuilt from the server). */
	replaceDoc(doc: Y.Doc): void {
		this.#doc.off('afterTransaction', this.#onTransaction);
		this.#doc = doc;
		doc.on('afterTransaction', this.#onTransaction);
		this.#changes.other = true;
		this.#snapshot.changed();
	}

	get board(): BoardSnapshot {
		return this.#snapshot.current;
	}

	/** The letters of the row `cardId`: the same object until one of them changes. */
	rowCells(cardId: string): RowCells {
		void this.board; // depends on the snapshot, whose update refreshes the rows
		return this.#rows.get(cardId) ?? NO_CELLS;
	}

	#onTransaction = (transaction: Y.Transaction): void => {
		if (transaction.changed.size === 0) return;
		addChanges(this.#changes, this.#doc, transaction.changed);
		this.#snapshot.changed();
	};

	/** Brings the snapshot up to date with the changes since it was last read. */
	#update(): BoardSnapshot {
		const changes = this.#changes;
		this.#changes = noChanges();
		const previous = this.#read;
		const next = updateBoard(this.#doc, previous, changes);
		if (next === previous) return previous;
		this.#read = changes.other ? keepUnchanged(previous, next) : next;
		if (changes.other) this.#indexRows(this.#read.rows.map((row) => row.id));
		else if (this.#read.cells !== previous.cells) {
			this.#indexRows(new Set([...changes.cells].map((key) => splitKey(key)[0])));
		}
		return this.#read;
	}

	/** Re-reads the letters of `cardIds` (every row, on a full read, which drops the rest). */
	#indexRows(cardIds: Iterable<string>): void {
		const { rows, roles, cells } = this.#read;
		const placed = new Set(rows.map((row) => row.id));
		for (const cardId of cardIds) {
			if (!placed.has(cardId)) continue;
			const own: RowCells = {};
			for (const role of roles) {
				const key = cellKey(cardId, role.id);
				if (Object.hasOwn(cells, key)) own[key] = cells[key];
			}
			this.#rows.set(cardId, keepUnchanged(this.#rows.get(cardId) ?? NO_CELLS, own));
		}
		for (const cardId of this.#rows.keys()) if (!placed.has(cardId)) this.#rows.delete(cardId);
	}
}
