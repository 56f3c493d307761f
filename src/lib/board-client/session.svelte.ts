/**
 * One open board: the document and its reactive views (board, presence, connection, history,
 * lock), the drag state, and every edit the page can make. Components read from here and call the
 * methods below; the methods call the board operations of `#lib/board` under this tab's origin
 * and turn a refused change (`BoardError`) into a message instead of an exception.
 *
 * The document starts from the state the server rendered, so the first paint shows the board;
 * `start()` (in the browser only) then links it to IndexedDB, the sync server and awareness.
 */
import { createContext, tick } from 'svelte';
import * as Y from 'yjs';
import {
	BoardError,
	LETTERS,
	addCard,
	addRole,
	clearDissent,
	cycleCell,
	deleteCard,
	deleteRole,
	editCard,
	editRole,
	getNoteText,
	recordNoteEdit,
	letterAt,
	moveRole,
	moveRow,
	placeCard,
	setCell,
	setDissent,
	setFocusRole,
	unplaceCard,
	type Actor,
	type CardPatch,
	type Letter,
	type RoleInput,
	type RolePatch,
	type CardInput
} from '#lib/board/index.ts';
import { Announcer } from './announcer.svelte.ts';
import { BoardState } from './board-state.svelte.ts';
import { ConnectionState } from './connection.svelte.ts';
import { clearLocalBoard, linkBoard, localStoreName, type BoardLink } from './connect.ts';
import { DragState, type DragItem, type DropTarget } from './drag.svelte.ts';
import { HistoryState } from './history.svelte.ts';
import { bindTextarea } from './note-binding.ts';
import { keepBoardOffline } from './offline.ts';
import { describeDrop, firstTarget, nextTarget } from './keyboard-drag.ts';
import { isSamePlace, neighboursAt } from './positions.ts';
import { PresenceState, type Member } from './presence.svelte.ts';
import {
	BLOCKED_CHANGE_MESSAGES,
	CONTENT_REFUSALS,
	refusedChangeMessage
} from '#lib/contracts/refusals.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';

export const LETTER_NAMES: Record<Letter, string> = {
	R: 'Responsible',
	A: 'Accountable',
	C: 'Consulted',
	I: 'Informed'
};

/** A grid position: `cardId` null is the header row, `roleId` null the title column. */
export type CellRef = { cardId: string | null; roleId: string | null };

export const cellId = ({ cardId, roleId }: CellRef): string => `${cardId ?? '^'}:${roleId ?? '#'}`;

export type Dialog =
	| { kind: 'card'; id: string | null; category?: string; intent?: 'delete' }
	| { kind: 'role'; id: string | null; intent?: 'delete' };

export type PanelTab = 'summary' | 'load' | 'row' | 'session';

export type SessionOptions = {
	workshopId: string;
	/** The board as the server had it when the page was rendered. */
	initialState: Uint8Array | null;
	/** The lock as the server rendered it, used until `lock` (if given) says otherwise. */
	locked: boolean;
	/** Reads the live lock, from the tab's facilitation room. */
	lock?: () => boolean;
	self: Member;
	members: Member[];
	/** Called once the local state is discarded after the server refused a write. */
	onRefused?: () => void;
};

const quote = (title: string) => `“${title}”`;

export class BoardSession {
	readonly workshopId: string;
	/** Replaced (never mutated into another board) when a refused write forces a fresh start. */
	doc: Y.Doc = $state.raw(new Y.Doc());
	/** The origin of this tab's transactions; undo tracks it and nothing else. */
	readonly origin = { source: 'drawline-board-tab' };
	readonly role: MemberRole;
	readonly actor: Actor;
	readonly state: BoardState;
	readonly presence: PresenceState;
	readonly connection = new ConnectionState();
	readonly history = new HistoryState();
	readonly announcer = new Announcer();
	readonly drag: DragState;

	readonly locked: boolean = $derived.by(() => (this.#lock ? this.#lock() : this.#initialLock));
	/** True from a refused write until the board is rebuilt from the server. */
	restoring = $state(false);
	/** The roving focus of the grid. */
	activeCell: CellRef = $state.raw({ cardId: null, roleId: null });
	/** The card whose details the side panel shows. */
	selectedCardId: string | null = $state(null);
	/** The open editor dialog, if any. */
	dialog: Dialog | null = $state.raw(null);
	panelTab: PanelTab = $state('summary');
	/** Whether the side panel shows on narrow screens, where it is a drawer. */
	panelOpen = $state(false);

	readonly canEdit: boolean = $derived.by(
		() =>
			this.role !== 'reader' &&
			!(this.locked && this.role === 'participant') &&
			!this.restoring &&
			this.connection.phase !== 'closed'
	);
	/** Columns and the focus role are the facilitator's; the server refuses anyone else's change. */
	readonly canEditRoles: boolean = $derived.by(() => this.canEdit && this.role === 'facilitator');

	#link: BoardLink | null = null;
	#remoteOrigins = new Set<unknown>([null]);
	#initialLock: boolean;
	#lock: (() => boolean) | undefined;
	#onRefused: (() => void) | undefined;

	constructor(options: SessionOptions) {
		this.workshopId = options.workshopId;
		this.role = options.self.role;
		this.actor = { id: options.self.id, name: options.self.name };
		this.#initialLock = options.locked;
		this.#lock = options.lock;
		this.#onRefused = options.onRefused;
		if (options.initialState) {
			Y.applyUpdate(this.doc, options.initialState, 'server-render');
			this.#remoteOrigins.add('server-render');
		}
		this.state = new BoardState(this.doc);
		this.presence = new PresenceState(options.self, options.members);
		this.drag = new DragState({
			onStart: (item) => {
				this.presence.setDragging({ kind: item.kind, id: item.id });
				this.announcer.say(this.#pickUpMessage(item));
			},
			onDrop: (item, target) => this.#drop(item, target),
			onEnd: (item, dropped) => {
				this.presence.setDragging(null);
				if (!dropped) this.announcer.say(`Move of ${quote(item.label)} cancelled.`);
			}
		});
	}

	/** Links the document to this browser's storage, the server and the others. */
	start(): () => void {
		let stopped = false;
		let stopLink = this.#connect(this.doc, (reason) => {
			if (stopped || this.restoring) return;
			this.restoring = true;
			this.drag.cancel();
			this.announcer.error(refusedChangeMessage(reason));
			stopLink();
			void this.#startOver().then((stop) => {
				if (stopped) return stop();
				stopLink = stop;
			});
		});
		return () => {
			stopped = true;
			this.drag.cancel();
			stopLink();
		};
	}

	/**
	 * After a refused write: forgets the kept edits and builds a new document from the server. The
	 * old one stays on screen (read-only) until the new one has synced, so the board never blanks.
	 */
	async #startOver(): Promise<() => void> {
		await clearLocalBoard(this.workshopId, this.actor.id);
		this.connection.clearPending(`${localStoreName(this.workshopId, this.actor.id)}:pending`);
		const fresh = new Y.Doc();
		let swapped = false;
		const swap = () => {
			if (swapped) return;
			swapped = true;
			const old = this.doc;
			this.doc = fresh;
			this.state.replaceDoc(fresh);
			old.destroy();
			this.restoring = false;
			this.#onRefused?.();
		};
		const stop = this.#connect(fresh, () => {}, swap);
		return stop;
	}

	/** Links `doc`; `refused` runs when the server refuses one of its writes, `synced` on sync. */
	#connect(doc: Y.Doc, refused: (reason: string) => void, synced?: () => void): () => void {
		const link = linkBoard(doc, {
			workshopId: this.workshopId,
			userId: this.actor.id,
			origin: this.origin,
			onRefused: refused
		});
		this.#link = link;
		this.#remoteOrigins.add(link.provider);
		if (link.persistence) this.#remoteOrigins.add(link.persistence);
		const isRemote = (origin: unknown) => this.#remoteOrigins.has(origin);

		const stops = [
			this.presence.attach(link.awareness),
			this.history.attach(link.undoManager),
			this.connection.attach(
				link.provider,
				doc,
				`${localStoreName(this.workshopId, this.actor.id)}:pending`,
				isRemote
			)
		];
		if (synced) {
			const onSync = (done: boolean) => done && synced();
			link.provider.on('sync', onSync);
			stops.push(() => link.provider.off('sync', onSync));
		}
		if (link.persistence) {
			// Kept once per visit, retried when a visit that started offline gets a connection.
			let keeping = false;
			const keep = () => {
				if (keeping || this.connection.offlineReady || !navigator.onLine) return;
				keeping = true;
				void keepBoardOffline(this.workshopId).then((ok) => {
					keeping = false;
					this.connection.offlineReady = ok;
				});
			};
			const onSync = (done: boolean) => done && keep();
			link.provider.on('sync', onSync);
			stops.push(() => link.provider.off('sync', onSync));
			keep();
		}
		return () => {
			for (const stop of stops) stop();
			link.destroy();
			this.#remoteOrigins.delete(link.provider);
			if (link.persistence) this.#remoteOrigins.delete(link.persistence);
			if (this.#link === link) this.#link = null;
		};
	}

	// ---- Focus and selection -------------------------------------------------------------------

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
		this.presence.setFocus(focus);
	}

	// ---- Edits ---------------------------------------------------------------------------------

	#runOnRoles<T>(change: () => T, done?: (result: T) => string | null): T | undefined {
		if (this.canEdit && !this.canEditRoles) {
			this.announcer.error(CONTENT_REFUSALS['roles-facilitator-only']);
			return undefined;
		}
		return this.#run(change, done);
	}

	#run<T>(change: () => T, done?: (result: T) => string | null): T | undefined {
		if (!this.canEdit) {
			this.announcer.error(
				BLOCKED_CHANGE_MESSAGES[this.role === 'reader' ? 'read-only' : 'board-locked']
			);
			return undefined;
		}
		try {
			// Each action is its own undo step, however quickly the next one follows.
			this.history.stopCapturing();
			const result = change();
			this.history.stopCapturing();
			const message = done?.(result);
			if (message) this.announcer.say(message);
			return result;
		} catch (error) {
			if (error instanceof BoardError) {
				this.announcer.error(error.message);
				return undefined;
			}
			throw error;
		}
	}

	#title(cardId: string): string {
		const board = this.state.board;
		return (
			board.rows.find((card) => card.id === cardId)?.title ??
			board.tray.find((card) => card.id === cardId)?.title ??
			'card'
		);
	}

	#roleName(roleId: string | null): string {
		return this.state.board.roles.find((role) => role.id === roleId)?.name ?? 'role';
	}

	setLetter(cardId: string, roleId: string, letter: Letter | null): void {
		this.#run(
			() => setCell(this.doc, this.origin, this.actor, cardId, roleId, letter),
			() =>
				`${this.#roleName(roleId)}: ${letter ? LETTER_NAMES[letter] : 'no letter'} on ${quote(this.#title(cardId))}.`
		);
	}

	cycleLetter(cardId: string, roleId: string): void {
		this.#run(
			() => cycleCell(this.doc, this.origin, this.actor, cardId, roleId),
			(letter) =>
				`${this.#roleName(roleId)}: ${letter ? LETTER_NAMES[letter] : 'no letter'} on ${quote(this.#title(cardId))}.`
		);
	}

	/** Places a tray card into gap `gap` of the rows, optionally with `roleId` Responsible. */
	place(cardId: string, gap: number, roleId: string | null = null): boolean {
		const ids = this.state.board.rows.map((row) => row.id);
		const { beforeId, afterId } = neighboursAt(ids, gap, null);
		const done = this.#run(
			() => {
				placeCard(this.doc, this.origin, this.actor, cardId, {
					beforeId,
					afterId,
					...(roleId ? { roleId } : {})
				});
				return true;
			},
			() =>
				`Placed ${quote(this.#title(cardId))} at row ${Math.min(gap, ids.length) + 1}` +
				(roleId ? ` with ${this.#roleName(roleId)} Responsible.` : '.')
		);
		return done === true;
	}

	moveRowTo(cardId: string, gap: number): boolean {
		const ids = this.state.board.rows.map((row) => row.id);
		if (isSamePlace(ids, gap, cardId)) return false;
		const { beforeId, afterId } = neighboursAt(ids, gap, cardId);
		const done = this.#run(
			() => {
				moveRow(this.doc, this.origin, this.actor, cardId, beforeId, afterId);
				return true;
			},
			() => {
				const at = this.state.board.rows.findIndex((row) => row.id === cardId) + 1;
				return `Moved ${quote(this.#title(cardId))} to row ${at} of ${ids.length}.`;
			}
		);
		return done === true;
	}

	unplace(cardId: string): boolean {
		const title = this.#title(cardId);
		const done = this.#run(
			() => {
				unplaceCard(this.doc, this.origin, this.actor, cardId);
				return true;
			},
			() => `${quote(title)} is back in the tray; its letters were cleared.`
		);
		if (done && this.selectedCardId === cardId) this.selectedCardId = null;
		return done === true;
	}

	moveRoleTo(roleId: string, gap: number): boolean {
		const ids = this.state.board.roles.map((role) => role.id);
		if (isSamePlace(ids, gap, roleId)) return false;
		const { beforeId, afterId } = neighboursAt(ids, gap, roleId);
		const done = this.#runOnRoles(
			() => {
				moveRole(this.doc, this.origin, roleId, beforeId, afterId);
				return true;
			},
			() => {
				const at = this.state.board.roles.findIndex((role) => role.id === roleId) + 1;
				return `Moved the ${this.#roleName(roleId)} column to position ${at} of ${ids.length}.`;
			}
		);
		return done === true;
	}

	addCard(input: CardInput): string | undefined {
		return this.#run(
			() => addCard(this.doc, this.origin, this.actor, input),
			() => `Added ${quote(input.title.trim())} to the tray.`
		);
	}

	editCard(cardId: string, patch: CardPatch): boolean {
		return (
			this.#run(
				() => {
					editCard(this.doc, this.origin, this.actor, cardId, patch);
					return true;
				},
				() => `Saved ${quote(this.#title(cardId))}.`
			) === true
		);
	}

	deleteCard(cardId: string): boolean {
		const title = this.#title(cardId);
		const done = this.#run(
			() => {
				deleteCard(this.doc, this.origin, cardId);
				return true;
			},
			() => `Deleted ${quote(title)}.`
		);
		if (done && this.selectedCardId === cardId) this.selectedCardId = null;
		return done === true;
	}

	addRole(input: RoleInput): string | undefined {
		return this.#runOnRoles(
			() => addRole(this.doc, this.origin, input),
			() => `Added the ${input.name.trim()} column.`
		);
	}

	editRole(roleId: string, patch: RolePatch): boolean {
		return (
			this.#runOnRoles(
				() => {
					editRole(this.doc, this.origin, roleId, patch);
					return true;
				},
				() => `Saved the ${this.#roleName(roleId)} column.`
			) === true
		);
	}

	deleteRole(roleId: string): boolean {
		const name = this.#roleName(roleId);
		return (
			this.#runOnRoles(
				() => {
					deleteRole(this.doc, this.origin, roleId);
					return true;
				},
				() => `Deleted the ${name} column and its letters.`
			) === true
		);
	}

	setFocusRole(roleId: string): void {
		this.#runOnRoles(
			() => setFocusRole(this.doc, this.origin, roleId),
			() => `${this.#roleName(roleId)} is now the focus role.`
		);
	}

	setDissent(cardId: string, reason: string): boolean {
		return (
			this.#run(
				() => {
					setDissent(this.doc, this.origin, this.actor, cardId, reason);
					return true;
				},
				() => `Your dissent on ${quote(this.#title(cardId))} is recorded.`
			) === true
		);
	}

	clearDissent(cardId: string): void {
		this.#run(
			() => clearDissent(this.doc, this.origin, this.actor, cardId),
			() => `Your dissent on ${quote(this.#title(cardId))} is withdrawn.`
		);
	}

	undo(): void {
		if (!this.canEdit) return;
		this.announcer.say(this.history.undo() ? 'Undone.' : 'Nothing to undo.');
	}

	redo(): void {
		if (!this.canEdit) return;
		this.announcer.say(this.history.redo() ? 'Redone.' : 'Nothing to redo.');
	}

	/** A Svelte attachment that binds a textarea to a row's rationale note. */
	bindNote(cardId: string): (textarea: HTMLTextAreaElement) => (() => void) | void {
		return (textarea) => {
			if (!this.canEdit) return;
			try {
				return bindTextarea(textarea, getNoteText(this.doc, cardId), this.origin, () =>
					recordNoteEdit(this.doc, this.actor, cardId)
				);
			} catch (error) {
				if (error instanceof BoardError) return;
				throw error;
			}
		};
	}

	letterAt(cardId: string, roleId: string): Letter | null {
		return letterAt(this.state.board, cardId, roleId);
	}

	// ---- Drag and drop -------------------------------------------------------------------------

	#drop(item: DragItem, target: DropTarget): void {
		if (item.kind === 'card' && target.zone === 'rows') {
			if (this.place(item.id, target.gap, target.roleId)) {
				void this.focusCell({ cardId: item.id, roleId: null });
			}
		} else if (item.kind === 'row' && target.zone === 'rows') {
			if (this.moveRowTo(item.id, target.gap))
				void this.focusCell({ cardId: item.id, roleId: null });
			else this.announcer.say(`${quote(item.label)} stays where it was.`);
		} else if (item.kind === 'row' && target.zone === 'tray') {
			this.unplace(item.id);
		} else if (item.kind === 'role' && target.zone === 'roles') {
			if (this.moveRoleTo(item.id, target.gap))
				void this.focusCell({ cardId: null, roleId: item.id });
		}
	}

	#pickUpMessage(item: DragItem): string {
		if (this.drag.mode !== 'keyboard') return `Moving ${quote(item.label)}.`;
		const how =
			item.kind === 'card'
				? 'Up and Down choose the row, Left and Right choose a role to be Responsible'
				: item.kind === 'row'
					? 'Up and Down choose the row, Left moves it to the tray'
					: 'Left and Right choose the position';
		return `Picked up ${quote(item.label)}. ${how}; Enter drops, Escape cancels. ${this.describeTarget()}`;
	}

	/** Where the current drag would land, in words. */
	describeTarget(): string {
		const item = this.drag.item;
		return item ? describeDrop(item, this.drag.target, this.state.board) : '';
	}

	/** Picks up a tray card, a row or a column with the keyboard. */
	pickUp(item: DragItem): void {
		if (!this.canEdit) return;
		this.drag.pickUp(item, firstTarget(item, this.state.board));
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
		const next = nextTarget(key, item, target, this.state.board);
		if (!next) return false;
		this.drag.moveTo(next);
		this.announcer.say(this.describeTarget());
		return true;
	}

	/** Sets or clears a letter from a key press in a cell; true when the key was a letter key. */
	letterKey(cardId: string, roleId: string, key: string): boolean {
		const upper = key.toUpperCase();
		if ((LETTERS as readonly string[]).includes(upper)) {
			this.setLetter(cardId, roleId, upper as Letter);
			return true;
		}
		if (key === 'Delete' || key === 'Backspace') {
			this.setLetter(cardId, roleId, null);
			return true;
		}
		return false;
	}
}

export const [getBoardSession, setBoardSession] = createContext<BoardSession>();
