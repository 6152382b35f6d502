//! Report speed on a large synthetic book: 10 years, 50,000 vouchers, 150,000 lines — the
//! volume of 2,000 members' dues and payouts. Target: every screen under 100 ms.
//! Run with `cargo bench -p union-ledger-core` (release build).

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use union_ledger_core::ledger::reports::hledger::export_hledger;
use union_ledger_core::ledger::reports;

/// Seeded, deterministic book: the same rows every run.
fn big_book() -> (tempfile::TempDir, union_ledger_core::App) {
    let (dir, app) = common::book_starting("2017-01");
    let conn = app.conn();
    let user = app.user().unwrap().id;
    conn.execute_batch("BEGIN").unwrap();
    {
        // Raw rows keep the generator fast; the hash columns are placeholders because these
        // benches measure reads, not verification.
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
    (dir, app)
}

fn bench_reports(c: &mut Criterion) {
    let (_dir, app) = big_book();
    let conn = app.conn();
    let mut g = c.benchmark_group("reports_10y_150k_lines");
    g.sample_size(20);
    g.bench_function("trial_balance_10_years", |b| b.iter(|| reports::trial_balance(conn, "2017-01", "2026-12").unwrap()));
    g.bench_function("trial_balance_one_month", |b| b.iter(|| reports::trial_balance(conn, "2026-06", "2026-06").unwrap()));
    g.bench_function("bank_journal_one_year", |b| b.iter(|| reports::bank_journal(conn, "2026-01", "2026-12").unwrap()));
    g.bench_function("cash_ledger_10_years", |b| b.iter(|| reports::account_ledger(conn, "101", "2017-01", "2026-12").unwrap()));
    g.bench_function("general_ledger_year", |b| b.iter(|| reports::general_ledger(conn, 2026).unwrap()));
    g.bench_function("income_statement", |b| b.iter(|| reports::income_statement(conn, "2026-12").unwrap()));
    g.bench_function("balance_sheet", |b| b.iter(|| reports::balance_sheet(conn, "2026-12").unwrap()));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let args = |p: &str| union_ledger_core::notice::NoticeArgs { period: p.to_string(), published_on: None };
    g.bench_function("notice_month", |b| b.iter(|| union_ledger_core::notice::data(conn, &args("2026-12"), today).unwrap()));
    g.bench_function("notice_html_month", |b| b.iter(|| union_ledger_core::notice::html_page(conn, &args("2026-12"), today).unwrap()));
    g.bench_function("notice_year", |b| b.iter(|| union_ledger_core::notice::data(conn, &args("2026"), today).unwrap()));
    g.bench_function("report_budget_year", |b| b.iter(|| union_ledger_core::budget::report(conn, 2026, None).unwrap()));
    let dash = union_ledger_core::dashboard::DashboardArgs { year: Some(2026) };
    g.bench_function("dashboard_year", |b| b.iter(|| union_ledger_core::dashboard::dashboard(conn, &dash, today).unwrap()));
    g.sample_size(10);
    g.bench_function("hledger_export", |b| b.iter(|| export_hledger(conn).unwrap()));
    g.finish();
}

criterion_group!(benches, bench_reports);
criterion_main!(benches);
