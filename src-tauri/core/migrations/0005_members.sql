-- Members (会员名册): groups, the roll, dated status events, wage base history, children,
-- hardship files (困难职工档案) and the dated employee headcount used for 入会率.

CREATE TABLE member_groups (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE members (
    id             INTEGER PRIMARY KEY,
    member_no      TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    name_initials  TEXT NOT NULL DEFAULT '',        -- pinyin initials, for search
    gender         TEXT NOT NULL CHECK (gender IN ('男', '女')),
    birth_date     TEXT,
    id_number      TEXT UNIQUE,                      -- 身份证号; shown masked
    phone          TEXT NOT NULL DEFAULT '',
    group_id       INTEGER REFERENCES member_groups(id),
    department     TEXT NOT NULL DEFAULT '',
    join_date      TEXT NOT NULL,
    card_no        TEXT NOT NULL DEFAULT '',
    dues_rule      TEXT NOT NULL DEFAULT 'standard' CHECK (dues_rule IN ('standard', 'exempt', 'fixed')),
    fixed_dues_fen INTEGER CHECK (fixed_dues_fen IS NULL OR fixed_dues_fen >= 0),
    notes          TEXT NOT NULL DEFAULT '',
    -- Cached from the latest event (member_events is the truth).
    status         TEXT NOT NULL DEFAULT 'active',
    status_date    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX members_by_name ON members(name);
CREATE INDEX members_by_group ON members(group_id);
CREATE INDEX members_by_status ON members(status);

CREATE TABLE member_events (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    event      TEXT NOT NULL CHECK (event IN ('join', 'transfer_in', 'transfer_out', 'retire', 'withdraw', 'death', 'unemployed')),
    date       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    initial    INTEGER NOT NULL DEFAULT 0 CHECK (initial IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX member_events_by_member ON member_events(member_id, date);
CREATE INDEX member_events_by_date ON member_events(date, event);

CREATE TABLE member_wages (
    member_id      INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    wage_fen       INTEGER NOT NULL CHECK (wage_fen >= 0),
    PRIMARY KEY (member_id, effective_from)
) STRICT;

CREATE TABLE member_children (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    birth_date TEXT NOT NULL
) STRICT;
CREATE INDEX member_children_by_member ON member_children(member_id);

CREATE TABLE hardship_files (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    level          TEXT NOT NULL CHECK (level IN ('困难', '特困')),
    reason         TEXT NOT NULL,
    identified_on  TEXT NOT NULL,
    next_review_on TEXT,
    closed_on      TEXT,
    close_reason   TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX hardship_one_open_per_member ON hardship_files(member_id) WHERE closed_on IS NULL;
CREATE INDEX hardship_by_review ON hardship_files(next_review_on) WHERE closed_on IS NULL;

-- 在册职工人数 (employees in scope), dated: the latest row on or before a date applies.
CREATE TABLE employee_headcount (
    effective_from TEXT PRIMARY KEY,   -- YYYY-MM-DD
    headcount      INTEGER NOT NULL CHECK (headcount >= 0)
) STRICT;
