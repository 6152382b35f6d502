//! Fixtures for the report, export and import tests: a small year of books posted through the
//! posting gateway.
#![allow(dead_code)]

use chrono::NaiveDate;
use rusqlite::Connection;
use union_ledger_core::ledger::chart;
use union_ledger_core::ledger::opening::{self, OpeningLine, SetOpening};
use union_ledger_core::ledger::posting::{post_voucher, LineInput, PostedVoucher, VoucherInput};
use union_ledger_core::{App, Money};

pub const NOW: &str = "2026-12-31T18:00:00";

pub fn m(s: &str) -> Money {
    Money::parse(s).unwrap()
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn user_id(app: &App) -> i64 {
    app.user().expect("logged in").id
}

/// Post a voucher: lines are (account, debit, credit) as decimal strings ("" for none).
pub fn post_as(conn: &Connection, user: i64, day: &str, summary: &str, source: &str, lines: &[(&str, &str, &str)]) -> PostedVoucher {
    let input = VoucherInput {
        date: date(day),
        summary: summary.to_string(),
        attachments_count: 1,
        source: source.to_string(),
        source_ref: None,
        lines: lines
            .iter()
            .map(|(code, d, c)| LineInput {
                account_code: code.to_string(),
                debit: if d.is_empty() { Money::ZERO } else { m(d) },
                credit: if c.is_empty() { Money::ZERO } else { m(c) },
                member_id: None,
                memo: String::new(),
            })
            .collect(),
        prepared_by: Some(user),
        approved_by: None,
        reverses_id: None,
    };
    post_voucher(conn, &input, user, NOW).unwrap_or_else(|e| panic!("posting {day} {summary}: {e}"))
}

pub fn post(app: &App, day: &str, summary: &str, lines: &[(&str, &str, &str)]) -> PostedVoucher {
    post_as(app.conn(), user_id(app), day, summary, "manual", lines)
}

/// Sub-accounts 10201/10202 under 102 and the opening balances of a small union:
/// 101 2,000; 10201 50,000; 162 10,000; 163 2,000 (contra); 301 8,000; 322 52,000.
pub fn set_up_chart_and_opening(app: &App) {
    let conn = app.conn();
    for name in ["工商银行某某支行", "农业银行某某支行"] {
        chart::add_sub_account(conn, &chart::NewSubAccount { parent_code: "102".into(), code: None, name: name.into() }).unwrap();
    }
    let balances = [("101", "2000"), ("10201", "50000"), ("162", "10000"), ("163", "2000"), ("301", "8000"), ("322", "52000")]
        .iter()
        .map(|(c, a)| OpeningLine { account_code: c.to_string(), amount: m(a) })
        .collect();
    opening::set(conn, &SetOpening { balances }).unwrap();
}

/// Three months of ordinary vouchers (no closing).
pub fn post_q1(app: &App) {
    post(app, "2026-01-10", "收取1月会费", &[("10201", "3000", ""), ("401", "", "3000")]);
    post(app, "2026-01-15", "提取备用金", &[("101", "1000", ""), ("10201", "", "1000")]);
    post(app, "2026-01-20", "发放春节慰问品", &[("50105", "2500", ""), ("10201", "", "2500")]);
    post(app, "2026-02-05", "收到拨缴经费", &[("10202", "10000", ""), ("402", "", "6000"), ("211", "", "4000")]);
    post(app, "2026-02-10", "上级专项补助（送温暖）", &[("10202", "5000", ""), ("40302", "", "5000")]);
    post(app, "2026-02-18", "困难职工帮扶", &[("50404", "1500", ""), ("101", "", "1500")]);
    post(app, "2026-03-03", "召开会员代表大会", &[("50502", "800.50", ""), ("101", "", "800.50")]);
}

/// The year-end close (结转收支) as the month-close code will post it: earmarked 40302 to
/// 321, the rest to 322.
pub fn post_closing(app: &App) {
    post_as(
        app.conn(),
        user_id(app),
        "2026-12-31",
        "结转本年收支",
        "closing",
        &[
            ("401", "3000", ""),
            ("402", "6000", ""),
            ("40302", "5000", ""),
            ("50105", "", "2500"),
            ("50404", "", "1500"),
            ("50502", "", "800.50"),
            ("321", "", "5000"),
            ("322", "", "4199.50"),
        ],
    );
}

pub fn count_rows(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

pub fn close_period(conn: &Connection, period: &str) {
    conn.execute(
        "INSERT INTO periods (period, status, closed_at) VALUES (?1, 'closed', ?2)
         ON CONFLICT(period) DO UPDATE SET status = 'closed'",
        [period, NOW],
    )
    .unwrap();
}
