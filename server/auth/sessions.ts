import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { SessionStore } from '../store/sessions.ts';
import type { User } from '../store/users.ts';
import { generateSecureRandomString, hashSecret } from './tokens.ts';

/**
 * Sessions as lucia-auth.com's current guide builds them: the token handed to
 * the browser is `<id>.<secret>`; the database keeps the id and a SHA-256 of
 * the secret, compared in constant time. A session expires after `ttlMs`
 * without use; a verified session slides forward at most once per
 * `activityCheckMs`, so active users stay signed in at one write an hour.
 * Every way a session ends (invalidated, found expired, swept) is reported to
 * `ended`, so whatever else the session holds open (sockets) closes with it.
 */

export interface AuthUser {
	id: string;
	username: string;
	displayName: string;
	color: string;
	isGuest: boolean;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export interface ValidatedSession {
	session: Session;
	user: AuthUser;
	/** True when this validation pushed the expiry forward: re-send the cookie. */
	extended: boolean;
}

export interface SessionOptions {
	ttlMs: number;
	activityCheckMs?: number;
	now?: () => number;
	/** Called once a session has ended, however it ended. */
	ended?: (sessionId: string) => void;
	/** Sessions something holds open (live sockets): each sweep reports those that ended. */
	held?: () => Iterable<string>;
}

export interface SessionManager {
	createSession(userId: string): Promise<{ token: string; session: Session }>;
	validateSessionToken(token: string): Promise<ValidatedSession | null>;
	invalidateSession(sessionId: string): Promise<void>;
	/** Deletes expired sessions, after reporting those of them still held open as ended. */
	deleteExpiredSessions(): Promise<number>;
}

const MAX_PART_LENGTH = 64;

export function toAuthUser(user: User): AuthUser {
	return {
		id: user.id,
		username: user.username,
		displayName: user.displayName,
		color: user.color,
		isGuest: user.isGuest
	};
}

export function createSessionManager(
	sessions: SessionStore,
	options: SessionOptions
): SessionManager {
	const now = options.now ?? Date.now;
	const ttl = options.ttlMs;
	const activityCheck = Math.min(options.activityCheckMs ?? 60 * 60 * 1000, ttl / 2);
	const ended = options.ended ?? (() => {});

	return {
		async createSession(userId) {
			const id = generateSecureRandomString();
			const secret = generateSecureRandomString();
			const at = now();
			await sessions.create({
				id,
				userId,
				secretHash: hashSecret(secret),
				createdAt: at,
				lastVerifiedAt: at,
				expiresAt: at + ttl
			});
			return { token: `${id}.${secret}`, session: { id, userId, expiresAt: new Date(at + ttl) } };
		},

		async validateSessionToken(token) {
			const parts = token.split('.');
			if (parts.length !== 2) return null;
			const [id, secret] = parts;
			if (!id || !secret || id.length > MAX_PART_LENGTH || secret.length > MAX_PART_LENGTH)
				return null;

			const found = await sessions.get(id);
			if (!found) return null;
			if (!constantTimeEqual(hashSecret(secret), found.session.secretHash)) return null;

			const at = now();
			if (at >= found.session.expiresAt) {
				await sessions.delete(id);
				ended(id);
				return null;
			}
			let expiresAt = found.session.expiresAt;
			let extended = false;
			if (at - found.session.lastVerifiedAt >= activityCheck) {
				expiresAt = at + ttl;
				extended = true;
				await sessions.extend(id, at, expiresAt);
			}
			return {
				session: { id, userId: found.session.userId, expiresAt: new Date(expiresAt) },
				user: toAuthUser(found.user),
				extended
			};
		},

		async invalidateSession(sessionId) {
			await sessions.delete(sessionId);
			ended(sessionId);
		},

		async deleteExpiredSessions() {
			const at = now();
			for (const id of new Set(options.held?.() ?? [])) {
				const found = await sessions.get(id);
				if (!found || at >= found.session.expiresAt) ended(id);
			}
			return sessions.deleteExpired(at);
		}
	};
}
