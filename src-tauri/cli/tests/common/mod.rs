//! Shared by the command-line tests: the light binary with the clock pinned.
#![allow(dead_code)]

use std::process::Command;

/// The date every command-line test runs on. No test reads the machine's calendar; CI runs
/// these tests again under `faketime` at other dates to prove it.
pub const TODAY: &str = "2026-12-02";

/// `union-ledger-cli` with the clock pinned to [`TODAY`] and no login taken from the caller's
/// environment.
pub fn cli() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_union-ledger-cli"));
    c.env("UNION_LEDGER_TODAY", TODAY).env_remove("UNION_LEDGER_USER").env_remove("UNION_LEDGER_PASSWORD");
    // This PC's last-seen file, per test process, never the real one.
    c.env("UNION_LEDGER_LAST_SEEN", std::env::temp_dir().join(format!("ul-last-seen-{}.json", std::process::id())));
    c
}
