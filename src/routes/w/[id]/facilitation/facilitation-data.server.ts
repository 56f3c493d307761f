import * as Y from 'yjs';
import { toBase64 } from 'lib0/buffer';
import { docName } from '#lib/contracts/sync.ts';

/**
 * The facilitation document as stored, for the board page's first paint (phase, timer, lock,
 * spotlight show before the socket connects). It holds nothing private: proposals and votes of
 * individuals never enter it.
 */
export async function loadFacilitationState(
	locals: App.Locals,
	workshopId: string
): Promise<string | null> {
	const stored = await locals.app.store.docs.load(docName(workshopId, 'facilitation'));
	return stored.updates.length > 0 ? toBase64(Y.mergeUpdates(stored.updates)) : null;
}
