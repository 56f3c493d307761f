/**
 * Dragging cards, rows and role columns, by pointer (mouse, touch and pen alike) or by keyboard.
 *
 * The board's markup declares where things can land, and this module hit-tests it:
 *
 *   [data-drop-zone="tray"]           the unassigned tray: a row dropped here is unplaced
 *   [data-drop-zone="grid"]           the grid; `data-row-count` is the number of rows
 *     tr[data-row-index]              a row: the upper half means the gap above it
 *     [data-role-id][data-role-index] a role's header or cell: a card dropped on a role's column
 *                                     is placed with that role Responsible; a column dropped on
 *                                     another moves beside it
 *   [data-drag-scroll]                scrolls while a drag hovers near its edges
 *
 * A mouse or pen drag starts after a few pixels of movement, so a click stays a click. Touch
 * starts on handles marked `touch-action: none`, or on tray cards (`touch-action: pan-y`) once the
 * finger moves sideways; a vertical swipe scrolls instead and the browser cancels the pointer.
 *
 * The keyboard path shares the state: the page moves `target` with the arrow keys and drops with
 * Enter. Drops themselves are not done here: `onDrop` gets the item and the target.
 */

export type DragKind = 'card' | 'row' | 'role';

export type DragItem = { kind: DragKind; id: string; label: string };

export type DropTarget =
	| { zone: 'rows'; gap: number; roleId: string | null }
	| { zone: 'tray' }
	| { zone: 'roles'; gap: number };

export type DragHooks = {
	onStart(item: DragItem): void;
	onDrop(item: DragItem, target: DropTarget): void;
	onEnd(item: DragItem, dropped: boolean): void;
};

const THRESHOLD = 5;
const EDGE = 48;
const MAX_SCROLL_STEP = 18;

const dataNumber = (element: Element | null, name: string): number | null => {
	const value = element?.getAttribute(name);
	return value == null || value === '' ? null : Number(value);
};

/** What lies under the point for a dragged item of `kind`. */
export const hitTest = (x: number, y: number, kind: DragKind): DropTarget | null => {
	const element = document.elementFromPoint(x, y);
	if (!element) return null;
	const zone = element.closest('[data-drop-zone]');
	const zoneName = zone?.getAttribute('data-drop-zone');
	if (kind === 'row' && zoneName === 'tray') return { zone: 'tray' };
	if (zoneName !== 'grid' || !zone) return null;

	const roleCell = element.closest('[data-role-index]');
	if (kind === 'role') {
		const index = dataNumber(roleCell, 'data-role-index');
		if (index === null || !roleCell) return null;
		const rect = roleCell.getBoundingClientRect();
		return { zone: 'roles', gap: x > rect.left + rect.width / 2 ? index + 1 : index };
	}

	const rowCount = dataNumber(zone, 'data-row-count') ?? 0;
	const row = element.closest('tr[data-row-index]');
	const rowIndex = dataNumber(row, 'data-row-index');
	let gap = rowCount;
	if (row && rowIndex !== null) {
		const rect = row.getBoundingClientRect();
		gap = y > rect.top + rect.height / 2 ? rowIndex + 1 : rowIndex;
	} else if (element.closest('thead')) {
		// The header row: a card dropped on a role's header goes last, with that role R.
		gap = rowCount;
	}
	const roleId = kind === 'card' ? (roleCell?.getAttribute('data-role-id') ?? null) : null;
	return { zone: 'rows', gap, roleId };
};

const sameTarget = (a: DropTarget | null, b: DropTarget | null): boolean =>
	JSON.stringify(a) === JSON.stringify(b);

export class DragState {
	item: DragItem | null = $state.raw(null);
	target: DropTarget | null = $state.raw(null);
	mode: 'pointer' | 'keyboard' | null = $state(null);
	x = $state(0);
	y = $state(0);
	#hooks: DragHooks;
	#stop: (() => void) | null = null;

	constructor(hooks: DragHooks) {
		this.#hooks = hooks;
	}

	get active(): boolean {
		return this.item !== null;
	}

	/**
	 * Call from pointerdown on a draggable. `immediate` starts at once (a handle touched with a
	 * finger); otherwise the drag starts once the pointer has moved a few pixels.
	 */
	pointerDown(event: PointerEvent, item: DragItem, immediate = false): void {
		if (this.item || event.button !== 0 || !event.isPrimary) return;
		const startX = event.clientX;
		const startY = event.clientY;
		const pointerId = event.pointerId;
		let started = false;
		let frame = 0;

		const start = () => {
			started = true;
			this.item = item;
			this.mode = 'pointer';
			this.target = null;
			document.documentElement.classList.add('is-dragging');
			this.#hooks.onStart(item);
			frame = requestAnimationFrame(autoScroll);
		};
		const track = (x: number, y: number) => {
			this.x = x;
			this.y = y;
			const next = hitTest(x, y, item.kind);
			if (!sameTarget(next, this.target)) this.target = next;
		};
		const autoScroll = () => {
			if (!started) return;
			const element = document.elementFromPoint(this.x, this.y);
			const scroller = element?.closest('[data-drag-scroll]');
			if (scroller) {
				const rect = scroller.getBoundingClientRect();
				const step = (distance: number) =>
					distance < EDGE ? Math.ceil(((EDGE - distance) / EDGE) * MAX_SCROLL_STEP) : 0;
				const dy = step(this.y - rect.top) ? -step(this.y - rect.top) : step(rect.bottom - this.y);
				const dx = step(this.x - rect.left) ? -step(this.x - rect.left) : step(rect.right - this.x);
				if (dx || dy) {
					scroller.scrollBy(dx, dy);
					track(this.x, this.y);
				}
			}
			frame = requestAnimationFrame(autoScroll);
		};
		const onMove = (move: PointerEvent) => {
			if (move.pointerId !== pointerId) return;
			if (!started) {
				if (Math.hypot(move.clientX - startX, move.clientY - startY) < THRESHOLD) return;
				start();
			}
			move.preventDefault();
			track(move.clientX, move.clientY);
		};
		const finish = (drop: boolean) => {
			cleanup();
			if (!started) return;
			const target = this.target;
			const dropped = drop && target !== null;
			this.#end();
			if (dropped) this.#hooks.onDrop(item, target);
			this.#hooks.onEnd(item, dropped);
		};
		const onUp = (up: PointerEvent) => {
			if (up.pointerId !== pointerId) return;
			if (started) {
				track(up.clientX, up.clientY);
				// The click that follows a drag must not also cycle a cell or open a card.
				window.addEventListener('click', swallow, { capture: true, once: true });
				setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
			}
			finish(true);
		};
		const onCancel = (cancel: PointerEvent) => {
			if (cancel.pointerId === pointerId) finish(false);
		};
		const onKey = (key: KeyboardEvent) => {
			if (key.key !== 'Escape') return;
			key.preventDefault();
			key.stopPropagation();
			finish(false);
		};
		const swallow = (click: Event) => {
			click.stopPropagation();
			click.preventDefault();
		};
		const cleanup = () => {
			cancelAnimationFrame(frame);
			window.removeEventListener('pointermove', onMove);
			window.removeEventListener('pointerup', onUp);
			window.removeEventListener('pointercancel', onCancel);
			window.removeEventListener('keydown', onKey, { capture: true });
			this.#stop = null;
		};

		window.addEventListener('pointermove', onMove, { passive: false });
		window.addEventListener('pointerup', onUp);
		window.addEventListener('pointercancel', onCancel);
		window.addEventListener('keydown', onKey, { capture: true });
		this.#stop = () => finish(false);
		if (immediate) {
			event.preventDefault();
			start();
			track(startX, startY);
		}
	}

	/** Picks `item` up for keyboard moving, with `target` as the first drop position. */
	pickUp(item: DragItem, target: DropTarget): void {
		this.cancel();
		this.item = item;
		this.target = target;
		this.mode = 'keyboard';
		this.#hooks.onStart(item);
	}

	/** Moves the keyboard drag's target. */
	moveTo(target: DropTarget): void {
		if (this.mode === 'keyboard') this.target = target;
	}

	/** Drops a keyboard drag where its target is. */
	drop(): void {
		const item = this.item;
		const target = this.target;
		if (this.mode !== 'keyboard' || !item) return;
		this.#end();
		if (target) this.#hooks.onDrop(item, target);
		this.#hooks.onEnd(item, target !== null);
	}

	/** Ends any drag without dropping. */
	cancel(): void {
		if (this.#stop) return this.#stop();
		const item = this.item;
		if (!item) return;
		this.#end();
		this.#hooks.onEnd(item, false);
	}

	#end(): void {
		this.item = null;
		this.target = null;
		this.mode = null;
		document.documentElement.classList.remove('is-dragging');
	}
}
