/**
 * Publishing a charter version and consenting to it. Publishing reads the live board, builds the
 * charter from it (src/lib/charter's `buildCharter`), and stores it as the next immutable version;
 * the facilitation room then moves everyone to the Published phase. The board itself stays
 * editable for the next revision. Consents are rows per user per version; the facilitation room
 * carries who answered, so the facilitator sees answers arrive.
 */
import type { BoardSnapshot } from '../../src/lib/board/index.ts';
import { buildCharter, type Charter } from '../../src/lib/charter/index.ts';
import type { Agreement } from '../../src/lib/facilitation/agreement.ts';
import {
	readFacilitation,
	setConsentEntry,
	setPublished,
	type Consent
} from '../../src/lib/facilitation/facilitation-doc.ts';
import { unresolvedRows } from '../../src/lib/facilitation/publish-check.ts';
import type { PublishResult } from '#lib/contracts/facilitation-api.ts';
import { readBoardDoc } from './board.ts';
import { SERVER_ORIGIN, type Actor, type FacilitationDeps } from './context.ts';
import { FacilitationError } from './errors.ts';

export const CONSENT_COMMENT_MAX = 1000;

type LiveCharter = { board: BoardSnapshot; agreed: Record<string, Agreement>; build: Build };
type Build = (version: number, publishedAt: number) => Charter;

/** Reads the live board and what the room agreed, ready to build a charter version from. */
async function liveCharter(
	deps: FacilitationDeps,
	workshopId: string,
	author: Actor
): Promise<LiveCharter> {
	const workshop = await deps.store.workshops.get(workshopId);
	if (!workshop) throw new FacilitationError(404, 'There is no such workshop.');
	const [board, { agreed, thresholds }, members] = await Promise.all([
		readBoardDoc(deps, workshopId),
		deps.sync.readDoc(workshopId, 'facilitation', (doc) => {
			const { agreed, thresholds } = readFacilitation(doc);
			return { agreed, thresholds };
		}),
		deps.store.workshops.listMembers(workshopId)
	]);
	const participants = members
		.filter((member) => member.role !== 'reader')
		.map((member) => ({ id: member.userId, name: member.displayName, role: member.role }));
	const build: Build = (version, at) =>
		buildCharter(board, {
			workshopId,
			title: workshop.title,
			team: workshop.team,
			version,
			publishedAt: new Date(at).toISOString(),
			author,
			participants,
			agreed,
			thresholds
		});
	return { board, agreed, build };
}

/**
 * The charter that publishing now would make, as the next version, without storing it: for
 * "what would change if we published now". Null while the board has no rows.
 */
export async function draftCharter(
	deps: FacilitationDeps,
	workshopId: string,
	author: Actor
): Promise<Charter | null> {
	const [{ board, build }, latest] = await Promise.all([
		liveCharter(deps, workshopId, author),
		deps.store.charters.get(workshopId)
	]);
	if (board.rows.length === 0) return null;
	return build((latest?.version ?? 0) + 1, Date.now());
}

export async function publishCharter(
	deps: FacilitationDeps,
	workshopId: string,
	author: Actor
): Promise<PublishResult> {
	const { board, agreed, build } = await liveCharter(deps, workshopId, author);
	if (board.rows.length === 0) {
		throw new FacilitationError(409, 'Place at least one responsibility on the board first.');
	}
	const published = await deps.store.charters.publish(workshopId, author.id, (version, at) => ({
		charter: build(version, at),
		board
	}));
	await deps.sync.transact(workshopId, 'facilitation', (doc) =>
		setPublished(doc, SERVER_ORIGIN, {
			version: published.version,
			at: published.publishedAt,
			by: author
		})
	);
	return {
		version: published.version,
		publishedAt: published.publishedAt,
		unresolved: unresolvedRows(board, agreed)
	};
}

export async function recordConsent(
	deps: FacilitationDeps,
	workshopId: string,
	actor: Actor,
	input: { version?: unknown; decision?: unknown; comment?: unknown }
): Promise<Consent> {
	const version = Number(input.version);
	if (!Number.isInteger(version) || version < 1) {
		throw new FacilitationError(400, 'Say which charter version you are answering.');
	}
	if (input.decision !== 'agree' && input.decision !== 'object') {
		throw new FacilitationError(400, 'Choose “I agree” or “I object”.');
	}
	const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
	if (comment.length > CONSENT_COMMENT_MAX) {
		throw new FacilitationError(400, `Keep the comment to ${CONSENT_COMMENT_MAX} characters.`);
	}
	if (input.decision === 'object' && comment.length === 0) {
		throw new FacilitationError(400, 'Say what you object to, so the group can address it.');
	}
	if (!(await deps.store.charters.get(workshopId, version))) {
		throw new FacilitationError(404, `There is no published version ${version}.`);
	}
	await deps.store.charters.setConsent(workshopId, version, actor.id, input.decision, comment);
	const consent: Consent = {
		version,
		userId: actor.id,
		name: actor.name,
		decision: input.decision,
		comment,
		at: Date.now()
	};
	await deps.sync.transact(workshopId, 'facilitation', (doc) =>
		setConsentEntry(doc, SERVER_ORIGIN, consent)
	);
	return consent;
}
