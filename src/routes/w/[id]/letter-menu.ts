import { LETTERS, type Letter } from '#lib/board/index.ts';
import { LETTER_NAMES } from '#lib/board-client/board-edits.ts';
import type { MenuItem } from './Menu.svelte';

/** The items of a cell's letter menu: each letter (the current one marked), then none. */
export function letterMenuItems(
	current: Letter | null,
	set: (letter: Letter | null) => void
): MenuItem[] {
	return [
		...LETTERS.map((letter): MenuItem => ({
			label: LETTER_NAMES[letter] + (current === letter ? ' (set)' : ''),
			hint: letter,
			mark: letter,
			onSelect: () => set(letter)
		})),
		{ separator: true },
		{ label: 'No letter', hint: 'Del', disabled: current === null, onSelect: () => set(null) }
	];
}
