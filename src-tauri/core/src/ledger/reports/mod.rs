//! Books and reports (账簿报表): 科目余额表, 现金/银行存款日记账, 明细账, 总账, 收入支出表
//! (工会02表) and 资产负债表 (工会01表), each as JSON and as XLSX.
//!
//! Every figure is aggregated in SQL (`GROUP BY` over the `(account_code, period)` and
//! `(period, account_code)` indexes of `journal_lines`) and rolled up to parent accounts in
//! memory, so a book of ten years and 150k lines reports in well under a second.

pub mod commands;
pub mod export;
pub mod hledger;
pub mod journals;
pub mod statements;
pub mod trial_balance;

pub use journals::{account_ledger, bank_journal, cash_journal, general_ledger, GeneralLedger, Journal, JournalRow};
pub use statements::{balance_sheet, income_statement, BalanceSheet, IncomeStatement, StatementRow};
pub use trial_balance::{trial_balance, trial_balance_opts, TrialBalance};

use crate::error::{CoreError, Result};
use crate::ledger::chart::{self, Account, Side};
use rusqlite::Connection;
use std::collections::HashMap;

/// "记-003": how a voucher number is written on every book and report.
pub fn voucher_no(number: i64) -> String {
    format!("记-{number:03}")
}

/// +1 for debit-normal accounts, −1 for credit-normal ones: `signed = (debit − credit) × sign`.
pub fn side_sign(side: Side) -> i64 {
    match side {
        Side::Debit => 1,
        Side::Credit => -1,
    }
}

/// 借 / 贷 / 平 for a balance signed in the account's normal direction.
pub fn direction(balance_fen: i64, side: Side) -> &'static str {
    match balance_fen.signum() {
        0 => "平",
        1 => side.label(),
        _ => match side {
            Side::Debit => "贷",
            Side::Credit => "借",
        },
    }
}

/// A "YYYY-MM" argument, checked.
pub fn check_period(s: &str, field: &str) -> Result<String> {
    let s = s.trim();
    crate::book::parse_month(s).map_err(|_| CoreError::validation(field, format!("月份“{s}”格式不正确，应为 YYYY-MM，例如 2026-01")))?;
    Ok(s.to_string())
}

pub fn check_range(from: &str, to: &str) -> Result<(String, String)> {
    let from = check_period(from, "from")?;
    let to = check_period(to, "to")?;
    if from > to {
        return Err(CoreError::validation("to", format!("结束月份 {to} 早于开始月份 {from}")));
    }
    Ok((from, to))
}

/// Every month from `from` to `to`, inclusive.
pub fn months(from: &str, to: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut y, mut m) = split_period(from);
    let (ty, tm) = split_period(to);
    while (y, m) <= (ty, tm) {
        out.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

pub fn split_period(p: &str) -> (i32, u32) {
    let y = p.get(0..4).and_then(|s| s.parse().ok()).unwrap_or(1970);
    let m = p.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
    (y, m)
}

pub fn prev_period(p: &str) -> String {
    let (y, m) = split_period(p);
    if m == 1 {
        format!("{:04}-12", y - 1)
    } else {
        format!("{y:04}-{:02}", m - 1)
    }
}

/// The book's start month (建账月份): opening balances apply there.
pub fn start_month(conn: &Connection) -> Result<String> {
    Ok(crate::book::settings(conn)?.start_month)
}

/// The chart, keyed by code, plus its order.
pub(crate) struct Chart {
    pub list: Vec<Account>,
    pub by_code: HashMap<String, usize>,
}

impl Chart {
    pub fn load(conn: &Connection) -> Result<Chart> {
        let list = chart::list_accounts(conn)?;
        let by_code = list.iter().enumerate().map(|(i, a)| (a.code.clone(), i)).collect();
        Ok(Chart { list, by_code })
    }
    pub fn get(&self, code: &str) -> Option<&Account> {
        self.by_code.get(code).map(|&i| &self.list[i])
    }
    pub fn require(&self, code: &str) -> Result<&Account> {
        self.get(code.trim()).ok_or_else(|| CoreError::NotFound(format!("会计科目 {}", code.trim())))
    }
    /// The account itself and every account below it.
    pub fn subtree(&self, code: &str) -> Vec<String> {
        self.list
            .iter()
            .filter(|a| a.code == code || self.is_ancestor(code, &a.code))
            .map(|a| a.code.clone())
            .collect()
    }
    pub fn is_ancestor(&self, ancestor: &str, code: &str) -> bool {
        let mut cur = self.get(code).and_then(|a| a.parent_code.clone());
        while let Some(p) = cur {
            if p == ancestor {
                return true;
            }
            cur = self.get(&p).and_then(|a| a.parent_code.clone());
        }
        false
    }
    /// The account and its ancestors, nearest first.
    pub fn with_ancestors(&self, code: &str) -> Vec<String> {
        let mut out = vec![code.to_string()];
        let mut cur = self.get(code).and_then(|a| a.parent_code.clone());
        while let Some(p) = cur {
            cur = self.get(&p).and_then(|a| a.parent_code.clone());
            out.push(p);
        }
        out
    }
    /// The first-level account an account rolls up to.
    pub fn root_of(&self, code: &str) -> String {
        self.with_ancestors(code).pop().unwrap_or_else(|| code.to_string())
    }
}

/// Opening balances (期初余额), signed in each account's normal direction, in 分.
pub(crate) fn opening_balances(conn: &Connection) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare("SELECT account_code, amount_fen FROM opening_balances WHERE amount_fen <> 0")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Σdebit and Σcredit per account over posted lines with `from <= period <= to` (either bound
/// optional), excluding vouchers whose source is in `exclude_sources`. One grouped query.
pub(crate) fn sums_by_account(
    conn: &Connection,
    from: Option<&str>,
    to: Option<&str>,
    exclude_sources: &[&str],
) -> Result<HashMap<String, (i64, i64)>> {
    // Monthly totals (migration 0008), not the lines: a few rows per account and month.
    let mut sql = String::from("SELECT account_code, SUM(debit_fen), SUM(credit_fen) FROM ledger_period_totals WHERE period >= ?1 AND period <= ?2");
    if !exclude_sources.is_empty() {
        let list = exclude_sources.iter().map(|s| format!("'{}'", s.replace('\'', "''"))).collect::<Vec<_>>().join(",");
        sql.push_str(&format!(" AND source NOT IN ({list})"));
    }
    sql.push_str(" GROUP BY account_code");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([from.unwrap_or("0000-00"), to.unwrap_or("9999-99")], |r| {
        Ok((r.get::<_, String>(0)?, (r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Balances in 分 per account (leaves and parents), signed in the normal direction, as of
/// the end of `to` (inclusive) — opening balances plus every posted line up to then.
pub(crate) fn balances_through(conn: &Connection, chart: &Chart, to: Option<&str>) -> Result<HashMap<String, i64>> {
    let mut leaf: HashMap<String, i64> = HashMap::new();
    for (code, amt) in opening_balances(conn)? {
        *leaf.entry(code).or_default() += amt;
    }
    for (code, (d, c)) in sums_by_account(conn, None, to, &[])? {
        let side = chart.get(&code).map(|a| a.normal_side).unwrap_or(Side::Debit);
        *leaf.entry(code).or_default() += (d - c) * side_sign(side);
    }
    Ok(roll_up(chart, &leaf))
}

/// Add each account's own figure into all its ancestors.
pub(crate) fn roll_up(chart: &Chart, own: &HashMap<String, i64>) -> HashMap<String, i64> {
    let mut out: HashMap<String, i64> = HashMap::new();
    for (code, v) in own {
        for a in chart.with_ancestors(code) {
            *out.entry(a).or_default() += v;
        }
    }
    out
}

pub(crate) fn money(fen: i64) -> crate::money::Money {
    crate::money::Money::from_fen(fen)
}
