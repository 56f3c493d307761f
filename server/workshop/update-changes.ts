/**
 * What an untrusted Yjs update would write into a live document and what it would delete, read
 * without applying it, so that a room policy can refuse it first.
 *
 * The update is decoded (`Y.decodeUpdate`) and every new item is placed: its parent and key are
 * in the update, or inherited from its left or right neighbour (`origin`/`rightOrigin`), which
 * Yjs looks up in the document's struct store the same way. Every lookup is one binary search in
 * the store or in the update itself, and deleted ranges visit only the items they cover, so the
 * cost follows the update, never the document's size.
 *
 * Places are two levels deep, as in both Drawline documents: an entry of a root map
 * (`{ root, key }`), or a field of the map or text held at such an entry (`{ root, key, field }`,
 * `field` null for text). Anything deeper, an item into a root used as a list, or a parent that
 * is not a type, is reported as `problem`.
 */
import * as Y from 'yjs';

/** What an item holds (Yjs exports the content classes but not their common type). */
export type Content = Y.Item['content'];

export type Place = { root: string; key: string; field?: string | null };

export type Written = {
	place: Place;
	content: Content;
	/** Whether the item sits inside a nested type (a field), not at a root map's key. */
	nested: boolean;
};

export type Removed = { place: Place; nested: boolean; value: unknown };

export type UpdateChanges = { written: Written[]; removed: Removed[]; problem: string | null };

type Container = { parent: string | Y.ID; sub: string | null };

/** Nothing happens: Yjs turns an item whose neighbour or parent was collected into garbage. */
const GONE = 'gone';
/** The update refers to something neither it nor the document holds. */
const MISSING = 'missing';

type Resolved = Container | typeof GONE | typeof MISSING;

type Struct = Y.Item | Y.GC | Y.Skip;

export function readChanges(doc: Y.Doc, update: Uint8Array): UpdateChanges {
	const { structs, ds } = Y.decodeUpdate(update);
	const store = doc.store;
	const byClient = new Map<number, Struct[]>();
	for (const struct of structs) {
		const list = byClient.get(struct.id.client);
		if (list) list.push(struct);
		else byClient.set(struct.id.client, [struct]);
	}
	const containers = new Map<Struct, Resolved>();

	const findNew = (id: Y.ID): Struct | undefined => {
		const list = byClient.get(id.client);
		if (!list) return undefined;
		let low = 0;
		let high = list.length - 1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			const struct = list[mid];
			if (id.clock < struct.id.clock) high = mid - 1;
			else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
			else return struct;
		}
		return undefined;
	};

	const findLive = (id: Y.ID): Y.Item | Y.GC | undefined => {
		if (id.clock >= Y.getState(store, id.client)) return undefined;
		const list = store.clients.get(id.client);
		return list ? list[Y.findIndexSS(list, id.clock)] : undefined;
	};

	const liveContainer = (item: Y.Item): Resolved => {
		const parent = item.parent as Y.AbstractType<unknown> | null;
		if (!parent) return GONE;
		return parent._item
			? { parent: parent._item.id, sub: item.parentSub }
			: { parent: Y.findRootTypeKey(parent), sub: item.parentSub };
	};

	// Updates arrive from honest clients in dependency order; a chain through many structs of
	// one update is still resolved once per struct thanks to `containers`.
	const containerOf = (id: Y.ID, depth: number): Resolved => {
		const fresh = findNew(id);
		if (fresh) return containerOfNew(fresh, depth + 1);
		const live = findLive(id);
		if (!live) return MISSING;
		return live instanceof Y.Item ? liveContainer(live) : GONE;
	};

	const containerOfNew = (struct: Struct, depth: number): Resolved => {
		const known = containers.get(struct);
		if (known) return known;
		if (!(struct instanceof Y.Item)) return struct instanceof Y.GC ? GONE : MISSING;
		if (depth > structs.length + 1) return MISSING;
		let resolved: Resolved;
		const left = struct.origin ? containerOf(struct.origin, depth) : null;
		const right = struct.rightOrigin ? containerOf(struct.rightOrigin, depth) : null;
		if (left === GONE || right === GONE) resolved = GONE;
		else if (left === MISSING || right === MISSING) resolved = MISSING;
		else if (left || right) resolved = (left ?? right) as Container;
		else resolved = { parent: struct.parent as string | Y.ID, sub: struct.parentSub };
		containers.set(struct, resolved);
		return resolved;
	};

	/** The type item a nested place hangs from, wherever it lives. */
	const typeItem = (id: Y.ID): Y.Item | typeof GONE | typeof MISSING => {
		const struct = findNew(id) ?? findLive(id);
		if (!struct) return MISSING;
		if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return GONE;
		return struct;
	};

	const placeOf = (
		container: Container,
		isNew: (item: Y.Item) => boolean
	): { place: Place; nested: boolean } | string | typeof GONE => {
		if (typeof container.parent === 'string') {
			if (container.sub === null) return `list content in root "${container.parent}"`;
			return { place: { root: container.parent, key: container.sub }, nested: false };
		}
		const holder = typeItem(container.parent);
		if (holder === MISSING) return 'parent not found';
		if (holder === GONE) return GONE;
		const outer = isNew(holder) ? containerOfNew(holder, 0) : liveContainer(holder);
		if (outer === GONE) return GONE;
		if (outer === MISSING) return 'parent not found';
		if (typeof outer.parent !== 'string' || outer.sub === null) return 'nested too deep';
		return {
			place: { root: outer.parent, key: outer.sub, field: container.sub },
			nested: true
		};
	};

	const isNewItem = (item: Y.Item) => findNew(item.id) === item;
	const written: Written[] = [];
	const removed: Removed[] = [];
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		const container = containerOfNew(struct, 0);
		if (container === GONE) continue;
		if (container === MISSING) return { written, removed, problem: 'depends on unknown items' };
		const located = placeOf(container, isNewItem);
		if (located === GONE) continue;
		if (typeof located === 'string') return { written, removed, problem: located };
		// A client sends what it wrote and overwrote again as deleted content; as the newest entry
		// of a key, Yjs still lets it replace (delete) the value there.
		if (struct.content instanceof Y.ContentDeleted) removed.push({ ...located, value: undefined });
		else written.push({ ...located, content: struct.content });
	}

	for (const [client, ranges] of ds.clients) {
		const list = store.clients.get(client);
		if (!list) continue;
		const state = Y.getState(store, client);
		for (const { clock, len } of ranges) {
			if (clock >= state) continue;
			for (let i = Y.findIndexSS(list, clock); i < list.length; i++) {
				const struct = list[i];
				if (struct.id.clock >= clock + len) break;
				if (!(struct instanceof Y.Item) || struct.deleted) continue;
				const container = liveContainer(struct);
				if (container === GONE || container === MISSING) continue;
				const located = placeOf(container, () => false);
				if (located === GONE || typeof located === 'string') continue;
				const value =
					struct.content instanceof Y.ContentAny ? struct.content.getContent()[0] : undefined;
				removed.push({ ...located, value });
			}
		}
	}
	return { written, removed, problem: null };
}
