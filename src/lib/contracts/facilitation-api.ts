/**
 * The facilitation HTTP API under `/w/<workshopId>/facilitation/`: what each endpoint takes and
 * answers. The route handlers and `server/facilitation` return these types and the browser's
 * client (`facilitation-ui/facilitation-client.ts`) reads them, so a changed shape fails the type
 * check on both sides. A refusal answers `{ message }` with a 4xx status.
 */
import type { Mark } from '#lib/board/index.ts';
import type { Consent, ConsentDecision, Round } from '#lib/facilitation/facilitation-doc.ts';
import type { ProposalCells, RevealResult } from '#lib/facilitation/proposals.ts';
import type { Unresolved } from '#lib/facilitation/publish-check.ts';

/** An endpoint's refusal. */
export type ApiError = { message: string };

/** GET time: the server's clock, for the shared timer. */
export type ClockReading = { now: number };

/**
 * POST round (facilitator): starts a blind proposal round over `cardIds` (cards on the board, tray
 * included), or without them over the rows placed on the board.
 */
export type StartRoundRequest = { named: boolean; cardIds?: string[] };
export type StartRoundResponse = Round;

/** POST reveal (facilitator): closes the round and shows how the proposals spread. */
export type RevealResponse = RevealResult;

/** POST adopt (facilitator): a row's (or one cell's) letters become the revealed majority. */
export type AdoptRequest = { cardId: string; roleId?: string };
export type AdoptResponse = { letters: Record<string, Mark | null> };

/** GET proposals, and PUT proposals `{ cells }`: my own proposals in the current round. */
export type MyProposal = {
	round: { number: number; named: boolean; revealed: boolean } | null;
	cells: ProposalCells;
	updatedAt: number | null;
};
export type SaveProposalRequest = { cells: ProposalCells };

/** GET votes, POST votes `{ cardId, delta }`: my dot votes and what is left of my budget. */
export type MyVotes = { budget: number; mine: Record<string, number>; remaining: number };
export type VoteRequest = { cardId: string; delta: 1 | -1 };

/** POST publish (facilitator): the board becomes the next charter version. */
export type PublishResult = { version: number; publishedAt: number; unresolved: Unresolved };

/** POST consent: my answer to a published version. */
export type ConsentRequest = { version: number; decision: ConsentDecision; comment: string };
export type ConsentResponse = Consent;

/** One member's latest answer to a version. */
export type ConsentRecord = {
	userId: string;
	name: string;
	decision: ConsentDecision;
	comment: string;
	at: number;
};

/** GET consent?v=N: who answered a version (the latest without `v`). */
export type ConsentList = { version: number; consents: ConsentRecord[] };
