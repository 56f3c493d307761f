import type {
	CharterShare,
	CharterStore,
	CharterVersionSummary,
	ConsentDecision,
	ConsentRecord,
	PublishedCharter
} from '../charters.ts';
import type { BoardSnapshot } from '../../../src/lib/board/schema.ts';
import type { Charter } from '../../../src/lib/charter/charter.ts';
import { randomId } from '../ids.ts';
import { toPublished, VERSION_COLUMNS, type VersionRow } from '../rows.ts';
import { hashShareToken, isPlausibleShareToken, newShareToken } from '../share-tokens.ts';
import { transaction, type Pool } from './pool.ts';

export class PgCharterStore implements CharterStore {
	private pool: Pool;

	constructor(pool: Pool) {
		this.pool = pool;
	}

	async publish(
		workshopId: string,
		authorId: string,
		build: (version: number, publishedAt: number) => { charter: Charter; board: BoardSnapshot }
	): Promise<PublishedCharter> {
		// Locking the workshop row queues publishers (on any instance) before MAX(version) is
		// read, so two can never compute the same number.
		return transaction(this.pool, async (client) => {
			await client.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [workshopId]);
			const { rows } = await client.query<{ version: number | null }>(
				'SELECT MAX(version) AS version FROM charter_versions WHERE workshop_id = $1',
				[workshopId]
			);
			const version = (rows[0].version ?? 0) + 1;
			const publishedAt = Date.now();
			const { charter, board } = build(version, publishedAt);
			await client.query(
				`INSERT INTO charter_versions (${VERSION_COLUMNS}, title) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				[
					workshopId,
					version,
					JSON.stringify(charter),
					JSON.stringify(board),
					authorId,
					publishedAt,
					charter.title
				]
			);
			return { workshopId, version, charter, board, authorId, publishedAt };
		});
	}

	async list(workshopId: string): Promise<CharterVersionSummary[]> {
		const { rows } = await this.pool.query<{
			version: number;
			published_at: number;
			author_id: string;
			title: string;
		}>(
			'SELECT version, published_at, author_id, title FROM charter_versions WHERE workshop_id = $1 ORDER BY version DESC',
			[workshopId]
		);
		return rows.map((row) => ({
			version: row.version,
			publishedAt: row.published_at,
			authorId: row.author_id,
			title: row.title
		}));
	}

	async get(workshopId: string, version?: number): Promise<PublishedCharter | null> {
		const { rows } =
			version === undefined
				? await this.pool.query<VersionRow>(
						`SELECT ${VERSION_COLUMNS} FROM charter_versions WHERE workshop_id = $1 ORDER BY version DESC LIMIT 1`,
						[workshopId]
					)
				: await this.pool.query<VersionRow>(
						`SELECT ${VERSION_COLUMNS} FROM charter_versions WHERE workshop_id = $1 AND version = $2`,
						[workshopId, version]
					);
		return rows[0] ? toPublished(rows[0]) : null;
	}

	async createShare(
		workshopId: string,
		version: number | null,
		createdBy: string
	): Promise<{ token: string; id: string }> {
		const token = newShareToken();
		const id = randomId(12);
		await this.pool.query(
			'INSERT INTO charter_shares (id, workshop_id, token_hash, version, created_by, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)',
			[id, workshopId, hashShareToken(token), version, createdBy, Date.now()]
		);
		return { token, id };
	}

	async listShares(workshopId: string): Promise<CharterShare[]> {
		const { rows } = await this.pool.query<{
			id: string;
			version: number | null;
			created_at: number;
			revoked_at: number | null;
		}>(
			'SELECT id, version, created_at, revoked_at FROM charter_shares WHERE workshop_id = $1 ORDER BY created_at DESC, id COLLATE "C"',
			[workshopId]
		);
		return rows.map((row) => ({
			id: row.id,
			version: row.version,
			createdAt: row.created_at,
			revokedAt: row.revoked_at
		}));
	}

	async revokeShare(workshopId: string, shareId: string): Promise<void> {
		await this.pool.query(
			'UPDATE charter_shares SET revoked_at = $1 WHERE workshop_id = $2 AND id = $3 AND revoked_at IS NULL',
			[Date.now(), workshopId, shareId]
		);
	}

	async resolveShare(
		token: string
	): Promise<{ workshopId: string; version: number | null } | null> {
		if (!isPlausibleShareToken(token)) return null;
		const { rows } = await this.pool.query<{ workshop_id: string; version: number | null }>(
			'SELECT workshop_id, version FROM charter_shares WHERE token_hash = $1 AND revoked_at IS NULL',
			[hashShareToken(token)]
		);
		return rows[0] ? { workshopId: rows[0].workshop_id, version: rows[0].version } : null;
	}

	async setConsent(
		workshopId: string,
		version: number,
		userId: string,
		decision: ConsentDecision,
		comment: string
	): Promise<void> {
		await this.pool.query(
			'INSERT INTO charter_consents (workshop_id, version, user_id, decision, comment, at) VALUES ($1, $2, $3, $4, $5, $6) ' +
				'ON CONFLICT (workshop_id, version, user_id) DO UPDATE SET decision = excluded.decision, comment = excluded.comment, at = excluded.at',
			[workshopId, version, userId, decision, comment, Date.now()]
		);
	}

	async listConsents(workshopId: string, version: number): Promise<ConsentRecord[]> {
		const { rows } = await this.pool.query<{
			user_id: string;
			name: string;
			decision: ConsentDecision;
			comment: string;
			at: number;
		}>(
			'SELECT c.user_id, u.display_name AS name, c.decision, c.comment, c.at FROM charter_consents c ' +
				'JOIN users u ON u.id = c.user_id WHERE c.workshop_id = $1 AND c.version = $2 ORDER BY c.at, c.user_id COLLATE "C"',
			[workshopId, version]
		);
		return rows.map((row) => ({
			userId: row.user_id,
			name: row.name,
			decision: row.decision,
			comment: row.comment,
			at: row.at
		}));
	}
}
