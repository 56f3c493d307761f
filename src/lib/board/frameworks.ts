/**
 * The responsibility matrices a workshop can use: RACI (the default), RASCI and DACI. A workshop
 * chooses one when it is created and keeps it (the board's `meta.framework`, written by the server
 * only). Everything that reads or writes letters asks the framework what they mean: the rules,
 * the boundary of a role, the charter's sections, the exports and the board's menu and keys.
 *
 * Each letter has a duty. The rules need exactly one `owner` per row and at least one `doer`:
 * A and R in RACI and RASCI; in DACI the Approver owns the decision and the Driver does the work
 * of getting it made. A role may hold the owner and the doer letter on one row together ("A/R",
 * "A/D"): the owner also does the work, common on small teams, and it satisfies both rules. No
 * other pair of letters shares a cell: consulting or informing the role that owns or does a row
 * says nothing.
 */

export const FRAMEWORK_IDS = ['raci', 'rasci', 'daci'] as const;

export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export const DEFAULT_FRAMEWORK: FrameworkId = 'raci';

/** Every letter of every framework. */
export const ALL_LETTERS = ['R', 'A', 'S', 'C', 'I', 'D'] as const;

export type Letter = (typeof ALL_LETTERS)[number];

/** What one cell holds: one letter, or the owner and the doer letter together. */
export type Mark = Letter | 'A/R' | 'A/D';

export type Duty = 'owner' | 'doer' | 'support' | 'consulted' | 'informed';

export type LetterInfo = {
	letter: Letter;
	name: string;
	duty: Duty;
	description: string;
	/** "Done by": introduces the roles holding it on a row. */
	holders: string;
};

/** A section of a role's boundary that a letter puts rows in. */
export type DutySection = 'owns' | 'does' | 'supports' | 'consulted' | 'informed';

export const SECTION_OF_DUTY = {
	owner: 'owns',
	doer: 'does',
	support: 'supports',
	consulted: 'consulted',
	informed: 'informed'
} as const satisfies Record<Duty, DutySection>;

export type SectionWords = {
	/** "Owns": a short name, used in diffs and tabs. */
	name: string;
	/** "Owns (A)": a heading in the charter and its exports. */
	heading: string;
	/** "Owns": how a role view lists the rows. */
	verb: string;
	/** "owns", "is consulted": what a role does on one row, after its name. */
	phrase: string;
	/** "is consulted on": what a role does on a list of rows, after its name. */
	clause: string;
};

export type Framework = {
	id: FrameworkId;
	/** "RACI". */
	name: string;
	/** One sentence on when to choose it. */
	summary: string;
	/** Letters in the order the legend, menus and load chart show them. */
	letters: readonly LetterInfo[];
	owner: Letter;
	doer: Letter;
	/** The owner and doer letters in one cell. */
	both: Mark;
	/** Every mark a cell may hold, in the order a click steps through them. */
	marks: readonly Mark[];
	/** The sections this framework's letters give, in charter order. */
	sections: readonly DutySection[];
	words: Record<DutySection, SectionWords>;
};

const letter = (
	letter: Letter,
	name: string,
	duty: Duty,
	description: string,
	holders = name
): LetterInfo => ({ letter, name, duty, description, holders });

const ACCOUNTABLE = letter('A', 'Accountable', 'owner', 'Owns the outcome, makes the final call');
const RESPONSIBLE = letter('R', 'Responsible', 'doer', 'Does the work', 'Done by');
const CONSULTED = letter('C', 'Consulted', 'consulted', 'Asked for input before deciding');
const INFORMED = letter('I', 'Informed', 'informed', 'Told once it is decided');

const RACI_WORDS: Record<DutySection, SectionWords> = {
	owns: { name: 'Owns', heading: 'Owns (A)', verb: 'Owns', phrase: 'owns', clause: 'owns' },
	does: { name: 'Does', heading: 'Does (R)', verb: 'Does', phrase: 'does', clause: 'does' },
	supports: {
		name: 'Supports',
		heading: 'Supports (S)',
		verb: 'Supports',
		phrase: 'supports',
		clause: 'supports'
	},
	consulted: {
		name: 'Consulted',
		heading: 'Consulted on (C)',
		verb: 'Consulted on',
		phrase: 'is consulted',
		clause: 'is consulted on'
	},
	informed: {
		name: 'Informed',
		heading: 'Informed of (I)',
		verb: 'Informed of',
		phrase: 'is informed',
		clause: 'is informed of'
	}
};

const marksOf = (letters: readonly LetterInfo[], owner: Letter, both: Mark): Mark[] =>
	letters.flatMap((info) => (info.letter === owner ? [info.letter, both] : [info.letter]));

const framework = (
	id: FrameworkId,
	name: string,
	summary: string,
	letters: LetterInfo[],
	words: Record<DutySection, SectionWords>
): Framework => {
	const owner = letters.find((info) => info.duty === 'owner')!.letter;
	const doer = letters.find((info) => info.duty === 'doer')!.letter;
	const both = `${owner}/${doer}` as Mark;
	return {
		id,
		name,
		summary,
		letters,
		owner,
		doer,
		both,
		marks: marksOf(letters, owner, both),
		sections: letters.map((info) => SECTION_OF_DUTY[info.duty]).sort(bySectionOrder),
		words
	};
};

const SECTION_ORDER: readonly DutySection[] = ['owns', 'does', 'supports', 'consulted', 'informed'];
const bySectionOrder = (a: DutySection, b: DutySection) =>
	SECTION_ORDER.indexOf(a) - SECTION_ORDER.indexOf(b);

export const FRAMEWORKS: Record<FrameworkId, Framework> = {
	raci: framework(
		'raci',
		'RACI',
		'The common default: who does the work, who answers for it, who is asked and who is told.',
		[RESPONSIBLE, ACCOUNTABLE, CONSULTED, INFORMED],
		RACI_WORDS
	),
	rasci: framework(
		'rasci',
		'RASCI',
		'RACI with Supportive: roles that help whoever does the work without leading it.',
		[
			RESPONSIBLE,
			ACCOUNTABLE,
			letter('S', 'Supportive', 'support', 'Helps whoever does the work', 'Supported by'),
			CONSULTED,
			INFORMED
		],
		RACI_WORDS
	),
	daci: framework(
		'daci',
		'DACI',
		'For decisions: a Driver moves each one forward, one Approver makes the call.',
		[
			letter('D', 'Driver', 'doer', 'Drives the work and the decision', 'Driven by'),
			letter('A', 'Approver', 'owner', 'Makes the final call'),
			letter('C', 'Contributor', 'consulted', 'Brings knowledge and input', 'Contributors'),
			INFORMED
		],
		{
			owns: {
				name: 'Approves',
				heading: 'Approves (A)',
				verb: 'Approves',
				phrase: 'approves',
				clause: 'approves'
			},
			does: {
				name: 'Drives',
				heading: 'Drives (D)',
				verb: 'Drives',
				phrase: 'drives',
				clause: 'drives'
			},
			supports: RACI_WORDS.supports,
			consulted: {
				name: 'Contributes',
				heading: 'Contributes to (C)',
				verb: 'Contributes to',
				phrase: 'contributes',
				clause: 'contributes to'
			},
			informed: RACI_WORDS.informed
		}
	)
};

export const isFrameworkId = (value: unknown): value is FrameworkId =>
	typeof value === 'string' && (FRAMEWORK_IDS as readonly string[]).includes(value);

/** The framework `id` names; RACI for boards and charters from before frameworks existed. */
export const frameworkOf = (id: unknown): Framework =>
	FRAMEWORKS[isFrameworkId(id) ? id : DEFAULT_FRAMEWORK];

export const isLetter = (value: unknown): value is Letter =>
	typeof value === 'string' && (ALL_LETTERS as readonly string[]).includes(value);

/** A mark this framework's cells may hold. */
export const isMarkOf = (framework: Framework, value: unknown): value is Mark =>
	typeof value === 'string' && (framework.marks as readonly string[]).includes(value);

/** The letters of a mark: 'A/R' → ['A', 'R']. */
export const lettersOf = (mark: Mark): Letter[] => mark.split('/') as Letter[];

export const letterInfo = (framework: Framework, letter: Letter): LetterInfo | undefined =>
	framework.letters.find((info) => info.letter === letter);

/** The duties a mark gives its role; a letter from another framework gives none. */
export const dutiesOf = (framework: Framework, mark: Mark): Duty[] =>
	lettersOf(mark).flatMap((letter) => letterInfo(framework, letter)?.duty ?? []);

export const hasDuty = (framework: Framework, mark: Mark | null, duty: Duty): boolean =>
	mark !== null && dutiesOf(framework, mark).includes(duty);

/** "Accountable and Responsible". */
export const markName = (framework: Framework, mark: Mark): string =>
	lettersOf(mark)
		.map((letter) => letterInfo(framework, letter)?.name ?? letter)
		.join(' and ');

/** The key that sets the owner and doer together: '/' as in "A/R". */
export const BOTH_KEY = '/';

/** The mark a key press sets in a cell, or null when the key sets none. */
export const markForKey = (framework: Framework, key: string): Mark | null => {
	if (key === BOTH_KEY) return framework.both;
	const upper = key.toUpperCase();
	return framework.letters.some((info) => info.letter === upper) ? (upper as Letter) : null;
};

/** The mark after `mark` when a cell is clicked through: none, then each mark, then none. */
export const nextMark = (framework: Framework, mark: Mark | null): Mark | null => {
	const index = mark === null ? -1 : framework.marks.indexOf(mark);
	return index === framework.marks.length - 1 ? null : framework.marks[index + 1];
};

/** The letter that puts rows in `section` ('A' for `owns`). */
export const sectionLetter = (framework: Framework, section: DutySection): Letter =>
	framework.letters.find((info) => SECTION_OF_DUTY[info.duty] === section)!.letter;

/** "owns (A), does (R), is consulted on (C) and is informed of (I)". */
export const dutiesSentence = (framework: Framework): string => {
	const parts = framework.sections.map(
		(section) => `${framework.words[section].clause} (${sectionLetter(framework, section)})`
	);
	return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
};

/** "R 3, A 2, A/R 1, C 0, I 1": how many rows hold each mark, in the framework's order. */
export const describeMarkCounts = (
	framework: Framework,
	counts: Partial<Record<Mark, number>>
): string => framework.marks.map((mark) => `${mark} ${counts[mark] ?? 0}`).join(', ');

/** "Responsible", "Driver": the name of the letter a card dropped on a role's column gets. */
export const doerName = (board: { framework: FrameworkId }): string => {
	const framework = frameworkOf(board.framework);
	return letterInfo(framework, framework.doer)!.name;
};
