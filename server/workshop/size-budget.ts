/**
 * A document's size budget: what a joiner downloads (`Y.encodeStateAsUpdate`) may not pass
 * `maxBytes`. Encoding costs time proportional to the document, so it is done once when a
 * document is first checked and again only after a tenth of the budget has been accepted since;
 * in between, each accepted update adds its own length (an overestimate: deletions shrink nothing
 * here), so the check stays proportional to the update.
 */
import * as Y from 'yjs';

type Tally = { bytes: number; sinceMeasured: number };

export class SizeBudget {
	private tallies = new WeakMap<Y.Doc, Tally>();

	private maxBytes: number;

	constructor(maxBytes: number) {
		this.maxBytes = maxBytes;
	}

	/** Whether `doc` stays within budget with `update` applied; if so, counts it as applied. */
	admit(doc: Y.Doc, update: Uint8Array): boolean {
		let tally = this.tallies.get(doc);
		const over = (t: Tally) => t.bytes + update.length > this.maxBytes;
		// Measure when the estimate has drifted enough to matter: at most once per tenth of the
		// budget accepted, so refusing at the limit costs no more than the update.
		if (!tally || (over(tally) && tally.sinceMeasured >= this.maxBytes / 10)) {
			tally = { bytes: Y.encodeStateAsUpdate(doc).length, sinceMeasured: 0 };
			this.tallies.set(doc, tally);
		}
		if (over(tally)) return false;
		tally.bytes += update.length;
		tally.sinceMeasured += update.length;
		return true;
	}
}
