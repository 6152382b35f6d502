//! Reports on a large book (10 years, 50,000 vouchers, 150,000 lines — 2,000 members' dues
//! and payouts) stay fast: everything is aggregated in SQL, nothing per row.

mod common;
mod reports_support;

use common::*;
use std::time::{Duration, Instant};
use union_ledger_core::io::hledger::export_hledger;
use union_ledger_core::ledger::reports;

#[test]
fn reports_on_ten_years_and_150k_lines_each_take_well_under_two_seconds() {
    let (_d, app) = book_starting("2017-01");
    let conn = app.conn();
    let user = app.user().unwrap().id;
    conn.execute_batch("BEGIN").unwrap();
    {
        let mut v = conn
            .prepare(
                "INSERT INTO journal_vouchers (id, period, number, date, summary, source, posted_by, posted_at, seq, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, '收取会费', 'manual', ?5, '2026-01-01T00:00:00', ?1, 'x', 'x')",
            )
            .unwrap();
        let mut l = conn
            .prepare("INSERT INTO journal_lines (voucher_id, line_no, period, account_code, debit_fen, credit_fen) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            .unwrap();
        let mut id = 0i64;
        for year in 2017..2027 {
            for month in 1..=12 {
                let period = format!("{year}-{month:02}");
                for n in 1..=417 {
                    id += 1;
                    let date = format!("{period}-{:02}", 1 + n % 28);
                    v.execute(rusqlite::params![id, period, n, date, user]).unwrap();
                    let fen = 1000 + (id * 7919) % 100_000;
                    let (a, b, c) = if n % 3 == 0 { ("50105", "102", "101") } else { ("102", "401", "402") };
                    l.execute(rusqlite::params![id, 1, period, a, 2 * fen, 0]).unwrap();
                    l.execute(rusqlite::params![id, 2, period, b, 0, fen]).unwrap();
                    l.execute(rusqlite::params![id, 3, period, c, 0, fen]).unwrap();
                }
            }
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    assert!(reports_support::count_rows(conn, "journal_lines") >= 150_000);

    let limit = Duration::from_secs(2);
    let time = |what: &str, f: &dyn Fn()| {
        let t = Instant::now();
        f();
        let e = t.elapsed();
        eprintln!("{what}: {e:?}");
        assert!(e < limit, "{what} took {e:?}");
        e
    };
    time("科目余额表 (10 years)", &|| {
        let tb = reports::trial_balance(conn, "2017-01", "2026-12").unwrap();
        assert_eq!(tb.totals.debit, tb.totals.credit);
    });
    time("科目余额表 (one month)", &|| drop(reports::trial_balance(conn, "2026-06", "2026-06").unwrap()));
    time("银行存款日记账 (one year)", &|| drop(reports::bank_journal(conn, "2026-01", "2026-12").unwrap()));
    time("明细账 (10 years)", &|| drop(reports::account_ledger(conn, "101", "2017-01", "2026-12").unwrap()));
    time("总账", &|| drop(reports::general_ledger(conn, 2026).unwrap()));
    time("收入支出表", &|| drop(reports::income_statement(conn, "2026-12").unwrap()));
    time("资产负债表", &|| assert!(reports::balance_sheet(conn, "2026-12").unwrap().balanced));
    time("hledger export", &|| assert!(export_hledger(conn).unwrap().len() > 1_000_000));
}
