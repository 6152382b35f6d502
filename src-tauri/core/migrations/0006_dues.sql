-- Dues (会费): monthly charges, payments and their allocation to charges.

-- One regular charge per member and month; back charges (补缴, after a retroactive wage
-- rise on an already paid month) are numbered by seq.
CREATE TABLE dues_charges (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    month      TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    kind       TEXT NOT NULL CHECK (kind IN ('regular', 'back')),
    seq        INTEGER NOT NULL DEFAULT 0,
    base_fen   INTEGER NOT NULL,
    due_fen    INTEGER NOT NULL CHECK (due_fen >= 0),
    paid_fen   INTEGER NOT NULL DEFAULT 0 CHECK (paid_fen >= 0 AND paid_fen <= due_fen),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (member_id, month, kind, seq)
) STRICT;
CREATE INDEX dues_charges_by_month ON dues_charges(month, member_id);
CREATE INDEX dues_charges_unpaid ON dues_charges(member_id, month) WHERE paid_fen < due_fen;

CREATE TABLE dues_payments (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('batch', 'member')),
    member_id   INTEGER REFERENCES members(id),   -- NULL for a payroll batch
    month       TEXT,                             -- the batch's month
    date        TEXT NOT NULL,
    via         TEXT NOT NULL CHECK (via IN ('cash', 'bank')),
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    receipt_no  TEXT UNIQUE,                      -- 收据号 of an individual payment
    voucher_id  INTEGER NOT NULL REFERENCES journal_vouchers(id),
    note        TEXT NOT NULL DEFAULT '',
    created_by  INTEGER NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX dues_payments_by_member ON dues_payments(member_id, date);
CREATE INDEX dues_payments_by_date ON dues_payments(date);

CREATE TABLE dues_allocations (
    payment_id INTEGER NOT NULL REFERENCES dues_payments(id),
    charge_id  INTEGER NOT NULL REFERENCES dues_charges(id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    PRIMARY KEY (payment_id, charge_id)
) STRICT;
CREATE INDEX dues_allocations_by_charge ON dues_allocations(charge_id);

CREATE TRIGGER dues_payments_no_update BEFORE UPDATE ON dues_payments
BEGIN SELECT RAISE(ABORT, 'dues payments are immutable'); END;
CREATE TRIGGER dues_payments_no_delete BEFORE DELETE ON dues_payments
BEGIN SELECT RAISE(ABORT, 'dues payments are immutable'); END;
CREATE TRIGGER dues_allocations_no_update BEFORE UPDATE ON dues_allocations
BEGIN SELECT RAISE(ABORT, 'dues allocations are immutable'); END;
CREATE TRIGGER dues_allocations_no_delete BEFORE DELETE ON dues_allocations
BEGIN SELECT RAISE(ABORT, 'dues allocations are immutable'); END;
