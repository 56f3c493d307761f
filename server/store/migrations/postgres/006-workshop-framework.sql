-- The responsibility matrix (raci, rasci, daci) a workshop was created with, so that the
-- dashboard can show it without loading every board. It never changes after creation. NULL for
-- workshops created before this column: their board document's meta still says which.
ALTER TABLE workshops ADD COLUMN framework TEXT;
