/**
 * The rooms a workshop has, and their document names (one definition, in the sync contract
 * src/lib/contracts/sync.ts). Who may write them is the room policy's.
 */
export type { MemberRole as Role } from '#lib/contracts/roles.ts';
export { ROOM_KINDS, docName, isRoomKind, workshopOf, type RoomKind } from '#lib/contracts/sync.ts';
