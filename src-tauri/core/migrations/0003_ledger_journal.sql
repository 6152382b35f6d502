-- The journal. Posted vouchers and their lines are insert-only (triggers reject UPDATE and
-- DELETE); drafts live in their own tables and may be edited or discarded until posted.

-- Opening balances (期初余额) at the book's start month, signed in the account's normal
-- direction. Editable until the first voucher is posted; then part of the chain's genesis.
CREATE TABLE opening_balances (
    account_code TEXT PRIMARY KEY REFERENCES accounts(code),
    amount_fen   INTEGER NOT NULL
) STRICT;

CREATE TABLE journal_vouchers (
    id                INTEGER PRIMARY KEY,
    period            TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    number            INTEGER NOT NULL CHECK (number > 0),   -- 记-001 … per period, no gaps
    date              TEXT NOT NULL,                          -- YYYY-MM-DD inside the period
    summary           TEXT NOT NULL,                          -- 摘要
    attachments_count INTEGER NOT NULL DEFAULT 0 CHECK (attachments_count >= 0),
    source            TEXT NOT NULL,                          -- manual, entry, dues, welfare, opening, closing, import, reversal
    source_ref        TEXT,
    reverses_id       INTEGER REFERENCES journal_vouchers(id),
    prepared_by       INTEGER REFERENCES users(id),           -- 制单
    approved_by       INTEGER REFERENCES users(id),           -- 审批 (chair), when required
    posted_by         INTEGER NOT NULL REFERENCES users(id),  -- 记账
    posted_at         TEXT NOT NULL,
    seq               INTEGER NOT NULL UNIQUE,                -- position in the hash chain
    prev_hash         TEXT NOT NULL,
    hash              TEXT NOT NULL,
    UNIQUE (period, number)
) STRICT;
CREATE INDEX journal_vouchers_by_date ON journal_vouchers(date);
CREATE INDEX journal_vouchers_by_reverses ON journal_vouchers(reverses_id);
CREATE INDEX journal_vouchers_by_source ON journal_vouchers(source, source_ref);

CREATE TABLE journal_lines (
    voucher_id   INTEGER NOT NULL REFERENCES journal_vouchers(id),
    line_no      INTEGER NOT NULL,
    period       TEXT NOT NULL,        -- copied from the voucher so reports need no join
    account_code TEXT NOT NULL REFERENCES accounts(code),
    debit_fen    INTEGER NOT NULL DEFAULT 0,
    credit_fen   INTEGER NOT NULL DEFAULT 0,
    member_id    INTEGER,
    memo         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (voucher_id, line_no)
) STRICT;
CREATE INDEX journal_lines_by_account_period ON journal_lines(account_code, period);
CREATE INDEX journal_lines_by_period ON journal_lines(period, account_code);
CREATE INDEX journal_lines_by_member ON journal_lines(member_id) WHERE member_id IS NOT NULL;

CREATE TRIGGER journal_vouchers_no_update BEFORE UPDATE ON journal_vouchers
BEGIN SELECT RAISE(ABORT, 'posted vouchers are immutable; post a reversing voucher instead'); END;
CREATE TRIGGER journal_vouchers_no_delete BEFORE DELETE ON journal_vouchers
BEGIN SELECT RAISE(ABORT, 'posted vouchers are immutable; post a reversing voucher instead'); END;
CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines
BEGIN SELECT RAISE(ABORT, 'posted vouchers are immutable; post a reversing voucher instead'); END;
CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines
BEGIN SELECT RAISE(ABORT, 'posted vouchers are immutable; post a reversing voucher instead'); END;

-- Drafts (草稿): the voucher editor and the approval queue work on these.
CREATE TABLE draft_vouchers (
    id                INTEGER PRIMARY KEY,
    date              TEXT NOT NULL,
    summary           TEXT NOT NULL DEFAULT '',
    attachments_count INTEGER NOT NULL DEFAULT 0,
    source            TEXT NOT NULL DEFAULT 'manual',
    source_ref        TEXT,
    status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
    approval_note     TEXT NOT NULL DEFAULT '',
    approved_by       INTEGER REFERENCES users(id),
    approved_at       TEXT,
    prepared_by       INTEGER NOT NULL REFERENCES users(id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX draft_vouchers_by_date ON draft_vouchers(date);

CREATE TABLE draft_lines (
    draft_id     INTEGER NOT NULL REFERENCES draft_vouchers(id) ON DELETE CASCADE,
    line_no      INTEGER NOT NULL,
    account_code TEXT NOT NULL DEFAULT '',
    debit_fen    INTEGER NOT NULL DEFAULT 0,
    credit_fen   INTEGER NOT NULL DEFAULT 0,
    member_id    INTEGER,
    memo         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (draft_id, line_no)
) STRICT;

-- Receipts and scans, inside the book file so one file is the whole book. Attached to a draft
-- and moved to the posted voucher when it is posted; never deleted once on a posted voucher.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    draft_id    INTEGER REFERENCES draft_vouchers(id) ON DELETE SET NULL,
    voucher_id  INTEGER REFERENCES journal_vouchers(id),
    file_name   TEXT NOT NULL,
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    data        BLOB NOT NULL,
    added_by    INTEGER NOT NULL REFERENCES users(id),
    added_at    TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_by_draft ON attachments(draft_id);
CREATE INDEX attachments_by_voucher ON attachments(voucher_id);
CREATE TRIGGER attachments_posted_kept BEFORE DELETE ON attachments WHEN OLD.voucher_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'attachments of posted vouchers are kept'); END;
CREATE TRIGGER attachments_posted_fixed BEFORE UPDATE ON attachments WHEN OLD.voucher_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'attachments of posted vouchers are kept'); END;

-- Periods (会计期间). A month with no row is open. Closing stores the chain head it saw.
CREATE TABLE periods (
    period             TEXT PRIMARY KEY,
    status             TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    closed_at          TEXT,
    closed_by          INTEGER REFERENCES users(id),
    chain_seq          INTEGER,
    chain_head         TEXT,
    bank_statement_fen INTEGER          -- the bank statement's closing balance for the month
) STRICT;

-- Every close and reopen, with who and why.
CREATE TABLE period_events (
    id      INTEGER PRIMARY KEY,
    period  TEXT NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
    by_user INTEGER NOT NULL REFERENCES users(id),
    at      TEXT NOT NULL,
    reason  TEXT NOT NULL DEFAULT '',
    chain_head TEXT
) STRICT;
CREATE TRIGGER period_events_append_only BEFORE UPDATE ON period_events
BEGIN SELECT RAISE(ABORT, 'period events are append-only'); END;
CREATE TRIGGER period_events_never_deleted BEFORE DELETE ON period_events
BEGIN SELECT RAISE(ABORT, 'period events are append-only'); END;

-- Bank reconciliation ticks: which posted bank lines the treasurer matched to the statement.
CREATE TABLE bank_ticks (
    voucher_id INTEGER NOT NULL REFERENCES journal_vouchers(id),
    line_no    INTEGER NOT NULL,
    ticked_at  TEXT NOT NULL,
    PRIMARY KEY (voucher_id, line_no)
) STRICT;
