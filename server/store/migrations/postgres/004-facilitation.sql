-- Blind proposal rounds and dot votes, as in SQLite's 004.
CREATE TABLE proposal_rounds (
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	round INTEGER NOT NULL CHECK (round >= 1),
	named BOOLEAN NOT NULL,
	started_by TEXT NOT NULL REFERENCES users (id),
	started_at BIGINT NOT NULL,
	revealed_at BIGINT,
	PRIMARY KEY (workshop_id, round)
);

CREATE TABLE proposals (
	workshop_id TEXT NOT NULL,
	round INTEGER NOT NULL,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	cells TEXT NOT NULL,
	updated_at BIGINT NOT NULL,
	PRIMARY KEY (workshop_id, round, user_id),
	FOREIGN KEY (workshop_id, round) REFERENCES proposal_rounds (workshop_id, round) ON DELETE CASCADE
);

CREATE TABLE votes (
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	card_id TEXT NOT NULL,
	count INTEGER NOT NULL CHECK (count > 0),
	PRIMARY KEY (workshop_id, user_id, card_id)
);
