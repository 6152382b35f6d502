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
    // …but not anyone else's.
    let err = app.call("users_change_password", json!({"id": 1, "new_password": "newpass2"})).unwrap_err();
    assert_eq!(err.code(), "permission_denied");
    app.login_by_name(AUDITOR, "newpass1").unwrap();
}
