//! 科目余额表 (trial balance): per account, opening balance, the period's debits and credits,
//! closing balance; leaf and parent accounts; totals that balance.

use super::{check_range, money, opening_balances, roll_up, side_sign, sums_by_account, Chart};
use crate::error::Result;
use crate::ledger::chart::{AccountClass, Side};
use crate::money::Money;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct TrialBalanceAccount {
    pub code: String,
    pub name: String,
    pub class: AccountClass,
    pub level: usize,
    pub is_leaf: bool,
    pub normal_side: Side,
    /// Signed in the account's normal direction.
    pub opening: Money,
    pub debit: Money,
    pub credit: Money,
    /// Signed in the account's normal direction.
    pub closing: Money,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct TrialBalanceTotals {
    pub opening_debit: Money,
    pub opening_credit: Money,
    pub debit: Money,
    pub credit: Money,
    pub closing_debit: Money,
    pub closing_credit: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct TrialBalance {
    pub from: String,
    pub to: String,
    pub accounts: Vec<TrialBalanceAccount>,
    pub totals: TrialBalanceTotals,
}

impl TrialBalance {
    pub fn account(&self, code: &str) -> Option<&TrialBalanceAccount> {
        self.accounts.iter().find(|a| a.code == code)
    }
}

/// 科目余额表 for `from..=to` ("YYYY-MM"), leaving out accounts that are zero throughout.
pub fn trial_balance(conn: &Connection, from: &str, to: &str) -> Result<TrialBalance> {
    trial_balance_opts(conn, from, to, false)
}

/// 科目余额表; with `include_zero` every account of the chart is listed.
///
/// Opening = 期初余额 + every posted line before `from`; totals are taken over first-level
/// accounts, the debit-side ones (normal side 借: assets, expenses) against the credit-side ones
/// (贷: 163 累计折旧, liabilities, net assets, income).
pub fn trial_balance_opts(conn: &Connection, from: &str, to: &str, include_zero: bool) -> Result<TrialBalance> {
    let (from, to) = check_range(from, to)?;
    let chart = Chart::load(conn)?;
    let before_from = super::prev_period(&from);

    // Own figures of each account (normally only leaves carry lines).
    let mut own_opening: HashMap<String, i64> = opening_balances(conn)?;
    for (code, (d, c)) in sums_by_account(conn, None, Some(&before_from), &[])? {
        let side = chart.get(&code).map(|a| a.normal_side).unwrap_or(Side::Debit);
        *own_opening.entry(code).or_default() += (d - c) * side_sign(side);
    }
    let period = sums_by_account(conn, Some(&from), Some(&to), &[])?;
    let own_debit: HashMap<String, i64> = period.iter().map(|(k, v)| (k.clone(), v.0)).collect();
    let own_credit: HashMap<String, i64> = period.iter().map(|(k, v)| (k.clone(), v.1)).collect();

    let opening = roll_up(&chart, &own_opening);
    let debit = roll_up(&chart, &own_debit);
    let credit = roll_up(&chart, &own_credit);

    let mut accounts = Vec::new();
    let mut t = [0i64; 6];
    for a in &chart.list {
        let o = opening.get(&a.code).copied().unwrap_or(0);
        let d = debit.get(&a.code).copied().unwrap_or(0);
        let c = credit.get(&a.code).copied().unwrap_or(0);
        let closing = o + (d - c) * side_sign(a.normal_side);
        if a.parent_code.is_none() {
            let (oi, ci) = if a.normal_side == Side::Debit { (0, 4) } else { (1, 5) };
            t[oi] += o;
            t[2] += d;
            t[3] += c;
            t[ci] += closing;
        }
        if !include_zero && o == 0 && d == 0 && c == 0 && closing == 0 {
            continue;
        }
        accounts.push(TrialBalanceAccount {
            code: a.code.clone(),
            name: a.name.clone(),
            class: a.class,
            level: a.level,
            is_leaf: a.is_leaf,
            normal_side: a.normal_side,
            opening: money(o),
            debit: money(d),
            credit: money(c),
            closing: money(closing),
        });
    }
    Ok(TrialBalance {
        from,
        to,
        accounts,
        totals: TrialBalanceTotals {
            opening_debit: money(t[0]),
            opening_credit: money(t[1]),
            debit: money(t[2]),
            credit: money(t[3]),
            closing_debit: money(t[4]),
            closing_credit: money(t[5]),
        },
    })
}
