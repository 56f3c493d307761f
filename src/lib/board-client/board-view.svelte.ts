/**
 * What the board page shows around the document: the grid's roving focus, the card in the side
 * panel, the open editor dialog and the panel's tab. Local to this tab; only the focus is shared
 * with the others (through presence).
 */
import { tick } from 'svelte';
import type { PresenceState } from './presence.svelte.ts';

/** A grid position: `cardId` null is the header row, `roleId` null the title column. */
export type CellRef = { cardId: string | null; roleId: string | null };

export const cellId = ({ cardId, roleId }: CellRef): string => `${cardId ?? '^'}:${roleId ?? '#'}`;

export type Dialog =
	| { kind: 'card'; id: string | null; category?: string; intent?: 'delete' }
	| { kind: 'role'; id: string | null; intent?: 'delete' };

export type PanelTab = 'summary' | 'load' | 'row' | 'session';

export class BoardView {
	/** The roving focus of the grid. */
	activeCell: CellRef = $state.raw({ cardId: null, roleId: null });
	/** The card whose details the side panel shows. */
	selectedCardId: string | null = $state(null);
	/** The open editor dialog, if any. */
	dialog: Dialog | null = $state.raw(null);
	panelTab: PanelTab = $state('summary');
	/** Whether the side panel shows on narrow screens, where it is a drawer. */
	panelOpen = $state(false);

	#presence: PresenceState;
	#sharesFocus: () => boolean;

	/** `sharesFocus` is false for a reader, whose look at a card tells the others nothing to act on. */
	constructor(presence: PresenceState, sharesFocus: () => boolean) {
		this.#presence = presence;
		this.#sharesFocus = sharesFocus;
	}

	/** Moves the grid's focus to a cell and focuses it once it is rendered. */
	async focusCell(cell: CellRef, select = true): Promise<void> {
		this.activeCell = cell;
		if (select && cell.cardId) this.selectedCardId = cell.cardId;
		await tick();
		const element = document.querySelector<HTMLElement>(`[data-cell="${cellId(cell)}"]`);
		element?.focus();
	}

	/**
	 * Shows a row's note, dissent and rule details in the side panel; `open` also slides the panel
	 * in where it is a drawer (narrow screens).
	 */
	showRow(cardId: string, open = true): void {
		this.selectedCardId = cardId;
		this.panelTab = 'row';
		if (open) this.panelOpen = true;
	}

	/** Tells the others what this tab looks at. */
	showFocus(focus: { cardId?: string; roleId?: string } | null): void {
		this.#presence.setFocus(this.#sharesFocus() ? focus : null);
	}

	/** A card left the rows: the side panel stops showing it. */
	forgetCard(cardId: string): void {
		if (this.selectedCardId === cardId) this.selectedCardId = null;
	}
}
