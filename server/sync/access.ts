/**
 * Who may write which room. Permission is a property of the room, so it is
 * decided without looking inside updates: the facilitator writes both rooms,
 * participants write the board unless it is locked, readers write nothing.
 */
import type { MemberRole } from '#lib/contracts/roles.ts';
import type { RoomKind } from '#lib/contracts/sync.ts';

export function canWrite(role: MemberRole, kind: RoomKind, boardLocked: boolean): boolean {
	if (role === 'facilitator') return true;
	if (role === 'participant') return kind === 'board' && !boardLocked;
	return false;
}
