//! Welfare payouts (慰问发放): payout batches and their recipients, selection rules and
//! eligibility checks, the spending-rules table (provincial caps with sources), the chair's
//! override, postings through [`crate::ledger::posting::post_voucher`] (one voucher per
//! batch), sign-for sheets and history.
//!
//! - [`rules`]: kinds (with their default expense account), forms, the rules table.
//! - [`eligibility`]: who a rule picks; blockers (never overridable) and breaches (the chair
//!   may override with a written reason) — see that module for which is which and why.
//! - [`batches`]: the batch life cycle, import of recipients, posting, reversal, sign sheet.
//! - [`history`]: per member and per kind, `report welfare`, aid for hardship files,
//!   overrides for the audit committee.
//!
//! This module's SQL touches only the `welfare_*` tables; members come through
//! [`crate::members::roster`], vouchers through the ledger's functions.

pub mod batches;
pub mod commands;
pub mod eligibility;
pub mod history;
pub mod rules;

/// Entry points for the command line (`welfare create`, `welfare post`, `report welfare`).
/// Writes go through [`crate::App::call`]: a logged-in user, one transaction, a change-log row.
pub mod cli {
    use crate::error::Result;
    use crate::App;
    use serde_json::{json, Value};

    /// `welfare create …` → the batch (as `welfare_get`). `args` is the `welfare_create` JSON.
    pub fn create(app: &mut App, args: Value) -> Result<Value> {
        app.call("welfare_create", args)
    }

    /// `welfare post ID [--override-reason TEXT]` → `{batch, voucher}`.
    pub fn post(app: &mut App, id: i64, override_reason: Option<&str>) -> Result<Value> {
        let mut args = json!({ "id": id });
        if let Some(r) = override_reason {
            args["override_reason"] = json!(r);
        }
        app.call("welfare_post", args)
    }

    /// `report welfare --year YYYY --format json`, read without a login.
    pub fn report(app: &App, year: i32) -> Result<Value> {
        app.read("report_welfare", json!({ "year": year }))
    }
}
