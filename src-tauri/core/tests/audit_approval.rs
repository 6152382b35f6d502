//! Chair approval (审批): spending waits for the chair; reject with a note, fix, resubmit;
//! the plain-language 支出 form submits instead of posting; only the chair decides.

mod common;

use common::*;
use serde_json::{json, Value};
use union_ledger_core::App;

fn line(code: &str, d: &str, c: &str) -> Value {
    json!({"account_code": code, "debit": d, "credit": c})
}

fn queue(app: &mut App) -> Vec<Value> {
    app.call("audit_approval_queue", json!({})).unwrap().as_array().unwrap().clone()
}

const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

#[test]
fn a_new_book_requires_approval_and_sign_off_unless_the_wizard_switches_them_off() {
    let (_d, mut app) = book_with_controls();
    let s = app.call("book_settings_get", json!({})).unwrap();
    assert_eq!(s["approval_required"], true);
    assert_eq!(s["signoff_required"], true);

    let (_d2, mut off) = book();
    let s = off.call("book_settings_get", json!({})).unwrap();
    assert_eq!(s["approval_required"], false);
    assert_eq!(s["signoff_required"], false);
}

#[test]
fn only_the_chair_switches_the_controls_and_the_change_is_logged() {
    let (_d, mut app) = book_with_controls();
    for who in [TREASURER, AUDITOR] {
        as_user(&mut app, who);
        let err = app.call("book_settings_set_controls", json!({"approval_required": false})).unwrap_err();
        assert_eq!(err.code(), "permission_denied", "{who}");
    }
    as_user(&mut app, CHAIR);
    // Switching a control off needs the auditor too: alone the chair is refused.
    let err = app.call("book_settings_set_controls", json!({"approval_required": false})).unwrap_err();
    assert!(err.to_string().contains("两位负责人"), "{err}");
    let err = app.call("book_settings_set_controls", json!({"approval_required": false, "confirm_user": TREASURER, "confirm_password": PASSWORD})).unwrap_err();
    assert_eq!(err.code(), "permission_denied", "the treasurer cannot be the second officer");
    let s = app.call("book_settings_set_controls", json!({"approval_required": false, "confirm_user": AUDITOR, "confirm_password": PASSWORD})).unwrap();
    assert_eq!(s["approval_required"], false);
    assert_eq!(s["signoff_required"], true);
    let log = app.call("audit_log_list", json!({"command": "book_settings_set_controls"})).unwrap();
    assert_eq!(log[0]["before"]["approval_required"], true);
    assert_eq!(log[0]["after"]["approval_required"], false);
}

#[test]
fn the_spending_form_submits_a_draft_the_chair_approves_and_the_treasurer_then_posts() {
    let (_d, mut app) = book_with_controls();
    let preview = app
        .call("ledger_entry_preview", json!({"kind": "expense", "date": "2026-01-09", "category": "50405", "amount": "800", "via": "cash", "summary": "夏送清凉"}))
        .unwrap();
    assert_eq!(preview["can_post"], true);
    assert_eq!(preview["needs_approval"], true);
    // Receipts uploaded to a carrier draft go with it.
    let carrier = app.call("ledger_vouchers_draft_save", json!({"date": "2026-01-09", "summary": "", "lines": []})).unwrap();
    app.call("ledger_attachments_add", json!({"draft_id": carrier["id"], "file_name": "发票.png", "mime": "image/png", "data_base64": PNG})).unwrap();
    let out = app
        .call(
            "ledger_entry_post",
            json!({"kind": "expense", "date": "2026-01-09", "category": "50405", "amount": "800", "via": "cash", "summary": "夏送清凉", "draft_id": carrier["id"]}),
        )
        .unwrap();
    assert_eq!(out["outcome"], "submitted");
    assert!(out["message"].as_str().unwrap().contains("已提交工会主席审批"));
    let draft_id = out["draft"]["id"].clone();
    assert_eq!(draft_id, carrier["id"]);
    assert_eq!(out["draft"]["status"], "submitted");
    assert_eq!(count(&app, "journal_vouchers"), 0, "nothing posted before approval");

    // Submitted drafts cannot be edited or posted.
    let err = app.call("ledger_vouchers_draft_save", json!({"id": draft_id, "date": "2026-01-09", "summary": "改", "lines": []})).unwrap_err();
    assert!(err.to_string().contains("已提交审批"), "{err}");
    let err = app.call("ledger_vouchers_post", json!({"draft_id": draft_id})).unwrap_err();
    assert!(err.to_string().contains("等待工会主席审批"), "{err}");
    // The treasurer cannot approve it herself, nor can the auditor.
    let q = queue(&mut app);
    assert_eq!(q.len(), 1);
    for who in [TREASURER, AUDITOR] {
        as_user(&mut app, who);
        let err = app.call("audit_approval_approve", json!({"id": q[0]["id"]})).unwrap_err();
        assert_eq!(err.code(), "permission_denied", "{who}");
    }

    as_user(&mut app, CHAIR);
    let q = queue(&mut app);
    assert_eq!(q[0]["kind"], "voucher_draft");
    assert_eq!(q[0]["amount"], "800.00");
    assert_eq!(q[0]["attachments_count"], 1);
    assert_eq!(q[0]["attachments"][0]["file_name"], "发票.png");
    assert_eq!(q[0]["detail"]["lines"][0]["account_code"], "50405");
    app.call("audit_approval_approve", json!({"id": q[0]["id"], "note": "同意"})).unwrap();
    assert!(queue(&mut app).is_empty());

    as_user(&mut app, TREASURER);
    let d = app.call("ledger_vouchers_draft_get", json!({"id": draft_id})).unwrap();
    assert_eq!(d["status"], "approved");
    assert_eq!(d["approved_by_name"], CHAIR);
    assert_eq!(d["approval"]["note"], "同意");
    assert_eq!(d["can_post"], true);
    let v = app.call("ledger_vouchers_post", json!({"draft_id": draft_id})).unwrap();
    assert_eq!(v["approved_by_name"], CHAIR);
    assert_eq!(v["prepared_by_name"], TREASURER);
    assert_eq!(v["source"], "entry");
    let files = app.call("ledger_attachments_list", json!({"voucher_id": v["id"]})).unwrap();
    assert_eq!(files.as_array().unwrap().len(), 1);
    let hist = app.call("audit_approval_list", json!({})).unwrap();
    assert_eq!(hist[0]["status"], "posted");
    assert_eq!(hist[0]["voucher_id"], v["id"]);
}

#[test]
fn a_rejected_draft_shows_the_note_and_can_be_fixed_and_resubmitted() {
    let (_d, mut app) = book_with_controls();
    let d = app
        .call("ledger_vouchers_draft_save", json!({"date": "2026-01-10", "summary": "购买购物卡", "lines": [line("50105", "2000", "0"), line("101", "0", "2000")]}))
        .unwrap();
    app.call("ledger_vouchers_submit", json!({"draft_id": d["id"]})).unwrap();
    as_user(&mut app, CHAIR);
    let id = queue(&mut app)[0]["id"].clone();
    let err = app.call("audit_approval_reject", json!({"id": id, "note": " "})).unwrap_err();
    assert!(err.to_string().contains("写明原因"), "{err}");
    app.call("audit_approval_reject", json!({"id": id, "note": "不得发放购物卡，请改为实物"})).unwrap();
    let err = app.call("audit_approval_approve", json!({"id": id})).unwrap_err();
    assert!(err.to_string().contains("不在待审批队列"), "{err}");

    as_user(&mut app, TREASURER);
    let r = app.call("ledger_vouchers_draft_get", json!({"id": d["id"]})).unwrap();
    assert_eq!(r["status"], "rejected");
    assert_eq!(r["approval"]["status"], "rejected");
    assert_eq!(r["approval"]["decided_by_name"], CHAIR);
    assert!(r["problems"].to_string().contains("不得发放购物卡"), "{}", r["problems"]);
    assert!(app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).is_err());

    // Fix and resubmit: the edit returns it to draft, the new submission supersedes the old.
    let fixed = app
        .call("ledger_vouchers_draft_save", json!({"id": d["id"], "date": "2026-01-10", "summary": "购买中秋月饼", "lines": [line("50105", "1800", "0"), line("101", "0", "1800")]}))
        .unwrap();
    assert_eq!(fixed["status"], "draft");
    assert!(fixed["approval"].is_null());
    app.call("ledger_vouchers_submit", json!({"draft_id": d["id"]})).unwrap();
    let err = app.call("ledger_vouchers_submit", json!({"draft_id": d["id"]})).unwrap_err();
    assert_eq!(err.code(), "conflict");
    as_user(&mut app, CHAIR);
    let q = queue(&mut app);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0]["title"], "购买中秋月饼");
    app.call("audit_approval_approve", json!({"id": q[0]["id"]})).unwrap();
    as_user(&mut app, TREASURER);
    app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).unwrap();
    let statuses: Vec<String> = app
        .call("audit_approval_list", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(statuses, ["posted", "superseded"]);
}

#[test]
fn editing_an_approved_draft_voids_the_approval() {
    let (_d, mut app) = book_with_controls();
    let d = app.call("ledger_vouchers_draft_save", json!({"date": "2026-01-10", "summary": "慰问", "lines": [line("50105", "100", "0"), line("101", "0", "100")]})).unwrap();
    app.call("ledger_vouchers_submit", json!({"draft_id": d["id"]})).unwrap();
    as_user(&mut app, CHAIR);
    let id = queue(&mut app)[0]["id"].clone();
    app.call("audit_approval_approve", json!({"id": id})).unwrap();
    as_user(&mut app, TREASURER);
    app.call("ledger_vouchers_draft_save", json!({"id": d["id"], "date": "2026-01-10", "summary": "慰问", "lines": [line("50105", "900", "0"), line("101", "0", "900")]})).unwrap();
    let err = app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).unwrap_err();
    assert!(err.to_string().contains("审批"), "{err}");
    assert_eq!(app.call("audit_approval_list", json!({"status": "withdrawn"})).unwrap().as_array().unwrap().len(), 1);
}

#[test]
fn income_needs_no_approval_and_a_non_spending_draft_cannot_be_submitted() {
    let (_d, mut app) = book_with_controls();
    let out = app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "100", "via": "cash"})).unwrap();
    assert_eq!(out["outcome"], "posted");
    assert_eq!(out["display_number"], "记-001");
    let d = app.call("ledger_vouchers_draft_save", json!({"date": "2026-01-06", "summary": "存现", "lines": [line("102", "50", "0"), line("101", "0", "50")]})).unwrap();
    let err = app.call("ledger_vouchers_submit", json!({"draft_id": d["id"]})).unwrap_err();
    assert!(err.to_string().contains("无需工会主席审批"), "{err}");
    app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).unwrap();
}

#[test]
fn importing_spending_straight_into_the_books_is_refused_while_approval_is_on() {
    let (_d, mut app) = book_with_controls();
    let csv = "日期,凭证号,摘要,科目编码,借方金额,贷方金额,附件数\n2026-01-08,1,慰问,50105,100,,\n2026-01-08,1,慰问,101,,100,\n";
    let args = json!({"file_name": "v.csv", "data_base64": data_encoding_b64(csv.as_bytes()), "post": true});
    let err = app.call("ledger_vouchers_import", args).unwrap_err();
    assert!(err.to_string().contains("审批"), "{err}");
    assert_eq!(count(&app, "journal_vouchers"), 0);
}

fn data_encoding_b64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
