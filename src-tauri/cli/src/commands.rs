//! The command line's entry points into the core, one room per domain. Each is a thin
//! wrapper over [`App::call`] (writes: a logged-in user, one transaction, a change-log row,
//! exactly as from the window) or [`App::read`] (reads without a login).

use serde_json::{json, Value};
use union_ledger_core::error::Result;
use union_ledger_core::App;

/// `members import FILE`, `members list --format json`.
pub mod members {
    use super::*;

    /// `members import FILE`: XLSX or CSV bytes; all or nothing. On bad rows the error is
    /// `CoreError::RowErrors` (print each `第N行：…` to stderr and exit non-zero).
    /// Returns `{imported, new_groups, members:[{id, member_no, name}]}`.
    pub fn import_file(app: &mut App, file_name: &str, bytes: &[u8]) -> Result<Value> {
        app.call("members_import", json!({"file_name": file_name, "data_base64": data_encoding::BASE64.encode(bytes)}))
    }

    /// `members list --format json`: the roll (ID numbers masked), read without a login.
    pub fn list(app: &App) -> Result<Value> {
        app.read("members_list", json!({}))
    }
}

/// `dues charge`, `dues pay-batch` (`report dues` is read in [`crate::reports`]).
pub mod dues {
    use super::*;

    /// `dues charge --month YYYY-MM` → `{month, created, updated, unchanged, removed, liable, total_due, no_wage}`.
    pub fn charge(app: &mut App, month: &str) -> Result<Value> {
        app.call("dues_charge_month", json!({ "month": month }))
    }

    /// `dues pay-batch --month YYYY-MM --date YYYY-MM-DD` → `{payment, voucher}`.
    pub fn pay_batch(app: &mut App, month: &str, date: &str) -> Result<Value> {
        app.call("dues_pay_batch", json!({ "month": month, "date": date }))
    }
}

/// `budget import FILE --year YYYY`.
pub mod budget {
    use super::*;

    pub fn import_file(app: &mut App, year: i32, file_name: &str, bytes: &[u8]) -> Result<Value> {
        app.call("budget_import", json!({ "year": year, "file_name": file_name, "data_base64": data_encoding::BASE64.encode(bytes) }))
    }
}

/// `notice --period … --out FILE.html | --format json` (read only, as of the book's clock).
pub mod notice {
    use super::*;

    /// Every figure of the notice (`notice_data`).
    pub fn json(app: &App, period: &str) -> Result<Value> {
        app.read("notice_data", json!({ "period": period }))
    }

    /// The A4 page: `{file_name, html, is_draft}` (`notice_html`).
    pub fn html(app: &App, period: &str) -> Result<Value> {
        app.read("notice_html", json!({ "period": period }))
    }
}

/// `welfare create`, `welfare post`, `report welfare`.
pub mod welfare {
    use super::*;

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
