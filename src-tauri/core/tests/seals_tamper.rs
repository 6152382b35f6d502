//! The tamper suite (issue 13): someone holding the book file and sqlite3 edits, inserts or
//! deletes one row of a sealed table behind the app's back — dropping any trigger in the way —
//! and `verify` must name the table and the row. Each edit runs in a savepoint on a sample
//! book and is rolled back before the next.

mod common;

use common::*;
use rusqlite::Connection;
use serde_json::json;
use union_ledger_core::audit::verify::verify_book;
use union_ledger_core::seal::SEALED_TABLES;
use union_ledger_core::App;

fn sample_book() -> (tempfile::TempDir, App) {
    let (d, mut app) = book_with_controls();
    app.call("demo_load", json!({"members": 40, "years": 1, "seed": 7, "until": "2026-11"})).unwrap();
    // A few tables the sample book leaves empty.
    app.call("members_set_headcount", json!({"count": 60, "effective_from": "2026-01"})).ok();
    (d, app)
}

/// Drop every trigger except the seal triggers — the immutability guards an attacker would
/// remove first. (The seal triggers only note writes; dropping them changes nothing below.)
fn drop_guards(conn: &Connection) {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'seal_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for n in names {
        conn.execute_batch(&format!("DROP TRIGGER \"{n}\"")).unwrap();
    }
}

fn columns(conn: &Connection, table: &str) -> Vec<(String, bool)> {
    conn.prepare(&format!("PRAGMA table_info(\"{table}\")"))
        .unwrap()
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)? > 0)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn rowids(conn: &Connection, table: &str) -> Vec<i64> {
    conn.prepare(&format!("SELECT rowid FROM \"{table}\" ORDER BY rowid DESC LIMIT 30"))
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

const CHANGE: &str = "CASE typeof({c}) WHEN 'integer' THEN {c} + 1 WHEN 'real' THEN {c} + 1 WHEN 'text' THEN {c} || 'x'
                      WHEN 'blob' THEN {c} || x'00' ELSE 1 END";

/// Try one kind of edit on `table`; Some(true) when verify named it, None when the table has
/// no row the edit could be made on.
fn tamper(conn: &Connection, table: &str, kind: &str) -> Option<(bool, String)> {
    // (Outside the savepoint: the pragma is a no-op inside a transaction.)
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    conn.execute_batch("SAVEPOINT tamper").unwrap();
    drop_guards(conn);
    let cols = columns(conn, table);
    let mut done = false;
    'rows: for rid in rowids(conn, table) {
        match kind {
            "edit" => {
                for (c, pk) in &cols {
                    if *pk {
                        continue;
                    }
                    let sql = format!("UPDATE \"{table}\" SET \"{c}\" = {} WHERE rowid = ?1", CHANGE.replace("{c}", &format!("\"{c}\"")));
                    if conn.execute(&sql, [rid]).map(|n| n == 1).unwrap_or(false) {
                        done = true;
                        break 'rows;
                    }
                }
            }
            "insert" => {
                // A copy of a row under a new key; other unique columns changed too if need be.
                let list: Vec<String> = cols.iter().map(|(c, _)| format!("\"{c}\"")).collect();
                let bump = |c: &str| CHANGE.replace("{c}", &format!("\"{c}\"")).replace("+ 1", "+ 100000");
                for variant in 0..3 {
                    let select: Vec<String> = cols
                        .iter()
                        .map(|(c, pk)| match (pk, variant) {
                            (true, _) => bump(c),
                            (false, 1) => format!("CASE typeof(\"{c}\") WHEN 'text' THEN \"{c}\" || 'x' ELSE \"{c}\" END"),
                            (false, 2) => format!("CASE typeof(\"{c}\") WHEN 'integer' THEN \"{c}\" + 100000 ELSE \"{c}\" END"),
                            _ => format!("\"{c}\""),
                        })
                        .collect();
                    let sql = format!(
                        "INSERT INTO \"{table}\" ({}) SELECT {} FROM \"{table}\" WHERE rowid = ?1",
                        list.join(", "),
                        select.join(", ")
                    );
                    if conn.execute(&sql, [rid]).map(|n| n == 1).unwrap_or(false) {
                        done = true;
                        break 'rows;
                    }
                }
            }
            _ => {
                if conn.execute(&format!("DELETE FROM \"{table}\" WHERE rowid = ?1"), [rid]).map(|n| n == 1).unwrap_or(false) {
                    done = true;
                    break 'rows;
                }
            }
        }
    }
    let out = if done {
        let r = verify_book(conn).unwrap();
        let named = !r.ok && r.seals.problems.iter().any(|p| p.table == table);
        Some((named, r.message))
    } else {
        None
    };
    conn.execute_batch("ROLLBACK TO tamper; RELEASE tamper").unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    out
}

#[test]
fn every_single_row_edit_insert_and_delete_in_a_sealed_table_is_named_by_verify() {
    let (_d, app) = sample_book();
    let conn = app.conn();
    assert!(verify_book(conn).unwrap().ok, "the untouched sample book verifies");
    let mut tried = 0;
    let mut missed = Vec::new();
    let mut empty = Vec::new();
    for (table, _) in SEALED_TABLES {
        for kind in ["edit", "insert", "delete"] {
            match tamper(conn, table, kind) {
                Some((true, _)) => tried += 1,
                Some((false, msg)) => {
                    tried += 1;
                    missed.push(format!("{kind} {table}: {msg}"));
                }
                None => empty.push(format!("{kind} {table}")),
            }
        }
    }
    eprintln!("tamper suite: {tried} kinds of edit tried, {} missed; not possible on this book: {empty:?}", missed.len());
    assert!(missed.is_empty(), "edits verify did not name:\n{}", missed.join("\n"));
    assert!(tried >= 60, "only {tried} kinds of edit could be tried: {empty:?}");
    assert!(verify_book(conn).unwrap().ok, "every edit was rolled back");
}

#[test]
fn verify_names_the_table_and_row() {
    let (_d, app) = sample_book();
    let conn = app.conn();
    drop_guards(conn);
    conn.execute("UPDATE welfare_recipients SET amount_fen = amount_fen + 10000 WHERE id = 1", []).unwrap();
    let r = verify_book(conn).unwrap();
    assert!(!r.ok);
    let p = r.seals.problems.iter().find(|p| p.table == "welfare_recipients").expect("named");
    assert_eq!(p.kind, "edited");
    assert_eq!(p.row_key, "1");
    assert!(p.message.contains("慰问领取人") && p.message.contains("主键 1"), "{}", p.message);
    assert!(r.message.contains("慰问领取人"), "{}", r.message);
}

#[test]
fn rewriting_a_row_and_its_seal_breaks_the_seal_chain() {
    let (_d, app) = sample_book();
    let conn = app.conn();
    drop_guards(conn);
    // Raise an amount and put the matching hash into the log: the entry's own hash no longer
    // follows from its rows.
    conn.execute("UPDATE users SET role = 'chair' WHERE id = 1", []).unwrap();
    conn.execute_batch("DELETE FROM seal_dirty").unwrap();
    conn.execute("UPDATE seal_log_rows SET row_hash = 'forged' WHERE tbl = 'users' AND row_key = '1'", []).unwrap();
    let r = verify_book(conn).unwrap();
    assert!(!r.ok);
    assert!(r.seals.problems.iter().any(|p| p.kind == "log_broken"), "{:?}", r.seals.problems);
}

#[test]
fn a_write_noted_by_the_triggers_but_never_sealed_is_named() {
    let (_d, app) = sample_book();
    let conn = app.conn();
    drop_guards(conn);
    // Triggers in place: the note is left in seal_dirty, and the row no longer matches.
    conn.execute("UPDATE book_settings SET value = '0' WHERE key = 'approval_required'", []).unwrap();
    let r = verify_book(conn).unwrap();
    assert!(!r.ok);
    assert!(r.seals.problems.iter().any(|p| p.table == "book_settings"), "{:?}", r.seals.problems);
}

#[test]
fn the_app_seals_its_own_writes_and_the_book_verifies_after_each() {
    let (_d, mut app) = book();
    app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "100", "via": "cash"})).unwrap();
    let r = verify_book(app.conn()).unwrap();
    assert!(r.ok, "{}", r.message);
    assert!(r.seals.entries >= 2, "book creation and the posting are sealed: {}", r.seals.entries);
    let pending: i64 = app.conn().query_row("SELECT COUNT(*) FROM seal_dirty", [], |r| r.get(0)).unwrap();
    assert_eq!(pending, 0, "nothing is left unsealed after a command");
}
