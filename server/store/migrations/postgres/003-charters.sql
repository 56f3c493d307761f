-- Published charters, as in SQLite's 003: one immutable row per version.
CREATE TABLE charter_versions (
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	version INTEGER NOT NULL CHECK (version >= 1),
	title TEXT NOT NULL,
	charter_json TEXT NOT NULL,
	board_json TEXT NOT NULL,
	author_id TEXT NOT NULL REFERENCES users (id),
	published_at BIGINT NOT NULL,
	PRIMARY KEY (workshop_id, version)
);

CREATE FUNCTION charter_versions_immutable() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM workshops WHERE id = OLD.workshop_id) THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION 'published charter versions are immutable';
END;
$$;

CREATE TRIGGER charter_versions_immutable
BEFORE UPDATE OR DELETE ON charter_versions
FOR EACH ROW EXECUTE FUNCTION charter_versions_immutable();

CREATE TABLE charter_shares (
	id TEXT PRIMARY KEY,
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	version INTEGER,
	created_by TEXT NOT NULL REFERENCES users (id),
	created_at BIGINT NOT NULL,
	revoked_at BIGINT,
	FOREIGN KEY (workshop_id, version) REFERENCES charter_versions (workshop_id, version)
);
CREATE INDEX charter_shares_workshop_id ON charter_shares (workshop_id);

CREATE TABLE charter_consents (
	workshop_id TEXT NOT NULL,
	version INTEGER NOT NULL,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	decision TEXT NOT NULL CHECK (decision IN ('agree', 'object')),
	comment TEXT NOT NULL DEFAULT '',
	at BIGINT NOT NULL,
	PRIMARY KEY (workshop_id, version, user_id),
	FOREIGN KEY (workshop_id, version) REFERENCES charter_versions (workshop_id, version) ON DELETE CASCADE
);
