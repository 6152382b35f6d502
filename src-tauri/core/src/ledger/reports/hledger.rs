//! Export of the whole journal as an hledger/ledger-cli text journal, so anyone can check the
//! books with an independent tool: `hledger -f FILE bal`.
//!
//! One transaction per posted voucher, in date order:
//! ```text
//! 2026-10-15 (记-003) 发放中秋慰问品
//!     支出:50105 会员活动支出    1200.00
//!     资产:102 银行存款    -1200.00
//! ```
//! Account names are the class, a colon, then code and name; debits are positive and credits
//! negative, plain two-decimal numbers. Opening balances come first as one 期初余额 transaction
//! dated the first day of the start month.

use crate::error::Result;
use crate::ledger::chart::{self, Account, Side};
use crate::money::Money;
use rusqlite::Connection;
use std::collections::HashMap;
use std::fmt::Write;

/// Where an opening-balance difference goes if the opening balances do not balance yet (the
/// posting gateway refuses to post until they do, so a real book never needs it).
pub const OPENING_DIFFERENCE_ACCOUNT: &str = "净资产:期初余额差额";

/// hledger's account name for an account: "支出:50105 会员活动支出".
pub fn account_name(a: &Account) -> String {
    format!("{}:{} {}", a.class.label(), a.code, clean(&a.name).replace(':', "："))
}

/// One line of text without runs of spaces (two spaces end an account name in hledger) or
/// comment characters.
fn clean(s: &str) -> String {
    let s: String = s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let mut out = String::new();
    for part in s.split(' ').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out.replace(';', "；").replace('|', "｜")
}

fn amount(fen: i64) -> String {
    Money::from_fen(fen).to_string()
}

/// The whole book as hledger journal text.
pub fn export_hledger(conn: &Connection) -> Result<String> {
    let settings = crate::book::settings(conn)?;
    let accounts = chart::list_accounts(conn)?;
    let by_code: HashMap<&str, &Account> = accounts.iter().map(|a| (a.code.as_str(), a)).collect();
    let name_of = |code: &str| by_code.get(code).map(|a| account_name(a)).unwrap_or_else(|| format!("未知:{code}"));

    let mut out = String::new();
    let _ = writeln!(out, "; {} — 工会账本导出的记账凭证（hledger 格式）", clean(&settings.union_name));
    let _ = writeln!(out, "; 借方为正，贷方为负；金额单位：元");
    let _ = writeln!(out);
    for a in accounts.iter().filter(|a| a.is_leaf) {
        let _ = writeln!(out, "account {}", account_name(a));
    }
    let _ = writeln!(out);

    // 期初余额
    let mut stmt = conn.prepare(
        "SELECT o.account_code, o.amount_fen FROM opening_balances o WHERE o.amount_fen <> 0 ORDER BY o.account_code",
    )?;
    let opening = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    if !opening.is_empty() {
        let _ = writeln!(out, "{}-01 期初余额", settings.start_month);
        let mut total = 0i64;
        for (code, amt) in &opening {
            let side = by_code.get(code.as_str()).map(|a| a.normal_side).unwrap_or(Side::Debit);
            let debit_positive = if side == Side::Debit { *amt } else { -*amt };
            total += debit_positive;
            let _ = writeln!(out, "    {}    {}", name_of(code), amount(debit_positive));
        }
        if total != 0 {
            let _ = writeln!(out, "    {OPENING_DIFFERENCE_ACCOUNT}    {}", amount(-total));
        }
        let _ = writeln!(out);
    }

    // One ordered scan of every line with its voucher (no per-voucher query).
    let names: HashMap<&str, String> = accounts.iter().map(|a| (a.code.as_str(), account_name(a))).collect();
    let mut stmt = conn.prepare(
        "SELECT v.id, v.date, v.number, v.summary, l.account_code, l.debit_fen, l.credit_fen, l.memo
         FROM journal_vouchers v JOIN journal_lines l ON l.voucher_id = v.id
         ORDER BY v.date, v.period, v.number, v.id, l.line_no",
    )?;
    let mut rows = stmt.query([])?;
    let mut current: Option<i64> = None;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if current != Some(id) {
            if current.is_some() {
                out.push('\n');
            }
            current = Some(id);
            let date: String = r.get(1)?;
            let number: i64 = r.get(2)?;
            let summary: String = r.get(3)?;
            let _ = writeln!(out, "{date} ({}) {}", crate::ledger::reports::voucher_no(number), clean(&summary));
        }
        let code: String = r.get(4)?;
        let (d, c): (i64, i64) = (r.get(5)?, r.get(6)?);
        let memo: String = r.get(7)?;
        let name = names.get(code.as_str()).cloned().unwrap_or_else(|| format!("未知:{code}"));
        let _ = write!(out, "    {name}    {}", amount(d - c));
        if !memo.trim().is_empty() {
            let _ = write!(out, "  ; {}", clean(&memo));
        }
        out.push('\n');
    }
    if current.is_some() {
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_descriptions_are_kept_on_one_hledger_token() {
        assert_eq!(clean("  发放   中秋\t慰问品; 备注 | x "), "发放 中秋 慰问品； 备注 ｜ x");
        assert_eq!(amount(-120000), "-1200.00");
        assert_eq!(amount(5), "0.05");
    }
}
