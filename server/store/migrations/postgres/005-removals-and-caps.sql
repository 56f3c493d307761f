-- When a member was last removed from a workshop: invite links created before then no longer
-- let them back in, so a link they joined with cannot undo the removal.
CREATE TABLE member_removals (
	workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	removed_at BIGINT NOT NULL,
	PRIMARY KEY (workshop_id, user_id)
);

-- Counting the workshops one account started in the last hour (the creation cap).
CREATE INDEX workshops_created_by ON workshops (created_by, created_at);
