//! Accounting periods and month close (结账). A month is open until closed; a closed month
//! takes no posting from any path. Closing checks drafts, order, balance and the bank
//! statement; closing December first carries the year's income and spending into 321/322.
//! Reopening (反结账) is the chair's, with a written reason, and only for the last closed month.

use super::chart::{AccountClass, Side};
use super::posting::{self, LineInput, PostedVoucher, VoucherInput};
use super::{chain, drafts, entry};
use crate::error::{CoreError, Result};
use crate::money::Money;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Refuse when `period` ("2026-10") is closed.
pub fn require_open(conn: &Connection, period: &str) -> Result<()> {
    if posting::is_period_closed(conn, period)? {
        return Err(CoreError::PeriodClosed { period: period.to_string() });
    }
    Ok(())
}

fn check_period(p: &str) -> Result<(String, NaiveDate)> {
    let first = crate::book::parse_month(p).map_err(|_| CoreError::validation("period", format!("会计期间“{p}”格式不正确，应为 YYYY-MM")))?;
    Ok((posting::period_of(first), first))
}

fn prev_period(first: NaiveDate) -> String {
    posting::period_of(first - chrono::Duration::days(1))
}

/// Balance of an account and all its sub-accounts at the end of `period`, signed in the
/// account's normal direction (opening balance + postings up to and including the period).
pub fn balance_at_end(conn: &Connection, code: &str, period: &str) -> Result<Money> {
    let side: String = conn
        .query_row("SELECT normal_side FROM accounts WHERE code = ?1", [code], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("会计科目 {code}")))?;
    // The account and its sub-accounts: codes that start with `code`. Codes are digits, so the
    // range [code, code + ":") is that prefix — and unlike LIKE it can use the
    // (account_code, period) index.
    let upper = format!("{code}:");
    let opening: i64 = conn.query_row(
        "SELECT COALESCE(SUM(amount_fen), 0) FROM opening_balances WHERE account_code >= ?1 AND account_code < ?2",
        params![code, upper],
        |r| r.get(0),
    )?;
    let (d, c): (i64, i64) = conn.query_row(
        "SELECT COALESCE(SUM(debit_fen), 0), COALESCE(SUM(credit_fen), 0) FROM ledger_period_totals
         WHERE account_code >= ?1 AND account_code < ?2 AND period <= ?3",
        params![code, upper, period],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let net = if side == "debit" { d - c } else { c - d };
    Ok(Money::from_fen(opening + net))
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PeriodStatus {
    pub period: String,
    /// "open" | "closed" | "before_start" (earlier than the book's start month)
    pub status: String,
    pub can_close: bool,
    /// Plain-words reasons the month cannot be closed now.
    pub blockers: Vec<String>,
    pub vouchers: i64,
    pub drafts: i64,
    /// 银行存款 (102 and its sub-accounts) at the end of the month, per the books.
    pub bank_book_balance: Money,
    /// The bank statement's closing balance as entered (null until entered).
    pub bank_statement_balance: Option<Money>,
    /// statement − books (null until the statement balance is entered).
    pub difference: Option<Money>,
    /// Fingerprint of the chain head: stored at close for a closed month, current otherwise.
    pub chain_fingerprint: String,
    pub closed_at: Option<String>,
    pub closed_by_name: Option<String>,
    /// True for December: closing it first posts the year-end 结转 vouchers.
    pub year_end: bool,
}

struct PeriodRow {
    status: String,
    closed_at: Option<String>,
    closed_by_name: Option<String>,
    chain_head: Option<String>,
    bank_statement_fen: Option<i64>,
}

fn period_row(conn: &Connection, period: &str) -> Result<Option<PeriodRow>> {
    Ok(conn
        .query_row(
            "SELECT p.status, p.closed_at, u.name, p.chain_head, p.bank_statement_fen FROM periods p
             LEFT JOIN users u ON u.id = p.closed_by WHERE p.period = ?1",
            [period],
            |r| {
                Ok(PeriodRow {
                    status: r.get(0)?,
                    closed_at: r.get(1)?,
                    closed_by_name: r.get(2)?,
                    chain_head: r.get(3)?,
                    bank_statement_fen: r.get(4)?,
                })
            },
        )
        .optional()?)
}

pub fn status(conn: &Connection, period: &str) -> Result<PeriodStatus> {
    let (period, first) = check_period(period)?;
    let start = posting::start_month(conn)?;
    let row = period_row(conn, &period)?;
    let closed = row.as_ref().is_some_and(|r| r.status == "closed");
    let vouchers: i64 = conn.query_row("SELECT COUNT(*) FROM journal_vouchers WHERE period = ?1", [&period], |r| r.get(0))?;
    let drafts = drafts::count_in_period(conn, &period)?;
    let bank = balance_at_end(conn, "102", &period)?;
    let statement = row.as_ref().and_then(|r| r.bank_statement_fen).map(Money::from_fen);
    let difference = statement.map(|s| s - bank);
    let mut blockers = Vec::new();
    let status = if period < start {
        blockers.push(format!("{period} 早于建账月份 {start}"));
        "before_start"
    } else if closed {
        blockers.push(format!("{period} 已经结账"));
        "closed"
    } else {
        "open"
    };
    if status == "open" {
        if drafts > 0 {
            blockers.push(format!("本月还有 {drafts} 张凭证草稿，请记账或删除后再结账"));
        }
        let prev = prev_period(first);
        if period > start && !posting::is_period_closed(conn, &prev)? {
            blockers.push(format!("上月（{prev}）尚未结账，请按月份顺序结账"));
        }
        let (d, c): (i64, i64) = conn.query_row(
            "SELECT COALESCE(SUM(debit_fen), 0), COALESCE(SUM(credit_fen), 0) FROM ledger_period_totals WHERE period <= ?1",
            [&period],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if d != c {
            blockers.push(format!(
                "账簿借贷不平衡：借方合计 {}，贷方合计 {}",
                Money::from_fen(d).format_thousands(),
                Money::from_fen(c).format_thousands()
            ));
        }
        let ot = super::opening::totals(conn)?;
        if !ot.balanced {
            blockers.push(format!("期初余额不平衡，相差 {}", ot.difference.abs().format_thousands()));
        }
        match difference {
            None => blockers.push(format!("尚未录入本月银行对账单余额（账面银行存款余额 {}）", bank.format_thousands())),
            Some(diff) if !diff.is_zero() => blockers.push(format!(
                "银行对账单余额 {} 与账面银行存款余额 {} 不符，相差 {}",
                statement.unwrap_or_default().format_thousands(),
                bank.format_thousands(),
                diff.abs().format_thousands()
            )),
            _ => {}
        }
    }
    let head = match row.as_ref().and_then(|r| r.chain_head.clone()).filter(|_| closed) {
        Some(h) => h,
        None => chain::current_head(conn)?.1,
    };
    Ok(PeriodStatus {
        can_close: blockers.is_empty(),
        blockers,
        status: status.to_string(),
        vouchers,
        drafts,
        bank_book_balance: bank,
        bank_statement_balance: statement,
        difference,
        chain_fingerprint: chain::fingerprint(&head),
        closed_at: row.as_ref().and_then(|r| r.closed_at.clone()).filter(|_| closed),
        closed_by_name: row.as_ref().and_then(|r| r.closed_by_name.clone()).filter(|_| closed),
        year_end: first.month() == 12,
        period,
    })
}

/// The fingerprint of a month as printed on its notice: the chain head stored when it was
/// closed (with the close time), or the current head while it is open. A light read, without
/// the close checks of [`status`].
pub fn fingerprint_of(conn: &Connection, period: &str) -> Result<(String, Option<String>)> {
    let (period, _) = check_period(period)?;
    let row = period_row(conn, &period)?.filter(|r| r.status == "closed");
    match row.and_then(|r| r.chain_head.map(|h| (h, r.closed_at))) {
        Some((head, closed_at)) => Ok((chain::fingerprint(&head), closed_at)),
        None => Ok((chain::fingerprint(&chain::current_head(conn)?.1), None)),
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PeriodSummary {
    pub period: String,
    /// "open" | "closed" | "before_start"
    pub status: String,
    pub vouchers: i64,
    pub drafts: i64,
    pub closed_at: Option<String>,
}

pub fn list(conn: &Connection, year: i32) -> Result<Vec<PeriodSummary>> {
    if !(1900..=9999).contains(&year) {
        return Err(CoreError::validation("year", format!("年份 {year} 不正确")));
    }
    let start = posting::start_month(conn)?;
    (1..=12)
        .map(|m| {
            let period = format!("{year:04}-{m:02}");
            let row = period_row(conn, &period)?;
            let closed = row.as_ref().is_some_and(|r| r.status == "closed");
            Ok(PeriodSummary {
                status: if period < start { "before_start" } else if closed { "closed" } else { "open" }.to_string(),
                vouchers: conn.query_row("SELECT COUNT(*) FROM journal_vouchers WHERE period = ?1", [&period], |r| r.get(0))?,
                drafts: drafts::count_in_period(conn, &period)?,
                closed_at: row.and_then(|r| r.closed_at).filter(|_| closed),
                period,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct SetBankStatement {
    pub period: String,
    pub balance: Money,
}

pub fn set_bank_statement(conn: &Connection, a: &SetBankStatement) -> Result<PeriodStatus> {
    let (period, _) = check_period(&a.period)?;
    if period < posting::start_month(conn)? {
        return Err(CoreError::validation("period", format!("{period} 早于建账月份")));
    }
    require_open(conn, &period)?;
    if a.balance.decimal().normalize().scale() > 2 {
        return Err(CoreError::validation("balance", "金额最多两位小数"));
    }
    conn.execute(
        "INSERT INTO periods (period, status, bank_statement_fen) VALUES (?1, 'open', ?2)
         ON CONFLICT(period) DO UPDATE SET bank_statement_fen = excluded.bank_statement_fen",
        params![period, a.balance.fen()],
    )?;
    status(conn, &period)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BankLine {
    pub voucher_id: i64,
    pub display_number: String,
    pub date: NaiveDate,
    pub summary: String,
    pub line_no: i64,
    pub account_code: String,
    pub account_name: String,
    pub debit: Money,
    pub credit: Money,
    pub memo: String,
    pub ticked: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BankReconciliation {
    pub period: String,
    /// 银行存款 at the start of the month, per the books.
    pub opening_balance: Money,
    pub lines: Vec<BankLine>,
    pub debit_total: Money,
    pub credit_total: Money,
    /// 银行存款 at the end of the month, per the books.
    pub book_balance: Money,
    pub statement_balance: Option<Money>,
    /// statement − books
    pub difference: Option<Money>,
    pub ticked_debit: Money,
    pub ticked_credit: Money,
    pub unticked_debit: Money,
    pub unticked_credit: Money,
    pub closed: bool,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct PeriodArg {
    pub period: String,
}

pub fn bank_reconciliation(conn: &Connection, period: &str) -> Result<BankReconciliation> {
    let (period, first) = check_period(period)?;
    let opening_balance = balance_at_end(conn, "102", &prev_period(first))?;
    let book_balance = balance_at_end(conn, "102", &period)?;
    let mut stmt = conn.prepare(
        "SELECT v.id, v.number, v.date, v.summary, l.line_no, l.account_code, COALESCE(a.name, ''), l.debit_fen, l.credit_fen, l.memo,
                EXISTS (SELECT 1 FROM bank_ticks t WHERE t.voucher_id = l.voucher_id AND t.line_no = l.line_no)
         FROM journal_lines l JOIN journal_vouchers v ON v.id = l.voucher_id LEFT JOIN accounts a ON a.code = l.account_code
         WHERE l.period = ?1 AND l.account_code LIKE '102%'
         ORDER BY v.date, v.number, l.line_no",
    )?;
    let lines = stmt
        .query_map([&period], |r| {
            Ok(BankLine {
                voucher_id: r.get(0)?,
                display_number: posting::display_number(r.get(1)?),
                date: NaiveDate::parse_from_str(&r.get::<_, String>(2)?, "%Y-%m-%d").unwrap_or_default(),
                summary: r.get(3)?,
                line_no: r.get(4)?,
                account_code: r.get(5)?,
                account_name: r.get(6)?,
                debit: Money::from_fen(r.get(7)?),
                credit: Money::from_fen(r.get(8)?),
                memo: r.get(9)?,
                ticked: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let sum = |f: &dyn Fn(&BankLine) -> bool, debit: bool| -> Money {
        lines.iter().filter(|l| f(l)).map(|l| if debit { l.debit } else { l.credit }).sum()
    };
    let statement_balance = period_row(conn, &period)?.and_then(|r| r.bank_statement_fen).map(Money::from_fen);
    Ok(BankReconciliation {
        opening_balance,
        debit_total: sum(&|_| true, true),
        credit_total: sum(&|_| true, false),
        ticked_debit: sum(&|l| l.ticked, true),
        ticked_credit: sum(&|l| l.ticked, false),
        unticked_debit: sum(&|l| !l.ticked, true),
        unticked_credit: sum(&|l| !l.ticked, false),
        book_balance,
        difference: statement_balance.map(|s| s - book_balance),
        statement_balance,
        closed: posting::is_period_closed(conn, &period)?,
        period,
        lines,
    })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct BankTick {
    pub voucher_id: i64,
    pub line_no: i64,
    pub ticked: bool,
}

pub fn bank_tick(conn: &Connection, a: &BankTick, now: &str) -> Result<BankReconciliation> {
    let (period, code): (String, String) = conn
        .query_row(
            "SELECT period, account_code FROM journal_lines WHERE voucher_id = ?1 AND line_no = ?2",
            params![a.voucher_id, a.line_no],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("凭证（编号 {}）第 {} 行", a.voucher_id, a.line_no)))?;
    if !code.starts_with("102") {
        return Err(CoreError::invalid("只能勾对银行存款的分录"));
    }
    require_open(conn, &period)?;
    if a.ticked {
        conn.execute(
            "INSERT INTO bank_ticks (voucher_id, line_no, ticked_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            params![a.voucher_id, a.line_no, now],
        )?;
    } else {
        conn.execute("DELETE FROM bank_ticks WHERE voucher_id = ?1 AND line_no = ?2", params![a.voucher_id, a.line_no])?;
    }
    bank_reconciliation(conn, &period)
}

/// Year-to-date balances (normal direction, fen) of the leaf accounts of one class for `year`.
fn year_balances(conn: &Connection, class: AccountClass, year: i32) -> Result<BTreeMap<String, (i64, Side)>> {
    let start = posting::start_month(conn)?;
    let include_opening = start.starts_with(&format!("{year:04}-"));
    let mut stmt = conn.prepare(
        "SELECT a.code, a.normal_side,
            COALESCE((SELECT SUM(l.debit_fen - l.credit_fen) FROM journal_lines l WHERE l.account_code = a.code AND l.period >= ?2 AND l.period <= ?3), 0),
            CASE WHEN ?4 THEN COALESCE((SELECT o.amount_fen FROM opening_balances o WHERE o.account_code = a.code), 0) ELSE 0 END
         FROM accounts a WHERE a.class = ?1 AND NOT EXISTS (SELECT 1 FROM accounts c WHERE c.parent_code = a.code) ORDER BY a.code",
    )?;
    let rows = stmt
        .query_map(params![class.as_str(), format!("{year:04}-01"), format!("{year:04}-12"), include_opening], |r| {
            let side = if r.get::<_, String>(1)? == "debit" { Side::Debit } else { Side::Credit };
            let net: i64 = r.get(2)?;
            let opening: i64 = r.get(3)?;
            let bal = opening + if side == Side::Debit { net } else { -net };
            Ok((r.get::<_, String>(0)?, (bal, side)))
        })?
        .collect::<rusqlite::Result<BTreeMap<_, _>>>()?;
    Ok(rows.into_iter().filter(|(_, (b, _))| *b != 0).collect())
}

/// A closing voucher that empties `accounts` into `target`: each account gets a line on the
/// side opposite its balance; the target takes the difference.
fn closing_voucher(date: NaiveDate, summary: &str, accounts: &[(String, (i64, Side))], target: &str) -> Option<VoucherInput> {
    if accounts.is_empty() {
        return None;
    }
    let mut lines = Vec::new();
    let mut net = 0i64; // Σdebit − Σcredit so far
    for (code, (bal, side)) in accounts {
        // To empty a debit-normal balance b>0: credit b. A negative balance: the other side.
        let on_debit = (*side == Side::Credit) == (*bal > 0);
        let amt = bal.abs();
        let (d, c) = if on_debit { (amt, 0) } else { (0, amt) };
        net += d - c;
        lines.push(LineInput {
            account_code: code.clone(),
            debit: Money::from_fen(d),
            credit: Money::from_fen(c),
            member_id: None,
            memo: String::new(),
        });
    }
    if net != 0 {
        let (d, c) = if net > 0 { (0, net) } else { (-net, 0) };
        let line = LineInput { account_code: target.to_string(), debit: Money::from_fen(d), credit: Money::from_fen(c), member_id: None, memo: String::new() };
        if d > 0 {
            lines.insert(0, line);
        } else {
            lines.push(line);
        }
    }
    if lines.len() < 2 {
        return None;
    }
    Some(VoucherInput {
        date,
        summary: summary.to_string(),
        attachments_count: 0,
        source: "closing".to_string(),
        source_ref: Some(format!("{} 年终结转", date.year())),
        lines,
        prepared_by: None,
        approved_by: None,
        reverses_id: None,
    })
}

/// The year-end 结转 vouchers December's close will post (none if already carried over).
pub fn year_end_vouchers(conn: &Connection, year: i32) -> Result<Vec<VoucherInput>> {
    let date = NaiveDate::from_ymd_opt(year, 12, 31).expect("date");
    let income = year_balances(conn, AccountClass::Income, year)?;
    let expense = year_balances(conn, AccountClass::Expense, year)?;
    let (special, general): (Vec<_>, Vec<_>) = income.into_iter().partition(|(code, _)| code.starts_with("40302"));
    let expense: Vec<_> = expense.into_iter().collect();
    let mut out = Vec::new();
    if !special.is_empty() {
        let t = entry::first_leaf_under(conn, "321")?.code;
        out.extend(closing_voucher(date, &format!("结转 {year} 年专项转移支付补助收入"), &special, &t));
    }
    let t322 = entry::first_leaf_under(conn, "322")?.code;
    out.extend(closing_voucher(date, &format!("结转 {year} 年收入"), &general, &t322));
    out.extend(closing_voucher(date, &format!("结转 {year} 年支出"), &expense, &t322));
    Ok(out)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CloseResult {
    pub status: PeriodStatus,
    /// The year-end 结转 vouchers posted by a December close (empty otherwise).
    pub closing_vouchers: Vec<PostedVoucher>,
}

/// Add what other modules say must happen before the month closes (the audit committee's
/// sign-off): the command that shows or closes a month collects those, so the ledger does not
/// need to know who raises them.
pub fn with_blockers(mut st: PeriodStatus, outside: Vec<String>) -> PeriodStatus {
    if st.status == "open" {
        st.blockers.extend(outside);
        st.can_close = st.blockers.is_empty();
    }
    st
}

/// 结账. `outside_blockers` are the other modules' reasons the month cannot close yet.
pub fn close(conn: &Connection, period: &str, outside_blockers: Vec<String>, user_id: i64, now: &str) -> Result<CloseResult> {
    let st = with_blockers(status(conn, period)?, outside_blockers);
    if !st.can_close {
        return Err(CoreError::Conflict(format!("{} 不能结账：{}", st.period, st.blockers.join("；"))));
    }
    let (period, first) = check_period(period)?;
    let mut closing_vouchers = Vec::new();
    if first.month() == 12 {
        for v in year_end_vouchers(conn, first.year())? {
            closing_vouchers.push(posting::post_voucher(conn, &v, user_id, now)?);
        }
    }
    let (seq, head) = chain::current_head(conn)?;
    conn.execute(
        "INSERT INTO periods (period, status, closed_at, closed_by, chain_seq, chain_head) VALUES (?1, 'closed', ?2, ?3, ?4, ?5)
         ON CONFLICT(period) DO UPDATE SET status = 'closed', closed_at = excluded.closed_at, closed_by = excluded.closed_by,
             chain_seq = excluded.chain_seq, chain_head = excluded.chain_head",
        params![period, now, user_id, seq, head],
    )?;
    conn.execute(
        "INSERT INTO period_events (period, action, by_user, at, reason, chain_head) VALUES (?1, 'close', ?2, ?3, '', ?4)",
        params![period, user_id, now, head],
    )?;
    Ok(CloseResult { status: status(conn, &period)?, closing_vouchers })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct Reopen {
    pub period: String,
    pub reason: String,
    /// Reopening needs the auditor too (the chair is logged in).
    #[serde(flatten)]
    pub confirm: crate::users::officers::Confirm,
}

pub fn reopen(conn: &Connection, a: &Reopen, user_id: i64, now: &str) -> Result<PeriodStatus> {
    let (period, _) = check_period(&a.period)?;
    let reason = a.reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "反结账必须写明原因"));
    }
    if reason.chars().count() > 500 {
        return Err(CoreError::validation("reason", "原因不能超过 500 个字"));
    }
    if !posting::is_period_closed(conn, &period)? {
        return Err(CoreError::invalid(format!("{period} 没有结账，无需反结账")));
    }
    let later: Option<String> = conn
        .query_row("SELECT MAX(period) FROM periods WHERE status = 'closed' AND period > ?1", [&period], |r| r.get(0))
        .optional()?
        .flatten();
    if let Some(l) = later {
        return Err(CoreError::invalid(format!("只能反结账最后一个已结账的月份（{l}），请从最近的月份开始逐月反结账")));
    }
    let head = chain::current_head(conn)?.1;
    conn.execute(
        "UPDATE periods SET status = 'open', closed_at = NULL, closed_by = NULL, chain_seq = NULL, chain_head = NULL WHERE period = ?1",
        [&period],
    )?;
    conn.execute(
        "INSERT INTO period_events (period, action, by_user, at, reason, chain_head) VALUES (?1, 'reopen', ?2, ?3, ?4, ?5)",
        params![period, user_id, now, reason, head],
    )?;
    status(conn, &period)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PeriodEvent {
    pub id: i64,
    pub period: String,
    pub action: String,
    pub by_user: i64,
    pub by_name: String,
    pub at: String,
    pub reason: String,
    pub chain_fingerprint: Option<String>,
}

pub fn events(conn: &Connection, period: Option<&str>) -> Result<Vec<PeriodEvent>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.period, e.action, e.by_user, COALESCE(u.name, ''), e.at, e.reason, e.chain_head
         FROM period_events e LEFT JOIN users u ON u.id = e.by_user WHERE (?1 IS NULL OR e.period = ?1) ORDER BY e.id",
    )?;
    let rows = stmt
        .query_map([period], |r| {
            Ok(PeriodEvent {
                id: r.get(0)?,
                period: r.get(1)?,
                action: r.get(2)?,
                by_user: r.get(3)?,
                by_name: r.get(4)?,
                at: r.get(5)?,
                reason: r.get(6)?,
                chain_fingerprint: r.get::<_, Option<String>>(7)?.map(|h| chain::fingerprint(&h)),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
