//! Shared fixtures for the core's integration tests: a fresh book in a temp file, created
//! through the same wizard command the UI uses.
#![allow(dead_code)]

use serde_json::{json, Value};
use tempfile::TempDir;
use union_ledger_core::clock::Clock;
use union_ledger_core::App;

/// The date every test book lives on. Tests never read the machine's calendar: CI also runs
/// them under `faketime` at other dates to prove it.
pub const TODAY: &str = "2026-12-02";

pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

/// Open (or create) a book file with the test clock pinned to [`TODAY`].
pub fn open(path: &std::path::Path) -> App {
    let mut app = App::open(path).unwrap();
    app.set_clock(Clock::pinned(today()));
    app
}

pub const TREASURER: &str = "王会计";
pub const CHAIR: &str = "李主席";
pub const AUDITOR: &str = "张经审";
pub const PASSWORD: &str = "secret1";

/// Wizard arguments for a test book with the chair-approval and audit-sign-off controls
/// **off**, so tests that are not about them can post spending and close months directly.
/// Tests of those controls use [`init_args_with_controls`] / [`book_with_controls`].
pub fn init_args(start_month: &str) -> Value {
    let mut args = init_args_with_controls(start_month);
    args["approval_required"] = json!(false);
    args["signoff_required"] = json!(false);
    args
}

/// Wizard arguments as a real user gives them: the controls take their defaults (on).
pub fn init_args_with_controls(start_month: &str) -> Value {
    json!({
        "union_name": "江都区某某水利管理处工会委员会",
        "unit_name": "江都区某某水利管理处",
        "start_month": start_month,
        "province": "江苏",
        "chart_version": "2021-grassroots",
        "treasurer": {"name": TREASURER, "password": PASSWORD},
        "chair": {"name": CHAIR, "password": PASSWORD},
        "auditor": {"name": AUDITOR, "password": PASSWORD},
    })
}

/// A new book starting in `start_month`, logged in as the treasurer.
pub fn book_starting(start_month: &str) -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(&dir.path().join("book.sqlite"));
    app.call("book_init", init_args(start_month)).unwrap();
    app.login_by_name(TREASURER, PASSWORD).unwrap();
    (dir, app)
}

pub fn book() -> (TempDir, App) {
    book_starting("2026-01")
}

/// A new book starting 2026-01 with the defaults of a real book: spending needs the chair's
/// approval and month close needs the auditor's sign-off. Logged in as the treasurer.
pub fn book_with_controls() -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(&dir.path().join("book.sqlite"));
    app.call("book_init", init_args_with_controls("2026-01")).unwrap();
    app.login_by_name(TREASURER, PASSWORD).unwrap();
    (dir, app)
}

pub fn as_user(app: &mut App, name: &str) {
    app.login_by_name(name, PASSWORD).unwrap();
}

/// Number of rows in a table, to prove a refused write left nothing behind.
pub fn count(app: &App, table: &str) -> i64 {
    app.conn().query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}
