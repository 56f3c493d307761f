export type InviteRole = 'participant' | 'reader';

export interface Invite {
	id: string;
	workshopId: string;
	role: InviteRole;
	label: string;
	createdBy: string;
	createdAt: number;
	revokedAt: number | null;
	uses: number;
}

export interface InviteStore {
	create(input: {
		workshopId: string;
		role: InviteRole;
		label: string;
		createdBy: string;
		/** Hex SHA-256 of the token; the token itself is only ever shown once. */
		tokenHash: string;
	}): Promise<Invite>;
	findByTokenHash(tokenHash: string): Promise<Invite | null>;
	list(workshopId: string): Promise<Invite[]>;
	/** Revokes an invite of this workshop; false when there is no such invite. */
	revoke(workshopId: string, inviteId: string): Promise<boolean>;
	recordUse(inviteId: string): Promise<void>;
}
