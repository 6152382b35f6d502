//! The audit committee through the command line: init defaults and flags, approval through
//! `call`, `review list/mark/answer/close-query/signoff`, close after sign-off, the auditor's
//! refused writes (exit 3), `report audit` as JSON and HTML.

mod common;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Book {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

fn bin(db: &Path) -> Command {
    let mut c = common::cli();
    c.env_remove("UNION_LEDGER_USER").env_remove("UNION_LEDGER_PASSWORD").arg("--db").arg(db);
    c
}

fn ok(o: Output) -> Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap_or(Value::Null)
}

fn book(flags: &[&str]) -> Book {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    ok(bin(&db)
        .args(["init", "--union-name", "某某工会委员会", "--unit-name", "某某单位", "--start", "2026-01", "--province", "江苏"])
        .args(["--treasurer", "王会计:secret1", "--chair", "李主席:secret1", "--auditor", "张经审:secret1"])
        .args(flags)
        .output()
        .unwrap());
    Book { _dir: dir, db }
}

fn as_user<'a>(b: &Book, user: &str, args: impl IntoIterator<Item = &'a str>) -> Output {
    bin(&b.db).args(["--user", user, "--password", "secret1"]).args(args).output().unwrap()
}

fn call(b: &Book, user: &str, name: &str, args: Value) -> Output {
    as_user(b, user, ["call", name, "--args", &args.to_string()])
}

#[test]
fn init_turns_approval_and_sign_off_on_unless_flags_switch_them_off() {
    let on = book(&[]);
    let s = ok(call(&on, "王会计", "book_settings_get", json!({})));
    assert_eq!(s["approval_required"], true);
    assert_eq!(s["signoff_required"], true);
    let off = book(&["--no-approval", "--no-signoff"]);
    let s = ok(call(&off, "王会计", "book_settings_get", json!({})));
    assert_eq!(s["approval_required"], false);
    assert_eq!(s["signoff_required"], false);
}

#[test]
fn approve_post_query_answer_close_sign_off_and_close_the_month_from_the_shell() {
    let b = book(&[]);
    ok(call(&b, "王会计", "ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "allocation", "amount": "10000", "via": "bank"})));
    let sub = ok(call(&b, "王会计", "ledger_entry_post", json!({"kind": "expense", "date": "2026-01-20", "category": "50105", "amount": "1200", "via": "bank", "summary": "购买慰问品"})));
    assert_eq!(sub["outcome"], "submitted");
    let draft_id = sub["draft"]["id"].as_i64().unwrap();
    let queue = ok(call(&b, "李主席", "audit_approval_queue", json!({})));
    let approval_id = queue[0]["id"].as_i64().unwrap();
    // Neither treasurer nor auditor may approve: a permission matter, exit 3.
    for who in ["王会计", "张经审"] {
        let o = call(&b, who, "audit_approval_approve", json!({"id": approval_id}));
        assert_eq!(o.status.code(), Some(3), "{who}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("权限不足"));
    }
    ok(call(&b, "李主席", "audit_approval_approve", json!({"id": approval_id, "note": "同意"})));
    let v = ok(call(&b, "王会计", "ledger_vouchers_post", json!({"draft_id": draft_id})));
    let vid = v["id"].as_i64().unwrap().to_string();
    assert_eq!(v["approved_by_name"], "李主席");

    let list = ok(bin(&b.db).args(["review", "list", "--period", "2026-01"]).output().unwrap());
    assert_eq!(list["total"], 2);
    assert_eq!(list["unreviewed"], 2);

    ok(as_user(&b, "张经审", ["review", "mark", "--voucher", "1", "--status", "reviewed"]));
    let q = ok(as_user(&b, "张经审", ["review", "mark", "--voucher", &vid, "--status", "query", "--comment", "请附签收表"]));
    let qid = q["open_query"]["id"].as_i64().unwrap().to_string();
    // The treasurer cannot mark; the auditor cannot answer.
    assert_eq!(as_user(&b, "王会计", ["review", "mark", "--voucher", "1", "--status", "reviewed"]).status.code(), Some(3));
    assert_eq!(as_user(&b, "张经审", ["review", "answer", "--query", &qid, "--text", "x"]).status.code(), Some(3));
    let o = as_user(&b, "张经审", ["review", "signoff", "--period", "2026-01"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("质询"), "{}", String::from_utf8_lossy(&o.stderr));

    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("签收表.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n%test\n").unwrap();
    let a = ok(as_user(&b, "王会计", ["review", "answer", "--query", &qid, "--text", "已补签收表", "--file", pdf.to_str().unwrap()]));
    assert_eq!(a["status"], "answered");
    let pending = ok(bin(&b.db).args(["review", "queries", "--status", "answered"]).output().unwrap());
    assert_eq!(pending.as_array().unwrap().len(), 1);
    ok(as_user(&b, "张经审", ["review", "close-query", "--query", &qid, "--note", "已核对"]));

    // Close before the sign-off is refused.
    ok(call(&b, "王会计", "ledger_period_set_bank_statement", json!({"period": "2026-01", "balance": "8800"})));
    let o = as_user(&b, "王会计", ["period", "close", "2026-01"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("签字"), "{}", String::from_utf8_lossy(&o.stderr));

    let s = ok(as_user(&b, "张经审", ["review", "signoff", "--period", "2026-01"]));
    assert_eq!(s["signed"], true);
    let fp = s["current"]["fingerprint"].as_str().unwrap().to_string();
    let closed = ok(as_user(&b, "王会计", ["period", "close", "2026-01"]));
    assert_eq!(closed["status"]["status"], "closed");
    assert_eq!(closed["status"]["chain_fingerprint"], fp.as_str());

    let o = bin(&b.db).arg("verify").output().unwrap();
    assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with(&format!("OK {fp}")));
}

#[test]
fn the_auditor_is_refused_writes_through_call_with_a_permission_message() {
    let b = book(&["--no-approval"]);
    for (name, args) in [
        ("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "1", "via": "cash"})),
        ("ledger_vouchers_draft_save", json!({"date": "2026-01-05", "summary": "x", "lines": []})),
        ("book_settings_update", json!({"contact": "x"})),
        ("ledger_period_close", json!({"period": "2026-01"})),
        ("users_add", json!({"name": "新人", "role": "treasurer", "password": "secret1"})),
    ] {
        let o = call(&b, "张经审", name, args);
        assert_eq!(o.status.code(), Some(3), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("权限不足") && err.contains("经审委员"), "{name}: {err}");
    }
}

#[test]
fn report_audit_prints_json_and_writes_html() {
    let b = book(&["--no-approval", "--no-signoff"]);
    ok(call(&b, "王会计", "ledger_entry_post", json!({"kind": "expense", "date": "2026-03-02", "category": "50105", "amount": "88.8", "via": "cash"})));
    ok(as_user(&b, "张经审", ["call", "audit_report_texts_save", "--args", &json!({"year": 2026, "findings": "未发现问题"}).to_string()]));
    let r = ok(bin(&b.db).args(["report", "audit", "--year", "2026"]).output().unwrap());
    assert_eq!(r["income_spending"]["spending_total"], "88.80");
    assert_eq!(r["texts"]["findings"], "未发现问题");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let w = ok(bin(&b.db).args(["report", "audit", "--year", "2026", "--format", "html", "--out", out.to_str().unwrap()]).output().unwrap());
    assert_eq!(w["file"], out.display().to_string());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("年度经费审查报告") && html.contains("未发现问题"));
    let o = bin(&b.db).args(["report", "audit", "--year", "2026", "--format", "html"]).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("</html>"));
}
