//! Opening balances (期初余额) at the book's start month, signed in each account's normal
//! direction. Editable until the first voucher is posted; then locked and covered by the
//! hash chain's genesis.

use super::chart::{self, AccountClass, Side};
use crate::error::{CoreError, Result};
use crate::money::Money;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct OpeningRow {
    pub code: String,
    pub name: String,
    pub display: String,
    pub class: AccountClass,
    pub normal_side: Side,
    pub level: usize,
    pub active: bool,
    /// Signed in the account's normal direction.
    pub amount: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct OpeningTotals {
    /// Σ of debit-normal accounts (assets, expenses).
    pub debit_side: Money,
    /// Σ of credit-normal accounts (liabilities, net assets, income, 163 累计折旧).
    pub credit_side: Money,
    pub difference: Money,
    pub balanced: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Opening {
    pub start_month: String,
    /// True once a voucher is posted: the balances can no longer change.
    pub locked: bool,
    pub accounts: Vec<OpeningRow>,
    pub totals: OpeningTotals,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct OpeningLine {
    pub account_code: String,
    pub amount: Money,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct SetOpening {
    pub balances: Vec<OpeningLine>,
}

pub fn is_locked(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM journal_vouchers)", [], |r| r.get(0))?)
}

/// Opening balances by account code (fen, normal direction), non-zero only.
pub fn balances_fen(conn: &Connection) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare("SELECT account_code, amount_fen FROM opening_balances WHERE amount_fen <> 0")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<HashMap<_, _>>>()?;
    Ok(rows)
}

pub fn totals(conn: &Connection) -> Result<OpeningTotals> {
    let (d, c): (i64, i64) = conn.query_row(
        "SELECT COALESCE(SUM(CASE WHEN a.normal_side = 'debit' THEN o.amount_fen ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN a.normal_side = 'credit' THEN o.amount_fen ELSE 0 END), 0)
         FROM opening_balances o JOIN accounts a ON a.code = o.account_code",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(OpeningTotals {
        debit_side: Money::from_fen(d),
        credit_side: Money::from_fen(c),
        difference: Money::from_fen(d - c),
        balanced: d == c,
    })
}

pub fn get(conn: &Connection) -> Result<Opening> {
    let start_month = super::posting::start_month(conn)?;
    let amounts = balances_fen(conn)?;
    let accounts = chart::list_accounts(conn)?
        .into_iter()
        .filter(|a| a.is_leaf)
        .map(|a| OpeningRow {
            amount: Money::from_fen(amounts.get(&a.code).copied().unwrap_or(0)),
            code: a.code,
            name: a.name,
            display: a.display,
            class: a.class,
            normal_side: a.normal_side,
            level: a.level,
            active: a.active,
        })
        .collect();
    Ok(Opening { start_month, locked: is_locked(conn)?, accounts, totals: totals(conn)? })
}

/// Replace all opening balances. Refused once any voucher is posted. Need not balance yet
/// (the grid can be saved half-done); posting refuses until it does.
pub fn set(conn: &Connection, req: &SetOpening) -> Result<Opening> {
    if !crate::book::is_initialized(conn)? {
        return Err(CoreError::NotInitialized);
    }
    if is_locked(conn)? {
        return Err(CoreError::Conflict("已有记账凭证，期初余额已锁定".to_string()));
    }
    let mut seen = HashSet::new();
    let mut rows = Vec::new();
    for (i, l) in req.balances.iter().enumerate() {
        let code = l.account_code.trim();
        let acc = chart::get_account(conn, code)
            .map_err(|_| CoreError::validation("balances", format!("第 {} 行：科目编码 {code} 不存在", i + 1)))?;
        if !acc.is_leaf {
            return Err(CoreError::validation(
                "balances",
                format!("第 {} 行：{} 有明细科目，期初余额应录入到明细科目", i + 1, acc.display),
            ));
        }
        if l.amount.decimal().normalize().scale() > 2 {
            return Err(CoreError::validation("balances", format!("第 {} 行：金额超过两位小数", i + 1)));
        }
        if !seen.insert(acc.code.clone()) {
            return Err(CoreError::validation("balances", format!("{} 重复录入", acc.display)));
        }
        if !l.amount.is_zero() {
            rows.push((acc.code, l.amount.fen()));
        }
    }
    conn.execute("DELETE FROM opening_balances", [])?;
    let mut stmt = conn.prepare("INSERT INTO opening_balances (account_code, amount_fen) VALUES (?1, ?2)")?;
    for (code, fen) in rows {
        stmt.execute(params![code, fen])?;
    }
    get(conn)
}
