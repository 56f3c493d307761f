/**
 * Who may write which room. Permission is a property of the room, so it is
 * decided without looking inside updates: the facilitator writes both rooms,
 * participants write the board unless it is locked, readers write nothing.
 */
export type Role = 'facilitator' | 'participant' | 'reader';

export const ROOM_KINDS = ['board', 'facilitation'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export function isRoomKind(value: string): value is RoomKind {
	return (ROOM_KINDS as readonly string[]).includes(value);
}

export function canWrite(role: Role, kind: RoomKind, boardLocked: boolean): boolean {
	if (role === 'facilitator') return true;
	if (role === 'participant') return kind === 'board' && !boardLocked;
	return false;
}

export function docName(workshopId: string, kind: RoomKind): string {
	return `${workshopId}/${kind}`;
}

/** The workshop a document name belongs to (the inverse of `docName`). */
export function workshopOf(name: string): string {
	return name.slice(0, name.lastIndexOf('/'));
}
