//! Review (审核), queries (质询) and the monthly sign-off (签字确认): the preparer never
//! reviews; a month is signed only when every voucher is reviewed and no query is open; close
//! needs a current sign-off; the sign-off records the fingerprint; reopen makes it stale.

mod common;

use common::*;
use serde_json::{json, Value};
use union_ledger_core::ledger::posting::{post_voucher, LineInput, VoucherInput};
use union_ledger_core::{App, Money};

const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/// A book with sign-off on but approval off (these tests are about review), with one income
/// and one expense voucher in January. Returns their ids.
fn month_with_two_vouchers() -> (tempfile::TempDir, App, i64, i64) {
    let (d, mut app) = book_with_controls();
    as_user(&mut app, CHAIR);
    app.call("book_settings_set_controls", json!({"approval_required": false, "confirm_user": AUDITOR, "confirm_password": PASSWORD})).unwrap();
    as_user(&mut app, TREASURER);
    let a = app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "allocation", "amount": "5000", "via": "bank"})).unwrap();
    let b = app
        .call("ledger_entry_post", json!({"kind": "expense", "date": "2026-01-20", "category": "50105", "amount": "1200", "via": "bank", "summary": "购买中秋慰问品"}))
        .unwrap();
    (d, app, a["id"].as_i64().unwrap(), b["id"].as_i64().unwrap())
}

fn mark(app: &mut App, id: i64, status: &str, comment: &str) -> Result<Value, union_ledger_core::CoreError> {
    app.call("audit_review_mark", json!({"voucher_id": id, "status": status, "comment": comment}))
}

fn set_statement(app: &mut App, period: &str) {
    let st = app.call("ledger_period_status", json!({"period": period})).unwrap();
    app.call("ledger_period_set_bank_statement", json!({"period": period, "balance": st["bank_book_balance"]})).unwrap();
}

#[test]
fn the_preparer_of_a_voucher_can_never_review_it() {
    let (_d, mut app, _, _) = month_with_two_vouchers();
    let auditor_id: i64 = app.conn().query_row("SELECT id FROM users WHERE name = ?1", [AUDITOR], |r| r.get(0)).unwrap();
    // A voucher whose preparer is the auditor (as if she once kept the books).
    let v = post_voucher(
        app.conn(),
        &VoucherInput {
            date: chrono::NaiveDate::from_ymd_opt(2026, 1, 25).unwrap(),
            summary: "经审委员本人制单".into(),
            attachments_count: 0,
            source: "manual".into(),
            source_ref: None,
            lines: vec![
                LineInput { account_code: "101".into(), debit: Money::from_fen(100), credit: Money::ZERO, member_id: None, memo: String::new() },
                LineInput { account_code: "102".into(), debit: Money::ZERO, credit: Money::from_fen(100), member_id: None, memo: String::new() },
            ],
            prepared_by: Some(auditor_id),
            approved_by: None,
            reverses_id: None,
        },
        1,
        "2026-01-25T10:00:00",
    )
    .unwrap();
    as_user(&mut app, AUDITOR);
    let err = mark(&mut app, v.id, "reviewed", "").unwrap_err();
    assert_eq!(err.code(), "permission_denied");
    assert!(err.to_string().contains("本人制单"), "{err}");
    assert_eq!(count(&app, "voucher_reviews"), 0);
}

#[test]
fn only_the_auditor_marks_and_a_query_needs_its_question() {
    let (_d, mut app, a, _) = month_with_two_vouchers();
    for who in [TREASURER, CHAIR] {
        as_user(&mut app, who);
        assert_eq!(mark(&mut app, a, "reviewed", "").unwrap_err().code(), "permission_denied", "{who}");
    }
    as_user(&mut app, AUDITOR);
    let err = mark(&mut app, a, "query", "  ").unwrap_err();
    assert!(err.to_string().contains("质询内容"), "{err}");
    let item = mark(&mut app, a, "reviewed", "票据齐全").unwrap();
    assert_eq!(item["review_status"], "reviewed");
    assert_eq!(item["reviewer_name"], AUDITOR);
}

#[test]
fn a_query_is_answered_with_a_file_closed_and_then_the_month_signs_off_and_closes() {
    let (_d, mut app, a, b) = month_with_two_vouchers();
    set_statement(&mut app, "2026-01");
    // Close is blocked without the sign-off.
    let st = app.call("ledger_period_status", json!({"period": "2026-01"})).unwrap();
    assert!(st["blockers"].to_string().contains("经审委员尚未对本月签字确认"), "{}", st["blockers"]);
    assert!(app.call("ledger_period_close", json!({"period": "2026-01"})).is_err());

    as_user(&mut app, AUDITOR);
    // Nothing reviewed yet: sign-off refused.
    let err = app.call("audit_review_signoff", json!({"period": "2026-01"})).unwrap_err();
    assert!(err.to_string().contains("2 张凭证未审核"), "{err}");
    mark(&mut app, a, "reviewed", "").unwrap();
    let item = mark(&mut app, b, "query", "慰问品发放名单（签收表）未附").unwrap();
    assert_eq!(item["review_status"], "query");
    let qid = item["open_query"]["id"].clone();
    assert!(mark(&mut app, b, "reviewed", "").unwrap_err().to_string().contains("质询尚未关闭"));
    let err = app.call("audit_review_signoff", json!({"period": "2026-01"})).unwrap_err();
    assert!(err.to_string().contains("1 条质询尚待会计答复"), "{err}");
    // Closing an unanswered query is refused.
    assert!(app.call("audit_review_close_query", json!({"query_id": qid})).unwrap_err().to_string().contains("尚未答复"));

    as_user(&mut app, TREASURER);
    let pending = app.call("audit_review_queries", json!({"status": "open"})).unwrap();
    assert_eq!(pending.as_array().unwrap().len(), 1);
    let ans = app
        .call(
            "audit_review_answer",
            json!({"query_id": qid, "answer": "已补签收表", "file": {"file_name": "签收表.png", "mime": "image/png", "data_base64": PNG}}),
        )
        .unwrap();
    assert_eq!(ans["status"], "answered");
    assert!(ans["attachment_id"].is_i64());
    let files = app.call("ledger_attachments_list", json!({"voucher_id": b})).unwrap();
    assert_eq!(files[0]["file_name"], "签收表.png");

    as_user(&mut app, AUDITOR);
    let err = app.call("audit_review_signoff", json!({"period": "2026-01"})).unwrap_err();
    assert!(err.to_string().contains("已答复、尚未关闭"), "{err}");
    let closed = app.call("audit_review_close_query", json!({"query_id": qid, "note": "已核对"})).unwrap();
    assert_eq!(closed["status"], "closed");
    let list = app.call("audit_review_list", json!({"period": "2026-01"})).unwrap();
    assert_eq!(list["reviewed"], 2);
    assert_eq!(list["open_queries"], 0);
    assert_eq!(list["signoff"]["can_sign"], true);

    let fp_now = app.call("ledger_period_status", json!({"period": "2026-01"})).unwrap()["chain_fingerprint"].clone();
    let signed = app.call("audit_review_signoff", json!({"period": "2026-01", "note": "本月凭证已全部审核"})).unwrap();
    assert_eq!(signed["signed"], true);
    assert_eq!(signed["current"]["fingerprint"], fp_now, "the sign-off records the fingerprint it saw");
    assert_eq!(signed["current"]["vouchers"], 2);
    assert_eq!(signed["current"]["signed_by_name"], AUDITOR);
    // Marks are frozen while signed.
    assert!(mark(&mut app, a, "query", "再看看").unwrap_err().to_string().contains("已由经审委员签字确认"));

    as_user(&mut app, TREASURER);
    let closed = app.call("ledger_period_close", json!({"period": "2026-01"})).unwrap();
    assert_eq!(closed["status"]["status"], "closed");
}

#[test]
fn a_posting_after_the_sign_off_makes_it_stale_and_blocks_close_until_signed_again() {
    let (_d, mut app, a, b) = month_with_two_vouchers();
    as_user(&mut app, AUDITOR);
    mark(&mut app, a, "reviewed", "").unwrap();
    mark(&mut app, b, "reviewed", "").unwrap();
    app.call("audit_review_signoff", json!({"period": "2026-01"})).unwrap();
    as_user(&mut app, TREASURER);
    let c = app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-28", "category": "other", "amount": "3.5", "via": "bank", "summary": "利息"})).unwrap();
    set_statement(&mut app, "2026-01");
    let st = app.call("ledger_period_status", json!({"period": "2026-01"})).unwrap();
    assert!(st["blockers"].to_string().contains("签字后本月凭证有变动"), "{}", st["blockers"]);
    let s = app.call("audit_review_signoff_status", json!({"period": "2026-01"})).unwrap();
    assert_eq!(s["signed"], false);
    assert_eq!(s["stale"], true);

    as_user(&mut app, AUDITOR);
    mark(&mut app, c["id"].as_i64().unwrap(), "reviewed", "").unwrap();
    let s = app.call("audit_review_signoff", json!({"period": "2026-01"})).unwrap();
    assert_eq!(s["signed"], true);
    assert_eq!(s["history"].as_array().unwrap().len(), 2);
    assert_eq!(s["history"][1]["status"], "stale");
    as_user(&mut app, TREASURER);
    app.call("ledger_period_close", json!({"period": "2026-01"})).unwrap();
}

#[test]
fn reopening_a_month_makes_its_sign_off_stale() {
    let (_d, mut app, a, b) = month_with_two_vouchers();
    set_statement(&mut app, "2026-01");
    as_user(&mut app, AUDITOR);
    mark(&mut app, a, "reviewed", "").unwrap();
    mark(&mut app, b, "reviewed", "").unwrap();
    app.call("audit_review_signoff", json!({"period": "2026-01"})).unwrap();
    as_user(&mut app, TREASURER);
    app.call("ledger_period_close", json!({"period": "2026-01"})).unwrap();
    as_user(&mut app, CHAIR);
    app.call("ledger_period_reopen", json!({"period": "2026-01", "reason": "补记利息", "confirm_user": AUDITOR, "confirm_password": PASSWORD})).unwrap();
    let s = app.call("audit_review_signoff_status", json!({"period": "2026-01"})).unwrap();
    assert_eq!(s["signed"], false);
    assert_eq!(s["current"]["status"], "stale");
    assert!(s["current"]["stale_reason"].as_str().unwrap().contains("反结账"));
    as_user(&mut app, TREASURER);
    let err = app.call("ledger_period_close", json!({"period": "2026-01"})).unwrap_err();
    assert!(err.to_string().contains("经审委员尚未对本月签字确认"), "{err}");
    // The auditor signs again (nothing changed) and the month closes.
    as_user(&mut app, AUDITOR);
    app.call("audit_review_signoff", json!({"period": "2026-01"})).unwrap();
    as_user(&mut app, TREASURER);
    app.call("ledger_period_close", json!({"period": "2026-01"})).unwrap();
}

#[test]
fn with_sign_off_switched_off_a_month_closes_without_it() {
    let (_d, mut app) = book();
    app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "10", "via": "bank"})).unwrap();
    set_statement(&mut app, "2026-01");
    app.call("ledger_period_close", json!({"period": "2026-01"})).unwrap();
}

#[test]
fn an_empty_month_can_be_signed_off() {
    let (_d, mut app) = book_with_controls();
    as_user(&mut app, AUDITOR);
    let s = app.call("audit_review_signoff", json!({"period": "2026-01"})).unwrap();
    assert_eq!(s["signed"], true);
    assert_eq!(s["current"]["vouchers"], 0);
}
