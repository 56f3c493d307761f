/**
 * The phases a facilitator walks a workshop through, in order, each with the one-line
 * instruction every screen shows while it lasts. `published` is reached by publishing a
 * charter, not by stepping: it says the board now has a version people can consent to.
 */
export const PHASE_IDS = ['gather', 'propose', 'place', 'discuss', 'agree', 'published'] as const;

export type PhaseId = (typeof PHASE_IDS)[number];

export type Phase = { id: PhaseId; name: string; instruction: string };

export const PHASES: readonly Phase[] = [
	{
		id: 'gather',
		name: 'Gather',
		instruction:
			'Add the responsibilities that are missing: anything a PM ends up doing here that no card names yet.'
	},
	{
		id: 'propose',
		name: 'Propose',
		instruction:
			'On your own, mark the letters as things really are today. Nobody sees your answers until the facilitator reveals them.'
	},
	{
		id: 'place',
		name: 'Place',
		instruction:
			'Build the board together: put each responsibility on a row and set who is Responsible, Accountable, Consulted, Informed.'
	},
	{
		id: 'discuss',
		name: 'Discuss',
		instruction:
			'Work through the queue from the top. Vote for the rows you most want to talk about; flag dissent where you disagree.'
	},
	{
		id: 'agree',
		name: 'Agree',
		instruction:
			'Settle each row: one owner, someone doing the work, and a rationale the next hire will understand.'
	},
	{
		id: 'published',
		name: 'Published',
		instruction:
			'This charter is published. Read it and record whether you agree or object; the board stays open for the next revision.'
	}
];

export const DEFAULT_PHASE: PhaseId = 'gather';

export const isPhaseId = (value: unknown): value is PhaseId =>
	typeof value === 'string' && (PHASE_IDS as readonly string[]).includes(value);

export const getPhase = (id: PhaseId): Phase => PHASES.find((phase) => phase.id === id) as Phase;

/** The phases a facilitator steps through by hand. */
export const STEPPED_PHASES: readonly Phase[] = PHASES.filter((phase) => phase.id !== 'published');

export const nextPhase = (id: PhaseId): PhaseId | null => {
	const i = STEPPED_PHASES.findIndex((phase) => phase.id === id);
	return i >= 0 && i < STEPPED_PHASES.length - 1 ? STEPPED_PHASES[i + 1].id : null;
};

export const previousPhase = (id: PhaseId): PhaseId | null => {
	if (id === 'published') return STEPPED_PHASES[STEPPED_PHASES.length - 1].id;
	const i = STEPPED_PHASES.findIndex((phase) => phase.id === id);
	return i > 0 ? STEPPED_PHASES[i - 1].id : null;
};
