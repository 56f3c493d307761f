import type { Config } from '../config.ts';
import type { CharterStore } from './charters.ts';
import type { DocStore } from './docs.ts';
import type { FacilitationStore } from './facilitation.ts';
import type { InviteStore } from './invites.ts';
import type { SessionStore } from './sessions.ts';
import type { UserStore } from './users.ts';
import type { WorkshopStore } from './workshops.ts';
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

/** One interface over the database; SQLite now, PostgreSQL behind the same shape later. */
export interface Store {
	docs: DocStore;
	users: UserStore;
	sessions: SessionStore;
	workshops: WorkshopStore;
	invites: InviteStore;
	charters: CharterStore;
	facilitation: FacilitationStore;
	/** True when the database answers a trivial query. */
	ping(): Promise<boolean>;
	close(): Promise<void>;
}

export async function openStore(config: Pick<Config, 'databasePath'>): Promise<Store> {
	const db = openSqlite(config.databasePath);
	return {
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
			if (db.isOpen) db.close();
		}
	};
}
