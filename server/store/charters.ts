import type { ConsentRecord } from '#lib/contracts/facilitation-api.ts';
import type { ConsentDecision } from '#lib/facilitation/facilitation-doc.ts';
import type { BoardSnapshot } from '../../src/lib/board/schema.ts';
import type { Charter } from '../../src/lib/charter/charter.ts';

export interface PublishedCharter {
	workshopId: string;
	version: number;
	charter: Charter;
	board: BoardSnapshot;
	authorId: string;
	publishedAt: number;
}

export interface CharterVersionSummary {
	version: number;
	publishedAt: number;
	authorId: string;
	title: string;
}

export interface CharterShare {
	id: string;
	/** null: the link follows the latest published version. */
	version: number | null;
	createdAt: number;
	revokedAt: number | null;
}

export type { ConsentDecision, ConsentRecord };

/** Published charter versions, their read-only share links and members' consents. */
export interface CharterStore {
	/**
	 * Assigns the next version number atomically; `build` receives it and returns the charter
	 * JSON + board snapshot; rows are immutable afterwards (no update method exists).
	 */
	publish(
		workshopId: string,
		authorId: string,
		build: (version: number, publishedAt: number) => { charter: Charter; board: BoardSnapshot }
	): Promise<PublishedCharter>;
	/** Newest first. */
	list(workshopId: string): Promise<CharterVersionSummary[]>;
	/** The latest version when `version` is undefined; null when there is none. */
	get(workshopId: string, version?: number): Promise<PublishedCharter | null>;
	/** The token (≥128 random bits) is returned once; only its SHA-256 is stored. */
	createShare(
		workshopId: string,
		version: number | null,
		createdBy: string
	): Promise<{ token: string; id: string }>;
	/** Newest first, revoked ones included. */
	listShares(workshopId: string): Promise<CharterShare[]>;
	revokeShare(workshopId: string, shareId: string): Promise<void>;
	/** null if the token is unknown or revoked. */
	resolveShare(token: string): Promise<{ workshopId: string; version: number | null } | null>;
	/** One answer per user per version: the latest replaces the earlier one. */
	setConsent(
		workshopId: string,
		version: number,
		userId: string,
		decision: ConsentDecision,
		comment: string
	): Promise<void>;
	/** In the order they were (last) given, with the user's current display name. */
	listConsents(workshopId: string, version: number): Promise<ConsentRecord[]>;
}
