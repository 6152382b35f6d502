//! The window's binary still accepts the command line's subcommands, with the same output
//! and exit codes as `union-ledger-cli` (scripts written before the light binary keep working).

use std::process::Command;

#[test]
fn the_window_binary_runs_subcommands_like_the_light_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    let run = |bin: &str| {
        Command::new(bin)
            .env("UNION_LEDGER_TODAY", "2026-12-02")
            .arg("--db")
            .arg(&db)
            .args(["call", "no_such_command"])
            .output()
            .unwrap()
    };
    let gui = run(env!("CARGO_BIN_EXE_union-ledger"));
    assert_eq!(gui.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&gui.stderr).contains("未知命令"));
    let commands = Command::new(env!("CARGO_BIN_EXE_union-ledger")).arg("commands").output().unwrap();
    assert!(commands.status.success());
    assert!(String::from_utf8_lossy(&commands.stdout).contains("voucher") || String::from_utf8_lossy(&commands.stdout).contains("entry_"));
}
