//! 首页 (dashboard): the year at a glance, built only from the other modules' report
//! functions — the budget report (which reads one income statement per month from
//! `ledger_period_totals`), `periods::balance_at_end` for cash and bank, `members::stats`,
//! the dues monthly summaries, and the to-do counts of the ledger, audit and members modules.
//! No SQL of its own: every figure is the same one the module's own page shows.

pub mod commands;

use crate::audit::review;
use crate::workflow::approval;
use crate::budget;
use crate::dues;
use crate::error::{CoreError, Result};
use crate::ledger::chart::AccountClass;
use crate::ledger::{drafts, periods, reports};
use crate::members;
use crate::money::Money;
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(deny_unknown_fields)]
pub struct DashboardArgs {
    /// The year to show; the current year when omitted.
    #[serde(default)]
    pub year: Option<i32>,
}

/// One month of the year.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct MonthFigures {
    pub period: String,
    /// 本月收入 and 本月支出 as in the income statement (year-end 结转 left out).
    pub income: Money,
    pub spending: Money,
    /// 101 库存现金 and 102 银行存款 at the month end; null for months before the book starts
    /// or after the last month counted.
    pub cash: Option<Money>,
    pub bank: Option<Money>,
    pub balance: Option<Money>,
    /// "open" | "closed" | "before_start"
    pub status: String,
}

/// Budget execution of one first-level expense account.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BudgetCategory {
    pub code: String,
    pub name: String,
    /// 调整后预算
    pub budget: Money,
    pub actual: Money,
    /// 执行率 in percent, one decimal; null without a budget.
    pub execution: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BudgetSummary {
    /// Whether any budget line is entered for the year.
    pub has_budget: bool,
    pub approved: bool,
    pub budget: Money,
    pub actual: Money,
    pub execution: Option<String>,
    pub categories: Vec<BudgetCategory>,
}

/// Dues of the year, January to the last month counted.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct DuesYear {
    pub charged: Money,
    pub paid: Money,
    pub outstanding: Money,
    /// 收缴率 = paid / charged × 100, one decimal; null when nothing was charged.
    pub rate: Option<String>,
    /// The last month counted, as the dues page shows it.
    pub month: dues::arrears::Summary,
}

/// What is waiting, for whoever is logged in (the page picks what each role acts on).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Todo {
    /// Past months (before today's month, from the book's start) that are still open.
    pub months_to_close: Vec<String>,
    /// Voucher drafts not yet posted, and those of them submitted to the chair.
    pub drafts: i64,
    pub drafts_submitted: i64,
    /// Everything waiting for the chair's decision (voucher drafts and payout batches).
    pub approvals_waiting: i64,
    /// Auditor's queries not yet answered (open) and answered but not closed.
    pub queries_open: i64,
    pub queries_answered: i64,
    /// Open hardship files whose review date has come.
    pub hardship_reviews_due: i64,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Dashboard {
    pub year: i32,
    pub today: NaiveDate,
    /// Last month counted ("YYYY-MM"): today's month for the current year, December for a
    /// past one.
    pub through: String,
    pub income_ytd: Money,
    pub spending_ytd: Money,
    pub surplus_ytd: Money,
    /// Cash, bank and both at the end of `through` (null before the book starts).
    pub cash: Option<Money>,
    pub bank: Option<Money>,
    pub balance: Option<Money>,
    pub months: Vec<MonthFigures>,
    pub budget: BudgetSummary,
    pub members: members::stats::Stats,
    pub dues: DuesYear,
    pub todo: Todo,
}

/// paid / charged × 100, one decimal, half up.
pub fn collection_rate(paid: Money, charged: Money) -> Option<String> {
    if !charged.is_positive() {
        return None;
    }
    let pct = (paid.decimal() * Decimal::ONE_HUNDRED / charged.decimal()).round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    Some(format!("{pct:.1}"))
}

pub fn dashboard(conn: &Connection, args: &DashboardArgs, today: NaiveDate) -> Result<Dashboard> {
    let year = args.year.unwrap_or(today.year());
    if !(1900..=9999).contains(&year) {
        return Err(CoreError::validation("year", format!("年份 {year} 不正确")));
    }
    let this_month = format!("{:04}-{:02}", today.year(), today.month());
    let through = if year == today.year() { this_month.clone() } else { format!("{year:04}-12") };
    let (_, last) = reports::split_period(&through);
    let start = reports::start_month(conn)?;

    // Income and spending per month, and budget execution: one budget report (an income
    // statement per month, read from the period totals).
    let br = budget::report(conn, year, Some(&through))?;
    let statuses = periods::list(conn, year)?;
    let mut months = Vec::with_capacity(12);
    for m in 1..=12u32 {
        let period = format!("{year:04}-{m:02}");
        let counted = m <= last && period >= start && year <= today.year();
        let (cash, bank) = if counted {
            (Some(periods::balance_at_end(conn, "101", &period)?), Some(periods::balance_at_end(conn, "102", &period)?))
        } else {
            (None, None)
        };
        months.push(MonthFigures {
            income: br.income.months[(m - 1) as usize],
            spending: br.expense.months[(m - 1) as usize],
            balance: cash.zip(bank).map(|(c, b)| c + b),
            cash,
            bank,
            status: statuses[(m - 1) as usize].status.clone(),
            period,
        });
    }
    let end = &months[(last - 1) as usize];
    let (cash, bank, balance) = (end.cash, end.bank, end.balance);

    let categories: Vec<BudgetCategory> = br
        .rows
        .iter()
        .filter(|r| r.class == AccountClass::Expense && r.parent_code.is_none())
        .filter(|r| !r.budget.is_zero() || !r.actual_ytd.is_zero())
        .map(|r| BudgetCategory { code: r.code.clone(), name: r.name.clone(), budget: r.budget, actual: r.actual_ytd, execution: r.execution.clone() })
        .collect();
    let budget = BudgetSummary {
        has_budget: br.rows.iter().any(|r| r.own_line.is_some()),
        approved: br.approval.is_approved(),
        budget: br.expense.budget,
        actual: br.expense.actual_ytd,
        execution: br.expense.execution.clone(),
        categories,
    };

    // Members on the last day counted.
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).expect("date");
    let members = members::stats::stats(conn, today.min(year_end))?;

    // Dues charged and paid for the months of the year counted so far.
    let (mut charged, mut paid) = (Money::ZERO, Money::ZERO);
    let mut month_summary = None;
    for m in 1..=last {
        let s = dues::summary(conn, &format!("{year:04}-{m:02}"))?;
        charged += s.charged;
        paid += s.paid;
        month_summary = Some(s);
    }
    let dues = DuesYear {
        charged,
        paid,
        outstanding: charged - paid,
        rate: collection_rate(paid, charged),
        month: month_summary.expect("at least one month"),
    };

    let todo = todo(conn, &start, &this_month, today)?;
    Ok(Dashboard {
        year,
        today,
        through,
        income_ytd: br.income.actual_ytd,
        spending_ytd: br.expense.actual_ytd,
        surplus_ytd: br.income.actual_ytd - br.expense.actual_ytd,
        cash,
        bank,
        balance,
        months,
        budget,
        members,
        dues,
        todo,
    })
}

/// The to-do counts, relative to today whatever year the dashboard shows.
pub fn todo(conn: &Connection, start: &str, this_month: &str, today: NaiveDate) -> Result<Todo> {
    let mut months_to_close = Vec::new();
    let (start_year, _) = reports::split_period(start);
    for y in start_year..=today.year() {
        for p in periods::list(conn, y)? {
            if p.period.as_str() < this_month && p.status == "open" {
                months_to_close.push(p.period);
            }
        }
    }
    let all_drafts = drafts::list(conn, &drafts::DraftFilter::default())?;
    let drafts_submitted = all_drafts.iter().filter(|d| d.status == "submitted").count() as i64;
    let waiting = approval::list(conn, &approval::ApprovalFilter { status: Some("submitted".into()), ..Default::default() })?;
    let queries = review::queries(conn, &review::QueryFilter { status: Some("pending".into()), ..Default::default() })?;
    let queries_open = queries.iter().filter(|q| q.status == "open").count() as i64;
    Ok(Todo {
        months_to_close,
        drafts: all_drafts.len() as i64,
        drafts_submitted,
        approvals_waiting: waiting.len() as i64,
        queries_open,
        queries_answered: queries.len() as i64 - queries_open,
        hardship_reviews_due: members::hardship::due_for_review(conn, today)?.len() as i64,
    })
}
