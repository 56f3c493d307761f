/**
 * The invariants that span a workshop's rows, its live rooms and its members' sockets, kept in
 * one place so every route that changes membership or deletes a workshop keeps them alike:
 * a workshop always keeps a facilitator; a member whose role changes or who is removed has their
 * open sockets closed at once (to reconnect with the new role, or for good); a deleted
 * workshop's rooms close before its documents go.
 */
import type { Store } from '../store/index.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';
import type { SyncService } from '../sync/service.ts';

export type MemberChange =
	{ ok: true } | { ok: false; reason: 'not-a-member' | 'last-facilitator' };

export interface WorkshopService {
	changeRole(workshopId: string, userId: string, role: MemberRole): Promise<MemberChange>;
	removeMember(workshopId: string, userId: string): Promise<MemberChange>;
	/** Removes the workshop, closes its rooms and removes its documents. */
	deleteWorkshop(workshopId: string): Promise<void>;
}

export function createWorkshopService(deps: {
	store: Pick<Store, 'workshops'>;
	sync: Pick<SyncService, 'refreshMember' | 'removeWorkshop'>;
}): WorkshopService {
	const { workshops } = deps.store;

	/** Why `userId` may not stop being a facilitator (or a member), or null. */
	async function blocked(
		workshopId: string,
		userId: string,
		keepsFacilitating: boolean
	): Promise<MemberChange | null> {
		const members = await workshops.listMembers(workshopId);
		const member = members.find((m) => m.userId === userId);
		if (!member) return { ok: false, reason: 'not-a-member' };
		const facilitators = members.filter((m) => m.role === 'facilitator');
		if (!keepsFacilitating && member.role === 'facilitator' && facilitators.length === 1) {
			return { ok: false, reason: 'last-facilitator' };
		}
		return null;
	}

	return {
		async changeRole(workshopId, userId, role) {
			const refused = await blocked(workshopId, userId, role === 'facilitator');
			if (refused) return refused;
			await workshops.setMemberRole(workshopId, userId, role);
			await deps.sync.refreshMember(workshopId, userId);
			return { ok: true };
		},

		async removeMember(workshopId, userId) {
			const refused = await blocked(workshopId, userId, false);
			if (refused) return refused;
			await workshops.removeMember(workshopId, userId);
			await deps.sync.refreshMember(workshopId, userId);
			return { ok: true };
		},

		async deleteWorkshop(workshopId) {
			// The row first, so no new socket can join; then the live rooms close and flush
			// before their documents go.
			await workshops.remove(workshopId);
			await deps.sync.removeWorkshop(workshopId);
		}
	};
}
