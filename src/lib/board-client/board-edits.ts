/**
 * Every change the board page can make. Each calls a board operation of `#lib/board` under this
 * tab's origin (so undo sees only this tab's edits), is its own undo step, is announced to screen
 * readers, and turns a refused change (`BoardError`) into a message instead of an exception.
 */
import type * as Y from 'yjs';
import {
	BoardError,
	addCard,
	addRole,
	clearDissent,
	cycleCell,
	deleteCard,
	deleteRole,
	editCard,
	doerName,
	editRole,
	frameworkOf,
	getNoteText,
	recordNoteEdit,
	removeDissent,
	letterAt,
	markForKey,
	markName,
	moveRole,
	moveRow,
	placeCard,
	setCell,
	setDissent,
	setFocusRole,
	unplaceCard,
	type Actor,
	type BoardSnapshot,
	type CardInput,
	type CardPatch,
	type Mark,
	type RoleInput,
	type RolePatch
} from '#lib/board/index.ts';
import { BLOCKED_CHANGE_MESSAGES, CONTENT_REFUSALS } from '#lib/contracts/refusals.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';
import type { Announcer } from './announcer.svelte.ts';
import type { BoardView } from './board-view.svelte.ts';
import type { HistoryState } from './history.svelte.ts';
import { bindTextarea } from './note-binding.ts';
import { isSamePlace, neighboursAt } from './positions.ts';

export const quote = (title: string) => `“${title}”`;

export type EditContext = {
	/** The live document (replaced after a refused write). */
	doc(): Y.Doc;
	board(): BoardSnapshot;
	canEdit(): boolean;
	/** Columns and the focus role are the facilitator's. */
	canEditRoles(): boolean;
	origin: object;
	actor: Actor;
	role: MemberRole;
	history: HistoryState;
	announcer: Announcer;
	view: BoardView;
};

export class BoardEdits {
	#c: EditContext;

	constructor(context: EditContext) {
		this.#c = context;
	}

	#runOnRoles<T>(change: () => T, done?: (result: T) => string | null): T | undefined {
		if (this.#c.canEdit() && !this.#c.canEditRoles()) {
			this.#c.announcer.error(CONTENT_REFUSALS['roles-facilitator-only']);
			return undefined;
		}
		return this.#run(change, done);
	}

	#run<T>(change: () => T, done?: (result: T) => string | null): T | undefined {
		const { announcer, history } = this.#c;
		if (!this.#c.canEdit()) {
			announcer.error(
				BLOCKED_CHANGE_MESSAGES[this.#c.role === 'reader' ? 'read-only' : 'board-locked']
			);
			return undefined;
		}
		try {
			// Each action is its own undo step, however quickly the next one follows.
			history.stopCapturing();
			const result = change();
			history.stopCapturing();
			const message = done?.(result);
			if (message) announcer.say(message);
			return result;
		} catch (error) {
			if (error instanceof BoardError) {
				announcer.error(error.message);
				return undefined;
			}
			throw error;
		}
	}

	/** Runs a change that returns nothing (of the columns, when `onRoles`); true when it was made. */
	#done(change: () => void, message: () => string | null, onRoles = false): boolean {
		const run = () => {
			change();
			return true;
		};
		return (onRoles ? this.#runOnRoles(run, message) : this.#run(run, message)) === true;
	}

	#title(cardId: string): string {
		const board = this.#c.board();
		return (
			board.rows.find((card) => card.id === cardId)?.title ??
			board.tray.find((card) => card.id === cardId)?.title ??
			'card'
		);
	}

	#roleName(roleId: string | null): string {
		return this.#c.board().roles.find((role) => role.id === roleId)?.name ?? 'role';
	}

	#letterMessage(cardId: string, roleId: string, letter: Mark | null): string {
		const name = letter ? markName(frameworkOf(this.#c.board().framework), letter) : 'no letter';
		return `${this.#roleName(roleId)}: ${name} on ${quote(this.#title(cardId))}.`;
	}

	setLetter(cardId: string, roleId: string, letter: Mark | null): void {
		const { origin, actor } = this.#c;
		this.#run(
			() => setCell(this.#c.doc(), origin, actor, cardId, roleId, letter),
			() => this.#letterMessage(cardId, roleId, letter)
		);
	}

	cycleLetter(cardId: string, roleId: string): void {
		const { origin, actor } = this.#c;
		this.#run(
			() => cycleCell(this.#c.doc(), origin, actor, cardId, roleId),
			(letter) => this.#letterMessage(cardId, roleId, letter)
		);
	}

	/** Places a tray card into gap `gap` of the rows, optionally with `roleId` Responsible. */
	place(cardId: string, gap: number, roleId: string | null = null): boolean {
		const { origin, actor } = this.#c;
		const ids = this.#c.board().rows.map((row) => row.id);
		const { beforeId, afterId } = neighboursAt(ids, gap, null);
		return this.#done(
			() =>
				placeCard(this.#c.doc(), origin, actor, cardId, {
					beforeId,
					afterId,
					...(roleId ? { roleId } : {})
				}),
			() =>
				`Placed ${quote(this.#title(cardId))} at row ${Math.min(gap, ids.length) + 1}` +
				(roleId ? ` with ${this.#roleName(roleId)} ${doerName(this.#c.board())}.` : '.')
		);
	}

	moveRowTo(cardId: string, gap: number): boolean {
		const { origin, actor } = this.#c;
		const ids = this.#c.board().rows.map((row) => row.id);
		if (isSamePlace(ids, gap, cardId)) return false;
		const { beforeId, afterId } = neighboursAt(ids, gap, cardId);
		return this.#done(
			() => moveRow(this.#c.doc(), origin, actor, cardId, beforeId, afterId),
			() => {
				const at = this.#c.board().rows.findIndex((row) => row.id === cardId) + 1;
				return `Moved ${quote(this.#title(cardId))} to row ${at} of ${ids.length}.`;
			}
		);
	}

	unplace(cardId: string): boolean {
		const { origin, actor } = this.#c;
		const title = this.#title(cardId);
		const done = this.#done(
			() => unplaceCard(this.#c.doc(), origin, actor, cardId),
			() => `${quote(title)} is back in the tray; its letters were cleared.`
		);
		if (done) this.#c.view.forgetCard(cardId);
		return done;
	}

	moveRoleTo(roleId: string, gap: number): boolean {
		const ids = this.#c.board().roles.map((role) => role.id);
		if (isSamePlace(ids, gap, roleId)) return false;
		const { beforeId, afterId } = neighboursAt(ids, gap, roleId);
		return this.#done(
			() => moveRole(this.#c.doc(), this.#c.origin, roleId, beforeId, afterId),
			() => {
				const at = this.#c.board().roles.findIndex((role) => role.id === roleId) + 1;
				return `Moved the ${this.#roleName(roleId)} column to position ${at} of ${ids.length}.`;
			},
			true
		);
	}

	addCard(input: CardInput): string | undefined {
		const { origin, actor } = this.#c;
		return this.#run(
			() => addCard(this.#c.doc(), origin, actor, input),
			() => `Added ${quote(input.title.trim())} to the tray.`
		);
	}

	editCard(cardId: string, patch: CardPatch): boolean {
		const { origin, actor } = this.#c;
		return this.#done(
			() => editCard(this.#c.doc(), origin, actor, cardId, patch),
			() => `Saved ${quote(this.#title(cardId))}.`
		);
	}

	deleteCard(cardId: string): boolean {
		const title = this.#title(cardId);
		const done = this.#done(
			() => deleteCard(this.#c.doc(), this.#c.origin, cardId),
			() => `Deleted ${quote(title)}.`
		);
		if (done) this.#c.view.forgetCard(cardId);
		return done;
	}

	addRole(input: RoleInput): string | undefined {
		return this.#runOnRoles(
			() => addRole(this.#c.doc(), this.#c.origin, input),
			() => `Added the ${input.name.trim()} column.`
		);
	}

	editRole(roleId: string, patch: RolePatch): boolean {
		return this.#done(
			() => editRole(this.#c.doc(), this.#c.origin, roleId, patch),
			() => `Saved the ${this.#roleName(roleId)} column.`,
			true
		);
	}

	deleteRole(roleId: string): boolean {
		const name = this.#roleName(roleId);
		return this.#done(
			() => deleteRole(this.#c.doc(), this.#c.origin, roleId),
			() => `Deleted the ${name} column and its letters.`,
			true
		);
	}

	setFocusRole(roleId: string): void {
		this.#runOnRoles(
			() => setFocusRole(this.#c.doc(), this.#c.origin, roleId),
			() => `${this.#roleName(roleId)} is now the focus role.`
		);
	}

	setDissent(cardId: string, reason: string): boolean {
		const { origin, actor } = this.#c;
		return this.#done(
			() => setDissent(this.#c.doc(), origin, actor, cardId, reason),
			() => `Your dissent on ${quote(this.#title(cardId))} is recorded.`
		);
	}

	clearDissent(cardId: string): void {
		const { origin, actor } = this.#c;
		this.#run(
			() => clearDissent(this.#c.doc(), origin, actor, cardId),
			() => `Your dissent on ${quote(this.#title(cardId))} is withdrawn.`
		);
	}

	/** Moderation: the facilitator takes someone's dissent off a row; the charter records it. */
	removeDissent(cardId: string, userId: string, name: string): void {
		if (!this.#c.canEditRoles()) return;
		const { origin, actor } = this.#c;
		this.#run(
			() => removeDissent(this.#c.doc(), origin, actor, cardId, userId),
			() => `${name}’s dissent on ${quote(this.#title(cardId))} is removed.`
		);
	}

	undo(): void {
		if (!this.#c.canEdit()) return;
		this.#c.announcer.say(this.#c.history.undo() ? 'Undone.' : 'Nothing to undo.');
	}

	redo(): void {
		if (!this.#c.canEdit()) return;
		this.#c.announcer.say(this.#c.history.redo() ? 'Redone.' : 'Nothing to redo.');
	}

	/** A Svelte attachment that binds a textarea to a row's rationale note. */
	bindNote(cardId: string): (textarea: HTMLTextAreaElement) => (() => void) | void {
		return (textarea) => {
			if (!this.#c.canEdit()) return;
			try {
				return bindTextarea(textarea, getNoteText(this.#c.doc(), cardId), this.#c.origin, () =>
					recordNoteEdit(this.#c.doc(), this.#c.actor, cardId)
				);
			} catch (error) {
				if (error instanceof BoardError) return;
				throw error;
			}
		};
	}

	letterAt(cardId: string, roleId: string): Mark | null {
		return letterAt(this.#c.board(), cardId, roleId);
	}

	/**
	 * Sets or clears a letter from a key press in a cell: the framework's letters, '/' for its
	 * owner and doer together; true when the key was one of them.
	 */
	letterKey(cardId: string, roleId: string, key: string): boolean {
		const mark = markForKey(frameworkOf(this.#c.board().framework), key);
		if (mark) {
			this.setLetter(cardId, roleId, mark);
			return true;
		}
		if (key === 'Delete' || key === 'Backspace') {
			this.setLetter(cardId, roleId, null);
			return true;
		}
		return false;
	}
}
