import { BOTH_KEY, frameworkOf, markName, type Mark } from '#lib/board/index.ts';
import type { MenuItem } from './Menu.svelte';

/** The items of a cell's letter menu: each mark of the board's framework (the current one marked), then none. */
export function letterMenuItems(
	frameworkId: unknown,
	current: Mark | null,
	set: (mark: Mark | null) => void
): MenuItem[] {
	const framework = frameworkOf(frameworkId);
	return [
		...framework.marks.map((mark): MenuItem => ({
			label: markName(framework, mark) + (current === mark ? ' (set)' : ''),
			hint: mark === framework.both ? BOTH_KEY : mark,
			mark,
			onSelect: () => set(mark)
		})),
		{ separator: true },
		{ label: 'No letter', hint: 'Del', disabled: current === null, onSelect: () => set(null) }
	];
}
