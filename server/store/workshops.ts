import type { FrameworkId } from '#lib/board/frameworks.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';

/** Higher outranks lower: joining through an invite never lowers a member's rank. */
export const ROLE_RANK: Record<MemberRole, number> = {
	reader: 1,
	participant: 2,
	facilitator: 3
};

export interface Workshop {
	id: string;
	title: string;
	team: string;
	templateId: string;
	focusRoleId: string;
	createdBy: string;
	createdAt: number;
	/** Last activity: settings, membership and (via `touch`) board changes. */
	updatedAt: number;
	archivedAt: number | null;
	/** The matrix it was created with; null when created before this was stored (read the board). */
	framework: FrameworkId | null;
}

export interface NewWorkshop {
	title: string;
	team: string;
	templateId: string;
	focusRoleId: string;
	createdBy: string;
	framework: FrameworkId;
}

export interface WorkshopSummary extends Workshop {
	role: MemberRole;
	memberCount: number;
}

export interface Member {
	userId: string;
	username: string;
	displayName: string;
	color: string;
	isGuest: boolean;
	role: MemberRole;
	joinedAt: number;
}

export interface WorkshopStore {
	/** Creates the workshop with its creator as facilitator, atomically. */
	create(input: NewWorkshop): Promise<Workshop>;
	get(id: string): Promise<Workshop | null>;
	update(id: string, changes: { title?: string; team?: string }): Promise<void>;
	setArchived(id: string, archived: boolean): Promise<void>;
	/** Deletes the workshop with its memberships and invites (not its documents). */
	remove(id: string): Promise<void>;
	/** Marks activity (e.g. a board edit) for the dashboard's "last activity". */
	touch(id: string, at?: number): Promise<void>;
	listForUser(userId: string, options?: { archived?: boolean }): Promise<WorkshopSummary[]>;
	countForUser(userId: string): Promise<{ active: number; archived: number }>;
	/** Workshops `userId` created at or after `since` (ms), deleted ones excepted. */
	countCreatedSince(userId: string, since: number): Promise<number>;
	getMembership(workshopId: string, userId: string): Promise<{ role: MemberRole } | null>;
	listMembers(workshopId: string): Promise<Member[]>;
	/** Adds a member, or raises an existing member to `role`; never lowers. Returns the resulting role. */
	addMember(workshopId: string, userId: string, role: MemberRole): Promise<MemberRole>;
	setMemberRole(workshopId: string, userId: string, role: MemberRole): Promise<void>;
	/** Removes a membership and records when, for `removedAt`. */
	removeMember(workshopId: string, userId: string): Promise<void>;
	/** When `userId` was last removed from the workshop; null if never. */
	removedAt(workshopId: string, userId: string): Promise<number | null>;
}
