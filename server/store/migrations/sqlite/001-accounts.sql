-- Accounts, sessions and workshops. Times are unix milliseconds. Usernames
-- are stored normalised (trimmed, lower-case) so uniqueness is plain equality.
CREATE TABLE users (
	id TEXT PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL,
	password_hash TEXT,
	is_guest INTEGER NOT NULL DEFAULT 0,
	color TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

-- Only a SHA-256 hash of the session secret is kept; the id is the public half
-- of the token. expires_at slides forward while the session is in use.
CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	secret_hash BLOB NOT NULL,
	created_at INTEGER NOT NULL,
	last_verified_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE workshops (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	team TEXT NOT NULL,
	template_id TEXT NOT NULL,
	focus_role_id TEXT NOT NULL,
	created_by TEXT NOT NULL REFERENCES users (id),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	archived_at INTEGER
);

CREATE TABLE memberships (
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'reader')),
	joined_at INTEGER NOT NULL,
	PRIMARY KEY (workshop_id, user_id)
);
CREATE INDEX memberships_user_id ON memberships (user_id);

-- Invite links carry a random token; only its SHA-256 hash (hex) is stored.
CREATE TABLE invites (
	id TEXT PRIMARY KEY,
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	role TEXT NOT NULL CHECK (role IN ('participant', 'reader')),
	label TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL REFERENCES users (id),
	created_at INTEGER NOT NULL,
	revoked_at INTEGER,
	uses INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invites_workshop_id ON invites (workshop_id);
