//! Month close (结账), reopening (反结账), bank reconciliation and the year-end 结转.

mod common;

use common::*;
use serde_json::{json, Value};
use union_ledger_core::ledger::chain;
use union_ledger_core::App;

fn entry(app: &mut App, kind: &str, date: &str, category: &str, amount: &str, via: &str) -> Value {
    app.call("ledger_entry_post", json!({"kind": kind, "date": date, "category": category, "amount": amount, "via": via, "summary": format!("{kind} {category}")}))
        .unwrap()
}

fn bank_balance(app: &mut App, period: &str) -> String {
    app.call("ledger_period_status", json!({"period": period})).unwrap()["bank_book_balance"].as_str().unwrap().to_string()
}

/// Enter the statement balance equal to the books and close.
fn close(app: &mut App, period: &str) -> Value {
    let b = bank_balance(app, period);
    app.call("ledger_period_set_bank_statement", json!({"period": period, "balance": b})).unwrap();
    app.call("ledger_period_close", json!({"period": period})).unwrap()
}

fn balance(app: &App, code: &str) -> i64 {
    app.conn()
        .query_row(
            "SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM journal_lines l WHERE l.account_code LIKE ?1",
            [format!("{code}%")],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn closing_lists_plain_blockers_until_drafts_order_and_the_bank_statement_are_settled() {
    let (_d, mut app) = book();
    entry(&mut app, "income", "2026-01-05", "dues", "1000", "bank");
    entry(&mut app, "income", "2026-02-05", "dues", "50", "bank");
    let d = app.call("ledger_vouchers_draft_save", json!({"date": "2026-01-20", "summary": "未完", "lines": []})).unwrap();

    let feb = app.call("ledger_period_status", json!({"period": "2026-02"})).unwrap();
    assert!(feb["blockers"].to_string().contains("上月（2026-01）尚未结账"), "{}", feb["blockers"]);

    let st = app.call("ledger_period_status", json!({"period": "2026-01"})).unwrap();
    assert_eq!(st["can_close"], false);
    assert_eq!(st["drafts"], 1);
    assert_eq!(st["bank_book_balance"], "1000.00");
    let b = st["blockers"].to_string();
    assert!(b.contains("1 张凭证草稿") && b.contains("尚未录入本月银行对账单余额"), "{b}");
    let err = app.call("ledger_period_close", json!({"period": "2026-01"})).unwrap_err();
    assert!(err.to_string().contains("不能结账"), "{err}");

    app.call("ledger_vouchers_draft_delete", json!({"id": d["id"]})).unwrap();
    let st = app.call("ledger_period_set_bank_statement", json!({"period": "2026-01", "balance": "980"})).unwrap();
    assert_eq!(st["difference"], "-20.00");
    assert!(st["blockers"].to_string().contains("银行对账单余额 980.00 与账面银行存款余额 1,000.00 不符，相差 20.00"), "{}", st["blockers"]);

    let rec = app.call("ledger_bank_reconciliation", json!({"period": "2026-01"})).unwrap();
    assert_eq!(rec["lines"].as_array().unwrap().len(), 1);
    assert_eq!(rec["debit_total"], "1000.00");
    let vid = rec["lines"][0]["voucher_id"].clone();
    let rec = app.call("ledger_bank_tick", json!({"voucher_id": vid, "line_no": 1, "ticked": true})).unwrap();
    assert_eq!(rec["lines"][0]["ticked"], true);
    assert_eq!(rec["ticked_debit"], "1000.00");
    assert!(app.call("ledger_bank_tick", json!({"voucher_id": vid, "line_no": 2, "ticked": true})).is_err(), "only bank lines");

    let closed = close(&mut app, "2026-01");
    assert_eq!(closed["status"]["status"], "closed");
    assert_eq!(closed["closing_vouchers"].as_array().unwrap().len(), 0);
    let head = chain::verify(app.conn()).unwrap();
    assert_eq!(closed["status"]["chain_fingerprint"], head.fingerprint);
    let stored: (i64, String) = app.conn().query_row("SELECT chain_seq, chain_head FROM periods WHERE period = '2026-01'", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(stored.0, 2, "the head at close covers every voucher posted so far");
    assert_eq!(stored.1, head.head);
    assert_eq!(count(&app, "period_events"), 1);
    let months = app.call("ledger_period_list", json!({"year": 2026})).unwrap();
    assert_eq!(months[0]["status"], "closed");
    assert_eq!(months[1]["status"], "open");
    assert_eq!(months[1]["vouchers"], 1);
    assert_eq!(app.call("ledger_period_list", json!({"year": 2025})).unwrap()[11]["status"], "before_start");
}

#[test]
fn a_closed_month_takes_no_posting_from_any_command() {
    let (_d, mut app) = book();
    entry(&mut app, "income", "2026-01-05", "dues", "100", "cash");
    let v = entry(&mut app, "expense", "2026-01-06", "50105", "10", "cash");
    let d = app.call("ledger_vouchers_draft_save", json!({"date": "2026-02-03", "summary": "x", "lines": [
        {"account_code": "50105", "debit": "1"}, {"account_code": "101", "credit": "1"}]})).unwrap();
    close(&mut app, "2026-01");
    let before = (count(&app, "journal_vouchers"), count(&app, "journal_lines"), count(&app, "draft_vouchers"));
    let refused = [
        ("ledger_entry_post", json!({"kind": "income", "date": "2026-01-31", "category": "dues", "amount": "1", "via": "cash"})),
        ("ledger_vouchers_draft_save", json!({"date": "2026-01-31", "summary": "x", "lines": []})),
        ("ledger_vouchers_reverse", json!({"id": v["id"], "date": "2026-01-31", "reason": "错"})),
        ("ledger_period_set_bank_statement", json!({"period": "2026-01", "balance": "1"})),
    ];
    for (name, args) in refused {
        let err = app.call(name, args).unwrap_err();
        assert_eq!(err.code(), "period_closed", "{name}: {err}");
        assert!(err.to_string().contains("2026-01 已结账"), "{err}");
    }
    // A draft moved into the closed month by editing is refused too; and posting a draft dated
    // in a month that was closed after it was saved is refused by the gateway.
    let err = app.call("ledger_vouchers_draft_save", json!({"id": d["id"], "date": "2026-01-30", "summary": "x", "lines": []})).unwrap_err();
    assert_eq!(err.code(), "period_closed");
    app.conn().execute("UPDATE draft_vouchers SET date = '2026-01-30' WHERE id = ?1", [d["id"].as_i64().unwrap()]).unwrap();
    let err = app.call("ledger_vouchers_post", json!({"draft_id": d["id"]})).unwrap_err();
    assert_eq!(err.code(), "period_closed", "{err}");
    assert_eq!(before, (count(&app, "journal_vouchers"), count(&app, "journal_lines"), count(&app, "draft_vouchers")));
    // The reversal goes into an open month instead.
    let r = app.call("ledger_vouchers_reverse", json!({"id": v["id"], "date": "2026-02-01", "reason": "错"})).unwrap();
    assert_eq!(r["summary"], "冲销 2026-01 记-002 号凭证：expense 50105");
}

#[test]
fn reopening_needs_the_chair_and_a_reason_and_only_the_last_closed_month() {
    let (_d, mut app) = book();
    entry(&mut app, "income", "2026-01-05", "dues", "100", "bank");
    close(&mut app, "2026-01");
    close(&mut app, "2026-02");
    for who in [TREASURER, AUDITOR] {
        as_user(&mut app, who);
        let err = app.call("ledger_period_reopen", json!({"period": "2026-02", "reason": "补记"})).unwrap_err();
        assert_eq!(err.code(), "permission_denied", "{who}");
    }
    as_user(&mut app, CHAIR);
    let err = app.call("ledger_period_reopen", json!({"period": "2026-02", "reason": "  ", "confirm_user": AUDITOR, "confirm_password": PASSWORD})).unwrap_err();
    assert!(err.to_string().contains("必须写明原因"), "{err}");
    let err = app.call("ledger_period_reopen", json!({"period": "2026-01", "reason": "补记", "confirm_user": AUDITOR, "confirm_password": PASSWORD})).unwrap_err();
    assert!(err.to_string().contains("只能反结账最后一个已结账的月份（2026-02）"), "{err}");
    let st = app.call("ledger_period_reopen", json!({"period": "2026-02", "reason": "漏记一笔利息", "confirm_user": AUDITOR, "confirm_password": PASSWORD})).unwrap();
    assert_eq!(st["status"], "open");
    let events = app.call("ledger_period_events", json!({"period": "2026-02"})).unwrap();
    assert_eq!(events[1]["action"], "reopen");
    assert_eq!(events[1]["reason"], "漏记一笔利息");
    assert_eq!(events[1]["by_name"], CHAIR);
    as_user(&mut app, TREASURER);
    entry(&mut app, "income", "2026-02-28", "other", "0.35", "bank");
    close(&mut app, "2026-02");
    assert_eq!(chain::verify(app.conn()).unwrap().first_bad, None);
}

#[test]
fn closing_december_carries_the_years_income_and_spending_into_321_and_322() {
    let (_d, mut app) = book_starting("2026-11");
    app.call("ledger_opening_set", json!({"balances": [{"account_code": "102", "amount": "10000"}, {"account_code": "322", "amount": "10000"}]})).unwrap();
    entry(&mut app, "income", "2026-11-03", "dues", "1200", "bank");
    entry(&mut app, "income", "2026-11-04", "upper_special", "3000", "bank");
    entry(&mut app, "expense", "2026-11-10", "50405", "2500", "bank");
    close(&mut app, "2026-11");
    entry(&mut app, "income", "2026-12-02", "allocation", "4000", "bank");
    entry(&mut app, "income", "2026-12-03", "other", "12.34", "bank");
    entry(&mut app, "expense", "2026-12-05", "50105", "1800", "bank");
    entry(&mut app, "expense", "2026-12-06", "50502", "300", "bank");
    let out = close(&mut app, "2026-12");
    let vs = out["closing_vouchers"].as_array().unwrap();
    assert_eq!(vs.len(), 3, "{out}");
    assert!(vs.iter().all(|v| v["source"] == "closing" && v["date"] == "2026-12-31"));
    assert_eq!(vs[0]["lines"][1]["account_code"], "321");
    assert_eq!(vs[2]["lines"][0]["account_code"], "322");
    for code in ["401", "402", "403", "405", "408", "501", "503", "504", "505", "507", "510"] {
        assert_eq!(balance(&app, code), 0, "{code} ends the year at zero");
    }
    assert_eq!(balance(&app, "321"), -300000, "earmarked 40302 → 321");
    // 322: Cr (1200 + 4000 + 12.34) − Dr (2500 + 1800 + 300)
    assert_eq!(balance(&app, "322"), -(120000 + 400000 + 1234 - 250000 - 180000 - 30000));
    let v = chain::verify(app.conn()).unwrap();
    assert_eq!(v.first_bad, None);
    assert_eq!(out["status"]["chain_fingerprint"], v.fingerprint);
    // Reopen December and close again: nothing more to carry over.
    as_user(&mut app, CHAIR);
    app.call("ledger_period_reopen", json!({"period": "2026-12", "reason": "复核", "confirm_user": AUDITOR, "confirm_password": PASSWORD})).unwrap();
    as_user(&mut app, TREASURER);
    let again = app.call("ledger_period_close", json!({"period": "2026-12"})).unwrap();
    assert_eq!(again["closing_vouchers"].as_array().unwrap().len(), 0);
}

#[test]
fn verify_reports_a_closed_month_whose_stored_head_no_longer_matches() {
    let (_d, mut app) = book();
    entry(&mut app, "income", "2026-01-05", "dues", "100", "bank");
    close(&mut app, "2026-01");
    assert_eq!(chain::verify(app.conn()).unwrap().first_bad, None);
    app.conn().execute("UPDATE periods SET chain_head = 'abc' WHERE period = '2026-01'", []).unwrap();
    let bad = chain::verify(app.conn()).unwrap().first_bad.unwrap();
    assert!(bad.contains("2026-01 结账时记录的哈希链头与账簿不符"), "{bad}");
}
