/** A member's role in a workshop, as the server stores and checks it and every page shows it. */
export const MEMBER_ROLES = ['facilitator', 'participant', 'reader'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export function isMemberRole(value: unknown): value is MemberRole {
	return (MEMBER_ROLES as readonly unknown[]).includes(value);
}
