/**
 * The sync service's view of sessions and workshops, built on the same
 * session code and membership rows as the HTTP routes, so a socket and a page
 * always agree on who you are and what you may do.
 */
import { readSessionToken } from '../auth/cookies.ts';
import type { SessionManager } from '../auth/sessions.ts';
import type { WorkshopStore } from '../store/workshops.ts';
import type { SyncAccess } from './upgrade.ts';

export function createSyncAccess(
	auth: Pick<SessionManager, 'validateSessionToken'>,
	workshops: Pick<WorkshopStore, 'get' | 'getMembership'>
): SyncAccess {
	return {
		async authenticate(cookieHeader) {
			const token = readSessionToken(cookieHeader);
			if (!token) return null;
			const validated = await auth.validateSessionToken(token);
			if (!validated) return null;
			return { sessionId: validated.session.id, user: validated.user };
		},
		async workshopExists(workshopId) {
			return (await workshops.get(workshopId)) !== null;
		},
		async getRole(workshopId, userId) {
			return (await workshops.getMembership(workshopId, userId))?.role ?? null;
		}
	};
}
