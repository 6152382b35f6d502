-- Seals (封存, issue 13): a hash chain over every write to the sealed tables.
-- seal_log: one entry per write transaction; its hash chains the previous entry's and
-- commits to the hash of each row the transaction wrote (seal_log_rows, NULL = deleted).
-- seal_dirty: rows noted by the sealed tables' triggers (created by the program on open)
-- within the current transaction; empty whenever the program is not writing.
CREATE TABLE seal_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    reason     TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE TABLE seal_log_rows (
    seq        INTEGER NOT NULL REFERENCES seal_log(seq),
    tbl        TEXT NOT NULL,
    row_key    TEXT NOT NULL,
    row_hash   TEXT,
    PRIMARY KEY (seq, tbl, row_key)
) WITHOUT ROWID;
CREATE TABLE seal_dirty (
    tbl        TEXT NOT NULL,
    row_key    TEXT NOT NULL,
    rid        INTEGER,
    PRIMARY KEY (tbl, row_key)
) WITHOUT ROWID;
