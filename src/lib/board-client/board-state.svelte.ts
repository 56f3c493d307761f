/**
 * The board document as Svelte sees it: read-only snapshots (`readBoard`) that are replaced,
 * never mutated, when the document changes. A snapshot is rebuilt lazily, on the first read after
 * a change, and only while someone is reading (createSubscriber listens to the document for as
 * long as an effect or template depends on it). Rules and the focus role's boundary derive from
 * the snapshot.
 */
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import {
	boundarySummary,
	checkBoard,
	readBoard,
	type BoardCheck,
	type BoardSnapshot,
	type BoundarySummary
} from '#lib/board/index.ts';

export class BoardState {
	#doc: Y.Doc;
	#version = 0;
	#cache: { version: number; board: BoardSnapshot } | null = null;
	#subscribe: () => void;
	#listeners = new Set<() => void>();
	#changed = () => {
		// Always counted, so that a read after a quiet period (nobody subscribed) is not stale.
		this.#version++;
		for (const listener of this.#listeners) listener();
	};

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
		doc.on('update', this.#changed);
		this.#subscribe = createSubscriber((changed) => {
			this.#listeners.add(changed);
			return () => this.#listeners.delete(changed);
		});
	}

	/** Reads from `doc` from now on (the board was rebuilt from the server). */
	replaceDoc(doc: Y.Doc): void {
		this.#doc.off('update', this.#changed);
		this.#doc = doc;
		doc.on('update', this.#changed);
		this.#changed();
	}

	get board(): BoardSnapshot {
		this.#subscribe();
		if (this.#cache?.version !== this.#version) {
			this.#cache = { version: this.#version, board: readBoard(this.#doc) };
		}
		return this.#cache.board;
	}
}
