//! The annual budget (经费收支预算, 经费使用计划): an amount per income and expense account
//! (first-level or sub-account), dated adjustments (预算调整) with a reason, the approval
//! dates of the plan (工会委员会, 经审会, 上级工会), and budget against actual per month and
//! year to date with the execution rate (执行率).
//!
//! How amounts add up: an account with its own line has that amount as its budget, and its
//! sub-accounts' lines are a breakdown of it; an account without a line budgets the sum of its
//! sub-accounts. An adjustment changes the account it names and every account above it.
//! Adjustments count from their date, so the budget "as of October" leaves out November's.
//!
//! Actual figures are the income statement's (收入支出表): posted vouchers, the year-end 结转
//! left out — so budget execution on the notice agrees with the books to the fen.

pub mod commands;
pub mod import;

use crate::error::{CoreError, Result};
use crate::ledger::chart::{self, Account, AccountClass};
use crate::ledger::reports::income_statement;
use crate::money::Money;
use chrono::NaiveDate;
use rust_decimal::prelude::*;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub(crate) fn check_year(year: i32) -> Result<i32> {
    if !(1900..=9999).contains(&year) {
        return Err(CoreError::validation("year", format!("年份 {year} 不正确")));
    }
    Ok(year)
}

/// The approval record of a year's plan.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, ts_rs::TS)]
#[ts(rename = "BudgetApproval")]
pub struct Approval {
    /// 工会委员会审议通过日期
    pub committee_date: Option<NaiveDate>,
    /// 经费审查委员会审查日期
    pub audit_date: Option<NaiveDate>,
    /// 上级工会批复日期
    pub upper_date: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
}

impl Approval {
    pub fn is_approved(&self) -> bool {
        self.committee_date.is_some()
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BudgetLine {
    pub account_code: String,
    pub account_name: String,
    pub class: AccountClass,
    pub level: usize,
    pub amount: Money,
    pub purpose: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Adjustment {
    pub id: i64,
    pub date: NaiveDate,
    pub account_code: String,
    pub account_name: String,
    /// Signed: positive raises the budget, negative lowers it.
    pub amount: Money,
    pub reason: String,
    pub created_by_name: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BudgetYear {
    pub year: i32,
    pub approval: Approval,
    pub lines: Vec<BudgetLine>,
    pub adjustments: Vec<Adjustment>,
}

pub fn approval(conn: &Connection, year: i32) -> Result<Approval> {
    Ok(conn
        .query_row(
            "SELECT committee_date, audit_date, upper_date, note FROM budget_years WHERE year = ?1",
            [year],
            |r| {
                let d = |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
                Ok(Approval { committee_date: d(r.get(0)?), audit_date: d(r.get(1)?), upper_date: d(r.get(2)?), note: r.get(3)? })
            },
        )
        .optional()?
        .unwrap_or_default())
}

/// The year's plan as entered: approval, lines and every adjustment.
pub fn get(conn: &Connection, year: i32) -> Result<BudgetYear> {
    let year = check_year(year)?;
    let mut stmt = conn.prepare(
        "SELECT b.account_code, a.name, a.class, b.amount_fen, b.purpose FROM budget_lines b
         JOIN accounts a ON a.code = b.account_code WHERE b.year = ?1 ORDER BY b.account_code",
    )?;
    let lines = stmt
        .query_map([year], |r| {
            let code: String = r.get(0)?;
            Ok(BudgetLine {
                level: if code.len() <= 3 { 1 } else { (code.len() - 1) / 2 },
                account_code: code,
                account_name: r.get(1)?,
                class: AccountClass::parse(&r.get::<_, String>(2)?),
                amount: Money::from_fen(r.get(3)?),
                purpose: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare(
        "SELECT b.id, b.date, b.account_code, a.name, b.amount_fen, b.reason, u.name, b.created_at FROM budget_adjustments b
         JOIN accounts a ON a.code = b.account_code LEFT JOIN users u ON u.id = b.created_by
         WHERE b.year = ?1 ORDER BY b.date, b.id",
    )?;
    let adjustments = stmt
        .query_map([year], |r| {
            Ok(Adjustment {
                id: r.get(0)?,
                date: NaiveDate::parse_from_str(&r.get::<_, String>(1)?, "%Y-%m-%d").unwrap_or_default(),
                account_code: r.get(2)?,
                account_name: r.get(3)?,
                amount: Money::from_fen(r.get(4)?),
                reason: r.get(5)?,
                created_by_name: r.get(6)?,
                created_at: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(BudgetYear { year, approval: approval(conn, year)?, lines, adjustments })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(rename = "BudgetLineInput")]
pub struct LineInput {
    pub account_code: String,
    pub amount: Money,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub purpose: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct SetLines {
    pub year: i32,
    pub lines: Vec<LineInput>,
    /// Replace the whole year's lines (the grid and the import do); otherwise upsert the given
    /// lines, and a zero amount with no purpose removes a line.
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub replace: bool,
}

/// Check one budget account: it exists and is an income or expense account.
pub(crate) fn budget_account(conn: &Connection, code: &str) -> Result<Account> {
    let code = code.trim();
    let a = chart::get_account(conn, code).map_err(|_| CoreError::validation("account_code", format!("没有编码为“{code}”的会计科目")))?;
    if !matches!(a.class, AccountClass::Income | AccountClass::Expense) {
        return Err(CoreError::validation(
            "account_code",
            format!("{} {} 是{}类科目，预算只列收入和支出科目", a.code, a.name, a.class.label()),
        ));
    }
    Ok(a)
}

fn require_unapproved(conn: &Connection, year: i32) -> Result<()> {
    if approval(conn, year)?.is_approved() {
        return Err(CoreError::Conflict(format!(
            "{year} 年预算已经工会委员会审议通过，不能再直接修改，请用“预算调整”记录变动及原因"
        )));
    }
    Ok(())
}

/// Enter or replace the year's budget lines (before the plan is approved).
pub fn set_lines(conn: &Connection, a: &SetLines) -> Result<BudgetYear> {
    let year = check_year(a.year)?;
    require_unapproved(conn, year)?;
    let mut seen = std::collections::HashSet::new();
    for l in &a.lines {
        let acc = budget_account(conn, &l.account_code)?;
        if !seen.insert(acc.code.clone()) {
            return Err(CoreError::validation("account_code", format!("科目 {} 出现了两次", acc.code)));
        }
        if l.amount.is_negative() {
            return Err(CoreError::validation("amount", format!("{} {} 的预算金额不能为负数", acc.code, acc.name)));
        }
        if l.purpose.chars().count() > 100 {
            return Err(CoreError::validation("purpose", "用途说明不能超过 100 个字"));
        }
    }
    if a.replace {
        conn.execute("DELETE FROM budget_lines WHERE year = ?1", [year])?;
    }
    for l in &a.lines {
        let code = l.account_code.trim();
        if !a.replace && l.amount.is_zero() && l.purpose.trim().is_empty() {
            conn.execute("DELETE FROM budget_lines WHERE year = ?1 AND account_code = ?2", params![year, code])?;
            continue;
        }
        conn.execute(
            "INSERT INTO budget_lines (year, account_code, amount_fen, purpose) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(year, account_code) DO UPDATE SET amount_fen = excluded.amount_fen, purpose = excluded.purpose",
            params![year, code, l.amount.fen(), l.purpose.trim()],
        )?;
    }
    get(conn, year)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct AdjustInput {
    pub account_code: String,
    pub date: NaiveDate,
    /// Signed change: "+5000" raises, "-5000" lowers.
    pub amount: Money,
    pub reason: String,
}

/// Record a budget adjustment (预算调整). The year is the date's.
pub fn adjust(conn: &Connection, a: &AdjustInput, user_id: i64, now: &str) -> Result<BudgetYear> {
    use chrono::Datelike;
    let year = check_year(a.date.year())?;
    let acc = budget_account(conn, &a.account_code)?;
    if a.amount.is_zero() {
        return Err(CoreError::validation("amount", "调整金额不能为零"));
    }
    let reason = a.reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "请写明预算调整的原因"));
    }
    if reason.chars().count() > 200 {
        return Err(CoreError::validation("reason", "调整原因不能超过 200 个字"));
    }
    let budget_now = report(conn, year, Some(&format!("{year:04}-12")))?;
    let current = budget_now.row(&acc.code).map(|r| r.budget).unwrap_or_default();
    if (current + a.amount).is_negative() {
        return Err(CoreError::validation(
            "amount",
            format!("调减后 {} {} 的预算将为负数（现为 {}）", acc.code, acc.name, current.format_thousands()),
        ));
    }
    conn.execute(
        "INSERT INTO budget_adjustments (year, account_code, date, amount_fen, reason, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![year, acc.code, a.date.format("%Y-%m-%d").to_string(), a.amount.fen(), reason, user_id, now],
    )?;
    get(conn, year)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct SetApproval {
    pub year: i32,
    #[serde(default)]
    pub committee_date: Option<NaiveDate>,
    #[serde(default)]
    pub audit_date: Option<NaiveDate>,
    #[serde(default)]
    pub upper_date: Option<NaiveDate>,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub note: String,
}

/// Record (or clear) the approval dates of the year's plan.
pub fn set_approval(conn: &Connection, a: &SetApproval) -> Result<BudgetYear> {
    let year = check_year(a.year)?;
    conn.execute(
        "INSERT INTO budget_years (year, committee_date, audit_date, upper_date, note) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(year) DO UPDATE SET committee_date = excluded.committee_date, audit_date = excluded.audit_date,
             upper_date = excluded.upper_date, note = excluded.note",
        params![
            year,
            a.committee_date.map(|d| d.to_string()),
            a.audit_date.map(|d| d.to_string()),
            a.upper_date.map(|d| d.to_string()),
            a.note.trim()
        ],
    )?;
    get(conn, year)
}

/// One account in the budget report.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BudgetRow {
    pub code: String,
    pub name: String,
    pub class: AccountClass,
    pub level: usize,
    pub parent_code: Option<String>,
    /// The account's own line, if entered.
    pub own_line: Option<Money>,
    pub purpose: String,
    /// 年初预算 (own line, or the sum of the sub-accounts').
    pub original: Money,
    /// Adjustments dated up to the end of `through`, this account's and its sub-accounts'.
    pub adjustments: Money,
    /// 调整后预算 = original + adjustments.
    pub budget: Money,
    /// Actual per month, January to December (months after `through` are zero).
    pub months: Vec<Money>,
    /// Actual from January to `through` (with income and spending carried in as 期初余额 by
    /// a book started mid-year).
    pub actual_ytd: Money,
    /// budget − actual_ytd
    pub remaining: Money,
    /// 执行率 in percent with one decimal ("45.3"), or null when there is no budget.
    pub execution: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BudgetTotals {
    pub original: Money,
    pub adjustments: Money,
    pub budget: Money,
    pub months: Vec<Money>,
    pub actual_ytd: Money,
    pub remaining: Money,
    pub execution: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BudgetReport {
    pub year: i32,
    /// Last month counted ("YYYY-MM").
    pub through: String,
    pub approval: Approval,
    /// Every income and expense account, in chart order.
    pub rows: Vec<BudgetRow>,
    pub income: BudgetTotals,
    pub expense: BudgetTotals,
    /// Plain-words warnings, e.g. sub-account lines adding up to more than their parent's.
    pub warnings: Vec<String>,
}

impl BudgetReport {
    pub fn row(&self, code: &str) -> Option<&BudgetRow> {
        self.rows.iter().find(|r| r.code == code)
    }
}

/// actual / budget × 100, one decimal, half up; None without a budget.
pub fn execution_rate(actual: Money, budget: Money) -> Option<String> {
    if !budget.is_positive() {
        return None;
    }
    let pct = (actual.decimal() * Decimal::ONE_HUNDRED / budget.decimal())
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    Some(format!("{pct:.1}"))
}

/// Budget against actual for `year`, counting months up to `through` (default December).
pub fn report(conn: &Connection, year: i32, through: Option<&str>) -> Result<BudgetReport> {
    report_opts(conn, year, through, true)
}

/// As [`report`]; without `monthly` the per-month columns stay zero and only the year to date
/// is read (one income statement instead of one per month — what the notice needs).
pub fn report_opts(conn: &Connection, year: i32, through: Option<&str>, monthly: bool) -> Result<BudgetReport> {
    let year = check_year(year)?;
    let through = match through {
        Some(t) => {
            let t = crate::ledger::reports::check_period(t, "through")?;
            if !t.starts_with(&format!("{year:04}-")) {
                return Err(CoreError::validation("through", format!("{t} 不在 {year} 年内")));
            }
            t
        }
        None => format!("{year:04}-12"),
    };
    let (_, last_month) = crate::ledger::reports::split_period(&through);
    let accounts: Vec<Account> = chart::list_accounts(conn)?
        .into_iter()
        .filter(|a| matches!(a.class, AccountClass::Income | AccountClass::Expense))
        .collect();
    let plan = get(conn, year)?;
    let own: HashMap<&str, &BudgetLine> = plan.lines.iter().map(|l| (l.account_code.as_str(), l)).collect();
    let end_of_through = crate::book::parse_month(&through)? + chrono::Months::new(1);
    let mut own_adj: HashMap<String, i64> = HashMap::new();
    for adj in plan.adjustments.iter().filter(|a| a.date < end_of_through) {
        *own_adj.entry(adj.account_code.clone()).or_default() += adj.amount.fen();
    }

    // Actuals from the income statement of each month, and its 本年累计 at `through`.
    let mut months: HashMap<String, Vec<i64>> = HashMap::new();
    let mut ytd: HashMap<String, i64> = HashMap::new();
    let first_month = if monthly { 1 } else { last_month };
    for m in first_month..=last_month {
        let st = income_statement(conn, &format!("{year:04}-{m:02}"))?;
        for r in st.rows.iter().filter(|r| r.code.is_some()) {
            let code = r.code.clone().unwrap_or_default();
            months.entry(code.clone()).or_insert_with(|| vec![0; 12])[(m - 1) as usize] = r.a.fen();
            if m == last_month {
                ytd.insert(code, r.b.fen());
            }
        }
    }

    // original(a) = own line, else Σ original(children); adjustments roll up to ancestors.
    fn original(code: &str, accounts: &[Account], own: &HashMap<&str, &BudgetLine>) -> i64 {
        if let Some(l) = own.get(code) {
            return l.amount.fen();
        }
        accounts.iter().filter(|c| c.parent_code.as_deref() == Some(code)).map(|c| original(&c.code, accounts, own)).sum()
    }
    fn adjusted(code: &str, accounts: &[Account], own_adj: &HashMap<String, i64>) -> i64 {
        own_adj.get(code).copied().unwrap_or(0)
            + accounts.iter().filter(|c| c.parent_code.as_deref() == Some(code)).map(|c| adjusted(&c.code, accounts, own_adj)).sum::<i64>()
    }

    let mut warnings = Vec::new();
    let mut rows = Vec::new();
    for a in &accounts {
        let orig = original(&a.code, &accounts, &own);
        let adj = adjusted(&a.code, &accounts, &own_adj);
        if let Some(l) = own.get(a.code.as_str()) {
            let children: i64 =
                accounts.iter().filter(|c| c.parent_code.as_deref() == Some(&a.code)).map(|c| original(&c.code, &accounts, &own)).sum();
            if children > l.amount.fen() {
                warnings.push(format!(
                    "{} {} 的明细科目预算合计 {} 超过本科目预算 {}",
                    a.code,
                    a.name,
                    Money::from_fen(children).format_thousands(),
                    l.amount.format_thousands()
                ));
            }
        }
        let budget = Money::from_fen(orig + adj);
        let actual = Money::from_fen(ytd.get(&a.code).copied().unwrap_or(0));
        rows.push(BudgetRow {
            code: a.code.clone(),
            name: a.name.clone(),
            class: a.class,
            level: a.level,
            parent_code: a.parent_code.clone(),
            own_line: own.get(a.code.as_str()).map(|l| l.amount),
            purpose: own.get(a.code.as_str()).map(|l| l.purpose.clone()).unwrap_or_default(),
            original: Money::from_fen(orig),
            adjustments: Money::from_fen(adj),
            budget,
            months: months.get(&a.code).cloned().unwrap_or_else(|| vec![0; 12]).into_iter().map(Money::from_fen).collect(),
            actual_ytd: actual,
            remaining: budget - actual,
            execution: execution_rate(actual, budget),
        });
    }
    let totals = |class: AccountClass| -> BudgetTotals {
        let firsts: Vec<&BudgetRow> = rows.iter().filter(|r| r.class == class && r.parent_code.is_none()).collect();
        let sum = |f: &dyn Fn(&BudgetRow) -> Money| firsts.iter().fold(Money::ZERO, |acc, r| acc + f(r));
        let budget = sum(&|r| r.budget);
        let actual = sum(&|r| r.actual_ytd);
        BudgetTotals {
            original: sum(&|r| r.original),
            adjustments: sum(&|r| r.adjustments),
            budget,
            months: (0..12).map(|i| firsts.iter().fold(Money::ZERO, |acc, r| acc + r.months[i])).collect(),
            actual_ytd: actual,
            remaining: budget - actual,
            execution: execution_rate(actual, budget),
        }
    };
    Ok(BudgetReport {
        year,
        income: totals(AccountClass::Income),
        expense: totals(AccountClass::Expense),
        through,
        approval: plan.approval,
        rows,
        warnings,
    })
}
