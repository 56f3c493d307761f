/**
 * A workshop's warning thresholds live in its facilitation document, written here only (the
 * facilitator's own connection may not write them: content.ts refuses the key), so every open
 * board sees a change at once, the change is committed before anyone sees it, and publishing
 * reads the same numbers the board shows.
 */
import type { WarningThresholds } from '../../src/lib/board/rules.ts';
import { readFacilitation, setThresholds } from '../../src/lib/facilitation/facilitation-doc.ts';
import { SERVER_ORIGIN, type FacilitationDeps } from './context.ts';

export const readWorkshopThresholds = (
	deps: FacilitationDeps,
	workshopId: string
): Promise<WarningThresholds> =>
	deps.sync.readDoc(workshopId, 'facilitation', (doc) => readFacilitation(doc).thresholds);

export const saveWorkshopThresholds = (
	deps: FacilitationDeps,
	workshopId: string,
	thresholds: WarningThresholds
): Promise<void> =>
	deps.sync.transact(workshopId, 'facilitation', (doc) =>
		setThresholds(doc, SERVER_ORIGIN, thresholds)
	);
