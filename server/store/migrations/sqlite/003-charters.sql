-- Published charters: one immutable row per version. The charter JSON is the
-- document readers and exports use; the board JSON is the snapshot it was built
-- from. Versions are numbered from 1 per workshop.
CREATE TABLE charter_versions (
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	version INTEGER NOT NULL CHECK (version >= 1),
	title TEXT NOT NULL,
	charter_json TEXT NOT NULL,
	board_json TEXT NOT NULL,
	author_id TEXT NOT NULL REFERENCES users (id),
	published_at INTEGER NOT NULL,
	PRIMARY KEY (workshop_id, version)
);

-- A published version never changes. It disappears only with its workshop.
CREATE TRIGGER charter_versions_immutable
BEFORE UPDATE ON charter_versions
BEGIN
	SELECT RAISE(ABORT, 'published charter versions are immutable');
END;

CREATE TRIGGER charter_versions_undeletable
BEFORE DELETE ON charter_versions
WHEN EXISTS (SELECT 1 FROM workshops WHERE id = OLD.workshop_id)
BEGIN
	SELECT RAISE(ABORT, 'published charter versions are immutable');
END;

-- Read-only share links: the random token is shown once; only its SHA-256 hash
-- (hex) is kept. version NULL follows the latest published version.
CREATE TABLE charter_shares (
	id TEXT PRIMARY KEY,
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	version INTEGER,
	created_by TEXT NOT NULL REFERENCES users (id),
	created_at INTEGER NOT NULL,
	revoked_at INTEGER,
	FOREIGN KEY (workshop_id, version) REFERENCES charter_versions (workshop_id, version)
);
CREATE INDEX charter_shares_workshop_id ON charter_shares (workshop_id);

-- Consent to a published version: one answer per member, the latest wins.
CREATE TABLE charter_consents (
	workshop_id TEXT NOT NULL,
	version INTEGER NOT NULL,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	decision TEXT NOT NULL CHECK (decision IN ('agree', 'object')),
	comment TEXT NOT NULL DEFAULT '',
	at INTEGER NOT NULL,
	PRIMARY KEY (workshop_id, version, user_id),
	FOREIGN KEY (workshop_id, version) REFERENCES charter_versions (workshop_id, version) ON DELETE CASCADE
);
