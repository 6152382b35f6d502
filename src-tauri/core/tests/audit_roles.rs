//! Role enforcement in the core: the auditor reads everything and writes only reviews,
//! queries, sign-offs, the report's text and her own password. Every refusal is a permission
//! error that says so in Chinese and leaves nothing behind.

mod common;

use common::*;
use serde_json::json;
use union_ledger_core::api::registry::{self, Access};

#[test]
fn the_auditor_is_refused_every_writing_command_except_review_ones() {
    let (_d, mut app) = book();
    app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "100", "via": "cash"})).unwrap();
    as_user(&mut app, AUDITOR);
    let log_before = count(&app, "change_log");
    let allowed = ["audit_review_mark", "audit_review_close_query", "audit_review_signoff", "audit_report_texts_save", "users_change_password"];
    for c in registry::all() {
        if c.access == Access::Read || allowed.contains(&c.name) {
            continue;
        }
        let err = app.call(c.name, json!({})).unwrap_err();
        assert_eq!(err.code(), "permission_denied", "{} should be refused to the auditor", c.name);
        assert!(err.to_string().contains("权限不足") && err.to_string().contains("经审委员"), "{}: {err}", c.name);
    }
    assert_eq!(count(&app, "change_log"), log_before, "refusals write nothing");
    // What is left to her is exactly the review commands and her own password.
    let writable: Vec<&str> = registry::all().iter().filter(|c| c.access != Access::Read && c.access.allows(union_ledger_core::users::Role::Auditor)).map(|c| c.name).collect();
    let mut expected = allowed.to_vec();
    expected.sort();
    let mut got = writable.clone();
    got.sort();
    assert_eq!(got, expected);
}

#[test]
fn the_auditor_reads_everything() {
    let (_d, mut app) = book();
    let v = app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "100", "via": "cash"})).unwrap();
    as_user(&mut app, AUDITOR);
    for (name, args) in [
        ("ledger_vouchers_list", json!({})),
        ("ledger_vouchers_get", json!({"id": v["id"]})),
        ("ledger_attachments_list", json!({"voucher_id": v["id"]})),
        ("audit_log_list", json!({})),
        ("audit_approval_queue", json!({})),
        ("audit_approval_list", json!({})),
        ("audit_review_list", json!({"period": "2026-01"})),
        ("report_audit", json!({"year": 2026})),
        ("audit_verify", json!({})),
    ] {
        app.call(name, args).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn the_auditor_changes_her_own_password() {
    let (_d, mut app) = book();
    as_user(&mut app, AUDITOR);
    let me = app.user().unwrap().id;
    app.call("users_change_password", json!({"id": me, "old_password": PASSWORD, "new_password": "newpass1"})).unwrap();
    // …but not anyone else's alone: a forgotten password needs a second officer.
    let err = app.call("users_change_password", json!({"id": 1, "new_password": "newpass2"})).unwrap_err();
    assert!(err.to_string().contains("两位负责人"), "{err}");
    app.login_by_name(AUDITOR, "newpass1").unwrap();
}

/// Issue 13: the treasurer cannot make herself a second chair, nor disable or reset the real
/// one; chair and auditor together can.
#[test]
fn the_treasurer_cannot_act_as_chair_by_any_route() {
    let (_d, mut app) = book();
    let chair_id = app.call("users_list", json!({})).unwrap().as_array().unwrap().iter().find(|u| u["role"] == "chair").unwrap()["id"].as_i64().unwrap();
    // As the treasurer: no chair or auditor account, even with her own password typed twice.
    for args in [
        json!({"name": "假主席", "role": "chair", "password": "pass1234"}),
        json!({"name": "假主席", "role": "chair", "password": "pass1234", "confirm_user": TREASURER, "confirm_password": PASSWORD}),
        json!({"name": "假经审", "role": "auditor", "password": "pass1234", "confirm_user": CHAIR, "confirm_password": PASSWORD}),
    ] {
        let err = app.call("users_add", args.clone()).unwrap_err();
        assert!(err.code() == "permission_denied" || err.code() == "validation", "{args}: {err}");
    }
    let err = app.call("users_set_active", json!({"id": chair_id, "active": false, "confirm_user": CHAIR, "confirm_password": PASSWORD})).unwrap_err();
    assert_eq!(err.code(), "permission_denied", "{err}");
    let err = app.call("users_change_password", json!({"id": chair_id, "new_password": "taken123"})).unwrap_err();
    assert!(err.to_string().contains("两位负责人"), "{err}");
    let err = app
        .call("users_change_password", json!({"id": chair_id, "new_password": "taken123", "confirm_user": CHAIR, "confirm_password": PASSWORD}))
        .unwrap_err();
    assert!(err.to_string().contains("本人以外"), "{err}");
    // Treasurers she may add alone.
    app.call("users_add", json!({"name": "赵出纳", "role": "treasurer", "password": "pass1234"})).unwrap();
    // The chair with the auditor adds a chair; the auditor with the treasurer resets the chair's forgotten password.
    as_user(&mut app, CHAIR);
    let err = app.call("users_add", json!({"name": "副主席", "role": "chair", "password": "pass1234"})).unwrap_err();
    assert!(err.to_string().contains("两位负责人"), "{err}");
    app.call("users_add", json!({"name": "副主席", "role": "chair", "password": "pass1234", "confirm_user": AUDITOR, "confirm_password": PASSWORD})).unwrap();
    as_user(&mut app, AUDITOR);
    app.call("users_change_password", json!({"id": chair_id, "new_password": "newchair1", "confirm_user": TREASURER, "confirm_password": PASSWORD})).unwrap();
    app.login_by_name(CHAIR, "newchair1").unwrap();
    // The change log records who confirmed nothing in clear: passwords are redacted.
    let log = app.call("audit_log_list", json!({"command": "users_change_password"})).unwrap();
    assert!(!log.to_string().contains(PASSWORD), "passwords never reach the log");
}

/// Issue 13 item 5: wrong passwords are recorded (user, time, door) and shown to the chair
/// and the auditor; after five in a row the next try must wait, even with the right one.
#[test]
fn wrong_passwords_are_recorded_and_a_run_of_them_makes_the_next_try_wait() {
    let (_d, mut app) = book();
    for _ in 0..5 {
        assert_eq!(app.login_by_name(CHAIR, "wrong-one").unwrap_err().code(), "auth_failed");
    }
    let err = app.login_by_name(CHAIR, PASSWORD).unwrap_err();
    assert!(err.to_string().contains("已连续 5 次输错密码") && err.to_string().contains("秒后再试"), "{err}");
    // Another user is not held up; a name that is no user is recorded too.
    assert_eq!(app.login_by_name("没有这个人", "x").unwrap_err().code(), "auth_failed");
    as_user(&mut app, AUDITOR);
    let failures = app.call("users_login_failures", json!({})).unwrap();
    let list = failures.as_array().unwrap();
    assert_eq!(list.len(), 6);
    assert_eq!(list[0]["user_name"], "没有这个人");
    assert_eq!(list[1]["user_name"], CHAIR);
    assert_eq!(list[1]["door"], "window");
    as_user(&mut app, TREASURER);
    assert_eq!(app.call("users_login_failures", json!({})).unwrap_err().code(), "permission_denied");
    // The attempts are sealed like everything else.
    assert!(union_ledger_core::audit::verify::verify_book(app.conn()).unwrap().ok);
}
