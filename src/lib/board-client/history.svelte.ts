/**
 * Undo and redo of this tab's own edits (Y.UndoManager tracking the tab's origin only), with
 * reactive flags for the toolbar buttons.
 */
import type * as Y from 'yjs';

export class HistoryState {
	canUndo = $state(false);
	canRedo = $state(false);
	#manager: Y.UndoManager | null = null;

	attach(manager: Y.UndoManager): () => void {
		this.#manager = manager;
		const refresh = () => {
			this.canUndo = manager.canUndo();
			this.canRedo = manager.canRedo();
		};
		manager.on('stack-item-added', refresh);
		manager.on('stack-item-popped', refresh);
		manager.on('stack-cleared', refresh);
		refresh();
		return () => {
			manager.off('stack-item-added', refresh);
			manager.off('stack-item-popped', refresh);
			manager.off('stack-cleared', refresh);
			this.#manager = null;
			this.canUndo = this.canRedo = false;
		};
	}

	/** True when something was undone. */
	undo(): boolean {
		return this.#manager?.undo() != null;
	}

	redo(): boolean {
		return this.#manager?.redo() != null;
	}

	/** Ends the current capture group, so the next edit undoes on its own. */
	stopCapturing(): void {
		this.#manager?.stopCapturing();
	}
}
