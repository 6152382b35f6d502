-- Chart of accounts (会计科目), 工会会计制度 (财会〔2021〕7号), grassroots list plus the standard
-- sub-accounts. Users may add their own sub-accounts (is_standard = 0) under a standard one.

CREATE TABLE accounts (
    code          TEXT PRIMARY KEY CHECK (length(code) >= 3 AND code GLOB '[0-9]*'),
    name          TEXT NOT NULL,
    class         TEXT NOT NULL CHECK (class IN ('asset', 'liability', 'net_assets', 'income', 'expense')),
    normal_side   TEXT NOT NULL CHECK (normal_side IN ('debit', 'credit')),
    parent_code   TEXT REFERENCES accounts(code),
    is_standard   INTEGER NOT NULL CHECK (is_standard IN (0, 1)),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    chart_version TEXT NOT NULL,
    pinyin        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX accounts_by_parent ON accounts(parent_code);

-- A standard account's code and name are fixed by the regulation.
CREATE TRIGGER accounts_standard_fixed BEFORE UPDATE OF code, name, class, normal_side, parent_code ON accounts
WHEN OLD.is_standard = 1
BEGIN
    SELECT RAISE(ABORT, 'standard accounts cannot be changed');
END;
CREATE TRIGGER accounts_never_deleted BEFORE DELETE ON accounts
BEGIN
    SELECT RAISE(ABORT, 'accounts are never deleted; deactivate them instead');
END;
