import type { BoundaryId, FrameworkId, RuleId } from './types.ts';

export const RULE_COPY: Record<RuleId, { label: string; explanation: string }> = {
	'no-accountable': {
		label: 'No owner',
		explanation:
			'Nobody holds the A here, and work without an owner tends to drift to whoever sits between teams, usually the PM.'
	},
	'multiple-accountable': {
		label: 'Too many owners',
		explanation:
			'More than one role holds the A, so any decision can be reopened; agree on the one role that makes the final call.'
	},
	'no-responsible': {
		label: 'Nobody doing it',
		explanation:
			'Someone answers for this but no role is down to do the work, which is how it lands on whoever fears the project failing.'
	},
	'consulted-everyone': {
		label: 'Everyone consulted',
		explanation:
			'Every role is consulted, which turns each decision into a meeting; ask the few voices that matter and keep the rest informed.'
	},
	'only-informed': {
		label: 'Only informed',
		explanation:
			'This role only ever hears about outcomes; check whether the board is missing real work for it or it needs a seat at all.'
	},
	overload: {
		label: 'Overloaded',
		explanation:
			'This role does or answers for a large share of the rows, and even good glue stops holding when it is spread too thin.'
	},
	'focus-overload': {
		label: 'Spread too thin',
		explanation:
			'The focus role has become the glue for nearly everything; hand rows to their natural owners so it can concentrate on the calls only it can make.'
	}
};

/**
 * By how much a threshold warning fired, next to the threshold the workshop set:
 * "R or A on 9 of 12 rows (threshold 8)".
 */
export const measureText = (
	rule: RuleId,
	measure: { count: number; of: number; threshold: number },
	/** The board's doing and owning letters (D and A in DACI). */
	letters: { doer: string; owner: string } = { doer: 'R', owner: 'A' }
): string => {
	const { count, of, threshold } = measure;
	if (rule === 'consulted-everyone') {
		return `${count} of the ${of} roles that neither do nor own it consulted (threshold ${threshold})`;
	}
	return `${letters.doer} or ${letters.owner} on ${count} of ${of} rows (threshold ${threshold})`;
};

/**
 * A check the charter adds to the board's: the focus role does a row that no other role owns or
 * does, which is how work nobody else owns ends up coordinated by the PM without anyone deciding it.
 */
export const COORDINATOR_COPY = {
	label: 'Accidental coordinator',
	explanation:
		'The focus role does this and no other role owns or does it, so it may be carrying work that nobody else has taken on.'
};

// Written for someone who joins months after the workshop and reads the charter cold.
export const BOUNDARY_COPY: Record<BoundaryId, { heading: string; intro: string }> = {
	owns: {
		heading: 'Owns',
		intro:
			'This role makes the final call on these and answers for the result, even when others do much of the work.'
	},
	does: {
		heading: 'Does',
		intro: 'This role does hands-on work here, but another role makes the final call.'
	},
	supports: {
		heading: 'Supports',
		intro: 'This role lends a hand to whoever does the work here, without leading it.'
	},
	consulted: {
		heading: 'Is consulted on',
		intro: 'Whoever decides asks this role for input first; expect to be asked, not to decide.'
	},
	informed: {
		heading: 'Is kept informed of',
		intro:
			'This role hears about decisions and progress here so it can plan around them, without weighing in.'
	},
	outside: {
		heading: "Not this role's job",
		intro:
			'Work that often lands here by default but belongs elsewhere; each row names who is accountable instead.'
	},
	unresolved: {
		heading: 'Still open',
		intro:
			"The team has not agreed yet who owns or does these; treat them as open questions, not as this role's job by default."
	}
};

/** DACI names the sections by its own verbs; the intros hold for every framework. */
const HEADINGS: Partial<Record<FrameworkId, Partial<Record<BoundaryId, string>>>> = {
	daci: { owns: 'Approves', does: 'Drives', consulted: 'Contributes to' }
};

export const boundaryCopy = (
	framework: FrameworkId | undefined,
	boundary: BoundaryId
): { heading: string; intro: string } => {
	const heading = framework && HEADINGS[framework]?.[boundary];
	return heading ? { ...BOUNDARY_COPY[boundary], heading } : BOUNDARY_COPY[boundary];
};
