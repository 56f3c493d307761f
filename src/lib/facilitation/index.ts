export * from './phases.ts';
export * from './timer.ts';
export * from './proposals.ts';
export * from './queue.ts';
export * from './agreement.ts';
export * from './facilitation-doc.ts';
export { STATE, LOCKED, isLocked } from './schema.ts';
export * from './publish-check.ts';
export * from './round-rows.ts';
