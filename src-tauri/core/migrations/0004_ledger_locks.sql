-- Ledger locks added after 0003:
-- * opening balances cannot change once a voucher is posted (they are the hash chain's genesis);
-- * a voucher is reversed at most once.

CREATE TRIGGER opening_balances_locked_insert BEFORE INSERT ON opening_balances
WHEN EXISTS (SELECT 1 FROM journal_vouchers)
BEGIN SELECT RAISE(ABORT, 'opening balances are locked once a voucher is posted'); END;
CREATE TRIGGER opening_balances_locked_update BEFORE UPDATE ON opening_balances
WHEN EXISTS (SELECT 1 FROM journal_vouchers)
BEGIN SELECT RAISE(ABORT, 'opening balances are locked once a voucher is posted'); END;
CREATE TRIGGER opening_balances_locked_delete BEFORE DELETE ON opening_balances
WHEN EXISTS (SELECT 1 FROM journal_vouchers)
BEGIN SELECT RAISE(ABORT, 'opening balances are locked once a voucher is posted'); END;

CREATE UNIQUE INDEX journal_vouchers_reversed_once ON journal_vouchers(reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX journal_vouchers_by_period_date ON journal_vouchers(period, date);
CREATE INDEX periods_by_status ON periods(status, period);
