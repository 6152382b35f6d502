//! The books (账簿). This module is the **only writer of journal tables**: other modules ask
//! [`posting`] to post a balanced voucher. Posted vouchers are immutable and hash-chained;
//! corrections are reversing vouchers; closed periods take no postings.

pub mod attachments;
pub mod chain;
pub mod chart;
pub mod commands;
pub mod drafts;
pub mod entry;
pub mod import;
pub mod opening;
pub mod periods;
pub mod pinyin;
pub mod posting;
pub mod reports;

pub use chart::seed_chart;
pub use periods::require_open;
pub use posting::{get_voucher, is_period_closed, period_of, post_voucher, reverse_voucher, LineInput, PostedLine, PostedVoucher, VoucherInput};

use crate::error::{CoreError, Result};
use rusqlite::Connection;

/// Whether an account already carries journal lines or an opening balance.
pub fn account_has_entries(conn: &Connection, code: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM journal_lines WHERE account_code = ?1)
             OR EXISTS (SELECT 1 FROM opening_balances WHERE account_code = ?1 AND amount_fen <> 0)
             OR EXISTS (SELECT 1 FROM draft_lines WHERE account_code = ?1)",
        [code],
        |r| r.get(0),
    )?)
}

/// 'cash' | 'bank' (also 现金 / 银行).
pub fn parse_via(s: Option<&str>, default: &'static str) -> Result<&'static str> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some("cash") | Some("现金") => Ok("cash"),
        Some("bank") | Some("银行") | Some("转账") | Some("银行转账") => Ok("bank"),
        Some(other) => Err(CoreError::validation("via", format!("收款方式应为 cash（现金）或 bank（银行），不能是“{other}”"))),
    }
}

pub fn via_label(via: &str) -> &'static str {
    match via {
        "cash" => "现金",
        _ => "银行转账",
    }
}
