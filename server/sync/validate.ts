/**
 * A structural check of an untrusted Yjs update before it touches a live
 * document. Yjs trusts its peers: bytes that decode can still integrate into
 * a corrupt struct store (a zero-length struct breaks every later lookup and
 * makes the room unloadable once stored), and a decode error in the delete
 * set surfaces only after the structs were integrated. Decoding the whole
 * update first, then refusing the shapes no Yjs client produces, keeps such
 * bytes away from the document and the store.
 */
import * as Y from 'yjs';

/** No honest client reaches four billion operations; larger clocks only invite overflow. */
const MAX_CLOCK = 2 ** 32;

type Ref = { client: number; clock: number } | null;

function refersForward(ref: Ref | string, id: { client: number; clock: number }): boolean {
	return (
		typeof ref === 'object' && ref !== null && ref.client === id.client && ref.clock >= id.clock
	);
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** The decoded update, or why its bytes must be refused (the sender is closed). */
export function checkUpdate(update: Uint8Array): { decoded: Decoded } | { problem: string } {
	let decoded: Decoded;
	try {
		decoded = Y.decodeUpdate(update);
	} catch {
		return { problem: 'update does not decode' };
	}
	const problem = checkShapes(decoded);
	return problem ? { problem } : { decoded };
}

function checkShapes(decoded: Decoded): string | null {
	for (const struct of decoded.structs) {
		const { clock } = struct.id;
		if (!(struct.length > 0) || clock + struct.length > MAX_CLOCK)
			return 'struct with a bad length';
		if (!(struct instanceof Y.Item)) continue;
		// Same-client references must point backwards: Yjs only checks other clients' state.
		if (
			refersForward(struct.origin, struct.id) ||
			refersForward(struct.rightOrigin, struct.id) ||
			refersForward(struct.parent as Ref | string, struct.id)
		) {
			return 'struct refers to its own future';
		}
		// Drawline documents hold no subdocuments; a peer must not make the server load one.
		if (struct.content instanceof Y.ContentDoc) return 'subdocuments are not allowed';
	}
	for (const ranges of decoded.ds.clients.values()) {
		for (const range of ranges) {
			if (!(range.len > 0) || range.clock + range.len > MAX_CLOCK) return 'bad delete range';
		}
	}
	return null;
}

/**
 * Why `decoded` cannot be integrated into `doc` as it stands, or null when all of it can.
 * Yjs keeps what it cannot integrate as pending, merges it into every sync step 2 and every
 * snapshot, and tries it again on every later update; a room refuses such an update instead.
 * Each client's structs must continue that client's state without a gap, every reference to
 * another client must land in the room's state or in this update, and every deletion must name
 * content the room will then hold. Costs time in the update's size, not the document's.
 */
export function missingDependency(decoded: Decoded, doc: Y.Doc): string | null {
	const reach = new Map<number, number>();
	const stateOf = (client: number) => reach.get(client) ?? Y.getState(doc.store, client);
	const ends = new Map<number, number>();
	for (const struct of decoded.structs) {
		const { client, clock } = struct.id;
		// Neither Item nor GC is a Skip: a gap a merged update could not fill.
		const skip = !(struct instanceof Y.Item) && !(struct instanceof Y.GC);
		// Yjs reads one run per client (a repeated client replaces the earlier run): one run only.
		const end = ends.get(client);
		if (skip || clock > stateOf(client) || (end !== undefined && clock !== end)) {
			return 'update depends on missing updates';
		}
		ends.set(client, clock + struct.length);
		reach.set(client, Math.max(stateOf(client), clock + struct.length));
	}
	for (const struct of decoded.structs) {
		if (!(struct instanceof Y.Item)) continue;
		for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
			if (
				ref !== null &&
				typeof ref === 'object' &&
				'clock' in ref &&
				ref.client !== struct.id.client &&
				ref.clock >= stateOf(ref.client)
			) {
				return 'update refers to missing content';
			}
		}
	}
	for (const [client, ranges] of decoded.ds.clients) {
		for (const range of ranges) {
			if (range.clock + range.len > stateOf(client)) return 'update deletes missing content';
		}
	}
	return null;
}
