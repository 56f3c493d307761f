-- Yjs documents: an append-only log per document plus at most one compacted
-- snapshot. Several instances append to one document: doc_heads holds each
-- document's last seq, and an append bumps it and inserts its rows in one
-- statement, so the head row's lock gives every document one order in which
-- seqs are dense and committed in order (a reader past seq N never sees a
-- smaller seq appear later).
CREATE TABLE doc_heads (
	doc TEXT PRIMARY KEY,
	seq BIGINT NOT NULL
);

CREATE TABLE doc_updates (
	doc TEXT NOT NULL,
	seq BIGINT NOT NULL,
	data BYTEA NOT NULL,
	PRIMARY KEY (doc, seq)
);

CREATE TABLE doc_snapshots (
	doc TEXT PRIMARY KEY,
	seq BIGINT NOT NULL,
	data BYTEA NOT NULL
);
