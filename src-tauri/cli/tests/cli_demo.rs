//! `union-ledger demo`: creates a book in an empty file, loads the sample, refuses a second load.

mod common;

use std::process::Output;

fn run(db: &std::path::Path, args: &[&str]) -> Output {
    let mut c = common::cli();
    c.env_remove("UNION_LEDGER_USER").env_remove("UNION_LEDGER_PASSWORD");
    c.arg("--db").arg(db).args(args).output().unwrap()
}

#[test]
fn demo_creates_the_book_loads_it_and_loads_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let o = run(&db, &["demo", "--members", "12", "--years", "1", "--seed", "5", "--until", "2026-03"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("demo123") && err.contains("王会计"), "{err}");
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(out["months_closed"], 3, "{out}");
    assert_eq!(out["first_month"], "2026-01");
    assert_eq!(out["users"][1]["name"], "李主席");

    let v = run(&db, &["verify"]);
    assert!(v.status.success() && String::from_utf8_lossy(&v.stdout).starts_with("OK "), "{:?}", v);

    let again = run(&db, &["--user", "王会计", "--password", "demo123", "demo"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("空账套"));
}
