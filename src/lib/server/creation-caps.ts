import type { Store } from '../../../server/store/index.ts';
import type { Config } from '../../../server/config.ts';

/**
 * Caps on what one account can create, so a script with one account cannot fill the database:
 * workshops started per hour, and per workshop the invite links and share links still open.
 * Each check answers with the message the form shows, or null when there is room.
 */

const HOUR = 60 * 60_000;

export async function workshopCapProblem(
	store: Pick<Store, 'workshops'>,
	caps: Config['caps'],
	userId: string,
	now = Date.now()
): Promise<string | null> {
	const recent = await store.workshops.countCreatedSince(userId, now - HOUR);
	if (recent < caps.workshopsPerHour) return null;
	return `You have started ${recent} workshops in the last hour, the most allowed. Try again later, or reuse one of them.`;
}

export async function inviteCapProblem(
	store: Pick<Store, 'invites'>,
	caps: Config['caps'],
	workshopId: string
): Promise<string | null> {
	const open = (await store.invites.list(workshopId)).filter((i) => i.revokedAt === null).length;
	if (open < caps.openInvites) return null;
	return `This workshop already has ${open} open invite links, the most allowed. Revoke one you no longer need first.`;
}

export async function shareCapProblem(
	store: Pick<Store, 'charters'>,
	caps: Config['caps'],
	workshopId: string
): Promise<string | null> {
	const open = (await store.charters.listShares(workshopId)).filter(
		(s) => s.revokedAt === null
	).length;
	if (open < caps.shareLinks) return null;
	return `This charter already has ${open} open share links, the most allowed. Revoke one you no longer need first.`;
}
