-- Annual budget (经费收支预算 / 经费使用计划): amounts per income and expense account, dated
-- adjustments (预算调整) with a reason, and the approval dates of the year's plan.

CREATE TABLE budget_years (
    year           INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 9999),
    committee_date TEXT,              -- 工会委员会审议通过
    audit_date     TEXT,              -- 经费审查委员会审查
    upper_date     TEXT,              -- 上级工会批复
    note           TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE budget_lines (
    year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    account_code TEXT NOT NULL REFERENCES accounts(code),
    amount_fen   INTEGER NOT NULL CHECK (amount_fen >= 0),
    purpose      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, account_code)
) STRICT;

-- Adjustments are a dated record; a wrong one is corrected by another adjustment, never edited.
CREATE TABLE budget_adjustments (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    account_code TEXT NOT NULL REFERENCES accounts(code),
    date         TEXT NOT NULL,
    amount_fen   INTEGER NOT NULL CHECK (amount_fen <> 0),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_by   INTEGER REFERENCES users(id),
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX budget_adjustments_by_year ON budget_adjustments(year, account_code);

CREATE TRIGGER budget_adjustments_no_update BEFORE UPDATE ON budget_adjustments
BEGIN
    SELECT RAISE(ABORT, 'budget adjustments are never changed; add a correcting adjustment');
END;
CREATE TRIGGER budget_adjustments_no_delete BEFORE DELETE ON budget_adjustments
BEGIN
    SELECT RAISE(ABORT, 'budget adjustments are never deleted; add a correcting adjustment');
END;
