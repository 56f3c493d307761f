import { randomId } from '../ids.ts';
import { INVITE_COLUMNS as COLUMNS, toInvite, type InviteRow } from '../rows.ts';
import type { Invite, InviteRole, InviteStore } from '../invites.ts';
import type { Pool } from './pool.ts';

export class PgInviteStore implements InviteStore {
	private pool: Pool;

	constructor(pool: Pool) {
		this.pool = pool;
	}

	async create(input: {
		workshopId: string;
		role: InviteRole;
		label: string;
		createdBy: string;
		tokenHash: string;
	}): Promise<Invite> {
		const invite: Invite = {
			id: randomId(12),
			workshopId: input.workshopId,
			role: input.role,
			label: input.label,
			createdBy: input.createdBy,
			createdAt: Date.now(),
			revokedAt: null,
			uses: 0
		};
		await this.pool.query(
			'INSERT INTO invites (id, workshop_id, token_hash, role, label, created_by, created_at, revoked_at, uses) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, 0)',
			[
				invite.id,
				invite.workshopId,
				input.tokenHash,
				invite.role,
				invite.label,
				invite.createdBy,
				invite.createdAt
			]
		);
		return invite;
	}

	async findByTokenHash(tokenHash: string): Promise<Invite | null> {
		const { rows } = await this.pool.query<InviteRow>(
			`SELECT ${COLUMNS} FROM invites WHERE token_hash = $1`,
			[tokenHash]
		);
		return rows[0] ? toInvite(rows[0]) : null;
	}

	async list(workshopId: string): Promise<Invite[]> {
		const { rows } = await this.pool.query<InviteRow>(
			`SELECT ${COLUMNS} FROM invites WHERE workshop_id = $1 ORDER BY created_at DESC, id`,
			[workshopId]
		);
		return rows.map(toInvite);
	}

	async revoke(workshopId: string, inviteId: string): Promise<boolean> {
		const { rowCount } = await this.pool.query(
			'UPDATE invites SET revoked_at = $1 WHERE workshop_id = $2 AND id = $3 AND revoked_at IS NULL',
			[Date.now(), workshopId, inviteId]
		);
		return (rowCount ?? 0) > 0;
	}

	async recordUse(inviteId: string): Promise<void> {
		await this.pool.query('UPDATE invites SET uses = uses + 1 WHERE id = $1', [inviteId]);
	}
}
