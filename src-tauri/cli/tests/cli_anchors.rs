//! Issue 13 item 2: anchors outside the book catch what a self-consistent book cannot show —
//! a history cut short, or the whole file rolled back to an older copy.
//! - `verify --expect FINGERPRINT` (as printed earlier) passes while that history is still the
//!   beginning of today's, even after the book has grown; fails with exit 4 otherwise;
//! - the last-seen file (here in a temporary folder) makes `verify` fail on an older copy.

mod common;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin(db: &Path, last_seen: &Path) -> Command {
    let mut c = common::cli();
    c.env("UNION_LEDGER_LAST_SEEN", last_seen).arg("--db").arg(db);
    c
}

fn ok(o: Output) -> Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap_or(Value::Null)
}

struct Book {
    dir: tempfile::TempDir,
    db: PathBuf,
    seen: PathBuf,
}

fn book() -> Book {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    let seen = dir.path().join("last-seen.json");
    ok(bin(&db, &seen)
        .args(["init", "--union-name", "某某工会委员会", "--unit-name", "某某单位", "--start", "2026-01", "--province", "江苏"])
        .args(["--treasurer", "王会计:secret1", "--chair", "李主席:secret1", "--auditor", "张经审:secret1", "--no-approval", "--no-signoff"])
        .output()
        .unwrap());
    Book { dir, db, seen }
}

fn post(b: &Book, amount: &str) {
    let args = json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": amount, "via": "cash"});
    ok(bin(&b.db, &b.seen).args(["--user", "王会计", "--password", "secret1", "call", "ledger_entry_post", "--args", &args.to_string()]).output().unwrap());
}

fn fingerprint(b: &Book) -> String {
    let v = ok(bin(&b.db, &b.seen).args(["verify", "--json"]).output().unwrap());
    v["book_fingerprint"].as_str().unwrap().to_string()
}

fn checkpoint(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
}

#[test]
fn a_fingerprint_seen_earlier_still_verifies_after_the_book_grows() {
    let b = book();
    post(&b, "100");
    let early = fingerprint(&b);
    post(&b, "200");
    post(&b, "300");
    let o = bin(&b.db, &b.seen).args(["verify", "--expect", &early]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("在本账套的历史中"), "{out}");
    // Without dashes, in lower case: the same.
    let o = bin(&b.db, &b.seen).args(["verify", "--expect", &early.replace('-', "").to_lowercase()]).output().unwrap();
    assert!(o.status.success());
    // A fingerprint this book never had: exit 4.
    let o = bin(&b.db, &b.seen).args(["verify", "--expect", "AAAA-BBBB-CCCC"]).output().unwrap();
    assert_eq!(o.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&o.stderr).contains("不在本账套的历史中"), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_history_cut_short_fails_the_expected_fingerprint() {
    let b = book();
    post(&b, "100");
    post(&b, "200");
    let latest = fingerprint(&b);
    // Cut the last write away behind the app's back: its seal entry, the rows it sealed (the
    // voucher and its lines) and whatever guards stood in the way.
    checkpoint(&b.db);
    let c = rusqlite::Connection::open(&b.db).unwrap();
    let names: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for n in names {
        c.execute_batch(&format!("DROP TRIGGER \"{n}\"")).unwrap();
    }
    c.execute_batch(
        "PRAGMA foreign_keys = OFF;
         DELETE FROM journal_lines WHERE voucher_id = (SELECT MAX(id) FROM journal_vouchers);
         DELETE FROM journal_vouchers WHERE id = (SELECT MAX(id) FROM journal_vouchers);
         DELETE FROM ledger_period_totals;
         DELETE FROM change_log WHERE id = (SELECT MAX(id) FROM change_log);
         DELETE FROM seal_log_rows WHERE seq = (SELECT MAX(seq) FROM seal_log);
         DELETE FROM seal_log WHERE seq = (SELECT MAX(seq) FROM seal_log);",
    )
    .unwrap();
    drop(c);
    let o = bin(&b.db, &b.seen).args(["verify", "--expect", &latest]).output().unwrap();
    assert_eq!(o.status.code(), Some(4), "{}", String::from_utf8_lossy(&o.stdout));
}

#[test]
fn rolling_the_file_back_to_an_older_copy_is_caught_by_the_last_seen_file() {
    let b = book();
    post(&b, "100");
    checkpoint(&b.db);
    let old = b.dir.path().join("old-copy.sqlite");
    std::fs::copy(&b.db, &old).unwrap();
    post(&b, "200");
    post(&b, "300");
    ok(bin(&b.db, &b.seen).arg("verify").output().unwrap());
    // Put the older copy back in place of the book.
    checkpoint(&b.db);
    let _ = std::fs::remove_file(b.db.with_extension("sqlite-wal"));
    let _ = std::fs::remove_file(b.db.with_extension("sqlite-shm"));
    std::fs::copy(&old, &b.db).unwrap();
    let o = bin(&b.db, &b.seen).arg("verify").output().unwrap();
    assert_eq!(o.status.code(), Some(4));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("比本机上次见到的旧"), "{err}");
    // On another PC (another last-seen file) the old copy alone looks fine: the anchor is
    // what this PC saw.
    let elsewhere = b.dir.path().join("other-pc.json");
    ok(bin(&b.db, &elsewhere).arg("verify").output().unwrap());
}

#[test]
fn a_wrong_password_on_a_reading_command_is_refused() {
    let b = book();
    let o = bin(&b.db, &b.seen).args(["--user", "李主席", "--password", "wrong", "report", "trial-balance", "--from", "2026-01", "--to", "2026-01"]).output().unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", String::from_utf8_lossy(&o.stderr));
    let o = bin(&b.db, &b.seen).args(["--user", "李主席", "--password", "wrong", "verify"]).output().unwrap();
    assert_eq!(o.status.code(), Some(3));
    // Without any login, reading still works.
    ok(bin(&b.db, &b.seen).args(["report", "trial-balance", "--from", "2026-01", "--to", "2026-01"]).output().unwrap());
}
