/**
 * The charter: the plain JSON a published version stores and every reader view and export is
 * made from. It is built from a snapshot and the publishing metadata and never changes after; a
 * change of its shape is a new `schema` id.
 *
 * Sections are the boundary of the focus role (boundary.ts), so every row is in exactly one of
 * them, in board order; a row the focus role owns and also does ("A/R") is under `owns`, marked
 * `alsoDoes`. Role views leave unresolved rows out: they are open questions, and a letter on them
 * is not yet agreed.
 *
 * Schema history: `drawline.charter/1` had RACI letters only, one per cell. `/2` adds
 * `framework` (RACI, RASCI or DACI), so `matrix.letters` may hold that framework's letters or its
 * owner and doer together ("A/R"), and a role view lists such a row under both `owns` and
 * `does`. Readers take a charter without `framework` as RACI.
 */
import { boundaryOf, type Boundary } from '../board/boundary.ts';
import { frameworkOf, type FrameworkId } from '../board/frameworks.ts';
import { dutiesAt, type Issue } from '../board/rules.ts';
import { SECTION_OF_DUTY } from '../board/frameworks.ts';
import { letterAt } from '../board/snapshot.ts';
import type { BoardSnapshot, Card, Mark, BoardRole } from '../board/schema.ts';
import { BoardError, LIMITS, checkLine } from '../board/validate.ts';
import { rowStatus, type Agreement } from '../facilitation/agreement.ts';
import { creditsOf } from '../templates/credits.ts';
import { boardWarnings, type CharterWarning } from './warnings.ts';
import type { WarningThresholds } from '../board/rules.ts';

export const CHARTER_SCHEMA = 'drawline.charter/2';

/** Every schema id a stored version may carry; all of them are read. */
export type CharterSchema = 'drawline.charter/1' | typeof CHARTER_SCHEMA;

export type CharterRole = { id: string; name: string; label: string; color: string };

export type CharterRoleRef = { id: string; name: string; label: string };

export type CharterDissent = { userId: string; name: string; reason: string; at: string };

export type CharterPerson = { id: string; name: string };

/** An article the catalog's cards come from. */
export type CharterSource = { id: string; title: string; author: string };

/**
 * Whether the workshop marked a row agreed as it was published. `reopened`: it was agreed, then
 * changed (letters, placement, wording or rationale) before publishing.
 */
export type CharterAgreement =
	| { state: 'agreed'; by: CharterPerson; at: string }
	| { state: 'not-agreed' }
	| {
			state: 'reopened';
			by: CharterPerson;
			at: string;
			reopenedBy: CharterPerson;
			reopenedAt: string;
	  };

export type CharterRemoval = {
	userId: string;
	name: string;
	removedBy: { id: string; name: string };
	at: string;
};

export type CharterItem = {
	cardId: string;
	title: string;
	detail: string;
	category: string;
	source: string;
	/** Ids of the articles (`Charter.sources`) that name this responsibility, its own first. */
	credits?: string[];
	cadence?: string[];
	seniority?: string[];
	/** The rationale written on the board, '' if none. */
	note: string;
	dissent: CharterDissent[];
	/** Absent in versions published before agreement was recorded. */
	agreement?: CharterAgreement;
	/** The board's warnings on this row, only when one fires. */
	warnings?: CharterWarning[];
	/** In `owns`: the focus role also does this row (it holds "A/R"). */
	alsoDoes?: true;
	/** Dissent a facilitator removed; present only when there was some. */
	removedDissent?: CharterRemoval[];
};

export type CharterSections = {
	owns: CharterItem[];
	does: CharterItem[];
	/** Only in frameworks with a supporting letter (RASCI). */
	supports?: CharterItem[];
	consulted: CharterItem[];
	informed: CharterItem[];
	outside: (CharterItem & { owners: CharterRoleRef[] })[];
	unresolved: (CharterItem & { issues: Issue[] })[];
};

export type RoleView = {
	owns: string[];
	does: string[];
	supports?: string[];
	consulted: string[];
	informed: string[];
};

export type OpenQuestion = {
	cardId: string;
	title: string;
	issues: Issue[];
	dissent: CharterDissent[];
};

export type CharterMatrix = {
	roles: CharterRoleRef[];
	rows: { cardId: string; title: string; category: string; letters: Record<string, Mark | ''> }[];
};

export type CharterParticipant = { id: string; name: string; role: string };

export type CharterConsent = {
	userId: string;
	name: string;
	decision: 'agree' | 'object';
	comment?: string;
	at: string;
};

export type CharterMeta = {
	workshopId: string;
	title: string;
	team: string;
	version: number;
	/** ISO 8601. */
	publishedAt: string;
	author: { id: string; name: string };
	participants: CharterParticipant[];
	consents?: CharterConsent[];
	/** The facilitation room's agreements by card id; every row without one is not agreed. */
	agreed: Record<string, Agreement>;
	/** The workshop's warning thresholds; the defaults when absent. */
	thresholds?: WarningThresholds;
};

export type Charter = {
	schema: CharterSchema;
	/** The matrix the letters follow; absent (RACI) in `/1`. */
	framework?: FrameworkId;
	workshopId: string;
	title: string;
	team: string;
	version: number;
	publishedAt: string;
	author: { id: string; name: string };
	participants: CharterParticipant[];
	consents: CharterConsent[];
	focusRole: CharterRole | null;
	roles: CharterRole[];
	sections: CharterSections;
	roleViews: Record<string, RoleView>;
	openQuestions: OpenQuestion[];
	matrix: CharterMatrix;
	/** The articles the rows credit, in the order rows first credit them; absent in older versions. */
	sources?: CharterSource[];
	/** Warnings about roles (overloaded, only informed) when published; absent in older versions. */
	roleWarnings?: CharterWarning[];
};

export type CharterEntry = { item: CharterItem; boundary: Boundary };

const charterRole = ({ id, name, label, color }: BoardRole): CharterRole => ({
	id,
	name,
	label,
	color
});

const roleRef = ({ id, name, label }: BoardRole): CharterRoleRef => ({ id, name, label });

const isoTime = (at: number): string => new Date(at).toISOString();

const charterAgreement = (
	agreement: Agreement | undefined,
	lastEdit: BoardSnapshot['rowEdits'][string] | undefined
): CharterAgreement => {
	const status = rowStatus(agreement, lastEdit);
	if (status.state === 'open') return { state: 'not-agreed' };
	const agreed = {
		by: { id: status.agreement.by.id, name: status.agreement.by.name },
		at: isoTime(status.agreement.at)
	};
	if (status.state === 'agreed') return { state: 'agreed', ...agreed };
	const { userId, name, at } = status.reopenedBy;
	return {
		state: 'reopened',
		...agreed,
		reopenedBy: { id: userId, name },
		reopenedAt: isoTime(at)
	};
};

const charterItem = (
	snapshot: BoardSnapshot,
	card: Card,
	agreed: Record<string, Agreement>
): CharterItem => ({
	cardId: card.id,
	title: card.title,
	detail: card.detail,
	category: card.category,
	source: card.source,
	...(creditsOf(card).length ? { credits: creditsOf(card).map((source) => source.id) } : {}),
	...(card.cadence?.length ? { cadence: card.cadence } : {}),
	...(card.seniority?.length ? { seniority: card.seniority } : {}),
	note: snapshot.notes[card.id] ?? '',
	dissent: snapshot.dissent
		.filter((entry) => entry.cardId === card.id)
		.map(({ userId, name, reason, at }) => ({ userId, name, reason, at: isoTime(at) })),
	agreement: charterAgreement(agreed[card.id], snapshot.rowEdits[card.id]),
	...removals(snapshot, card.id)
});

const removals = (
	snapshot: BoardSnapshot,
	cardId: string
): { removedDissent?: CharterRemoval[] } => {
	const removed = (snapshot.removedDissent ?? []).filter((entry) => entry.cardId === cardId);
	if (removed.length === 0) return {};
	return {
		removedDissent: removed.map(({ userId, name, removedBy, at }) => ({
			userId,
			name,
			removedBy: { id: removedBy.id, name: removedBy.name },
			at: isoTime(at)
		}))
	};
};

const checkMeta = (meta: CharterMeta): CharterMeta => {
	if (!Number.isInteger(meta.version) || meta.version < 1) {
		throw new BoardError('invalid-input', 'Charter version must be a whole number from 1');
	}
	const publishedAt = Date.parse(meta.publishedAt);
	if (Number.isNaN(publishedAt)) {
		throw new BoardError('invalid-input', `Publication time "${meta.publishedAt}" is not a date`);
	}
	return {
		...meta,
		title: checkLine(meta.title, 'Charter title', LIMITS.title),
		team: checkLine(meta.team, 'Team', LIMITS.title, 0),
		publishedAt: isoTime(publishedAt)
	};
};

export const buildCharter = (snapshot: BoardSnapshot, meta: CharterMeta): Charter => {
	const { workshopId, title, team, version, publishedAt, author, participants, consents, agreed } =
		checkMeta(meta);
	const focus = snapshot.roles.find((role) => role.id === snapshot.focusRoleId) ?? null;
	const roleById = new Map(snapshot.roles.map((role) => [role.id, role]));
	const framework = frameworkOf(snapshot.framework);
	const supports = framework.sections.includes('supports');
	const sections: CharterSections = {
		owns: [],
		does: [],
		...(supports ? { supports: [] } : {}),
		consulted: [],
		informed: [],
		outside: [],
		unresolved: []
	};
	const roleViews: Record<string, RoleView> = {};
	for (const role of snapshot.roles) {
		roleViews[role.id] = {
			owns: [],
			does: [],
			...(supports ? { supports: [] } : {}),
			consulted: [],
			informed: []
		};
	}
	const openQuestions: OpenQuestion[] = [];

	const warnings = boardWarnings(snapshot, focus?.id ?? null, meta.thresholds);
	for (const card of snapshot.rows) {
		const item: CharterItem = {
			...charterItem(snapshot, card, agreed),
			...(warnings.rows[card.id] ? { warnings: warnings.rows[card.id] } : {})
		};
		const row = boundaryOf(snapshot, card.id, focus?.id ?? null);
		if (row.boundary === 'unresolved') {
			sections.unresolved.push({ ...item, issues: row.issues });
			openQuestions.push({
				cardId: card.id,
				title: card.title,
				issues: row.issues,
				dissent: item.dissent
			});
			continue;
		}
		if (row.boundary === 'outside') {
			const owners = row.ownerRoleIds.map((id) => roleRef(roleById.get(id) as BoardRole));
			sections.outside.push({ ...item, owners });
		} else {
			sections[row.boundary]?.push(row.alsoDoes ? { ...item, alsoDoes: true } : item);
		}
		for (const role of snapshot.roles) {
			for (const duty of dutiesAt(snapshot, card.id, role.id)) {
				roleViews[role.id][SECTION_OF_DUTY[duty]]?.push(card.id);
			}
		}
	}

	const matrix: CharterMatrix = {
		roles: snapshot.roles.map(roleRef),
		rows: snapshot.rows.map((card) => ({
			cardId: card.id,
			title: card.title,
			category: card.category,
			letters: Object.fromEntries(
				snapshot.roles.map((role) => [role.id, letterAt(snapshot, card.id, role.id) ?? ''])
			)
		}))
	};

	const credited = new Map(
		snapshot.rows.flatMap((card) => creditsOf(card)).map((source) => [source.id, source])
	);
	const sources = [...credited.values()].map(({ id, title, author }) => ({ id, title, author }));

	return {
		schema: CHARTER_SCHEMA,
		framework: framework.id,
		workshopId,
		title,
		team,
		version,
		publishedAt,
		author: { id: author.id, name: author.name },
		participants: participants.map(({ id, name, role }) => ({ id, name, role })),
		consents: (consents ?? []).map(({ userId, name, decision, comment, at }) => ({
			userId,
			name,
			decision,
			...(comment ? { comment } : {}),
			at
		})),
		focusRole: focus && charterRole(focus),
		roles: snapshot.roles.map(charterRole),
		sections,
		roleViews,
		openQuestions,
		matrix,
		sources,
		roleWarnings: warnings.roles
	};
};

/** Every row of a charter with the focus role's boundary on it, in board order. */
export const listEntries = (charter: Charter): CharterEntry[] => {
	const byId = new Map<string, CharterEntry>();
	for (const boundary of Object.keys(charter.sections) as Boundary[]) {
		for (const item of charter.sections[boundary] ?? []) byId.set(item.cardId, { item, boundary });
	}
	return charter.matrix.rows.flatMap((row) => byId.get(row.cardId) ?? []);
};

export type AgreementCount = { agreed: number; notAgreed: number; reopened: number };

/** How many rows were agreed as published; null for versions published before it was recorded. */
export const countAgreement = (charter: Charter): AgreementCount | null => {
	const items = listEntries(charter).map((entry) => entry.item);
	if (items.some((item) => !item.agreement)) return null;
	const count: AgreementCount = { agreed: 0, notAgreed: 0, reopened: 0 };
	for (const item of items) {
		const state = item.agreement?.state;
		if (state === 'agreed') count.agreed++;
		else if (state === 'reopened') count.reopened++;
		else count.notAgreed++;
	}
	return count;
};

/** True only when the charter records that every row on the board was agreed. */
export const everyRowAgreed = (charter: Charter): boolean => {
	const count = countAgreement(charter);
	return !!count && count.notAgreed === 0 && count.reopened === 0 && charter.matrix.rows.length > 0;
};
