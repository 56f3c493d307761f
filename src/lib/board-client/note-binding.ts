/**
 * Two-way binding of a plain <textarea> to a Y.Text, for rationale notes written together.
 *
 * Typing becomes one minimal replace (common prefix and suffix kept) under this tab's origin, so
 * undo tracks it. Changes from anyone else (and from undo) rewrite the textarea and move the
 * caret and selection by what was inserted or deleted before them, so a remote edit above the
 * caret does not throw the writer off.
 */
import type * as Y from 'yjs';

type Delta = { insert?: unknown; retain?: number; delete?: number }[];

/** Where `index` ends up after `delta` is applied to the text it indexes. */
export const shiftIndex = (index: number, delta: Delta): number => {
	let cursor = 0;
	let shifted = index;
	for (const op of delta) {
		if (cursor > index) break;
		if (op.retain !== undefined) cursor += op.retain;
		else if (op.insert !== undefined) {
			const length = typeof op.insert === 'string' ? op.insert.length : 1;
			if (cursor < index) shifted += length;
		} else if (op.delete !== undefined) {
			if (cursor < index) shifted -= Math.min(op.delete, index - cursor);
			cursor += op.delete;
		}
	}
	return Math.max(0, shifted);
};

/** Replaces `before` by `after` in `text` with the smallest single splice. */
export const applyDiff = (text: Y.Text, before: string, after: string): void => {
	if (before === after) return;
	let start = 0;
	const max = Math.min(before.length, after.length);
	while (start < max && before[start] === after[start]) start++;
	let end = 0;
	while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) {
		end++;
	}
	const removed = before.length - start - end;
	const inserted = after.slice(start, after.length - end);
	if (removed > 0) text.delete(start, removed);
	if (inserted) text.insert(start, inserted);
};

/** `onEdit` runs inside the transaction of each local edit, to record who changed the text. */
export function bindTextarea(
	textarea: HTMLTextAreaElement,
	text: Y.Text,
	origin: object,
	onEdit?: () => void
): () => void {
	const doc = text.doc;
	textarea.value = text.toString();

	const onInput = () => {
		const before = text.toString();
		const after = textarea.value;
		if (before === after) return;
		const edit = () => {
			applyDiff(text, before, after);
			onEdit?.();
		};
		if (doc) doc.transact(edit, origin);
		else edit();
	};
	const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
		if (transaction.origin === origin) return;
		const focused = document.activeElement === textarea;
		const { selectionStart, selectionEnd, selectionDirection } = textarea;
		const delta = event.delta as Delta;
		textarea.value = text.toString();
		if (focused) {
			textarea.setSelectionRange(
				shiftIndex(selectionStart, delta),
				shiftIndex(selectionEnd, delta),
				selectionDirection ?? undefined
			);
		}
	};

	textarea.addEventListener('input', onInput);
	text.observe(onChange);
	return () => {
		textarea.removeEventListener('input', onInput);
		text.unobserve(onChange);
	};
}
