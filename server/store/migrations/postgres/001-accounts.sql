-- Accounts, sessions and workshops, as in SQLite's 001. Times are unix
-- milliseconds (BIGINT); usernames are stored normalised.
CREATE TABLE users (
	id TEXT PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL,
	password_hash TEXT,
	is_guest BOOLEAN NOT NULL DEFAULT FALSE,
	color TEXT NOT NULL,
	created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	secret_hash BYTEA NOT NULL,
	created_at BIGINT NOT NULL,
	last_verified_at BIGINT NOT NULL,
	expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE workshops (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	team TEXT NOT NULL,
	template_id TEXT NOT NULL,
	focus_role_id TEXT NOT NULL,
	created_by TEXT NOT NULL REFERENCES users (id),
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	archived_at BIGINT
);

CREATE TABLE memberships (
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'reader')),
	joined_at BIGINT NOT NULL,
	PRIMARY KEY (workshop_id, user_id)
);
CREATE INDEX memberships_user_id ON memberships (user_id);

-- Joining never lowers a role: the upsert compares ranks in one statement.
CREATE FUNCTION role_rank(role TEXT) RETURNS INTEGER
LANGUAGE SQL IMMUTABLE AS $$
	SELECT CASE role WHEN 'facilitator' THEN 3 WHEN 'participant' THEN 2 ELSE 1 END
$$;

CREATE TABLE invites (
	id TEXT PRIMARY KEY,
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	role TEXT NOT NULL CHECK (role IN ('participant', 'reader')),
	label TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL REFERENCES users (id),
	created_at BIGINT NOT NULL,
	revoked_at BIGINT,
	uses INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invites_workshop_id ON invites (workshop_id);
