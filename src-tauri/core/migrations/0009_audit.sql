-- Audit committee (经审): chair approvals, voucher reviews and queries, monthly sign-offs,
-- annual audit report texts. Owned by core/src/audit/.

-- Chair approval (审批) of anything that spends: voucher drafts now, welfare payout batches
-- later. One row per submission; (kind, ref_id) is unique among live rows, so a posted or
-- withdrawn submission stays as history while its draft id may be reused.
CREATE TABLE approvals (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,                 -- 'voucher_draft', 'welfare_batch', …
    ref_id        INTEGER NOT NULL,
    title         TEXT NOT NULL,                 -- snapshot at submission: 摘要 / batch name
    amount_fen    INTEGER NOT NULL DEFAULT 0,    -- snapshot at submission
    date          TEXT NOT NULL,                 -- the voucher's / batch's date
    status        TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'posted', 'withdrawn', 'superseded')),
    submitted_by  INTEGER NOT NULL REFERENCES users(id),
    submitted_at  TEXT NOT NULL,
    decided_by    INTEGER REFERENCES users(id),
    decided_at    TEXT,
    note          TEXT NOT NULL DEFAULT '',      -- the chair's note (required on reject)
    voucher_id    INTEGER REFERENCES journal_vouchers(id)  -- set when the approved item is posted
) STRICT;
CREATE UNIQUE INDEX approvals_live ON approvals(kind, ref_id) WHERE status IN ('submitted', 'approved', 'rejected');
CREATE INDEX approvals_by_status ON approvals(status, submitted_at);
CREATE TRIGGER approvals_never_deleted BEFORE DELETE ON approvals
BEGIN SELECT RAISE(ABORT, 'approval records are kept'); END;

-- The auditor's mark on each posted voucher: 已审 (reviewed) or 质询 (query). Latest mark
-- per voucher; every mark is also in the change log.
CREATE TABLE voucher_reviews (
    voucher_id   INTEGER PRIMARY KEY REFERENCES journal_vouchers(id),
    status       TEXT NOT NULL CHECK (status IN ('reviewed', 'query')),
    comment      TEXT NOT NULL DEFAULT '',
    reviewer_id  INTEGER NOT NULL REFERENCES users(id),
    reviewed_at  TEXT NOT NULL
) STRICT;

-- Queries (质询): raised by the auditor on a voucher, answered by the treasurer (text and
-- optionally a file added to the voucher as a late receipt), closed by the auditor.
CREATE TABLE review_queries (
    id             INTEGER PRIMARY KEY,
    voucher_id     INTEGER NOT NULL REFERENCES journal_vouchers(id),
    question       TEXT NOT NULL,
    raised_by      INTEGER NOT NULL REFERENCES users(id),
    raised_at      TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    answer         TEXT NOT NULL DEFAULT '',
    attachment_id  INTEGER REFERENCES attachments(id),
    answered_by    INTEGER REFERENCES users(id),
    answered_at    TEXT,
    close_note     TEXT NOT NULL DEFAULT '',
    closed_by      INTEGER REFERENCES users(id),
    closed_at      TEXT
) STRICT;
CREATE INDEX review_queries_by_voucher ON review_queries(voucher_id);
CREATE INDEX review_queries_by_status ON review_queries(status);
CREATE TRIGGER review_queries_never_deleted BEFORE DELETE ON review_queries
BEGIN SELECT RAISE(ABORT, 'queries are kept'); END;

-- Monthly sign-off (签字确认) by the auditor. It records what it saw: the voucher chain head
-- (and its fingerprint), the period's own last voucher and count, and the change-log head.
-- A reopen of the month, or a later posting into it, makes it stale; a new sign-off is needed.
CREATE TABLE signoffs (
    id              INTEGER PRIMARY KEY,
    period          TEXT NOT NULL,
    signed_by       INTEGER NOT NULL REFERENCES users(id),
    signed_at       TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    chain_seq       INTEGER NOT NULL,
    chain_head      TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,
    vouchers        INTEGER NOT NULL,
    period_last_hash TEXT,                         -- hash of the period's last voucher (NULL if none)
    log_id          INTEGER NOT NULL,              -- change-log head seen (0 = empty)
    log_hash        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('active', 'stale')),
    stale_reason    TEXT NOT NULL DEFAULT '',
    stale_at        TEXT
) STRICT;
CREATE INDEX signoffs_by_period ON signoffs(period, status);
CREATE UNIQUE INDEX signoffs_one_active ON signoffs(period) WHERE status = 'active';
CREATE TRIGGER signoffs_never_deleted BEFORE DELETE ON signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs are kept'); END;
-- Only the status may change (active → stale); what was signed never does.
CREATE TRIGGER signoffs_fixed BEFORE UPDATE ON signoffs
WHEN NEW.period IS NOT OLD.period OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at
  OR NEW.chain_head IS NOT OLD.chain_head OR NEW.chain_seq IS NOT OLD.chain_seq OR NEW.vouchers IS NOT OLD.vouchers
  OR NEW.period_last_hash IS NOT OLD.period_last_hash OR NEW.log_id IS NOT OLD.log_id OR NEW.log_hash IS NOT OLD.log_hash
  OR OLD.status = 'stale'
BEGIN SELECT RAISE(ABORT, 'a sign-off records what was signed and is never edited'); END;

-- The annual audit report's editable text sections, per year.
CREATE TABLE audit_report_texts (
    year        INTEGER PRIMARY KEY,
    overview    TEXT NOT NULL DEFAULT '',
    findings    TEXT NOT NULL DEFAULT '',
    suggestions TEXT NOT NULL DEFAULT '',
    updated_by  INTEGER REFERENCES users(id),
    updated_at  TEXT
) STRICT;
