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

/** Returns why the update must be refused, or null when it may be applied. */
export function checkUpdate(update: Uint8Array): string | null {
	let decoded: ReturnType<typeof Y.decodeUpdate>;
	try {
		decoded = Y.decodeUpdate(update);
	} catch {
		return 'update does not decode';
	}
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
