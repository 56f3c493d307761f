import type { CharterStore } from './charters.ts';
import type { DocStore } from './docs.ts';
import type { FacilitationStore } from './facilitation.ts';
import type { InviteStore } from './invites.ts';
import type { SessionStore } from './sessions.ts';
import type { UserStore } from './users.ts';
import type { WorkshopStore } from './workshops.ts';

/** One interface over the database: embedded SQLite, or PostgreSQL shared by several instances. */
export interface Store {
	/** 'postgres' when DATABASE_URL is set. */
	readonly backend: 'sqlite' | 'postgres';
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
