-- Logins (issue 13 item 5): every wrong password is recorded (who, when, through which door),
-- and so is each success, which ends a run of failures. After 5 wrong passwords in a row a
-- user waits longer before each further try (2 s, doubling). Sealed (seal::SEALED_TABLES).
CREATE TABLE login_events (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER REFERENCES users(id),
    user_name  TEXT NOT NULL,
    ok         INTEGER NOT NULL CHECK (ok IN (0, 1)),
    at         TEXT NOT NULL,
    door       TEXT NOT NULL CHECK (door IN ('window', 'cli'))
);
CREATE INDEX login_events_by_user ON login_events(user_id, id);
