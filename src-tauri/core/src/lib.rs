//! 工会账本 core: the domain of a grassroots trade union's books and their SQLite store.
//!
//! No Tauri here. The desktop shell and the command line both call [`api::App::call`], so
//! every operation is the same code whichever way it is reached.
//!
//! ## Floor plan
//!
//! Modules stand on floors, listed bottom to top. A module imports only from floors below
//! its own; modules on one floor do not import each other. Every module's `commands.rs`
//! (its entries in the command table) stands on the `commands` floor, so a command may
//! compose several modules — a wage change in `members` and the dues it re-prices in `dues`,
//! a month close and the sign-off that must come first — while the modules themselves stay
//! ignorant of each other. Each table has one owner module that alone writes it; others read
//! it through the owner's functions. `tests/architecture.rs` reads this list and enforces it
//! (docs/adr/0005-floor-plan.md says why).
//!
//! 1. `error` — typed errors with messages a treasurer understands.
//! 2. `money`, `clock` — 分-exact money and 大写金额; the one clock (`UNION_LEDGER_TODAY`).
//! 3. `io`, `seal` — file formats (CSV, XLSX, tables, dates, base64), with no domain in
//!    them; the seal chain over every write to the tables that matter (issue 13).
//! 4. `db` — the SQLite store: opening, checks, migrations, one transaction per write.
//! 5. `users` — officers, roles and passwords.
//! 6. `book`, `command` — the union's settings and first-run wizard; what a command is
//!    (name, access, typed function, context).
//! 7. `workflow` — chair approval requests and the hash-chained change log, generic over
//!    what they record and knowing nothing of their owners.
//! 8. `ledger` — chart, drafts, the one posting gateway, periods, books and reports, the
//!    voucher hash chain, voucher import and the hledger export.
//! 9. `members` — the roll: members, wages, events, children, groups, hardship files.
//! 10. `dues`, `welfare`, `budget` — dues charges and payments, welfare payouts and their
//!     rules, the annual budget; each posts through the ledger and reads members' facts.
//! 11. `audit`, `notice` — review, sign-off, verification, the annual audit report; the
//!     monthly public finance notice.
//! 12. `dashboard`, `demo` — the home page's figures; the sample book, which drives the
//!     commands like a user through the command table its context carries.
//! 13. `commands` — every `<module>/commands.rs`.
//! 14. `api` — the one door: [`api::App`], sessions, access checks, one transaction and one
//!     change-log row per write, the command table.

pub mod api;
pub mod audit;
pub mod book;
pub mod clock;
pub mod command;
pub mod budget;
pub mod dashboard;
pub mod demo;
pub mod db;
pub mod dues;
pub mod error;
pub mod io;
pub mod ledger;
pub mod members;
pub mod money;
pub mod notice;
pub mod seal;
pub mod users;
pub mod welfare;
pub mod workflow;

pub use api::App;
pub use error::{CoreError, Result};
pub use money::Money;
