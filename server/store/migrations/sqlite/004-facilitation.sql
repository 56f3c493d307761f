-- Blind proposal rounds. A round's mode (named or anonymous) is fixed when it
-- starts, so nobody can switch to named after people answered anonymously.
CREATE TABLE proposal_rounds (
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	round INTEGER NOT NULL CHECK (round >= 1),
	named INTEGER NOT NULL CHECK (named IN (0, 1)),
	started_by TEXT NOT NULL REFERENCES users (id),
	started_at INTEGER NOT NULL,
	revealed_at INTEGER,
	PRIMARY KEY (workshop_id, round)
);

-- Each person's private proposals for one round: cell key → letter, as JSON.
-- Only that person reads or writes their row; the reveal reads them all to
-- aggregate them.
CREATE TABLE proposals (
	workshop_id TEXT NOT NULL,
	round INTEGER NOT NULL,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	cells TEXT NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (workshop_id, round, user_id),
	FOREIGN KEY (workshop_id, round) REFERENCES proposal_rounds (workshop_id, round) ON DELETE CASCADE
);

-- Dot votes on rows to discuss: how many of their votes a person put on a card.
CREATE TABLE votes (
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	card_id TEXT NOT NULL,
	count INTEGER NOT NULL CHECK (count > 0),
	PRIMARY KEY (workshop_id, user_id, card_id)
);
