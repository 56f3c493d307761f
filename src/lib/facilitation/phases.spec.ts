import { describe, expect, it } from 'vitest';
import {
	PHASES,
	PHASE_IDS,
	STEPPED_PHASES,
	getPhase,
	isPhaseId,
	nextPhase,
	previousPhase
} from './phases.ts';

describe('phases', () => {
	it('runs gather → propose → place → discuss → agree, then published', () => {
		expect(PHASE_IDS).toEqual(['gather', 'propose', 'place', 'discuss', 'agree', 'published']);
		expect(STEPPED_PHASES.map((p) => p.id)).not.toContain('published');
		expect(nextPhase('gather')).toBe('propose');
		expect(nextPhase('agree')).toBeNull();
		expect(previousPhase('gather')).toBeNull();
		expect(previousPhase('published')).toBe('agree');
	});

	it('gives every phase a one-line instruction', () => {
		for (const phase of PHASES) {
			expect(phase.instruction.length).toBeGreaterThan(20);
			expect(phase.instruction).not.toMatch(/\n/);
		}
		expect(getPhase('propose').instruction).toMatch(/nobody sees/i);
	});

	it('recognises phase ids only', () => {
		expect(isPhaseId('discuss')).toBe(true);
		expect(isPhaseId('Discuss')).toBe(false);
		expect(isPhaseId(3)).toBe(false);
	});
});
