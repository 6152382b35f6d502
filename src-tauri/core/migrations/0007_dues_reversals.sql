-- 撤销会费收款: a payment recorded by mistake is undone by reversing its voucher (冲销) and
-- recording the reversal here, which gives the allocated amounts back to the charges as
-- unpaid. Payments and allocations themselves stay as they were (immutable).
CREATE TABLE dues_payment_reversals (
    payment_id          INTEGER PRIMARY KEY REFERENCES dues_payments(id),
    reversal_voucher_id INTEGER NOT NULL REFERENCES journal_vouchers(id),
    date                TEXT NOT NULL,
    reason              TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_by          INTEGER NOT NULL REFERENCES users(id),
    created_at          TEXT NOT NULL
) STRICT;

CREATE TRIGGER dues_payment_reversals_no_update BEFORE UPDATE ON dues_payment_reversals
BEGIN SELECT RAISE(ABORT, 'dues payment reversals are immutable'); END;
CREATE TRIGGER dues_payment_reversals_no_delete BEFORE DELETE ON dues_payment_reversals
BEGIN SELECT RAISE(ABORT, 'dues payment reversals are immutable'); END;
