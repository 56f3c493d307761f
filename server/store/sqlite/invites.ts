import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { randomId } from '../ids.ts';
import { INVITE_COLUMNS as COLUMNS, toInvite, type InviteRow } from '../rows.ts';
import type { Invite, InviteRole, InviteStore } from '../invites.ts';

export class SqliteInviteStore implements InviteStore {
	private insert: StatementSync;
	private selectByHash: StatementSync;
	private selectForWorkshop: StatementSync;
	private updateRevoked: StatementSync;
	private incrementUses: StatementSync;

	constructor(db: DatabaseSync) {
		this.insert = db.prepare(
			'INSERT INTO invites (id, workshop_id, token_hash, role, label, created_by, created_at, revoked_at, uses) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0)'
		);
		this.selectByHash = db.prepare(`SELECT ${COLUMNS} FROM invites WHERE token_hash = ?`);
		this.selectForWorkshop = db.prepare(
			`SELECT ${COLUMNS} FROM invites WHERE workshop_id = ? ORDER BY created_at DESC, id`
		);
		this.updateRevoked = db.prepare(
			'UPDATE invites SET revoked_at = ? WHERE workshop_id = ? AND id = ? AND revoked_at IS NULL'
		);
		this.incrementUses = db.prepare('UPDATE invites SET uses = uses + 1 WHERE id = ?');
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
		this.insert.run(
			invite.id,
			invite.workshopId,
			input.tokenHash,
			invite.role,
			invite.label,
			invite.createdBy,
			invite.createdAt
		);
		return invite;
	}

	async findByTokenHash(tokenHash: string): Promise<Invite | null> {
		const row = this.selectByHash.get(tokenHash) as InviteRow | undefined;
		return row ? toInvite(row) : null;
	}

	async list(workshopId: string): Promise<Invite[]> {
		return (this.selectForWorkshop.all(workshopId) as unknown as InviteRow[]).map(toInvite);
	}

	async revoke(workshopId: string, inviteId: string): Promise<boolean> {
		return this.updateRevoked.run(Date.now(), workshopId, inviteId).changes > 0;
	}

	async recordUse(inviteId: string): Promise<void> {
		this.incrementUses.run(inviteId);
	}
}
