import type { Workshop, WorkshopStore } from '../store/workshops.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';

/**
 * The single membership decision behind every workshop page, form action and
 * sync socket: signed out → 401, unknown workshop → 404, not a member or a
 * role outside `allowed` → 403.
 */
export type AccessDecision =
	| { ok: true; workshop: Workshop; role: MemberRole }
	| { ok: false; status: 401 | 403 | 404; message: string };

export async function decideWorkshopAccess(
	workshops: Pick<WorkshopStore, 'get' | 'getMembership'>,
	workshopId: string,
	userId: string | null | undefined,
	allowed: readonly MemberRole[]
): Promise<AccessDecision> {
	if (!userId) return { ok: false, status: 401, message: 'Sign in to open this workshop.' };
	const workshop = await workshops.get(workshopId);
	if (!workshop)
		return { ok: false, status: 404, message: 'There is no workshop at this address.' };
	const membership = await workshops.getMembership(workshopId, userId);
	if (!membership) {
		return {
			ok: false,
			status: 403,
			message: 'You are not a member of this workshop. Ask its facilitator for an invite link.'
		};
	}
	if (!allowed.includes(membership.role)) {
		return {
			ok: false,
			status: 403,
			message: `This part of the workshop is not open to ${membership.role}s.`
		};
	}
	return { ok: true, workshop, role: membership.role };
}
