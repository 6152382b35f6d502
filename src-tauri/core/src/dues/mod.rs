//! Dues (会费): the rule (rate, the part under 10 元 not counted, rounding, exempt and fixed
//! members), monthly charges, payroll batches and individual payments — each posting one
//! voucher through [`crate::ledger::posting::post_voucher`] — arrears, statements and the
//! monthly summary.

pub mod arrears;
pub mod charges;
pub mod commands;
pub mod payments;
pub mod rate;

pub use arrears::{report_dues, summary, ReportDues};
pub use charges::{charge_month, ChargeMonthResult};
pub use payments::{pay_batch, pay_member, PayBatch, PayMember};

use crate::error::{CoreError, Result};

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
