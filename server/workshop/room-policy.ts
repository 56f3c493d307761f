/**
 * The workshop's rules for its two rooms, given to the sync service as its
 * room policy: the facilitator writes both rooms; participants write the board
 * unless the facilitation document says it is locked; readers write nothing.
 * A board keeps its facilitation room loaded to read the lock at every write,
 * so locking takes effect at once, without reconnecting. Every update is
 * checked for what it writes (content-policy.ts) before it is applied. Board
 * edits mark the workshop's "last activity".
 */
import { DEFAULT_CONTENT_LIMITS, type ContentLimits } from '../../src/lib/board/content.ts';
import { isLocked } from '../../src/lib/facilitation/schema.ts';
import { docName, workshopOf, type Role, type RoomKind } from '../sync/access.ts';
import type { PeerIdentity, RoomPolicy, RoomView, UpdateCheck } from '../sync/policy.ts';
import { REFUSED_BOARD_LOCKED } from '../sync/protocol.ts';
import { ActivityTracker } from './activity.ts';
import { ContentPolicy } from './content-policy.ts';

/** Why a write is refused when the role may never write the room. */
const REFUSED_READ_ONLY = 'read-only';

/** A workshop's "last activity" is written at most this often while its board is edited. */
const ACTIVITY_INTERVAL_MS = 60_000;

export interface WorkshopRoomPolicyOptions {
	/** Records activity on the workshop (its "last activity" on the dashboard). */
	touchWorkshop(workshopId: string, at: number): Promise<void>;
	/** What a document may hold (from the environment); the defaults otherwise. */
	content?: ContentLimits;
}

function mayEverWrite(role: Role, kind: RoomKind): boolean {
	return role === 'facilitator' || (role === 'participant' && kind === 'board');
}

export class WorkshopRoomPolicy implements RoomPolicy {
	private activity: ActivityTracker;
	private content: ContentPolicy;

	constructor(options: WorkshopRoomPolicyOptions) {
		this.content = new ContentPolicy(options.content ?? DEFAULT_CONTENT_LIMITS);
		this.activity = new ActivityTracker({
			intervalMs: ACTIVITY_INTERVAL_MS,
			touch: (workshopId, at) => options.touchWorkshop(workshopId, at),
			onError: (workshopId, error) =>
				console.error(`workshop: could not record activity on workshop ${workshopId}`, error)
		});
	}

	dependencies(name: string, kind: RoomKind): readonly string[] {
		return kind === 'board' ? [docName(workshopOf(name), 'facilitation')] : [];
	}

	writeRefusal(room: RoomView, peer: PeerIdentity): string | null {
		if (!mayEverWrite(peer.role, room.kind)) return REFUSED_READ_ONLY;
		if (peer.role === 'facilitator') return null;
		// Fails closed: a board without its facilitation room cannot tell it is unlocked.
		const facilitation = room.dependency(docName(workshopOf(room.name), 'facilitation'));
		return !facilitation || isLocked(facilitation) ? REFUSED_BOARD_LOCKED : null;
	}

	checkUpdate({ room, peer, update }: UpdateCheck): string | null {
		return this.content.check(room.kind, room.doc, update, {
			id: peer.userId,
			name: peer.userName,
			facilitator: peer.role === 'facilitator'
		});
	}

	/** Presence says the member's real role, and a reader, who can move nothing, shows no focus. */
	presence(
		_room: RoomView,
		peer: PeerIdentity,
		state: Record<string, unknown>
	): Record<string, unknown> {
		const stamped = { ...state, role: peer.role };
		return peer.role === 'reader' ? { ...stamped, focus: null, dragging: null } : stamped;
	}

	committed(room: RoomView): void {
		if (room.kind === 'board') this.activity.note(workshopOf(room.name));
	}

	/** Writes pending activity (on shutdown). */
	close(): Promise<void> {
		return this.activity.flush();
	}
}
