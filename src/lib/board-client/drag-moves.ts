/**
 * Moving cards, rows and columns by drag and drop: what a drop does (through the board edits),
 * what is announced while an item is carried, and the keyboard path (pick up, arrow keys to
 * choose where, Enter to drop, Escape to cancel). Pointer hit-testing lives in `DragState`.
 */
import { doerName, type BoardSnapshot } from '#lib/board/index.ts';
import type { Announcer } from './announcer.svelte.ts';
import { quote, type BoardEdits } from './board-edits.ts';
import type { BoardView } from './board-view.svelte.ts';
import { DragState, type DragItem, type DropTarget } from './drag.svelte.ts';
import { describeDrop, firstTarget, nextTarget } from './keyboard-drag.ts';
import type { PresenceState } from './presence.svelte.ts';

export type MoveContext = {
	board(): BoardSnapshot;
	canEdit(): boolean;
	edits: BoardEdits;
	view: BoardView;
	presence: PresenceState;
	announcer: Announcer;
};

export class DragMoves {
	readonly drag: DragState;
	#c: MoveContext;

	constructor(context: MoveContext) {
		this.#c = context;
		this.drag = new DragState({
			onStart: (item) => {
				this.#c.presence.setDragging({ kind: item.kind, id: item.id });
				this.#c.announcer.say(this.#pickUpMessage(item));
			},
			onDrop: (item, target) => this.#drop(item, target),
			onEnd: (item, dropped) => {
				this.#c.presence.setDragging(null);
				if (!dropped) this.#c.announcer.say(`Move of ${quote(item.label)} cancelled.`);
			}
		});
	}

	#drop(item: DragItem, target: DropTarget): void {
		const { edits, view } = this.#c;
		if (item.kind === 'card' && target.zone === 'rows') {
			if (edits.place(item.id, target.gap, target.roleId)) {
				void view.focusCell({ cardId: item.id, roleId: null });
			}
		} else if (item.kind === 'row' && target.zone === 'rows') {
			if (edits.moveRowTo(item.id, target.gap))
				void view.focusCell({ cardId: item.id, roleId: null });
			else this.#c.announcer.say(`${quote(item.label)} stays where it was.`);
		} else if (item.kind === 'row' && target.zone === 'tray') {
			edits.unplace(item.id);
		} else if (item.kind === 'role' && target.zone === 'roles') {
			if (edits.moveRoleTo(item.id, target.gap))
				void view.focusCell({ cardId: null, roleId: item.id });
		}
	}

	#pickUpMessage(item: DragItem): string {
		if (this.drag.mode !== 'keyboard') return `Moving ${quote(item.label)}.`;
		const how =
			item.kind === 'card'
				? `Up and Down choose the row, Left and Right choose a role to be ${doerName(this.#c.board())}`
				: item.kind === 'row'
					? 'Up and Down choose the row, Left moves it to the tray'
					: 'Left and Right choose the position';
		return `Picked up ${quote(item.label)}. ${how}; Enter drops, Escape cancels. ${this.describeTarget()}`;
	}

	/** Where the current drag would land, in words. */
	describeTarget(): string {
		const item = this.drag.item;
		return item ? describeDrop(item, this.drag.target, this.#c.board()) : '';
	}

	/** Picks up a tray card, a row or a column with the keyboard. */
	pickUp(item: DragItem): void {
		if (!this.#c.canEdit()) return;
		this.drag.pickUp(item, firstTarget(item, this.#c.board()));
	}

	/** Arrow keys, Enter and Escape while a keyboard drag is on; true when the key was used. */
	dragKey(event: KeyboardEvent): boolean {
		const { item, target, mode } = this.drag;
		if (mode !== 'keyboard' || !item || !target) return false;
		const key = event.key;
		if (key === 'Escape' || key === 'Tab') {
			this.drag.cancel();
			return key === 'Escape';
		}
		if (key === 'Enter' || key === ' ') {
			this.drag.drop();
			return true;
		}
		const next = nextTarget(key, item, target, this.#c.board());
		if (!next) return false;
		this.drag.moveTo(next);
		this.#c.announcer.say(this.describeTarget());
		return true;
	}
}
