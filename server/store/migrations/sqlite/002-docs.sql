-- Yjs documents: an append-only log of updates per document plus at most one
-- compacted snapshot. Loading is snapshot + every update with a larger seq.
CREATE TABLE doc_updates (
	doc TEXT NOT NULL,
	seq INTEGER NOT NULL,
	data BLOB NOT NULL,
	PRIMARY KEY (doc, seq)
);

CREATE TABLE doc_snapshots (
	doc TEXT PRIMARY KEY,
	seq INTEGER NOT NULL,
	data BLOB NOT NULL
);
