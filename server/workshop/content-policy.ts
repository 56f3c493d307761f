/**
 * The content half of the workshop room policy: every update a member sends to a board or
 * facilitation document is read (update-changes.ts) and checked against that document's rule
 * and the size budget before the room applies, broadcasts or stores it.
 */
import type * as Y from 'yjs';
import type { ContentLimits } from '../../src/lib/board/content.ts';
import type { ContentRefusal } from '../../src/lib/contracts/refusals.ts';
import { checkBoardChanges, type Writer } from './board-content.ts';
import { checkFacilitationChanges } from './facilitation-content.ts';
import { SizeBudget } from './size-budget.ts';
import { readChanges } from './update-changes.ts';

export type { Writer };

export class ContentPolicy {
	private budget: SizeBudget;
	private limits: ContentLimits;

	constructor(limits: ContentLimits) {
		this.limits = limits;
		this.budget = new SizeBudget(limits.maxDocBytes);
	}

	/** Why `writer` may not apply `update` to `doc`, or null (the update then counts as applied). */
	check(
		kind: 'board' | 'facilitation',
		doc: Y.Doc,
		update: Uint8Array,
		writer: Writer
	): ContentRefusal | null {
		const changes = readChanges(doc, update);
		const problem =
			kind === 'board'
				? checkBoardChanges(doc, changes, writer, this.limits)
				: checkFacilitationChanges(changes, writer);
		if (problem) return problem;
		return this.budget.admit(doc, update) ? null : 'board-too-large';
	}
}
