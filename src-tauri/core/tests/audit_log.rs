//! The change log: append-only (triggers), hash-chained, browsable by user, date, kind and
//! command; `verify` catches an edited, a removed and a truncated log.

mod common;

use common::*;
use serde_json::json;
use union_ledger_core::audit::verify::verify_book;
use union_ledger_core::App;

fn some_writes(app: &mut App) {
    app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "100", "via": "cash"})).unwrap();
    app.call("ledger_entry_post", json!({"kind": "expense", "date": "2026-01-06", "category": "50105", "amount": "30", "via": "cash"})).unwrap();
    as_user(app, AUDITOR);
    app.call("audit_review_mark", json!({"voucher_id": 1, "status": "reviewed", "comment": "ok"})).unwrap();
    as_user(app, TREASURER);
}

#[test]
fn the_log_refuses_update_and_delete_through_sql() {
    let (_d, mut app) = book();
    some_writes(&mut app);
    let e = app.conn().execute("UPDATE change_log SET user_name = 'x' WHERE id = 2", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    let e = app.conn().execute("DELETE FROM change_log WHERE id = 2", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    assert!(verify_book(app.conn()).unwrap().ok);
}

#[test]
fn verify_names_the_first_log_row_edited_behind_the_apps_back() {
    let (_d, mut app) = book();
    some_writes(&mut app);
    app.conn().execute_batch("DROP TRIGGER change_log_no_update").unwrap();
    app.conn().execute("UPDATE change_log SET after = replace(after, '100', '999') WHERE id = 2", []).unwrap();
    let r = verify_book(app.conn()).unwrap();
    assert!(!r.ok);
    assert_eq!(r.change_log.first_bad_id, Some(2));
    assert!(r.message.contains("操作日志第 2 条"), "{}", r.message);
}

#[test]
fn verify_catches_a_row_removed_from_the_middle_and_a_truncated_tail_under_a_sign_off() {
    let (_d, mut app) = book();
    some_writes(&mut app);
    app.conn().execute_batch("DROP TRIGGER change_log_no_delete").unwrap();
    app.conn().execute("DELETE FROM change_log WHERE id = 2", []).unwrap();
    let r = verify_book(app.conn()).unwrap();
    assert!(!r.ok);
    assert_eq!(r.change_log.first_bad_id, Some(3));

    // A truncated tail re-chains cleanly by itself, but the auditor's sign-off saw the head.
    let (_d2, mut app) = book();
    some_writes(&mut app);
    as_user(&mut app, AUDITOR);
    app.call("audit_review_mark", json!({"voucher_id": 2, "status": "reviewed"})).unwrap();
    app.call("audit_review_signoff", json!({"period": "2026-01"})).unwrap();
    let last: i64 = app.conn().query_row("SELECT MAX(id) FROM change_log", [], |r| r.get(0)).unwrap();
    app.conn().execute_batch("DROP TRIGGER change_log_no_delete").unwrap();
    app.conn().execute("DELETE FROM change_log WHERE id >= ?1", [last - 1]).unwrap();
    let r = verify_book(app.conn()).unwrap();
    assert_eq!(r.change_log.first_bad_id, None, "the remaining rows still chain");
    assert!(!r.ok);
    assert!(r.message.contains("经审签字所见的操作日志"), "{}", r.message);
}

#[test]
fn the_log_is_browsed_by_user_kind_command_and_date_with_before_and_after() {
    let (_d, mut app) = book();
    some_writes(&mut app);
    let all = app.call("audit_log_list", json!({})).unwrap();
    assert!(all.as_array().unwrap().len() >= 4);
    let auditor_id = app.conn().query_row("SELECT id FROM users WHERE name = ?1", [AUDITOR], |r| r.get::<_, i64>(0)).unwrap();
    let by_auditor = app.call("audit_log_list", json!({"user_id": auditor_id})).unwrap();
    assert_eq!(by_auditor.as_array().unwrap().len(), 1);
    assert_eq!(by_auditor[0]["command"], "audit_review_mark");
    assert_eq!(by_auditor[0]["before"]["review_status"], "unreviewed");
    assert_eq!(by_auditor[0]["after"]["review_status"], "reviewed");
    let entries = app.call("audit_log_list", json!({"kind": "ledger"})).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 2);
    let cmd = app.call("audit_log_list", json!({"command": "audit_review_mark"})).unwrap();
    assert_eq!(cmd.as_array().unwrap().len(), 1);
    let today = app.clock().today().to_string();
    let dated = app.call("audit_log_list", json!({"from": today, "to": today})).unwrap();
    assert_eq!(dated.as_array().unwrap().len(), all.as_array().unwrap().len());
    let none = app.call("audit_log_list", json!({"to": "2000-01-01"})).unwrap();
    assert!(none.as_array().unwrap().is_empty());
    let kinds = app.call("audit_log_kinds", json!({})).unwrap();
    assert!(kinds["kinds"].as_array().unwrap().iter().any(|k| k == "audit"));
    assert!(kinds["commands"].as_array().unwrap().iter().any(|k| k == "ledger_entry_post"));
}

#[test]
fn an_old_command_name_still_works_for_a_release_and_the_log_records_the_new_name() {
    use union_ledger_core::api::{aliases::ALIASES, command_list};
    let (_d, mut app) = book();
    // A write by its old name: the same command, logged under the new name and its module.
    let v = app.call("entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "100", "via": "cash"})).unwrap();
    assert_eq!(v["outcome"], "posted");
    app.call("member_groups_add", json!({"name": "一车间"})).unwrap();
    let logged: Vec<(String, String)> = app
        .conn()
        .prepare("SELECT command, kind FROM change_log WHERE user_id IS NOT NULL ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        logged,
        vec![("ledger_entry_post".to_string(), "ledger".to_string()), ("members_groups_add".to_string(), "members".to_string())]
    );
    let by_new = app.call("audit_log_list", json!({"command": "ledger_entry_post"})).unwrap();
    assert_eq!(by_new.as_array().unwrap().len(), 1);

    // Reads by their old names, logged in or not; the role check is the new command's.
    assert_eq!(app.call("vouchers_list", json!({"period": "2026-01"})).unwrap().as_array().unwrap().len(), 1);
    assert_eq!(app.read("period_status", json!({"period": "2026-01"})).unwrap()["period"], "2026-01");
    as_user(&mut app, AUDITOR);
    let e = app.call("entry_post", json!({"kind": "income", "date": "2026-01-06", "category": "dues", "amount": "1", "via": "cash"})).unwrap_err();
    assert!(matches!(e, union_ledger_core::CoreError::PermissionDenied { .. }), "{e:?}");

    // `commands` lists each command once, by its new name; unknown names stay unknown.
    let names: Vec<String> = command_list().into_iter().map(|(n, _)| n).collect();
    for (old, new) in ALIASES {
        assert!(!names.iter().any(|n| n == old), "{old} listed");
        assert_eq!(names.iter().filter(|n| n == new).count(), 1, "{new}");
    }
    assert!(matches!(app.call("no_such_command", json!({})), Err(union_ledger_core::CoreError::UnknownCommand(_))));
}

