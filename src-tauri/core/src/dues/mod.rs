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


/// Cash or bank: how money moves is the ledger's to say (101 or 102).
pub use crate::ledger::{parse_via, via_label};

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
