//! The command line of 工会账本. Two binaries share it: `union-ledger-cli` (this crate, no GUI
//! libraries, for scripts and tests) and the window's `union-ledger`, which still accepts every
//! subcommand and opens the window when given none.
//!
//! Output: JSON on stdout; a plain-Chinese error on stderr with a non-zero exit code.
//! Exit codes: 0 ok; 1 the command failed (bad input, closed period, …); 2 usage (unknown
//! command, bad JSON or arguments); 3 wrong user or password, or not permitted; 4 `verify`
//! found a mismatch.

pub mod args;
#[macro_use]
pub mod output;
mod commands;
mod reports;
mod run;
pub mod usage;

use run::CliError;
use serde_json::Value;
use std::path::PathBuf;
use union_ledger_core::error::CoreError;

/// Where the book lives when no `--db` is given: the OS app-data folder.
pub fn default_book_path() -> PathBuf {
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("cn.union-ledger.app").join("union-ledger-book.sqlite")
}

/// Parse the arguments and run. `window` opens the desktop window when no subcommand is
/// given (the `union-ledger` binary); without it the help is printed.
pub fn main_with(window: Option<fn(PathBuf)>) -> i32 {
    let bin = if window.is_some() { "union-ledger" } else { "union-ledger-cli" };
    let cli = match usage::parse(bin) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let db = cli.db.clone().unwrap_or_else(default_book_path);
    let Some(command) = cli.command else {
        return match window {
            Some(open) => {
                open(db);
                0
            }
            None => usage::print_help(bin),
        };
    };
    match run::run(&db, cli.user.as_deref(), cli.password.as_deref(), command) {
        Ok(out) => {
            if !out.is_null() {
                print_out!("{}", serde_json::to_string_pretty(&out).expect("json"));
            }
            0
        }
        Err(CliError::Core(e)) => {
            print_err!("错误：{e}");
            if let CoreError::RowErrors(rows) = &e {
                for r in rows {
                    print_err!("  第{}行：{}", r.row, r.message);
                }
            }
            run::exit_code(&e)
        }
        Err(CliError::Usage(msg)) => {
            print_err!("错误：{msg}");
            2
        }
        Err(CliError::Mismatch(report)) => {
            let message = report.get("message").and_then(Value::as_str).unwrap_or("账套与哈希链不符");
            print_out!("MISMATCH {message}");
            print_err!("校验失败：{message}");
            4
        }
    }
}
