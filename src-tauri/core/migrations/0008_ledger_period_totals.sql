-- Monthly totals per account and voucher source, kept by a trigger as lines are posted.
-- Reports that need sums over years (opening balances, 科目余额表, 资产负债表, 总账) read
-- these few thousand rows instead of every journal line, which keeps each screen under
-- 100 ms on a ten-year book. Posted lines are never updated or deleted (see 0003), so an
-- insert trigger is all it takes; `verify` recomputes the table from the lines.
CREATE TABLE ledger_period_totals (
    period       TEXT NOT NULL,
    account_code TEXT NOT NULL,
    source       TEXT NOT NULL,
    debit_fen    INTEGER NOT NULL,
    credit_fen   INTEGER NOT NULL,
    lines        INTEGER NOT NULL,
    PRIMARY KEY (period, account_code, source)
) STRICT, WITHOUT ROWID;
CREATE INDEX ledger_period_totals_by_account ON ledger_period_totals(account_code, period);

INSERT INTO ledger_period_totals (period, account_code, source, debit_fen, credit_fen, lines)
SELECT l.period, l.account_code, v.source, SUM(l.debit_fen), SUM(l.credit_fen), COUNT(*)
FROM journal_lines l JOIN journal_vouchers v ON v.id = l.voucher_id
GROUP BY l.period, l.account_code, v.source;

CREATE TRIGGER ledger_period_totals_on_post AFTER INSERT ON journal_lines
BEGIN
    INSERT INTO ledger_period_totals (period, account_code, source, debit_fen, credit_fen, lines)
    VALUES (NEW.period, NEW.account_code,
            COALESCE((SELECT source FROM journal_vouchers WHERE id = NEW.voucher_id), ''),
            NEW.debit_fen, NEW.credit_fen, 1)
    ON CONFLICT (period, account_code, source) DO UPDATE SET
        debit_fen = debit_fen + excluded.debit_fen,
        credit_fen = credit_fen + excluded.credit_fen,
        lines = lines + 1;
END;
