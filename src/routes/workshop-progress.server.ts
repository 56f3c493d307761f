import * as Y from 'yjs';
import { readFacilitation } from '#lib/facilitation/facilitation-doc.ts';
import { getPhase, DEFAULT_PHASE } from '#lib/facilitation/phases.ts';

export type WorkshopProgress = {
	phase: string;
	/** The latest published version, with how its members answered. */
	latest: { version: number; agree: number; object: number } | null;
};

/** Where a workshop stands, for its dashboard card: the phase and the latest charter's consent. */
export async function workshopProgress(
	store: App.Locals['app']['store'],
	workshopId: string
): Promise<WorkshopProgress> {
	const [stored, versions] = await Promise.all([
		store.docs.load(`${workshopId}/facilitation`),
		store.charters.list(workshopId)
	]);
	let phase = DEFAULT_PHASE;
	if (stored.updates.length > 0) {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.mergeUpdates(stored.updates));
		phase = readFacilitation(doc).phase;
		doc.destroy();
	}
	const version = Math.max(0, ...versions.map((entry) => entry.version));
	if (version === 0) return { phase: getPhase(phase).name, latest: null };
	const consents = await store.charters.listConsents(workshopId, version);
	return {
		phase: getPhase(phase).name,
		latest: {
			version,
			agree: consents.filter((consent) => consent.decision === 'agree').length,
			object: consents.filter((consent) => consent.decision === 'object').length
		}
	};
}
