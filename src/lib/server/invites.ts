import { generateInviteToken, hashInviteToken } from '#server/auth/tokens.ts';
import { ROLE_RANK, type Store } from '#server/store/index.ts';
import type { Invite, InviteRole } from '#server/store/invites.ts';
import type { Workshop } from '#server/store/workshops.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';

/**
 * Invite links: `/invite/<token>` with 160 random bits. Only the token's
 * SHA-256 is stored, so a link is shown once, when it is created.
 */

export async function createInvite(
	store: Pick<Store, 'invites'>,
	input: { workshopId: string; role: InviteRole; label: string; createdBy: string },
	origin: string
): Promise<{ invite: Invite; link: string }> {
	const token = generateInviteToken();
	const invite = await store.invites.create({ ...input, tokenHash: hashInviteToken(token) });
	return { invite, link: `${origin}/invite/${token}` };
}

export type InviteLookup =
	| { status: 'valid'; invite: Invite; workshop: Workshop }
	| { status: 'revoked'; workshop: Workshop | null }
	| { status: 'unknown' };

export async function findInvite(
	store: Pick<Store, 'invites' | 'workshops'>,
	token: string
): Promise<InviteLookup> {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return { status: 'unknown' };
	const invite = await store.invites.findByTokenHash(hashInviteToken(token));
	if (!invite) return { status: 'unknown' };
	const workshop = await store.workshops.get(invite.workshopId);
	if (!workshop) return { status: 'unknown' };
	if (invite.revokedAt !== null) return { status: 'revoked', workshop };
	return { status: 'valid', invite, workshop };
}

export type InviteAcceptance =
	/** `raised`: an existing member's role went up, so their open sockets must learn it. */
	{ ok: true; role: MemberRole; raised: boolean } | { ok: false; reason: 'removed-since' };

/**
 * Adds the membership (never lowering an existing role) and counts the use. Someone removed from
 * the workshop gets back in only through a link created after the removal: a facilitator's
 * removal must not be undone by a link the person already holds.
 */
export async function acceptInvite(
	store: Pick<Store, 'invites' | 'workshops'>,
	invite: Invite,
	userId: string
): Promise<InviteAcceptance> {
	const existing = await store.workshops.getMembership(invite.workshopId, userId);
	if (!existing) {
		const removedAt = await store.workshops.removedAt(invite.workshopId, userId);
		if (removedAt !== null && invite.createdAt <= removedAt) {
			return { ok: false, reason: 'removed-since' };
		}
	}
	const role = await store.workshops.addMember(invite.workshopId, userId, invite.role);
	if (!existing) await store.invites.recordUse(invite.id);
	return { ok: true, role, raised: existing !== null && existing.role !== role };
}

/** Whether opening the link would change nothing: already a member at least as high. */
export function inviteAddsNothing(
	invite: Invite,
	membership: { role: MemberRole } | null
): boolean {
	return membership !== null && ROLE_RANK[membership.role] >= ROLE_RANK[invite.role];
}
