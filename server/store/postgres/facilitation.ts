import type {
	FacilitationStore,
	ProposalRound,
	SaveProposalResult,
	StoredProposal,
	VoteResult
} from '../facilitation.ts';
import { ROUND_COLUMNS, toProposal, toRound, type ProposalRow, type RoundRow } from '../rows.ts';
import { transaction, type Client, type Pool } from './pool.ts';

/** A round's proposals with their authors' display names; add a condition or an order. */
const ROUND_PROPOSALS =
	'SELECT p.user_id, u.display_name AS name, p.cells, p.updated_at FROM proposals p ' +
	'JOIN users u ON u.id = p.user_id WHERE p.workshop_id = $1 AND p.round = $2';

type Queryable = Pick<Client, 'query'>;

async function readMine(db: Queryable, workshopId: string, userId: string) {
	const { rows } = await db.query<{ card_id: string; count: number }>(
		'SELECT card_id, count FROM votes WHERE workshop_id = $1 AND user_id = $2',
		[workshopId, userId]
	);
	return Object.fromEntries(rows.map((row) => [row.card_id, row.count]));
}

export class PgFacilitationStore implements FacilitationStore {
	private pool: Pool;

	constructor(pool: Pool) {
		this.pool = pool;
	}

	async startRound(workshopId: string, named: boolean, startedBy: string): Promise<ProposalRound> {
		return transaction(this.pool, async (client) => {
			// The workshop row's lock queues rounds started at once, so each gets its own number.
			await client.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [workshopId]);
			const { rows } = await client.query<{ round: number | null }>(
				'SELECT MAX(round) AS round FROM proposal_rounds WHERE workshop_id = $1',
				[workshopId]
			);
			const round = (rows[0].round ?? 0) + 1;
			const startedAt = Date.now();
			await client.query(
				`INSERT INTO proposal_rounds (${ROUND_COLUMNS}) VALUES ($1, $2, $3, $4, $5, NULL)`,
				[workshopId, round, named, startedBy, startedAt]
			);
			return { workshopId, round, named, startedBy, startedAt, revealedAt: null };
		});
	}

	async currentRound(workshopId: string): Promise<ProposalRound | null> {
		const { rows } = await this.pool.query<RoundRow>(
			`SELECT ${ROUND_COLUMNS} FROM proposal_rounds WHERE workshop_id = $1 ORDER BY round DESC LIMIT 1`,
			[workshopId]
		);
		return rows[0] ? toRound(rows[0]) : null;
	}

	async markRevealed(workshopId: string, round: number, at: number): Promise<boolean> {
		const { rowCount } = await this.pool.query(
			'UPDATE proposal_rounds SET revealed_at = $1 WHERE workshop_id = $2 AND round = $3 AND revealed_at IS NULL',
			[at, workshopId, round]
		);
		return rowCount === 1;
	}

	async saveProposal(
		workshopId: string,
		round: number,
		userId: string,
		cells: Record<string, string>
	): Promise<SaveProposalResult> {
		// FOR SHARE holds off the reveal's UPDATE until this save is committed, so no save slips
		// in after the reveal read the proposals.
		return transaction(this.pool, async (client) => {
			const { rows } = await client.query<{ revealed_at: number | null }>(
				'SELECT revealed_at FROM proposal_rounds WHERE workshop_id = $1 AND round = $2 FOR SHARE',
				[workshopId, round]
			);
			if (rows.length === 0) return 'no-round';
			if (rows[0].revealed_at !== null) return 'revealed';
			if (Object.keys(cells).length === 0) {
				await client.query(
					'DELETE FROM proposals WHERE workshop_id = $1 AND round = $2 AND user_id = $3',
					[workshopId, round, userId]
				);
			} else {
				await client.query(
					'INSERT INTO proposals (workshop_id, round, user_id, cells, updated_at) VALUES ($1, $2, $3, $4, $5) ' +
						'ON CONFLICT (workshop_id, round, user_id) DO UPDATE SET cells = excluded.cells, updated_at = excluded.updated_at',
					[workshopId, round, userId, JSON.stringify(cells), Date.now()]
				);
			}
			return 'saved';
		});
	}

	async getProposal(
		workshopId: string,
		round: number,
		userId: string
	): Promise<StoredProposal | null> {
		const { rows } = await this.pool.query<ProposalRow>(`${ROUND_PROPOSALS} AND p.user_id = $3`, [
			workshopId,
			round,
			userId
		]);
		return rows[0] ? toProposal(rows[0]) : null;
	}

	async listProposals(workshopId: string, round: number): Promise<StoredProposal[]> {
		const { rows } = await this.pool.query<ProposalRow>(
			`${ROUND_PROPOSALS} ORDER BY p.user_id COLLATE "C"`,
			[workshopId, round]
		);
		return rows.map(toProposal);
	}

	async countProposals(workshopId: string, round: number): Promise<number> {
		const { rows } = await this.pool.query<{ n: number }>(
			'SELECT COUNT(*) AS n FROM proposals WHERE workshop_id = $1 AND round = $2',
			[workshopId, round]
		);
		return rows[0].n;
	}

	async vote(
		workshopId: string,
		userId: string,
		cardId: string,
		delta: 1 | -1,
		budget: number
	): Promise<VoteResult> {
		return transaction(this.pool, async (client) => {
			// One voter's votes change one at a time, whichever instance takes them.
			await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
				`drawline:votes:${workshopId}:${userId}`
			]);
			const mine = await readMine(client, workshopId, userId);
			if (delta === 1) {
				const used = Object.values(mine).reduce((sum, n) => sum + n, 0);
				if (used >= budget) return { ok: false as const, reason: 'over-budget' as const, mine };
				await client.query(
					'INSERT INTO votes (workshop_id, user_id, card_id, count) VALUES ($1, $2, $3, 1) ' +
						'ON CONFLICT (workshop_id, user_id, card_id) DO UPDATE SET count = votes.count + 1',
					[workshopId, userId, cardId]
				);
			} else {
				if (!mine[cardId]) return { ok: false as const, reason: 'none-to-remove' as const, mine };
				await client.query(
					mine[cardId] === 1
						? 'DELETE FROM votes WHERE workshop_id = $1 AND user_id = $2 AND card_id = $3'
						: 'UPDATE votes SET count = count - 1 WHERE workshop_id = $1 AND user_id = $2 AND card_id = $3',
					[workshopId, userId, cardId]
				);
			}
			const { rows } = await client.query<{ total: number }>(
				'SELECT COALESCE(SUM(count), 0)::bigint AS total FROM votes WHERE workshop_id = $1 AND card_id = $2',
				[workshopId, cardId]
			);
			return {
				ok: true as const,
				mine: await readMine(client, workshopId, userId),
				total: rows[0].total
			};
		});
	}

	async myVotes(workshopId: string, userId: string): Promise<Record<string, number>> {
		return readMine(this.pool, workshopId, userId);
	}

	async voteTotals(workshopId: string): Promise<Record<string, number>> {
		const { rows } = await this.pool.query<{ card_id: string; total: number }>(
			'SELECT card_id, SUM(count)::bigint AS total FROM votes WHERE workshop_id = $1 GROUP BY card_id',
			[workshopId]
		);
		return Object.fromEntries(rows.map((row) => [row.card_id, row.total]));
	}

	async clearVotes(workshopId: string): Promise<void> {
		await this.pool.query('DELETE FROM votes WHERE workshop_id = $1', [workshopId]);
	}
}
