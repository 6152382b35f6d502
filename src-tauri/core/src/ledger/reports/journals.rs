//! 现金日记账, 银行存款日记账, 明细账 (any account; a parent aggregates its children) and
//! 总账 (first-level accounts by month).

use super::{balances_through, check_period, check_range, direction, money, months, side_sign, split_period, start_month, voucher_no, Chart};
use crate::error::{CoreError, Result};
use crate::ledger::chart::Side;
use crate::money::Money;
use rusqlite::{params_from_iter, Connection};
use serde::Serialize;
use std::collections::HashMap;

/// One row of a book. `kind` is "opening" (上月结转 / 上年结转 / 期初余额), "entry" (a voucher
/// line), "month_total" (本月合计) or "year_total" (本年累计). `balance` is the amount of the
/// balance after the row and `direction` the side it is on (借 / 贷 / 平), as books are written.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct JournalRow {
    pub kind: &'static str,
    pub date: Option<String>,
    pub period: String,
    pub voucher_id: Option<i64>,
    pub voucher_no: Option<String>,
    pub summary: String,
    pub account_code: String,
    pub account_name: String,
    pub debit: Money,
    pub credit: Money,
    pub direction: &'static str,
    pub balance: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Journal {
    /// 现金日记账 / 银行存款日记账 / 明细账
    pub title: String,
    pub account_code: String,
    pub account_name: String,
    pub normal_side: Side,
    pub from: String,
    pub to: String,
    /// Balance before `from`, signed in the account's normal direction.
    pub opening: Money,
    pub debit: Money,
    pub credit: Money,
    /// Balance at the end of `to`, signed in the account's normal direction.
    pub closing: Money,
    pub rows: Vec<JournalRow>,
}

/// 现金日记账: 101 库存现金 and its sub-accounts.
pub fn cash_journal(conn: &Connection, from: &str, to: &str) -> Result<Journal> {
    let mut j = account_ledger(conn, "101", from, to)?;
    j.title = "现金日记账".into();
    Ok(j)
}

/// 银行存款日记账: 102 银行存款 and its sub-accounts (e.g. 10201 工商银行某某支行).
pub fn bank_journal(conn: &Connection, from: &str, to: &str) -> Result<Journal> {
    let mut j = account_ledger(conn, "102", from, to)?;
    j.title = "银行存款日记账".into();
    Ok(j)
}

fn in_list(n: usize, first: usize) -> String {
    (first..first + n).map(|i| format!("?{i}")).collect::<Vec<_>>().join(",")
}

fn opening_label(period: &str, start: &str) -> &'static str {
    if period <= start {
        "期初余额"
    } else if period.ends_with("-01") {
        "上年结转"
    } else {
        "上月结转"
    }
}

/// 明细账 of any account over `from..=to`: an opening row, every posted line in date order
/// with the running balance, and after each month 本月合计 and 本年累计.
pub fn account_ledger(conn: &Connection, account: &str, from: &str, to: &str) -> Result<Journal> {
    let (from, to) = check_range(from, to)?;
    let chart = Chart::load(conn)?;
    let acc = chart.require(account)?.clone();
    let side = acc.normal_side;
    let sign = side_sign(side);
    let codes = chart.subtree(&acc.code);
    let start = start_month(conn)?;

    // Opening: 期初余额 of the subtree + lines before `from`; and this year's sums before `from`.
    let ob_sql = format!("SELECT COALESCE(SUM(amount_fen), 0) FROM opening_balances WHERE account_code IN ({})", in_list(codes.len(), 1));
    let ob: i64 = conn.query_row(&ob_sql, params_from_iter(codes.iter()), |r| r.get(0))?;
    let sums_sql = format!(
        "SELECT COALESCE(SUM(debit_fen), 0), COALESCE(SUM(credit_fen), 0) FROM ledger_period_totals
         WHERE period >= ?1 AND period < ?2 AND account_code IN ({})",
        in_list(codes.len(), 3)
    );
    let sums = |lo: &str, hi: &str| -> Result<(i64, i64)> {
        let mut p: Vec<String> = vec![lo.to_string(), hi.to_string()];
        p.extend(codes.iter().cloned());
        Ok(conn.query_row(&sums_sql, params_from_iter(p.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?)
    };
    let (bd, bc) = sums("0000-00", &from)?;
    let (from_year, _) = split_period(&from);
    let (mut ytd_d, mut ytd_c) = sums(&format!("{from_year:04}-01"), &from)?;
    let opening = ob + (bd - bc) * sign;

    let lines_sql = format!(
        "SELECT l.voucher_id, l.period, v.date, v.number, v.summary, l.memo, l.account_code, l.debit_fen, l.credit_fen
         FROM journal_lines l JOIN journal_vouchers v ON v.id = l.voucher_id
         WHERE l.period >= ?1 AND l.period <= ?2 AND l.account_code IN ({})
         ORDER BY l.period, v.date, v.number, l.line_no",
        in_list(codes.len(), 3)
    );
    let mut p: Vec<String> = vec![from.clone(), to.clone()];
    p.extend(codes.iter().cloned());
    let mut stmt = conn.prepare(&lines_sql)?;
    struct Line {
        voucher_id: i64,
        period: String,
        date: String,
        number: i64,
        summary: String,
        memo: String,
        code: String,
        d: i64,
        c: i64,
    }
    let lines = stmt
        .query_map(params_from_iter(p.iter()), |r| {
            Ok(Line {
                voucher_id: r.get(0)?,
                period: r.get(1)?,
                date: r.get(2)?,
                number: r.get(3)?,
                summary: r.get(4)?,
                memo: r.get(5)?,
                code: r.get(6)?,
                d: r.get(7)?,
                c: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let name_of = |code: &str| chart.get(code).map(|a| a.name.clone()).unwrap_or_default();
    let row = |kind, date: Option<String>, period: &str, summary: String, d: i64, c: i64, bal: i64| JournalRow {
        kind,
        date,
        period: period.to_string(),
        voucher_id: None,
        voucher_no: None,
        summary,
        account_code: acc.code.clone(),
        account_name: acc.name.clone(),
        debit: money(d),
        credit: money(c),
        direction: direction(bal, side),
        balance: money(bal.abs()),
    };

    let mut rows = vec![row("opening", Some(format!("{from}-01")), &from, opening_label(&from, &start).to_string(), 0, 0, opening)];
    let mut bal = opening;
    let (mut tot_d, mut tot_c) = (0i64, 0i64);
    let mut it = lines.into_iter().peekable();
    let first_month = if start.as_str() > from.as_str() && start.as_str() <= to.as_str() { start.clone() } else { from.clone() };
    for m in months(&first_month, &to) {
        if m.ends_with("-01") && m != from {
            ytd_d = 0;
            ytd_c = 0;
        }
        let (mut md, mut mc) = (0i64, 0i64);
        while let Some(l) = it.next_if(|l| l.period == m) {
            bal += (l.d - l.c) * sign;
            md += l.d;
            mc += l.c;
            rows.push(JournalRow {
                kind: "entry",
                date: Some(l.date),
                period: l.period,
                voucher_id: Some(l.voucher_id),
                voucher_no: Some(voucher_no(l.number)),
                summary: if l.memo.trim().is_empty() { l.summary } else { format!("{}（{}）", l.summary, l.memo.trim()) },
                account_name: name_of(&l.code),
                account_code: l.code,
                debit: money(l.d),
                credit: money(l.c),
                direction: direction(bal, side),
                balance: money(bal.abs()),
            });
        }
        ytd_d += md;
        ytd_c += mc;
        tot_d += md;
        tot_c += mc;
        let last_day = last_day_of(&m);
        rows.push(row("month_total", Some(last_day.clone()), &m, "本月合计".into(), md, mc, bal));
        rows.push(row("year_total", Some(last_day), &m, "本年累计".into(), ytd_d, ytd_c, bal));
    }
    Ok(Journal {
        title: "明细账".into(),
        account_code: acc.code.clone(),
        account_name: acc.name.clone(),
        normal_side: side,
        from,
        to,
        opening: money(opening),
        debit: money(tot_d),
        credit: money(tot_c),
        closing: money(bal),
        rows,
    })
}

fn last_day_of(period: &str) -> String {
    let (y, m) = split_period(period);
    let next = if m == 12 { chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { chrono::NaiveDate::from_ymd_opt(y, m + 1, 1) };
    next.and_then(|d| d.pred_opt()).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct GeneralLedgerAccount {
    pub code: String,
    pub name: String,
    pub normal_side: Side,
    /// Balance at the start of the year, signed in the normal direction.
    pub opening: Money,
    /// Balance at the end of the last month shown, signed in the normal direction.
    pub closing: Money,
    pub rows: Vec<JournalRow>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct GeneralLedger {
    pub year: i32,
    pub accounts: Vec<GeneralLedgerAccount>,
}

/// 总账 for a year: each first-level account with its opening (上年结转 / 期初余额), then per
/// month 本月合计 (debit, credit, balance) and 本年累计. Months run from January (or the
/// book's start month) to the year's last month with postings.
pub fn general_ledger(conn: &Connection, year: i32) -> Result<GeneralLedger> {
    if !(1900..=9999).contains(&year) {
        return Err(CoreError::validation("year", format!("年份 {year} 不正确")));
    }
    let chart = Chart::load(conn)?;
    let start = start_month(conn)?;
    let jan = format!("{year:04}-01");
    let dec = format!("{year:04}-12");
    let opening = balances_through(conn, &chart, Some(&format!("{:04}-12", year - 1)))?;

    let mut stmt = conn.prepare(
        "SELECT account_code, period, SUM(debit_fen), SUM(credit_fen) FROM ledger_period_totals
         WHERE period >= ?1 AND period <= ?2 GROUP BY period, account_code",
    )?;
    let mut by_root: HashMap<(String, String), (i64, i64)> = HashMap::new();
    let mut last = String::new();
    for r in stmt.query_map([&jan, &dec], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?)))? {
        let (code, period, d, c) = r?;
        let e = by_root.entry((chart.root_of(&code), period.clone())).or_default();
        e.0 += d;
        e.1 += c;
        if period > last {
            last = period;
        }
    }
    let first = if start > jan { start.clone() } else { jan.clone() };
    let month_list = if last.is_empty() || first > dec { Vec::new() } else { months(&first, &last) };

    let mut accounts = Vec::new();
    for a in chart.list.iter().filter(|a| a.parent_code.is_none()) {
        let side = a.normal_side;
        let sign = side_sign(side);
        let o = opening.get(&a.code).copied().unwrap_or(0);
        let active = o != 0 || month_list.iter().any(|m| by_root.contains_key(&(a.code.clone(), m.clone())));
        if !active {
            continue;
        }
        let mk = |kind, date: Option<String>, period: &str, summary: &str, d: i64, c: i64, bal: i64| JournalRow {
            kind,
            date,
            period: period.to_string(),
            voucher_id: None,
            voucher_no: None,
            summary: summary.to_string(),
            account_code: a.code.clone(),
            account_name: a.name.clone(),
            debit: money(d),
            credit: money(c),
            direction: direction(bal, side),
            balance: money(bal.abs()),
        };
        let mut rows = vec![mk("opening", Some(format!("{first}-01")), &first, opening_label(&first, &start), 0, 0, o)];
        let mut bal = o;
        let (mut yd, mut yc) = (0, 0);
        for m in &month_list {
            let (d, c) = by_root.get(&(a.code.clone(), m.clone())).copied().unwrap_or((0, 0));
            bal += (d - c) * sign;
            yd += d;
            yc += c;
            let day = last_day_of(m);
            rows.push(mk("month_total", Some(day.clone()), m, "本月合计", d, c, bal));
            rows.push(mk("year_total", Some(day), m, "本年累计", yd, yc, bal));
        }
        accounts.push(GeneralLedgerAccount { code: a.code.clone(), name: a.name.clone(), normal_side: side, opening: money(o), closing: money(bal), rows });
    }
    let _ = check_period(&jan, "year")?;
    Ok(GeneralLedger { year, accounts })
}
