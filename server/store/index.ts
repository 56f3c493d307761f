import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { Store } from './store.ts';
import { openPostgres } from './postgres/open.ts';
import { openSqlite } from './sqlite/open.ts';
import { SqliteCharterStore } from './sqlite/charters.ts';
import { SqliteDocStore } from './sqlite/docs.ts';
import { SqliteFacilitationStore } from './sqlite/facilitation.ts';
import { SqliteInviteStore } from './sqlite/invites.ts';
import { SqliteSessionStore } from './sqlite/sessions.ts';
import { SqliteUserStore } from './sqlite/users.ts';
import { SqliteWorkshopStore } from './sqlite/workshops.ts';

export type {
	CharterShare,
	CharterStore,
	CharterVersionSummary,
	ConsentDecision,
	ConsentRecord,
	PublishedCharter
} from './charters.ts';
export type { DocStore, StoredDoc } from './docs.ts';
export type { Store } from './store.ts';
export type {
	FacilitationStore,
	ProposalRound,
	StoredProposal,
	VoteResult
} from './facilitation.ts';
export type { Invite, InviteRole, InviteStore } from './invites.ts';
export type { SessionRecord, SessionStore } from './sessions.ts';
export type { NewUser, User, UserStore, UserWithPassword } from './users.ts';
export type { Member, NewWorkshop, Workshop, WorkshopStore, WorkshopSummary } from './workshops.ts';
export { ROLE_RANK } from './workshops.ts';

export type StoreConfig = Pick<Config, 'databasePath'> &
	Partial<Pick<Config, 'databaseUrl' | 'databasePoolSize'>>;

export async function openStore(config: StoreConfig): Promise<Store> {
	if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databasePoolSize ?? 10);
	const db = openSqlite(config.databasePath);
	return {
		backend: 'sqlite',
		docs: new SqliteDocStore(db),
		users: new SqliteUserStore(db),
		sessions: new SqliteSessionStore(db),
		workshops: new SqliteWorkshopStore(db),
		invites: new SqliteInviteStore(db),
		charters: new SqliteCharterStore(db),
		facilitation: new SqliteFacilitationStore(db),
		async ping() {
			try {
				db.prepare('SELECT 1').get();
				return true;
			} catch {
				return false;
			}
		},
		async close() {
			if (!db.isOpen) return;
			// Closed means the files are let go: the checkpoint thread too, which may still be starting.
			const worker = (db as { checkpointer?: Worker | null }).checkpointer;
			db.close();
			if (worker && worker.threadId !== -1) await once(worker, 'exit');
		}
	};
}
