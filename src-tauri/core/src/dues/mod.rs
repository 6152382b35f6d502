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

/// Entry points for the command line (`dues charge`, `dues pay-batch`, `report dues`).
/// Writes go through [`crate::App::call`] (logged-in treasurer, one transaction, change log).
pub mod cli {
    use crate::error::Result;
    use crate::App;
    use serde_json::{json, Value};

    /// `dues charge --month YYYY-MM` → `{month, created, updated, unchanged, removed, liable, total_due, no_wage}`.
    pub fn charge(app: &mut App, month: &str) -> Result<Value> {
        app.call("dues_charge_month", json!({ "month": month }))
    }

    /// `dues pay-batch --month YYYY-MM --date YYYY-MM-DD` → `{payment, voucher}`.
    pub fn pay_batch(app: &mut App, month: &str, date: &str) -> Result<Value> {
        app.call("dues_pay_batch", json!({ "month": month, "date": date }))
    }

    /// `report dues --month YYYY-MM --format json`, read without a login.
    pub fn report(app: &App, month: &str) -> Result<super::ReportDues> {
        super::report_dues(app.conn(), month)
    }
}
