import type { User } from './users.ts';

export interface SessionRecord {
	id: string;
	userId: string;
	/** SHA-256 of the token's secret half; the secret itself is never stored. */
	secretHash: Uint8Array;
	createdAt: number;
	lastVerifiedAt: number;
	expiresAt: number;
}

export interface SessionStore {
	create(session: SessionRecord): Promise<void>;
	/** The session and its user in one lookup, as every request needs both. */
	get(id: string): Promise<{ session: SessionRecord; user: User } | null>;
	extend(id: string, lastVerifiedAt: number, expiresAt: number): Promise<void>;
	delete(id: string): Promise<void>;
	/** Returns the ids of the deleted sessions so their sockets can be closed. */
	deleteForUser(userId: string): Promise<string[]>;
	deleteExpired(now: number): Promise<number>;
}
