//! The posting gateway, vouchers, drafts, reversal, opening balances and the hash chain.

mod common;

use common::*;
use serde_json::{json, Value};
use union_ledger_core::error::CoreError;
use union_ledger_core::ledger::chain;
use union_ledger_core::App;

const JOURNAL: [&str; 2] = ["journal_vouchers", "journal_lines"];

fn journal_rows(app: &App) -> (i64, i64) {
    (count(app, JOURNAL[0]), count(app, JOURNAL[1]))
}

fn line(code: &str, debit: &str, credit: &str) -> Value {
    json!({"account_code": code, "debit": debit, "credit": credit, "memo": ""})
}

/// Save a draft and post it, as the voucher editor does.
fn post(app: &mut App, date: &str, summary: &str, lines: Vec<Value>) -> Result<Value, CoreError> {
    let d = app.call("ledger_vouchers_draft_save", json!({"date": date, "summary": summary, "attachments_count": 1, "lines": lines}))?;
    let id = d["id"].as_i64().unwrap();
    match app.call("ledger_vouchers_post", json!({"draft_id": id})) {
        Ok(v) => Ok(v),
        Err(e) => {
            app.call("ledger_vouchers_draft_delete", json!({"id": id})).unwrap();
            Err(e)
        }
    }
}

fn spend(app: &mut App, date: &str, amount: &str) -> Value {
    post(app, date, "会员活动", vec![line("50105", amount, "0"), line("102", "0", amount)]).unwrap()
}

fn income(app: &mut App, date: &str, amount: &str) -> Value {
    post(app, date, "收会费", vec![line("102", amount, "0"), line("401", "0", amount)]).unwrap()
}

#[test]
fn posting_numbers_vouchers_per_month_without_gaps_and_returns_the_full_voucher() {
    let (_d, mut app) = book();
    let v1 = income(&mut app, "2026-01-05", "1200");
    assert_eq!(v1["display_number"], "记-001");
    assert_eq!(v1["period"], "2026-01");
    assert_eq!(v1["total_debit"], "1200.00");
    assert_eq!(v1["total_in_words"], "壹仟贰佰元整");
    assert_eq!(v1["lines"][0]["account_name"], "银行存款");
    assert_eq!(v1["posted_by_name"], TREASURER);
    assert_eq!(v1["prepared_by_name"], TREASURER);
    assert_eq!(v1["attachments_count"], 1);
    let v2 = spend(&mut app, "2026-01-20", "300.5");
    assert_eq!(v2["display_number"], "记-002");
    // A refused voucher in between does not use up a number.
    assert!(post(&mut app, "2026-01-21", "坏", vec![line("50105", "1", "0"), line("102", "0", "2")]).is_err());
    let v3 = spend(&mut app, "2026-01-22", "1");
    assert_eq!(v3["number"], 3);
    let feb = spend(&mut app, "2026-02-01", "1");
    assert_eq!(feb["display_number"], "记-001");
    let list = app.call("ledger_vouchers_list", json!({"period": "2026-01"})).unwrap();
    let numbers: Vec<i64> = list.as_array().unwrap().iter().map(|v| v["number"].as_i64().unwrap()).collect();
    assert_eq!(numbers, vec![1, 2, 3]);
    assert_eq!(list[1]["total"], "300.50");
    let found = app.call("ledger_vouchers_list", json!({"period": "2026-01", "text": "会员活动"})).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 2);
    let got = app.call("ledger_vouchers_get", json!({"id": v2["id"]})).unwrap();
    assert_eq!(got, v2);
    assert_eq!(count(&app, "draft_vouchers"), 0, "posting removes the draft");
}

#[test]
fn every_bad_voucher_is_a_typed_error_in_plain_words_and_writes_nothing() {
    let (_d, mut app) = book();
    income(&mut app, "2026-01-05", "100");
    let before = journal_rows(&app);
    let cases: Vec<(&str, Vec<Value>, &str, &str)> = vec![
        ("2026-01-06", vec![line("50105", "1200", "0"), line("102", "0", "1000")], "借贷不平衡：借方合计 1,200.00，贷方合计 1,000.00，相差 200.00", "validation"),
        ("2026-01-06", vec![line("501", "10", "0"), line("102", "0", "10")], "有明细科目，只能记到明细科目", "validation"),
        ("2026-01-06", vec![line("999", "10", "0"), line("102", "0", "10")], "科目编码 999 不存在", "validation"),
        ("2026-01-06", vec![line("50105", "0", "0"), line("102", "0", "0")], "借方和贷方金额都是零", "validation"),
        ("2026-01-06", vec![line("50105", "-10", "0"), line("102", "0", "-10")], "不能为负数", "validation"),
        ("2026-01-06", vec![line("50105", "10", "10"), line("102", "0", "10")], "只能填一方", "validation"),
        ("2026-01-06", vec![line("50105", "10", "0")], "至少要有两行", "validation"),
        ("2025-12-31", vec![line("50105", "10", "0"), line("102", "0", "10")], "早于建账月份 2026-01", "validation"),
    ];
    for (date, lines, msg, code) in cases {
        let drafts_before = count(&app, "draft_vouchers");
        let d = app.call("ledger_vouchers_draft_save", json!({"date": date, "summary": "测试", "lines": lines}));
        let err = match d {
            Ok(d) => {
                assert_eq!(d["can_post"], false, "{msg}: the draft reports it cannot be posted");
                let e = app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).unwrap_err();
                app.call("ledger_vouchers_draft_delete", json!({"id": d["id"]})).unwrap();
                e
            }
            Err(e) => e,
        };
        assert_eq!(err.code(), code, "{msg}: {err}");
        assert!(err.to_string().contains(msg), "expected “{msg}”, got “{err}”");
        assert_eq!(journal_rows(&app), before, "{msg}: nothing written");
        assert_eq!(count(&app, "draft_vouchers"), drafts_before);
    }
    // Empty summary.
    let d = app.call("ledger_vouchers_draft_save", json!({"date": "2026-01-06", "summary": " ", "lines": [line("50105", "1", "0"), line("102", "0", "1")]})).unwrap();
    let err = app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).unwrap_err();
    assert!(err.to_string().contains("请填写摘要"), "{err}");
    assert_eq!(journal_rows(&app), before);
}

#[test]
fn a_draft_may_be_saved_half_done_and_reports_what_stops_posting() {
    let (_d, mut app) = book();
    let d = app
        .call("ledger_vouchers_draft_save", json!({"date": "2026-01-08", "summary": "买奖品", "lines": [line("50102", "80", "0"), {"account_code": ""}, line("101", "0", "50")]}))
        .unwrap();
    assert_eq!(d["can_post"], false);
    assert_eq!(d["difference"], "30.00");
    let problems = d["problems"].to_string();
    assert!(problems.contains("第 2 行为空"), "{problems}");
    assert!(problems.contains("借贷不平衡"), "{problems}");
    let id = d["id"].clone();
    let d = app
        .call("ledger_vouchers_draft_save", json!({"id": id, "date": "2026-01-08", "summary": "买奖品", "lines": [line("50102", "80", "0"), {"account_code": ""}, line("101", "0", "80")]}))
        .unwrap();
    assert_eq!(d["can_post"], true, "{}", d["problems"]);
    assert_eq!(app.call("ledger_vouchers_draft_list", json!({"period": "2026-01"})).unwrap().as_array().unwrap().len(), 1);
    assert_eq!(app.call("ledger_vouchers_draft_list", json!({"period": "2026-02"})).unwrap().as_array().unwrap().len(), 0);
    let v = app.call("ledger_vouchers_post", json!({"draft_id": id})).unwrap();
    assert_eq!(v["lines"].as_array().unwrap().len(), 2, "the blank line is left out");
}

#[test]
fn a_reversal_nets_every_account_to_zero_and_is_linked_both_ways_once() {
    let (_d, mut app) = book();
    income(&mut app, "2026-01-05", "500");
    let v = post(&mut app, "2026-01-10", "慰问品", vec![line("50105", "120", "0"), line("50102", "30", "0"), line("102", "0", "150")]).unwrap();
    let id = v["id"].as_i64().unwrap();
    let r = app.call("ledger_vouchers_reverse", json!({"id": id, "date": "2026-01-12", "reason": "重复报销"})).unwrap();
    assert_eq!(r["source"], "reversal");
    assert_eq!(r["reverses_id"], id);
    assert_eq!(r["summary"], "冲销 记-002 号凭证：慰问品");
    assert_eq!(r["lines"][0]["debit"], "-120.00");
    assert_eq!(r["lines"][2]["credit"], "-150.00");
    let orig = app.call("ledger_vouchers_get", json!({"id": id})).unwrap();
    assert_eq!(orig["reversed_by_id"], r["id"]);
    let list = app.call("ledger_vouchers_list", json!({"period": "2026-01"})).unwrap();
    assert_eq!(list[1]["reversed_by_display"], "2026-01 记-003");
    assert_eq!(list[2]["reverses_display"], "2026-01 记-002");
    for code in ["50105", "50102"] {
        let net: i64 = app
            .conn()
            .query_row("SELECT SUM(debit_fen - credit_fen) FROM journal_lines WHERE account_code = ?1", [code], |r| r.get(0))
            .unwrap();
        assert_eq!(net, 0, "{code}");
    }
    let before = journal_rows(&app);
    let again = app.call("ledger_vouchers_reverse", json!({"id": id, "date": "2026-01-12", "reason": "再来"})).unwrap_err();
    assert!(again.to_string().contains("已被冲销"), "{again}");
    let of_reversal = app.call("ledger_vouchers_reverse", json!({"id": r["id"], "date": "2026-01-12", "reason": "x"})).unwrap_err();
    assert!(of_reversal.to_string().contains("本身是冲销凭证"), "{of_reversal}");
    let no_reason = app.call("ledger_vouchers_reverse", json!({"id": 1, "date": "2026-01-12", "reason": " "})).unwrap_err();
    assert!(no_reason.to_string().contains("冲销原因"), "{no_reason}");
    assert_eq!(journal_rows(&app), before);
}

#[test]
fn opening_balances_must_balance_before_the_first_posting_and_then_lock() {
    let (_d, mut app) = book();
    let got = app.call("ledger_opening_get", json!({})).unwrap();
    assert_eq!(got["totals"]["balanced"], true);
    assert!(got["accounts"].as_array().unwrap().iter().all(|a| a["code"] != "501"), "leaf accounts only");
    let err = app.call("ledger_opening_set", json!({"balances": [{"account_code": "501", "amount": "1"}]})).unwrap_err();
    assert!(err.to_string().contains("期初余额应录入到明细科目"), "{err}");
    let o = app
        .call("ledger_opening_set", json!({"balances": [{"account_code": "101", "amount": "500"}, {"account_code": "102", "amount": "20,000"}, {"account_code": "322", "amount": "20000"}]}))
        .unwrap();
    assert_eq!(o["totals"]["balanced"], false);
    assert_eq!(o["totals"]["difference"], "500.00");
    let before = journal_rows(&app);
    let err = post(&mut app, "2026-01-05", "收会费", vec![line("102", "10", "0"), line("401", "0", "10")]).unwrap_err();
    assert!(err.to_string().contains("期初余额不平衡"), "{err}");
    assert_eq!(journal_rows(&app), before);
    let o = app
        .call("ledger_opening_set", json!({"balances": [{"account_code": "101", "amount": "500"}, {"account_code": "102", "amount": "20000"}, {"account_code": "322", "amount": "20500"}]}))
        .unwrap();
    assert_eq!(o["totals"]["balanced"], true);
    assert_eq!(o["totals"]["debit_side"], "20500.00");
    income(&mut app, "2026-01-05", "10");
    let err = app.call("ledger_opening_set", json!({"balances": []})).unwrap_err();
    assert!(err.to_string().contains("已有记账凭证，期初余额已锁定"), "{err}");
    assert_eq!(app.call("ledger_opening_get", json!({})).unwrap()["locked"], true);
    // Even behind the app's back the table is locked.
    assert!(app.conn().execute("UPDATE opening_balances SET amount_fen = 1", []).is_err());
}

#[test]
fn the_auditor_and_the_chair_are_refused_every_ledger_write() {
    let (_d, mut app) = book();
    let v = income(&mut app, "2026-01-05", "10");
    let d = app.call("ledger_vouchers_draft_save", json!({"date": "2026-01-06", "summary": "x", "lines": []})).unwrap();
    let writes = [
        ("ledger_opening_set", json!({"balances": []})),
        ("ledger_vouchers_draft_save", json!({"date": "2026-01-06", "summary": "x", "lines": []})),
        ("ledger_vouchers_draft_delete", json!({"id": d["id"]})),
        ("ledger_vouchers_post", json!({"draft_id": d["id"]})),
        ("ledger_vouchers_reverse", json!({"id": v["id"], "date": "2026-01-07", "reason": "x"})),
        ("ledger_entry_post", json!({"kind": "income", "date": "2026-01-06", "category": "dues", "amount": "1", "via": "cash"})),
        ("ledger_attachments_add", json!({"draft_id": d["id"], "file_name": "a.png", "mime": "image/png", "data_base64": "iVBORw0KGgo="})),
        ("ledger_period_set_bank_statement", json!({"period": "2026-01", "balance": "10"})),
        ("ledger_bank_tick", json!({"voucher_id": v["id"], "line_no": 1, "ticked": true})),
        ("ledger_period_close", json!({"period": "2026-01"})),
    ];
    for who in [AUDITOR, CHAIR] {
        as_user(&mut app, who);
        for (name, args) in &writes {
            let before = (journal_rows(&app), count(&app, "change_log"), count(&app, "draft_vouchers"), count(&app, "attachments"));
            let err = app.call(name, args.clone()).unwrap_err();
            assert_eq!(err.code(), "permission_denied", "{who} {name}: {err}");
            assert_eq!(before, (journal_rows(&app), count(&app, "change_log"), count(&app, "draft_vouchers"), count(&app, "attachments")));
        }
        // Reading is fine.
        app.call("ledger_vouchers_list", json!({"period": "2026-01"})).unwrap();
        app.call("ledger_chain_verify", json!({})).unwrap();
    }
}

#[test]
fn plain_language_entry_previews_and_posts_a_balanced_voucher() {
    let (_d, mut app) = book();
    let cats = app.call("ledger_entry_categories", json!({})).unwrap();
    assert_eq!(cats["income"][0]["category"], "dues");
    assert_eq!(cats["income"][0]["code"], "401");
    assert!(cats["expense"].as_array().unwrap().iter().any(|e| e["code"] == "50105" && e["group"] == "职工活动支出"));
    assert!(cats["expense"].as_array().unwrap().iter().all(|e| e["code"] != "501"));
    let args = json!({"kind": "income", "date": "2026-01-05", "category": "upper_special", "amount": "5000", "via": "bank", "summary": "", "counterparty": "区总工会"});
    let p = app.call("ledger_entry_preview", args.clone()).unwrap();
    assert_eq!(p["lines"][0]["account_code"], "102");
    assert_eq!(p["lines"][1]["account_code"], "40302");
    assert_eq!(p["lines"][1]["account_name"], "专项转移支付补助");
    assert_eq!(p["total_in_words"], "伍仟元整");
    assert_eq!(p["can_post"], true);
    assert_eq!(count(&app, "journal_vouchers"), 0, "preview writes nothing");
    let v = app.call("ledger_entry_post", args).unwrap();
    assert_eq!(v["source"], "entry");
    assert_eq!(v["summary"], p["voucher"]["summary"]);
    assert!(v["lines"][0]["memo"].as_str().unwrap().contains("区总工会"));

    let exp = app
        .call("ledger_entry_post", json!({"kind": "expense", "date": "2026-01-09", "category": "50405", "amount": "800", "via": "bank", "summary": "夏送清凉", "counterparty": "某超市"}))
        .unwrap();
    assert_eq!(exp["lines"][0]["account_code"], "50405");
    assert_eq!(exp["lines"][1]["account_code"], "102");
    let t = app.call("ledger_entry_post", json!({"kind": "transfer", "date": "2026-01-10", "category": "withdraw", "amount": "200"})).unwrap();
    assert_eq!(t["lines"][0]["account_code"], "101");
    assert_eq!(t["lines"][0]["debit"], "200.00");
    let bad = app.call("ledger_entry_post", json!({"kind": "expense", "date": "2026-01-10", "category": "401", "amount": "1", "via": "cash"})).unwrap_err();
    assert!(bad.to_string().contains("不是支出科目"), "{bad}");
    let zero = app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-10", "category": "dues", "amount": "0", "via": "cash"})).unwrap_err();
    assert!(zero.to_string().contains("金额必须大于零"), "{zero}");
}

#[test]
fn attachments_travel_from_the_draft_to_the_voucher_and_stay_there() {
    let (_d, mut app) = book();
    let d = app.call("ledger_vouchers_draft_save", json!({"date": "2026-01-06", "summary": "发票", "lines": [line("50105", "10", "0"), line("101", "0", "10")]})).unwrap();
    let png = data_encoding::BASE64.encode(b"\x89PNG\r\n\x1a\nfake");
    let a = app.call("ledger_attachments_add", json!({"draft_id": d["id"], "file_name": "C:\\票据\\发票.png", "mime": "image/png", "data_base64": png})).unwrap();
    assert_eq!(a["file_name"], "发票.png");
    assert_eq!(a["size"], 12);
    let bad = app.call("ledger_attachments_add", json!({"draft_id": d["id"], "file_name": "x.exe", "mime": "application/x-msdownload", "data_base64": png})).unwrap_err();
    assert!(bad.to_string().contains("只能上传图片或 PDF"), "{bad}");
    let v = app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).unwrap();
    let list = app.call("ledger_attachments_list", json!({"voucher_id": v["id"]})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let got = app.call("ledger_attachments_get", json!({"id": a["id"]})).unwrap();
    assert_eq!(got["data_base64"], png);
    let err = app.call("ledger_attachments_delete", json!({"id": a["id"]})).unwrap_err();
    assert!(err.to_string().contains("不能删除"), "{err}");
    // A late receipt can still be added to the posted voucher.
    app.call("ledger_attachments_add", json!({"voucher_id": v["id"], "file_name": "补.pdf", "mime": "application/pdf", "data_base64": data_encoding::BASE64.encode(b"%PDF-1.4")})).unwrap();
    assert_eq!(app.call("ledger_attachments_list", json!({"voucher_id": v["id"]})).unwrap().as_array().unwrap().len(), 2);
    // An entry can carry the receipts of a draft.
    let carrier = app.call("ledger_vouchers_draft_save", json!({"date": "2026-01-07", "summary": "", "lines": []})).unwrap();
    app.call("ledger_attachments_add", json!({"draft_id": carrier["id"], "file_name": "r.jpg", "mime": "image/jpeg", "data_base64": png})).unwrap();
    let e = app.call("ledger_entry_post", json!({"kind": "expense", "date": "2026-01-07", "category": "50102", "amount": "5", "via": "cash", "summary": "球", "draft_id": carrier["id"]})).unwrap();
    assert_eq!(e["attachments_count"], 1);
    assert_eq!(app.call("ledger_attachments_list", json!({"voucher_id": e["id"]})).unwrap().as_array().unwrap().len(), 1);
    assert_eq!(count(&app, "draft_vouchers"), 0);
}

#[test]
fn the_journal_tables_refuse_update_and_delete_of_posted_rows() {
    let (_d, mut app) = book();
    income(&mut app, "2026-01-05", "10");
    let c = app.conn();
    for sql in [
        "UPDATE journal_lines SET debit_fen = 1",
        "DELETE FROM journal_lines",
        "UPDATE journal_vouchers SET summary = 'x'",
        "DELETE FROM journal_vouchers",
    ] {
        let err = c.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("immutable"), "{sql}: {err}");
    }
}

fn tampered_book() -> (tempfile::TempDir, App, Value) {
    let (d, mut app) = book();
    income(&mut app, "2026-01-05", "1000");
    let v = spend(&mut app, "2026-01-06", "200");
    spend(&mut app, "2026-01-07", "300");
    let ok = chain::verify(app.conn()).unwrap();
    assert_eq!(ok.first_bad, None);
    assert_eq!(ok.vouchers, 3);
    (d, app, v)
}

#[test]
fn verify_names_the_voucher_whose_line_was_edited_behind_the_apps_back() {
    let (_d, app, v) = tampered_book();
    let c = app.conn();
    c.execute_batch("DROP TRIGGER journal_lines_no_update").unwrap();
    c.execute("UPDATE journal_lines SET debit_fen = 20001 WHERE voucher_id = ?1 AND line_no = 1", [v["id"].as_i64().unwrap()]).unwrap();
    let r = chain::verify(c).unwrap();
    assert_eq!(r.first_bad.as_deref(), Some(format!("2026-01 记-002 号凭证（编号 {}）内容与哈希链不符", v["id"]).as_str()));
    let report = union_ledger_core::audit::verify::verify_book(c).unwrap();
    assert!(!report.ok);
}

#[test]
fn verify_names_the_voucher_whose_header_was_edited_behind_the_apps_back() {
    let (_d, app, v) = tampered_book();
    let c = app.conn();
    c.execute_batch("DROP TRIGGER journal_vouchers_no_update").unwrap();
    c.execute("UPDATE journal_vouchers SET summary = '会员活动（改）' WHERE id = ?1", [v["id"].as_i64().unwrap()]).unwrap();
    let r = chain::verify(c).unwrap();
    assert!(r.first_bad.unwrap().contains("2026-01 记-002 号凭证"));
}

#[test]
fn verify_catches_changed_opening_balances_and_a_deleted_voucher() {
    let (_d, mut app) = book();
    app.call("ledger_opening_set", json!({"balances": [{"account_code": "102", "amount": "100"}, {"account_code": "322", "amount": "100"}]})).unwrap();
    income(&mut app, "2026-01-05", "10");
    let v2 = spend(&mut app, "2026-01-06", "1");
    spend(&mut app, "2026-01-07", "2");
    let c = app.conn();
    c.execute_batch("DROP TRIGGER opening_balances_locked_update").unwrap();
    c.execute("UPDATE opening_balances SET amount_fen = 99 WHERE account_code = '102'", []).unwrap();
    assert_eq!(chain::verify(c).unwrap().first_bad.as_deref(), Some("期初余额与哈希链不符"));
    c.execute("UPDATE opening_balances SET amount_fen = 10000 WHERE account_code = '102'", []).unwrap();
    assert_eq!(chain::verify(c).unwrap().first_bad, None);
    c.execute_batch("DROP TRIGGER journal_lines_no_delete; DROP TRIGGER journal_vouchers_no_delete; DROP TRIGGER attachments_posted_kept;").unwrap();
    c.execute("DELETE FROM journal_lines WHERE voucher_id = ?1", [v2["id"].as_i64().unwrap()]).unwrap();
    c.execute("DELETE FROM journal_vouchers WHERE id = ?1", [v2["id"].as_i64().unwrap()]).unwrap();
    let bad = chain::verify(c).unwrap().first_bad.unwrap();
    assert!(bad.contains("记-003 号凭证") && bad.contains("之前的凭证缺失"), "{bad}");
}

#[test]
fn verify_catches_monthly_totals_edited_behind_the_apps_back() {
    let (_d, app, _) = tampered_book();
    let c = app.conn();
    // The reports read these totals; they agree with the lines until someone edits them.
    let tb = union_ledger_core::ledger::reports::trial_balance(c, "2026-01", "2026-01").unwrap();
    assert!(tb.accounts.iter().any(|a| a.code == "102" && a.closing.to_string() == "500.00"), "{:?}", tb.accounts);
    c.execute("UPDATE ledger_period_totals SET credit_fen = credit_fen + 1 WHERE period = '2026-01' AND account_code = '102'", []).unwrap();
    assert_eq!(chain::verify(c).unwrap().first_bad.as_deref(), Some("2026-01 科目 102 的月度汇总与凭证明细不符（汇总表被改动）"));
}

#[test]
fn the_fingerprint_is_twelve_base32_characters_in_groups_of_four() {
    let (_d, app, _) = tampered_book();
    let r = chain::verify(app.conn()).unwrap();
    assert_eq!(r.fingerprint.len(), 14);
    assert_eq!(r.fingerprint.matches('-').count(), 2);
}

#[test]
fn entry_uses_the_first_bank_sub_account_unless_another_is_chosen() {
    let (_d, mut app) = book();
    app.call("ledger_account_add", json!({"parent_code": "102", "name": "工商银行某某支行"})).unwrap();
    app.call("ledger_account_add", json!({"parent_code": "102", "name": "农业银行某某支行"})).unwrap();
    let cats = app.call("ledger_entry_categories", json!({})).unwrap();
    assert_eq!(cats["bank_accounts"].as_array().unwrap().len(), 2);
    let a = app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "10", "via": "bank"})).unwrap();
    assert_eq!(a["lines"][0]["account_code"], "10201");
    let b = app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "10", "via": "bank", "bank_account": "10202"})).unwrap();
    assert_eq!(b["lines"][0]["account_code"], "10202");
    let err = app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "dues", "amount": "10", "via": "bank", "bank_account": "101"})).unwrap_err();
    assert!(err.to_string().contains("不是银行存款科目"), "{err}");
}

#[test]
fn with_approval_required_spending_posts_only_once_approved() {
    let (_d, mut app) = book();
    as_user(&mut app, CHAIR);
    app.call("book_settings_set_controls", json!({"approval_required": true})).unwrap();
    as_user(&mut app, TREASURER);
    let d = app.call("ledger_vouchers_draft_save", json!({"date": "2026-01-06", "summary": "慰问", "lines": [line("50105", "10", "0"), line("101", "0", "10")]})).unwrap();
    assert_eq!(d["can_post"], false);
    assert!(d["problems"].to_string().contains("须经工会主席审批"), "{}", d["problems"]);
    let err = app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).unwrap_err();
    assert!(err.to_string().contains("须经工会主席审批"), "{err}");
    // The plain-language form does not post spending: it submits a draft to the chair.
    let out = app.call("ledger_entry_post", json!({"kind": "expense", "date": "2026-01-06", "category": "50105", "amount": "1", "via": "cash"})).unwrap();
    assert_eq!(out["outcome"], "submitted");
    assert_eq!(out["draft"]["status"], "submitted");
    // Income needs no approval.
    let inc = app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-06", "category": "dues", "amount": "1", "via": "cash"})).unwrap();
    assert_eq!(inc["outcome"], "posted");
    app.call("ledger_vouchers_submit", json!({"draft_id": d["id"]})).unwrap();
    as_user(&mut app, CHAIR);
    let q = app.call("audit_approval_queue", json!({})).unwrap();
    let item = q.as_array().unwrap().iter().find(|i| i["ref_id"] == d["id"]).unwrap().clone();
    app.call("audit_approval_approve", json!({"id": item["id"], "note": "同意"})).unwrap();
    as_user(&mut app, TREASURER);
    let v = app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).unwrap();
    assert_eq!(v["approved_by_name"], CHAIR);
}
