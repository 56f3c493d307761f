/**
 * The facilitation document's content rule, applied to each update a facilitator's connection
 * sends (nobody else may write this room): plain JSON values in `state` and `agreed` only, each
 * checked by src/lib/facilitation/content.ts.
 */
import * as Y from 'yjs';
import type { ContentRefusal } from '../../src/lib/contracts/refusals.ts';
import {
	facilitationEntryProblem,
	facilitationRemovalProblem
} from '../../src/lib/facilitation/content.ts';
import type { UpdateChanges } from './update-changes.ts';

export function checkFacilitationChanges(
	changes: UpdateChanges,
	writer: { id: string; name: string }
): ContentRefusal | null {
	if (changes.problem) return 'bad-value';
	for (const { place, nested, content } of changes.written) {
		if (nested || !(content instanceof Y.ContentAny) || content.arr.length !== 1)
			return 'bad-value';
		const problem = facilitationEntryProblem(place.root, place.key, content.arr[0], writer);
		if (problem) return problem;
	}
	for (const { place } of changes.removed) {
		const problem = facilitationRemovalProblem(place.root, place.key);
		if (problem) return problem;
	}
	return null;
}
