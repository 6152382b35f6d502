-- Foundation: book settings, local users, and the append-only change log.

CREATE TABLE book_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('treasurer', 'chair', 'auditor')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
) STRICT;

-- Users act on the books, so they are never deleted (they are disabled instead).
CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
BEGIN
    SELECT RAISE(ABORT, 'users are never deleted; disable them instead');
END;

-- Every write made through the app, chained by hash: hash = SHA-256(prev_hash || canonical row).
CREATE TABLE change_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_id    INTEGER REFERENCES users(id),
    user_name  TEXT NOT NULL,
    command    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    args       TEXT NOT NULL,
    before     TEXT NOT NULL,
    after      TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;
CREATE INDEX change_log_by_user ON change_log(user_id, at);
CREATE INDEX change_log_by_kind ON change_log(kind, at);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;
