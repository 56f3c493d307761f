/**
 * The sync service's view of sessions and workshops, built on the same
 * session code and membership rows as the HTTP routes, so a socket and a page
 * always agree on who you are and what you may do.
 *
 * A board page opens two sockets at once and a reconnect storm opens many, so
 * a checked session and a member's role are remembered for `rememberMs`
 * (never past the session's expiry). What ends them — sign-out, expiry, role
 * change, removal, a deleted workshop — reaches every instance as a cluster
 * command, and the sync service calls `forget…` there before it closes
 * sockets; a check that was already reading the store when something was
 * forgotten does not store its (possibly stale) answer. When the relay was
 * cut off, and commands may have been missed, everything is forgotten.
 */
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { MemberRole } from '#lib/contracts/roles.ts';
import { readSessionToken } from '../auth/cookies.ts';
import type { SessionManager } from '../auth/sessions.ts';
import { hashSecret } from '../auth/tokens.ts';
import type { WorkshopStore } from '../store/workshops.ts';
import type { SyncAccess } from './upgrade.ts';

type Authenticated = NonNullable<Awaited<ReturnType<SyncAccess['authenticate']>>>;

interface RememberedSession {
	secretHash: Uint8Array;
	value: Authenticated;
	until: number;
}

export interface SyncAccessOptions {
	/** How long a checked session or role is trusted without reading the store; 0 turns it off. */
	rememberMs?: number;
	now?: () => number;
}

/** Past this many entries, expired ones are swept on the next insert. */
const SWEEP_AT = 5_000;

/** Workshop ids never hold a slash (see upgrade.ts), so the key is unambiguous. */
function memberKey(workshopId: string, userId: string): string {
	return `${workshopId}/${userId}`;
}

export function createSyncAccess(
	auth: Pick<SessionManager, 'validateSessionToken'>,
	workshops: Pick<WorkshopStore, 'get' | 'getMembership'>,
	options: SyncAccessOptions = {}
): SyncAccess {
	const rememberMs = options.rememberMs ?? 5_000;
	const now = options.now ?? Date.now;
	const sessions = new Map<string, RememberedSession>();
	const roles = new Map<string, { role: MemberRole; until: number }>();
	/** Bumped by every forget: a check that began before it keeps its answer to itself. */
	let epoch = 0;

	function sweep<V extends { until: number }>(map: Map<string, V>, at: number): void {
		if (map.size < SWEEP_AT) return;
		for (const [key, entry] of map) if (entry.until <= at) map.delete(key);
	}

	return {
		async authenticate(cookieHeader) {
			const token = readSessionToken(cookieHeader);
			if (!token) return null;
			const dot = token.indexOf('.');
			const id = token.slice(0, dot);
			const remembered = dot > 0 ? sessions.get(id) : undefined;
			if (remembered) {
				if (remembered.until > now()) {
					const secret = hashSecret(token.slice(dot + 1));
					if (constantTimeEqual(secret, remembered.secretHash)) return remembered.value;
				} else sessions.delete(id);
			}
			const started = epoch;
			const validated = await auth.validateSessionToken(token);
			if (!validated) return null;
			const value = { sessionId: validated.session.id, user: validated.user };
			if (rememberMs > 0 && epoch === started) {
				const at = now();
				sweep(sessions, at);
				sessions.set(value.sessionId, {
					secretHash: hashSecret(token.slice(dot + 1)),
					value,
					until: Math.min(at + rememberMs, validated.session.expiresAt.getTime())
				});
			}
			return value;
		},
		async workshopExists(workshopId) {
			return (await workshops.get(workshopId)) !== null;
		},
		async getRole(workshopId, userId) {
			const key = memberKey(workshopId, userId);
			const remembered = roles.get(key);
			if (remembered && remembered.until > now()) return remembered.role;
			roles.delete(key);
			const started = epoch;
			const role = (await workshops.getMembership(workshopId, userId))?.role ?? null;
			if (role && rememberMs > 0 && epoch === started) {
				const at = now();
				sweep(roles, at);
				roles.set(key, { role, until: at + rememberMs });
			}
			return role;
		},
		forgetSession(sessionId) {
			epoch++;
			sessions.delete(sessionId);
		},
		forgetMember(workshopId, userId) {
			epoch++;
			roles.delete(memberKey(workshopId, userId));
		},
		forgetAll() {
			epoch++;
			sessions.clear();
			roles.clear();
		},
		forgetWorkshop(workshopId) {
			epoch++;
			const prefix = memberKey(workshopId, '');
			for (const key of roles.keys()) if (key.startsWith(prefix)) roles.delete(key);
		}
	};
}
