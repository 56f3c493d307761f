import type { DatabaseSync, StatementSync } from 'node:sqlite';
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
import { transaction } from './transaction.ts';

interface ShareRow {
	id: string;
	version: number | null;
	created_at: number;
	revoked_at: number | null;
}

interface ConsentRow {
	user_id: string;
	name: string;
	decision: ConsentDecision;
	comment: string;
	at: number;
}

export class SqliteCharterStore implements CharterStore {
	private db: DatabaseSync;
	private selectMaxVersion: StatementSync;
	private insertVersion: StatementSync;
	private selectVersions: StatementSync;
	private selectVersion: StatementSync;
	private selectLatest: StatementSync;
	private insertShare: StatementSync;
	private selectShares: StatementSync;
	private updateShareRevoked: StatementSync;
	private selectShareByHash: StatementSync;
	private upsertConsent: StatementSync;
	private selectConsents: StatementSync;

	constructor(db: DatabaseSync) {
		this.db = db;
		this.selectMaxVersion = db.prepare(
			'SELECT MAX(version) AS version FROM charter_versions WHERE workshop_id = ?'
		);
		this.insertVersion = db.prepare(
			`INSERT INTO charter_versions (${VERSION_COLUMNS}, title) VALUES (?, ?, ?, ?, ?, ?, ?)`
		);
		this.selectVersions = db.prepare(
			'SELECT version, published_at, author_id, title FROM charter_versions WHERE workshop_id = ? ORDER BY version DESC'
		);
		this.selectVersion = db.prepare(
			`SELECT ${VERSION_COLUMNS} FROM charter_versions WHERE workshop_id = ? AND version = ?`
		);
		this.selectLatest = db.prepare(
			`SELECT ${VERSION_COLUMNS} FROM charter_versions WHERE workshop_id = ? ORDER BY version DESC LIMIT 1`
		);
		this.insertShare = db.prepare(
			'INSERT INTO charter_shares (id, workshop_id, token_hash, version, created_by, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)'
		);
		this.selectShares = db.prepare(
			'SELECT id, version, created_at, revoked_at FROM charter_shares WHERE workshop_id = ? ORDER BY created_at DESC, id'
		);
		this.updateShareRevoked = db.prepare(
			'UPDATE charter_shares SET revoked_at = ? WHERE workshop_id = ? AND id = ? AND revoked_at IS NULL'
		);
		this.selectShareByHash = db.prepare(
			'SELECT workshop_id, version FROM charter_shares WHERE token_hash = ? AND revoked_at IS NULL'
		);
		this.upsertConsent = db.prepare(
			'INSERT INTO charter_consents (workshop_id, version, user_id, decision, comment, at) VALUES (?, ?, ?, ?, ?, ?) ' +
				'ON CONFLICT (workshop_id, version, user_id) DO UPDATE SET decision = excluded.decision, comment = excluded.comment, at = excluded.at'
		);
		this.selectConsents = db.prepare(
			'SELECT c.user_id, u.display_name AS name, c.decision, c.comment, c.at FROM charter_consents c ' +
				'JOIN users u ON u.id = c.user_id WHERE c.workshop_id = ? AND c.version = ? ORDER BY c.at, c.user_id'
		);
	}

	async publish(
		workshopId: string,
		authorId: string,
		build: (version: number, publishedAt: number) => { charter: Charter; board: BoardSnapshot }
	): Promise<PublishedCharter> {
		// BEGIN IMMEDIATE takes the write lock before reading MAX(version), so two publishers
		// (even in two processes on one file) can never compute the same number.
		return transaction(this.db, () => {
			const max = (this.selectMaxVersion.get(workshopId) as { version: number | null }).version;
			const version = (max ?? 0) + 1;
			const publishedAt = Date.now();
			const { charter, board } = build(version, publishedAt);
			this.insertVersion.run(
				workshopId,
				version,
				JSON.stringify(charter),
				JSON.stringify(board),
				authorId,
				publishedAt,
				charter.title
			);
			return { workshopId, version, charter, board, authorId, publishedAt };
		});
	}

	async list(workshopId: string): Promise<CharterVersionSummary[]> {
		const rows = this.selectVersions.all(workshopId) as unknown as {
			version: number;
			published_at: number;
			author_id: string;
			title: string;
		}[];
		return rows.map((row) => ({
			version: row.version,
			publishedAt: row.published_at,
			authorId: row.author_id,
			title: row.title
		}));
	}

	async get(workshopId: string, version?: number): Promise<PublishedCharter | null> {
		const row = (
			version === undefined
				? this.selectLatest.get(workshopId)
				: this.selectVersion.get(workshopId, version)
		) as VersionRow | undefined;
		return row ? toPublished(row) : null;
	}

	async createShare(
		workshopId: string,
		version: number | null,
		createdBy: string
	): Promise<{ token: string; id: string }> {
		const token = newShareToken();
		const id = randomId(12);
		this.insertShare.run(id, workshopId, hashShareToken(token), version, createdBy, Date.now());
		return { token, id };
	}

	async listShares(workshopId: string): Promise<CharterShare[]> {
		const rows = this.selectShares.all(workshopId) as unknown as ShareRow[];
		return rows.map((row) => ({
			id: row.id,
			version: row.version,
			createdAt: row.created_at,
			revokedAt: row.revoked_at
		}));
	}

	async revokeShare(workshopId: string, shareId: string): Promise<void> {
		this.updateShareRevoked.run(Date.now(), workshopId, shareId);
	}

	async resolveShare(
		token: string
	): Promise<{ workshopId: string; version: number | null } | null> {
		if (!isPlausibleShareToken(token)) return null;
		const row = this.selectShareByHash.get(hashShareToken(token)) as
			{ workshop_id: string; version: number | null } | undefined;
		return row ? { workshopId: row.workshop_id, version: row.version } : null;
	}

	async setConsent(
		workshopId: string,
		version: number,
		userId: string,
		decision: ConsentDecision,
		comment: string
	): Promise<void> {
		this.upsertConsent.run(workshopId, version, userId, decision, comment, Date.now());
	}

	async listConsents(workshopId: string, version: number): Promise<ConsentRecord[]> {
		const rows = this.selectConsents.all(workshopId, version) as unknown as ConsentRow[];
		return rows.map((row) => ({
			userId: row.user_id,
			name: row.name,
			decision: row.decision,
			comment: row.comment,
			at: row.at
		}));
	}
}
