import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type {
	FacilitationStore,
	ProposalRound,
	SaveProposalResult,
	StoredProposal,
	VoteResult
} from '../facilitation.ts';
import { ROUND_COLUMNS, toProposal, toRound, type ProposalRow, type RoundRow } from '../rows.ts';
import { transaction } from './transaction.ts';

/** A round's proposals with their authors' display names; add a condition or an order. */
const ROUND_PROPOSALS =
	'SELECT p.user_id, u.display_name AS name, p.cells, p.updated_at FROM proposals p ' +
	'JOIN users u ON u.id = p.user_id WHERE p.workshop_id = ? AND p.round = ?';

export class SqliteFacilitationStore implements FacilitationStore {
	private db: DatabaseSync;
	private selectLatestRound: StatementSync;
	private selectRound: StatementSync;
	private insertRound: StatementSync;
	private updateRevealed: StatementSync;
	private upsertProposal: StatementSync;
	private deleteProposal: StatementSync;
	private selectProposal: StatementSync;
	private selectProposals: StatementSync;
	private countProposalRows: StatementSync;
	private selectMyVotes: StatementSync;
	private selectVoteTotal: StatementSync;
	private selectVoteTotals: StatementSync;
	private upsertVote: StatementSync;
	private decrementVote: StatementSync;
	private deleteEmptyVote: StatementSync;
	private deleteVotes: StatementSync;

	constructor(db: DatabaseSync) {
		this.db = db;
		this.selectLatestRound = db.prepare(
			`SELECT ${ROUND_COLUMNS} FROM proposal_rounds WHERE workshop_id = ? ORDER BY round DESC LIMIT 1`
		);
		this.selectRound = db.prepare(
			`SELECT ${ROUND_COLUMNS} FROM proposal_rounds WHERE workshop_id = ? AND round = ?`
		);
		this.insertRound = db.prepare(
			`INSERT INTO proposal_rounds (${ROUND_COLUMNS}) VALUES (?, ?, ?, ?, ?, NULL)`
		);
		this.updateRevealed = db.prepare(
			'UPDATE proposal_rounds SET revealed_at = ? WHERE workshop_id = ? AND round = ? AND revealed_at IS NULL'
		);
		this.upsertProposal = db.prepare(
			'INSERT INTO proposals (workshop_id, round, user_id, cells, updated_at) VALUES (?, ?, ?, ?, ?) ' +
				'ON CONFLICT (workshop_id, round, user_id) DO UPDATE SET cells = excluded.cells, updated_at = excluded.updated_at'
		);
		this.deleteProposal = db.prepare(
			'DELETE FROM proposals WHERE workshop_id = ? AND round = ? AND user_id = ?'
		);
		this.selectProposal = db.prepare(`${ROUND_PROPOSALS} AND p.user_id = ?`);
		this.selectProposals = db.prepare(`${ROUND_PROPOSALS} ORDER BY p.user_id`);
		this.countProposalRows = db.prepare(
			'SELECT COUNT(*) AS n FROM proposals WHERE workshop_id = ? AND round = ?'
		);
		this.selectMyVotes = db.prepare(
			'SELECT card_id, count FROM votes WHERE workshop_id = ? AND user_id = ?'
		);
		this.selectVoteTotal = db.prepare(
			'SELECT COALESCE(SUM(count), 0) AS total FROM votes WHERE workshop_id = ? AND card_id = ?'
		);
		this.selectVoteTotals = db.prepare(
			'SELECT card_id, SUM(count) AS total FROM votes WHERE workshop_id = ? GROUP BY card_id'
		);
		this.upsertVote = db.prepare(
			'INSERT INTO votes (workshop_id, user_id, card_id, count) VALUES (?, ?, ?, 1) ' +
				'ON CONFLICT (workshop_id, user_id, card_id) DO UPDATE SET count = count + 1'
		);
		this.decrementVote = db.prepare(
			'UPDATE votes SET count = count - 1 WHERE workshop_id = ? AND user_id = ? AND card_id = ? AND count > 1'
		);
		this.deleteEmptyVote = db.prepare(
			'DELETE FROM votes WHERE workshop_id = ? AND user_id = ? AND card_id = ? AND count = 1'
		);
		this.deleteVotes = db.prepare('DELETE FROM votes WHERE workshop_id = ?');
	}

	async startRound(workshopId: string, named: boolean, startedBy: string): Promise<ProposalRound> {
		return transaction(this.db, () => {
			const latest = this.selectLatestRound.get(workshopId) as RoundRow | undefined;
			const round = (latest?.round ?? 0) + 1;
			const startedAt = Date.now();
			this.insertRound.run(workshopId, round, named ? 1 : 0, startedBy, startedAt);
			return { workshopId, round, named, startedBy, startedAt, revealedAt: null };
		});
	}

	async currentRound(workshopId: string): Promise<ProposalRound | null> {
		const row = this.selectLatestRound.get(workshopId) as RoundRow | undefined;
		return row ? toRound(row) : null;
	}

	async markRevealed(workshopId: string, round: number, at: number): Promise<boolean> {
		return Number(this.updateRevealed.run(at, workshopId, round).changes) === 1;
	}

	async saveProposal(
		workshopId: string,
		round: number,
		userId: string,
		cells: Record<string, string>
	): Promise<SaveProposalResult> {
		// In one transaction with the round check, so no save slips in after the reveal read them.
		return transaction(this.db, () => {
			const row = this.selectRound.get(workshopId, round) as RoundRow | undefined;
			if (!row) return 'no-round';
			if (row.revealed_at !== null) return 'revealed';
			if (Object.keys(cells).length === 0) this.deleteProposal.run(workshopId, round, userId);
			else this.upsertProposal.run(workshopId, round, userId, JSON.stringify(cells), Date.now());
			return 'saved';
		});
	}

	async getProposal(
		workshopId: string,
		round: number,
		userId: string
	): Promise<StoredProposal | null> {
		const row = this.selectProposal.get(workshopId, round, userId) as ProposalRow | undefined;
		return row ? toProposal(row) : null;
	}

	async listProposals(workshopId: string, round: number): Promise<StoredProposal[]> {
		return (this.selectProposals.all(workshopId, round) as unknown as ProposalRow[]).map(
			toProposal
		);
	}

	async countProposals(workshopId: string, round: number): Promise<number> {
		return Number((this.countProposalRows.get(workshopId, round) as { n: number }).n);
	}

	async vote(
		workshopId: string,
		userId: string,
		cardId: string,
		delta: 1 | -1,
		budget: number
	): Promise<VoteResult> {
		return transaction(this.db, () => {
			const mine = this.readMine(workshopId, userId);
			if (delta === 1) {
				const used = Object.values(mine).reduce((sum, n) => sum + n, 0);
				if (used >= budget) return { ok: false as const, reason: 'over-budget' as const, mine };
				this.upsertVote.run(workshopId, userId, cardId);
			} else {
				if (!mine[cardId]) return { ok: false as const, reason: 'none-to-remove' as const, mine };
				if (mine[cardId] === 1) this.deleteEmptyVote.run(workshopId, userId, cardId);
				else this.decrementVote.run(workshopId, userId, cardId);
			}
			const total = Number(
				(this.selectVoteTotal.get(workshopId, cardId) as { total: number }).total
			);
			return { ok: true as const, mine: this.readMine(workshopId, userId), total };
		});
	}

	async myVotes(workshopId: string, userId: string): Promise<Record<string, number>> {
		return this.readMine(workshopId, userId);
	}

	async voteTotals(workshopId: string): Promise<Record<string, number>> {
		const rows = this.selectVoteTotals.all(workshopId) as { card_id: string; total: number }[];
		return Object.fromEntries(rows.map((row) => [row.card_id, Number(row.total)]));
	}

	async clearVotes(workshopId: string): Promise<void> {
		this.deleteVotes.run(workshopId);
	}

	private readMine(workshopId: string, userId: string): Record<string, number> {
		const rows = this.selectMyVotes.all(workshopId, userId) as { card_id: string; count: number }[];
		return Object.fromEntries(rows.map((row) => [row.card_id, Number(row.count)]));
	}
}
