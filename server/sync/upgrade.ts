/**
 * The HTTP half of a sync connection. Every check runs before the WebSocket
 * handshake, so a refused client gets a plain HTTP status and no Yjs byte:
 *
 *   path   /sync/<workshopId>/<board|facilitation>    else 404
 *   Origin must be the app's own origin                  else 403
 *   session cookie must be valid                         else 401
 *   workshop must exist                                  else 404
 *   the user must be a member                            else 403
 *
 * Paths outside /sync/ are not ours (Vite's hot reload shares the dev
 * server's upgrade event) and are left untouched.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { MemberRole } from '#lib/contracts/roles.ts';
import { SYNC_PREFIX, isRoomKind, type RoomKind } from '#lib/contracts/sync.ts';
import type { Identity } from './connection.ts';

export interface SyncTarget {
	workshopId: string;
	kind: RoomKind;
}

/** What the sync service needs to know about sessions and workshops. */
export interface SyncAccess {
	/** The session and its user from the request's Cookie header; null when absent or invalid. */
	authenticate(cookieHeader: string | undefined): Promise<{
		sessionId: string;
		user: { id: string; displayName: string; color: string };
	} | null>;
	workshopExists(workshopId: string): Promise<boolean>;
	getRole(workshopId: string, userId: string): Promise<MemberRole | null>;
	/** Drops what is remembered of a session: it ended. */
	forgetSession(sessionId: string): void;
	/** Drops a member's remembered role: it changed or they were removed. */
	forgetMember(workshopId: string, userId: string): void;
	/** Drops every remembered role in a workshop: it was deleted. */
	forgetWorkshop(workshopId: string): void;
	/** Drops everything remembered: commands from other instances may have been missed. */
	forgetAll(): void;
}

const WORKSHOP_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** undefined: not a sync path at all; null: a sync path naming no room. */
export function parseSyncPath(url: string | undefined): SyncTarget | null | undefined {
	const path = (url ?? '').split('?')[0];
	if (!path.startsWith(SYNC_PREFIX)) return undefined;
	const parts = path.slice(SYNC_PREFIX.length).split('/');
	if (parts.length !== 2) return null;
	const [workshopId, kind] = parts;
	if (!WORKSHOP_ID.test(workshopId) || !isRoomKind(kind)) return null;
	return { workshopId, kind };
}

/**
 * A browser always sends Origin on a WebSocket handshake; a page on another
 * site would send its own, which is what cross-site WebSocket hijacking needs.
 * With ORIGIN configured it must match exactly; otherwise its host must be the
 * Host the request was sent to. Non-browser clients send no Origin and carry
 * no ambient cookie risk, so they pass this check (and still need a session).
 */
export function isAllowedOrigin(
	origin: string | undefined,
	host: string | undefined,
	configured: string | null
): boolean {
	if (origin === undefined) return true;
	let parsed: URL;
	try {
		parsed = new URL(origin);
	} catch {
		return false;
	}
	if (configured) return parsed.origin === configured;
	return host !== undefined && parsed.host === host.toLowerCase();
}

export type UpgradeDecision =
	{ ok: true; identity: Identity } | { ok: false; status: 401 | 403 | 404; message: string };

export async function authorizeUpgrade(
	req: IncomingMessage,
	target: SyncTarget,
	access: SyncAccess,
	configuredOrigin: string | null
): Promise<UpgradeDecision> {
	if (!isAllowedOrigin(req.headers.origin, req.headers.host, configuredOrigin)) {
		return { ok: false, status: 403, message: 'Origin not allowed' };
	}
	const session = await access.authenticate(req.headers.cookie);
	if (!session) return { ok: false, status: 401, message: 'Sign in to join this workshop' };
	// A membership implies the workshop (deleting one deletes its members): one read when allowed.
	const role = await access.getRole(target.workshopId, session.user.id);
	if (!role) {
		return (await access.workshopExists(target.workshopId))
			? { ok: false, status: 403, message: 'You are not a member of this workshop' }
			: { ok: false, status: 404, message: 'No such workshop' };
	}
	const { id, displayName, color } = session.user;
	return {
		ok: true,
		identity: {
			sessionId: session.sessionId,
			workshopId: target.workshopId,
			kind: target.kind,
			role,
			user: { id, name: displayName, color }
		}
	};
}

const REASONS: Record<number, string> = {
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	500: 'Internal Server Error',
	503: 'Service Unavailable'
};

/** Answers the upgrade request with a plain HTTP error and closes the socket. */
export function rejectUpgrade(socket: Duplex, status: number, message: string): void {
	if (socket.destroyed) return;
	const body = `${message}\n`;
	socket.end(
		`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
			'Connection: close\r\n' +
			'Content-Type: text/plain; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n` +
			'\r\n' +
			body
	);
}
