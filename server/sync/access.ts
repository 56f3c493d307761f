/** The rooms a workshop has, and their document names. Who may write them is the room policy's. */
export type Role = 'facilitator' | 'participant' | 'reader';

export const ROOM_KINDS = ['board', 'facilitation'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export function isRoomKind(value: string): value is RoomKind {
	return (ROOM_KINDS as readonly string[]).includes(value);
}

export function docName(workshopId: string, kind: RoomKind): string {
	return `${workshopId}/${kind}`;
}

/** The workshop a document name belongs to (the inverse of `docName`). */
export function workshopOf(name: string): string {
	return name.slice(0, name.lastIndexOf('/'));
}
