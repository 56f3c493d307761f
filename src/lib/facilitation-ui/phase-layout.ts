/**
 * What each phase puts first on the board, as Parabol lays out each stage of a retro: while the
 * team gathers and places cards the tray leads; while it proposes blind, the private grid and
 * then the perception gap; once it discusses, agrees or reads a published version, the
 * conversation. Outside Gather and Place the tray folds away (anyone can unfold it).
 */
import type { PhaseId } from '#lib/facilitation/phases.ts';

const TRAY_FOLDED: ReadonlySet<PhaseId> = new Set(['propose', 'discuss', 'agree', 'published']);

export const trayFoldedIn = (phase: PhaseId): boolean => TRAY_FOLDED.has(phase);

/** Discuss and Agree put the queue and the selected row in the centre, beside the board. */
export const queueLeadsIn = (phase: PhaseId): boolean => phase === 'discuss' || phase === 'agree';
