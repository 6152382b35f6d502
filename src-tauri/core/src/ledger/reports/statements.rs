//! The two statements every union files monthly (工会会计制度 2021, part 4):
//! 收入支出表 (工会02表) and 资产负债表 (工会01表).

use super::{balances_through, check_period, money, opening_balances, prev_period, roll_up, side_sign, split_period, start_month, sums_by_account, Chart};
use crate::error::Result;
use crate::ledger::chart::{AccountClass, Side};
use crate::money::Money;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

/// Source of the year-end closing vouchers (结转收支). They move income and spending into
/// 321/322; the income statement leaves them out, or December would net to zero.
pub const CLOSING_SOURCE: &str = "closing";

/// One line of a statement. `kind`: "total" (合计/总计), "account", "detail" (其中 lines,
/// not added to totals) or "difference" (本期收支差额). `indent` is 0 for totals, 1 for
/// first-level accounts, 2 for sub-accounts.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct StatementRow {
    /// 行次
    pub line: usize,
    pub item: String,
    pub code: Option<String>,
    pub kind: &'static str,
    pub indent: usize,
    /// 本月数 (income statement) or 年初数 (balance sheet)
    pub a: Money,
    /// 本年累计数 (income statement) or 期末数 (balance sheet)
    pub b: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct IncomeStatement {
    pub title: &'static str,
    pub form_no: &'static str,
    pub period: String,
    /// Column names of `a` and `b`.
    pub columns: [&'static str; 2],
    pub rows: Vec<StatementRow>,
    pub income_month: Money,
    pub income_ytd: Money,
    pub expense_month: Money,
    pub expense_ytd: Money,
    pub surplus_month: Money,
    pub surplus_ytd: Money,
}

impl IncomeStatement {
    pub fn row(&self, code: &str) -> Option<&StatementRow> {
        self.rows.iter().find(|r| r.code.as_deref() == Some(code))
    }
}

/// 收入支出表 for a month: 本月数 and 本年累计数 (from January of that year), closing
/// vouchers excluded. Income = credit − debit, spending = debit − credit.
pub fn income_statement(conn: &Connection, period: &str) -> Result<IncomeStatement> {
    let period = check_period(period, "period")?;
    let chart = Chart::load(conn)?;
    let (year, _) = split_period(&period);
    let jan = format!("{year:04}-01");
    let start = start_month(conn)?;

    let signed = |sums: HashMap<String, (i64, i64)>| -> HashMap<String, i64> {
        let own: HashMap<String, i64> = sums
            .into_iter()
            .map(|(code, (d, c))| {
                let side = chart.get(&code).map(|a| a.normal_side).unwrap_or(Side::Debit);
                (code, (d - c) * side_sign(side))
            })
            .collect();
        own
    };
    let month = roll_up(&chart, &signed(sums_by_account(conn, Some(&period), Some(&period), &[CLOSING_SOURCE])?));
    let mut ytd_own = signed(sums_by_account(conn, Some(&jan), Some(&period), &[CLOSING_SOURCE])?);
    // A book started mid-year carries the year's earlier income and spending as 期初余额.
    if split_period(&start).0 == year && start <= period {
        for (code, amt) in opening_balances(conn)? {
            if matches!(chart.get(&code).map(|a| a.class), Some(AccountClass::Income | AccountClass::Expense)) {
                *ytd_own.entry(code).or_default() += amt;
            }
        }
    }
    let ytd = roll_up(&chart, &ytd_own);

    let get = |m: &HashMap<String, i64>, code: &str| m.get(code).copied().unwrap_or(0);
    let total = |m: &HashMap<String, i64>, class: AccountClass| -> i64 {
        chart.list.iter().filter(|a| a.parent_code.is_none() && a.class == class).map(|a| get(m, &a.code)).sum()
    };
    let (im, iy) = (total(&month, AccountClass::Income), total(&ytd, AccountClass::Income));
    let (em, ey) = (total(&month, AccountClass::Expense), total(&ytd, AccountClass::Expense));

    let mut rows = Vec::new();
    let mut push = |item: String, code: Option<String>, kind, indent, a: i64, b: i64| {
        rows.push(StatementRow { line: rows.len() + 1, item, code, kind, indent, a: money(a), b: money(b) });
    };
    for (label, class, tm, ty) in [("收入合计", AccountClass::Income, im, iy), ("支出合计", AccountClass::Expense, em, ey)] {
        push(label.to_string(), None, "total", 0, tm, ty);
        for a in chart.list.iter().filter(|a| a.class == class) {
            push(a.name.clone(), Some(a.code.clone()), "account", a.level, get(&month, &a.code), get(&ytd, &a.code));
        }
    }
    push("本期收支差额".into(), None, "difference", 0, im - em, iy - ey);
    Ok(IncomeStatement {
        title: "收入支出表",
        form_no: "工会02表",
        period,
        columns: ["本月数", "本年累计数"],
        rows,
        income_month: money(im),
        income_ytd: money(iy),
        expense_month: money(em),
        expense_ytd: money(ey),
        surplus_month: money(im - em),
        surplus_ytd: money(iy - ey),
    })
}

/// A pair of figures: 年初数 and 期末数.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Pair {
    pub year_start: Money,
    pub end: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BalanceSheet {
    pub title: &'static str,
    pub form_no: &'static str,
    pub period: String,
    /// Column names of `a` and `b`.
    pub columns: [&'static str; 2],
    pub assets: Vec<StatementRow>,
    pub liabilities: Vec<StatementRow>,
    pub net_assets: Vec<StatementRow>,
    pub total_assets: Pair,
    pub total_liabilities: Pair,
    pub total_net_assets: Pair,
    pub total_liabilities_and_net_assets: Pair,
    /// 资产总计 = 负债和净资产总计 in both columns.
    pub balanced: bool,
}

impl BalanceSheet {
    pub fn all_rows(&self) -> impl Iterator<Item = &StatementRow> {
        self.assets.iter().chain(self.liabilities.iter()).chain(self.net_assets.iter())
    }
    pub fn row(&self, code: &str) -> Option<&StatementRow> {
        self.all_rows().find(|r| r.code.as_deref() == Some(code))
    }
}

/// 资产负债表 at the end of `period`: 年初数 (balances at the end of the previous December,
/// after that year's closing) and 期末数. Until the year is closed, income less spending not yet
/// carried forward is shown inside 322 工会资金结余 with a 其中：本年收支差额 line, so the sheet
/// balances every month.
pub fn balance_sheet(conn: &Connection, period: &str) -> Result<BalanceSheet> {
    let period = check_period(period, "period")?;
    let chart = Chart::load(conn)?;
    let (year, _) = split_period(&period);
    let start_bal = balances_through(conn, &chart, Some(&prev_period(&format!("{year:04}-01"))))?;
    let end_bal = balances_through(conn, &chart, Some(&period))?;
    let get = |m: &HashMap<String, i64>, code: &str| m.get(code).copied().unwrap_or(0);
    let firsts = |class: AccountClass| chart.list.iter().filter(move |a| a.parent_code.is_none() && a.class == class);
    let surplus = |m: &HashMap<String, i64>| -> i64 {
        firsts(AccountClass::Income).map(|a| get(m, &a.code)).sum::<i64>() - firsts(AccountClass::Expense).map(|a| get(m, &a.code)).sum::<i64>()
    };
    let (s0, s1) = (surplus(&start_bal), surplus(&end_bal));

    let mut line = 0usize;
    let mut mk = |item: &str, code: Option<&str>, kind, indent, a: i64, b: i64| {
        line += 1;
        StatementRow { line, item: item.to_string(), code: code.map(str::to_string), kind, indent, a: money(a), b: money(b) }
    };

    // 资产: debit-normal accounts add, credit-normal ones (163 累计折旧) subtract.
    let mut assets = Vec::new();
    let (mut ta0, mut ta1) = (0i64, 0i64);
    for a in firsts(AccountClass::Asset) {
        let (v0, v1) = (get(&start_bal, &a.code), get(&end_bal, &a.code));
        let sign = side_sign(a.normal_side);
        ta0 += v0 * sign;
        ta1 += v1 * sign;
        match a.code.as_str() {
            "162" => assets.push(mk("固定资产原值", Some("162"), "account", 1, v0, v1)),
            "163" => {
                assets.push(mk("减：累计折旧", Some("163"), "account", 1, v0, v1));
                let (f0, f1) = (get(&start_bal, "162") - v0, get(&end_bal, "162") - v1);
                assets.push(mk("固定资产净值", None, "detail", 1, f0, f1));
            }
            _ => assets.push(mk(&a.name, Some(&a.code), "account", 1, v0, v1)),
        }
    }
    assets.push(mk("资产总计", None, "total", 0, ta0, ta1));

    let mut liabilities = Vec::new();
    let (mut tl0, mut tl1) = (0i64, 0i64);
    for a in firsts(AccountClass::Liability) {
        let (v0, v1) = (get(&start_bal, &a.code), get(&end_bal, &a.code));
        let sign = -side_sign(a.normal_side);
        tl0 += v0 * sign;
        tl1 += v1 * sign;
        liabilities.push(mk(&a.name, Some(&a.code), "account", 1, v0, v1));
    }
    liabilities.push(mk("负债合计", None, "total", 0, tl0, tl1));

    let mut net_assets = Vec::new();
    let (mut tn0, mut tn1) = (s0, s1);
    for a in firsts(AccountClass::NetAssets) {
        let (mut v0, mut v1) = (get(&start_bal, &a.code), get(&end_bal, &a.code));
        let sign = -side_sign(a.normal_side);
        tn0 += v0 * sign;
        tn1 += v1 * sign;
        if a.code == "322" {
            v0 += s0;
            v1 += s1;
            net_assets.push(mk(&a.name, Some(&a.code), "account", 1, v0, v1));
            net_assets.push(mk("其中：本年收支差额", None, "detail", 2, s0, s1));
        } else {
            net_assets.push(mk(&a.name, Some(&a.code), "account", 1, v0, v1));
        }
    }
    if chart.get("322").is_none() {
        net_assets.push(mk("本年收支差额", None, "account", 1, s0, s1));
    }
    net_assets.push(mk("净资产合计", None, "total", 0, tn0, tn1));
    net_assets.push(mk("负债和净资产总计", None, "total", 0, tl0 + tn0, tl1 + tn1));

    let pair = |a: i64, b: i64| Pair { year_start: money(a), end: money(b) };
    Ok(BalanceSheet {
        title: "资产负债表",
        form_no: "工会01表",
        period,
        columns: ["年初数", "期末数"],
        assets,
        liabilities,
        net_assets,
        total_assets: pair(ta0, ta1),
        total_liabilities: pair(tl0, tl1),
        total_net_assets: pair(tn0, tn1),
        total_liabilities_and_net_assets: pair(tl0 + tn0, tl1 + tn1),
        balanced: ta0 == tl0 + tn0 && ta1 == tl1 + tn1,
    })
}
