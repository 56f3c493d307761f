/**
 * One open board, put together: the live document (`LiveBoard`) and its reactive views (board,
 * presence, connection, history, lock), what the page shows around it (`view`), every edit it
 * can make (`edits`) and drag and drop (`moves`). Components get it from context and read or call
 * the part they need.
 *
 * The document starts from the state the server rendered, so the first paint shows the board;
 * `start()` (in the browser only) then links it to IndexedDB, the sync server and awareness.
 */
import { createContext } from 'svelte';
import type * as Y from 'yjs';
import type { Actor, WarningThresholds } from '#lib/board/index.ts';
import { refusedChangeMessage } from '#lib/contracts/refusals.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';
import { Announcer } from './announcer.svelte.ts';
import { BoardEdits } from './board-edits.ts';
import { BoardState } from './board-state.svelte.ts';
import { BoardView } from './board-view.svelte.ts';
import type { ConnectionState } from './connection.svelte.ts';
import { DragMoves } from './drag-moves.ts';
import type { DragState } from './drag.svelte.ts';
import type { HistoryState } from './history.svelte.ts';
import { LiveBoard } from './live-board.svelte.ts';
import { PresenceState, type Member } from './presence.svelte.ts';

export type SessionOptions = {
	workshopId: string;
	/** The board as the server had it when the page was rendered. */
	initialState: Uint8Array | null;
	/** The lock as the server rendered it, used until `lock` (if given) says otherwise. */
	locked: boolean;
	/** Reads the live lock, from the tab's facilitation room. */
	lock?: () => boolean;
	/** Reads the workshop's warning thresholds, from the tab's facilitation room. */
	thresholds?: () => WarningThresholds;
	self: Member;
	members: Member[];
	/** Called once the local state is discarded after the server refused a write. */
	onRefused?: () => void;
};

export class BoardSession {
	readonly workshopId: string;
	/** The origin of this tab's transactions; undo tracks it and nothing else. */
	readonly origin = { source: 'drawline-board-tab' };
	readonly role: MemberRole;
	readonly actor: Actor;
	readonly state: BoardState;
	readonly presence: PresenceState;
	readonly announcer = new Announcer();
	readonly connection: ConnectionState;
	readonly history: HistoryState;
	readonly view: BoardView;
	readonly edits: BoardEdits;
	readonly moves: DragMoves;
	readonly drag: DragState;

	readonly locked: boolean = $derived.by(() => (this.#lock ? this.#lock() : this.#initialLock));

	readonly canEdit: boolean = $derived.by(
		() =>
			this.role !== 'reader' &&
			!(this.locked && this.role === 'participant') &&
			!this.#live.restoring &&
			this.connection.phase !== 'closed'
	);
	/** Columns and the focus role are the facilitator's; the server refuses anyone else's change. */
	readonly canEditRoles: boolean = $derived.by(() => this.canEdit && this.role === 'facilitator');

	#live: LiveBoard;
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
		this.#live = new LiveBoard({
			workshopId: options.workshopId,
			userId: options.self.id,
			origin: this.origin,
			initialState: options.initialState
		});
		this.connection = this.#live.connection;
		this.history = this.#live.history;
		this.state = new BoardState(this.#live.doc, options.thresholds);
		this.presence = new PresenceState(options.self, options.members);
		this.view = new BoardView(this.presence, () => this.role !== 'reader');
		const board = () => this.state.board;
		const canEdit = () => this.canEdit;
		this.edits = new BoardEdits({
			doc: () => this.#live.doc,
			board,
			canEdit,
			canEditRoles: () => this.canEditRoles,
			origin: this.origin,
			actor: this.actor,
			role: this.role,
			history: this.history,
			announcer: this.announcer,
			view: this.view
		});
		this.moves = new DragMoves({
			board,
			canEdit,
			edits: this.edits,
			view: this.view,
			presence: this.presence,
			announcer: this.announcer
		});
		this.drag = this.moves.drag;
	}

	/** The live document; a new one after a refused write rebuilt the board from the server. */
	get doc(): Y.Doc {
		return this.#live.doc;
	}

	/** Links the document to this browser's storage, the server and the others. */
	start(): () => void {
		const stop = this.#live.start({
			state: this.state,
			presence: this.presence,
			onRefused: (reason) => {
				this.drag.cancel();
				this.announcer.error(refusedChangeMessage(reason));
			},
			onRestored: () => this.#onRefused?.()
		});
		return () => {
			this.drag.cancel();
			stop();
		};
	}
}

export const [getBoardSession, setBoardSession] = createContext<BoardSession>();
