/**
 * The sync wire contract between the browser and `server/sync`: the y-websocket message types,
 * the rooms a workshop has and where they live, and the close codes the server ends a connection
 * with, each with the words a person sees. Pure: imported by the server and by the browser, so
 * both sides read one definition.
 *
 * A room is `/sync/<workshopId>/<kind>`. The stock y-websocket client takes the part up to the
 * workshop as its server URL (`syncServerUrl`) and the kind as its room name; the server keys a
 * room's document by `docName`.
 */

/** y-websocket message types (the first varUint of every frame). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Steps of a sync message (y-protocols/sync). */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** The only y-protocols auth message: the server refused a write (the reason follows). */
export const AUTH_PERMISSION_DENIED = 0;

/** WebSocket close codes the sync server uses. */
export const CLOSE_PROTOCOL_ERROR = 1002;
export const CLOSE_UNSUPPORTED_DATA = 1003;
export const CLOSE_INVALID_PAYLOAD = 1007;
export const CLOSE_TOO_BIG = 1009;
export const CLOSE_INTERNAL_ERROR = 1011;
export const CLOSE_SERVICE_RESTART = 1012;
export const CLOSE_TRY_AGAIN_LATER = 1013;
/**
 * The member's role changed: the client reconnects (the upgrade reads the new role) and the
 * page reloads its data to show what the new role may do. Outside 4400–4499, so y-websocket
 * reconnects by itself.
 */
export const CLOSE_ROLE_CHANGED = 4001;
/** 4400–4499 tell the y-websocket client not to reconnect. */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_NOT_FOUND = 4404;

/** What a person is told when the server ended their access for good. */
const CLOSE_MESSAGES: Readonly<Record<number, string>> = {
	[CLOSE_UNAUTHORIZED]: 'Your session ended. Sign in again to rejoin the workshop.',
	[CLOSE_FORBIDDEN]: 'You are no longer a member of this workshop.',
	[CLOSE_NOT_FOUND]: 'This workshop was deleted.'
};

/** The words for a connection the server closed for good, from its close code and reason. */
export function closeMessage(code: number, reason: string): string {
	return CLOSE_MESSAGES[code] ?? (reason || 'The server closed the connection.');
}

export const ROOM_KINDS = ['board', 'facilitation'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export function isRoomKind(value: string): value is RoomKind {
	return (ROOM_KINDS as readonly string[]).includes(value);
}

/** The path every sync upgrade starts with. */
export const SYNC_PREFIX = '/sync/';

/** The document (and room) name of one of a workshop's rooms. */
export function docName(workshopId: string, kind: RoomKind): string {
	return `${workshopId}/${kind}`;
}

/** The workshop a document name belongs to (the inverse of `docName`). */
export function workshopOf(name: string): string {
	return name.slice(0, name.lastIndexOf('/'));
}

/** The y-websocket server URL of a workshop's rooms, on the page's own origin. */
export function syncServerUrl(
	page: { protocol: string; host: string },
	workshopId: string
): string {
	const scheme = page.protocol === 'https:' ? 'wss' : 'ws';
	return `${scheme}://${page.host}${SYNC_PREFIX}${encodeURIComponent(workshopId)}`;
}
