//! Dues payments: the payroll batch voucher, individual payments oldest first, arrears,
//! receipts, statements and closed months.

mod common;

use common::*;
use serde_json::{json, Value};
use union_ledger_core::App;

fn member(app: &mut App, name: &str, wage: &str) -> i64 {
    app.call("members_create", json!({"name": name, "gender": "女", "join_date": "2020-01-01", "wage": wage})).unwrap()["id"]
        .as_i64()
        .unwrap()
}

fn charge(app: &mut App, month: &str) -> Value {
    app.call("dues_charge_month", json!({"month": month})).unwrap()
}

fn lines(app: &App, voucher_id: i64) -> Vec<(String, i64, i64, Option<i64>)> {
    let mut stmt = app
        .conn()
        .prepare("SELECT account_code, debit_fen, credit_fen, member_id FROM journal_lines WHERE voucher_id = ?1 ORDER BY line_no")
        .unwrap();
    stmt.query_map([voucher_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(|r| r.unwrap()).collect()
}

fn unpaid_fen(app: &App, month: &str) -> i64 {
    app.conn()
        .query_row("SELECT COALESCE(SUM(due_fen - paid_fen), 0) FROM dues_charges WHERE month = ?1", [month], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_payroll_batch_posts_one_voucher_equal_to_the_sum_of_the_months_charges() {
    let (_d, mut app) = book();
    member(&mut app, "甲", "5678.90"); // 28.35
    member(&mut app, "乙", "4000"); // 20.00
    let c = member(&mut app, "丙", "3333.33"); // 16.65
    charge(&mut app, "2026-10");
    // 丙 already paid part in cash; the batch takes only what is left.
    app.call("dues_pay_member", json!({"member_id": c, "amount": "5", "date": "2026-10-05", "via": "cash"})).unwrap();
    let total_due: i64 = unpaid_fen(&app, "2026-10");
    assert_eq!(total_due, 2835 + 2000 + 1165);
    let r = app.call("dues_pay_batch", json!({"month": "2026-10", "date": "2026-10-25"})).unwrap();
    assert_eq!(r["payment"]["amount"], "60.00");
    assert_eq!(r["payment"]["members"], 3);
    assert_eq!(r["voucher"]["display_number"], "记-002");
    let vid = r["voucher"]["id"].as_i64().unwrap();
    assert_eq!(lines(&app, vid), vec![("102".to_string(), total_due, 0, None), ("401".to_string(), 0, total_due, None)]);
    let (summary, source, source_ref): (String, String, String) = app
        .conn()
        .query_row("SELECT summary, source, source_ref FROM journal_vouchers WHERE id = ?1", [vid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    assert_eq!(summary, "收取2026年10月会费（工资代扣，3人）");
    assert_eq!((source.as_str(), source_ref.as_str()), ("dues", "batch:2026-10"));
    assert_eq!(unpaid_fen(&app, "2026-10"), 0);
    let s = app.call("dues_summary", json!({"month": "2026-10"})).unwrap();
    assert_eq!((s["liable"].clone(), s["charged"].clone(), s["paid"].clone(), s["outstanding"].clone()), (json!(3), json!("65.00"), json!("65.00"), json!("0.00")));
    assert_eq!(s["paid_members"], 3);
    assert_eq!(s["collected_in_month"], "65.00");
    // Nothing left: a second batch is refused and writes nothing.
    let n = count(&app, "journal_vouchers");
    let e = app.call("dues_pay_batch", json!({"month": "2026-10", "date": "2026-10-26"})).unwrap_err();
    assert!(e.to_string().contains("已全部收齐"), "{e}");
    let e = app.call("dues_pay_batch", json!({"month": "2026-11", "date": "2026-11-20"})).unwrap_err();
    assert!(e.to_string().contains("还没有生成"), "{e}");
    assert_eq!(count(&app, "journal_vouchers"), n);
    // report dues, the CLI's JSON.
    let rep = app.call("report_dues", json!({"month": "2026-10"})).unwrap();
    assert_eq!(rep["month"], "2026-10");
    assert_eq!(rep["members"][0], json!({"member_no": "0001", "name": "甲", "base": "5678.90", "due": "28.35", "paid": "28.35", "outstanding": "0.00"}));
    assert_eq!(rep["totals"], json!({"due": "65.00", "paid": "65.00", "outstanding": "0.00"}));
}

#[test]
fn an_individual_payment_covers_the_oldest_months_first_and_refuses_overpayment() {
    let (_d, mut app) = book();
    let id = member(&mut app, "甲", "4000"); // 20.00 a month
    for m in ["2026-07", "2026-08", "2026-09", "2026-10"] {
        charge(&mut app, m);
    }
    let e = app.call("dues_pay_member", json!({"member_id": id, "amount": "80.01", "date": "2026-10-20", "via": "cash"})).unwrap_err();
    assert!(e.to_string().contains("超过甲欠缴合计 80.00 元"), "{e}");
    assert_eq!(count(&app, "journal_vouchers"), 0);
    let r = app.call("dues_pay_member", json!({"member_id": id, "amount": "50", "date": "2026-10-20", "via": "cash"})).unwrap();
    let allocs: Vec<(String, String)> = r["payment"]["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["month"].as_str().unwrap().to_string(), a["amount"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(allocs, vec![("2026-07".into(), "20.00".into()), ("2026-08".into(), "20.00".into()), ("2026-09".into(), "10.00".into())]);
    assert_eq!(r["payment"]["receipt_no"], "2026-0001");
    let vid = r["voucher"]["id"].as_i64().unwrap();
    assert_eq!(lines(&app, vid), vec![("101".to_string(), 5000, 0, None), ("401".to_string(), 0, 5000, Some(id))]);
    let summary: String = app.conn().query_row("SELECT summary FROM journal_vouchers WHERE id = ?1", [vid], |r| r.get(0)).unwrap();
    assert_eq!(summary, "收取甲会费（2026年7月—9月）");
    // By bank the debit is 102.
    let r = app.call("dues_pay_member", json!({"member_id": id, "amount": "10", "date": "2026-10-21", "via": "bank"})).unwrap();
    assert_eq!(lines(&app, r["voucher"]["id"].as_i64().unwrap())[0].0, "102");
    assert_eq!(r["payment"]["months"], json!(["2026-09"]));
    let o = app.call("dues_outstanding", json!({"member_id": id})).unwrap();
    assert_eq!(o["total"], "20.00");
    assert_eq!(o["charges"][0]["month"], "2026-10");
}

#[test]
fn arrears_after_partial_payments_list_months_amounts_and_flag_six_unpaid_months() {
    let (_d, mut app) = book();
    let a = member(&mut app, "欠六月", "4000");
    let b = member(&mut app, "欠部分", "6000");
    member(&mut app, "已缴清", "2000");
    for m in 1..=10 {
        charge(&mut app, &format!("2026-{m:02}"));
    }
    // Payroll paid January–March for everyone; then 已缴清 kept paying in cash.
    for m in ["2026-01", "2026-02", "2026-03"] {
        app.call("dues_pay_batch", json!({"month": m, "date": format!("{m}-25")})).unwrap();
    }
    let c = app.call("members_list", json!({"search": "已缴清"})).unwrap()[0]["id"].as_i64().unwrap();
    app.call("dues_pay_member", json!({"member_id": c, "amount": "70", "date": "2026-10-28", "via": "cash"})).unwrap();
    // 欠部分 paid 45 = April (30) + half of May.
    app.call("dues_pay_member", json!({"member_id": b, "amount": "45", "date": "2026-10-28", "via": "cash"})).unwrap();
    let r = app.call("dues_arrears", json!({"as_of_month": "2026-10"})).unwrap();
    let ms = r["members"].as_array().unwrap();
    assert_eq!(ms.len(), 2, "{r}");
    let first = &ms[0];
    assert_eq!(first["member_id"], a);
    assert_eq!(first["total"], "140.00");
    assert_eq!(first["months"].as_array().unwrap().len(), 7);
    assert_eq!(first["months_text"], "2026年4月—10月");
    assert_eq!(first["consecutive_unpaid_months"], 7);
    assert_eq!(first["flagged"], true);
    let second = &ms[1];
    assert_eq!(second["total"], "165.00");
    assert_eq!(second["months"][0], json!({"month": "2026-05", "due": "30.00", "paid": "15.00", "outstanding": "15.00"}));
    assert_eq!(second["consecutive_unpaid_months"], 5);
    assert_eq!(second["flagged"], false);
    assert_eq!(r["total"], "305.00");
    assert_eq!(r["flagged_count"], 1);
    // As of June only the months up to June count.
    let june = app.call("dues_arrears", json!({"as_of_month": "2026-06"})).unwrap();
    assert_eq!(june["members"][0]["consecutive_unpaid_months"], 3);
    // The annual statement agrees.
    let st = app.call("dues_statement", json!({"member_id": b, "year": 2026})).unwrap();
    assert_eq!(st["months"].as_array().unwrap().len(), 12);
    assert_eq!(st["months"][4], json!({"month": "2026-05", "charged": true, "base": "6000.00", "due": "30.00", "back_due": "0.00", "paid": "15.00", "outstanding": "15.00"}));
    assert_eq!(st["months"][10]["charged"], false);
    assert_eq!(st["totals"], json!({"due": "300.00", "paid": "135.00", "outstanding": "165.00"}));
    assert_eq!(st["payments"].as_array().unwrap().len(), 4);
}

#[test]
fn the_receipt_carries_the_amount_in_words_the_months_and_the_treasurer() {
    let (_d, mut app) = book();
    let id = member(&mut app, "甲", "5678.90");
    charge(&mut app, "2026-09");
    charge(&mut app, "2026-10");
    let r = app.call("dues_pay_member", json!({"member_id": id, "amount": "56.70", "date": "2026-10-30", "via": "cash"})).unwrap();
    let rc = app.call("dues_receipt", json!({"payment_id": r["payment"]["id"]})).unwrap();
    assert_eq!(rc["union_name"], "江都区某某水利管理处工会委员会");
    assert_eq!(rc["receipt_no"], "2026-0001");
    assert_eq!(rc["member_name"], "甲");
    assert_eq!(rc["member_no"], "0001");
    assert_eq!(rc["months_text"], "2026年9月—10月");
    assert_eq!(rc["amount"], "56.70");
    assert_eq!(rc["amount_in_words"], "伍拾陆元柒角整");
    assert_eq!(rc["via_label"], "现金");
    assert_eq!(rc["treasurer_name"], TREASURER);
    assert_eq!(rc["date"], "2026-10-30");
}

fn close(app: &mut App, period: &str) {
    let b = app.call("ledger_period_status", json!({"period": period})).unwrap()["bank_book_balance"].as_str().unwrap().to_string();
    app.call("ledger_period_set_bank_statement", json!({"period": period, "balance": b})).unwrap();
    app.call("ledger_period_close", json!({"period": period})).unwrap();
}

#[test]
fn a_closed_month_refuses_the_batch_and_leaves_the_charges_unpaid() {
    let (_d, mut app) = book_starting("2026-10");
    member(&mut app, "甲", "4000");
    charge(&mut app, "2026-10");
    close(&mut app, "2026-10");
    let before = (count(&app, "journal_vouchers"), count(&app, "dues_payments"), count(&app, "dues_allocations"));
    let e = app.call("dues_pay_batch", json!({"month": "2026-10", "date": "2026-10-25"})).unwrap_err();
    assert_eq!(e.code(), "period_closed", "{e}");
    assert_eq!(before, (count(&app, "journal_vouchers"), count(&app, "dues_payments"), count(&app, "dues_allocations")));
    assert_eq!(unpaid_fen(&app, "2026-10"), 2000);
    // Collected in November instead, it posts there.
    let r = app.call("dues_pay_batch", json!({"month": "2026-10", "date": "2026-11-05"})).unwrap();
    assert_eq!(r["voucher"]["period"], "2026-11");
    assert_eq!(unpaid_fen(&app, "2026-10"), 0);
}

#[test]
fn undoing_a_payment_reverses_its_voucher_and_makes_its_months_unpaid_again() {
    let (_d, mut app) = book();
    let a = member(&mut app, "甲", "4000"); // 20.00
    member(&mut app, "乙", "5000"); // 25.00
    charge(&mut app, "2026-10");
    let batch = app.call("dues_pay_batch", json!({"month": "2026-10", "date": "2026-10-25"})).unwrap();
    let pid = batch["payment"]["id"].as_i64().unwrap();
    let vid = batch["voucher"]["id"].as_i64().unwrap();
    assert_eq!(unpaid_fen(&app, "2026-10"), 0);

    // The ledger's bare 冲销 is refused: it would leave the charges marked paid.
    let n = count(&app, "journal_vouchers");
    let e = app.call("ledger_vouchers_reverse", json!({"id": vid, "date": "2026-10-28", "reason": "重复代扣"})).unwrap_err();
    assert!(e.to_string().contains("会费"), "{e}");
    // A reason is required.
    let e = app.call("dues_payment_reverse", json!({"payment_id": pid, "date": "2026-10-28", "reason": " "})).unwrap_err();
    assert!(e.to_string().contains("撤销原因"), "{e}");
    assert_eq!(count(&app, "journal_vouchers"), n);

    let p = app.call("dues_payment_reverse", json!({"payment_id": pid, "date": "2026-10-28", "reason": "工资代扣重复，财务已退回"})).unwrap();
    assert_eq!(p["reversed"]["reason"], "工资代扣重复，财务已退回");
    assert_eq!(p["reversed"]["voucher"]["display_number"], "记-002");
    assert_eq!(unpaid_fen(&app, "2026-10"), 4500);
    let rid = p["reversed"]["voucher"]["id"].as_i64().unwrap();
    assert_eq!(lines(&app, rid), vec![("102".to_string(), -4500, 0, None), ("401".to_string(), 0, -4500, None)]);
    let orig = app.call("ledger_vouchers_get", json!({"id": vid})).unwrap();
    assert_eq!(orig["reversed_by_id"], rid);
    // The books net to zero on 401; the summary shows nothing paid.
    let s = app.call("dues_summary", json!({"month": "2026-10"})).unwrap();
    assert_eq!((s["paid"].clone(), s["outstanding"].clone()), (json!("0.00"), json!("45.00")));
    assert_eq!(s["collected_in_month"], "0.00");
    // Twice is refused; the member can then pay again.
    let e = app.call("dues_payment_reverse", json!({"payment_id": pid, "date": "2026-10-29", "reason": "再撤"})).unwrap_err();
    assert!(e.to_string().contains("不能重复撤销"), "{e}");
    app.call("dues_pay_member", json!({"member_id": a, "amount": "20", "date": "2026-10-30", "via": "cash"})).unwrap();
    assert_eq!(unpaid_fen(&app, "2026-10"), 2500);
}

/// (member name or "batch", payment date, amount, for_month, reversed?) of a dues_month_payments row.
fn month_rows(r: &Value) -> Vec<(String, String, String, String, bool)> {
    r["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["member_name"].as_str().unwrap_or("batch").to_string(),
                p["date"].as_str().unwrap().to_string(),
                p["amount"].as_str().unwrap().to_string(),
                p["for_month"].as_str().unwrap().to_string(),
                !p["reversed"].is_null(),
            )
        })
        .collect()
}

#[test]
fn a_months_payments_are_those_that_settled_its_charges_whenever_they_were_paid() {
    let (_d, mut app) = book(); // today is TODAY, 2026-12-02
    let a = member(&mut app, "甲", "4000"); // 20.00
    let b = member(&mut app, "乙", "6000"); // 30.00
    charge(&mut app, "2026-10");
    charge(&mut app, "2026-11");
    // 乙 pays October in October; 甲 pays October and November in one go on 5 November.
    app.call("dues_pay_member", json!({"member_id": b, "amount": "30", "date": "2026-10-20", "via": "bank"})).unwrap();
    app.call("dues_pay_member", json!({"member_id": a, "amount": "40", "date": "2026-11-05", "via": "cash"})).unwrap();
    // 乙 pays November today (in December); that payment is undone and paid again, partly.
    let wrong = app.call("dues_pay_member", json!({"member_id": b, "amount": "30", "date": TODAY, "via": "cash"})).unwrap();
    app.call("dues_payment_reverse", json!({"payment_id": wrong["payment"]["id"], "date": TODAY, "reason": "收款记错"})).unwrap();
    app.call("dues_pay_member", json!({"member_id": b, "amount": "25", "date": TODAY, "via": "cash"})).unwrap();

    // November: the December payments are listed under November, with their own date; the
    // undone one is marked and left out of the total, which equals the month's paid total.
    let nov = app.call("dues_month_payments", json!({"month": "2026-11"})).unwrap();
    assert_eq!(nov["month"], "2026-11");
    assert_eq!(
        month_rows(&nov),
        vec![
            ("乙".into(), TODAY.into(), "25.00".into(), "25.00".into(), false),
            ("乙".into(), TODAY.into(), "30.00".into(), "30.00".into(), true),
            ("甲".into(), "2026-11-05".into(), "40.00".into(), "20.00".into(), false),
        ]
    );
    assert_eq!(nov["total"], "45.00");
    assert_eq!(nov["reversed_count"], 1);
    assert_eq!(app.call("dues_summary", json!({"month": "2026-11"})).unwrap()["paid"], nov["total"]);
    // The whole payment travels with it: months covered, receipt, voucher, allocations.
    let jia = &nov["payments"][2];
    assert_eq!(jia["months"], json!(["2026-10", "2026-11"]));
    assert_eq!(jia["receipt_no"], "2026-0002");
    assert_eq!(jia["for_month_members"], 1);
    assert_eq!(jia["allocations"].as_array().unwrap().len(), 2);
    assert_eq!(nov["payments"][1]["reversed"]["reason"], "收款记错");
    // By payment date November holds only 甲's payment.
    let dated = app.call("dues_payments", json!({"month": "2026-11"})).unwrap();
    assert_eq!(dated.as_array().unwrap().len(), 1);

    // October: 甲's November payment counts with its October share only.
    let oct = app.call("dues_month_payments", json!({"month": "2026-10"})).unwrap();
    assert_eq!(
        month_rows(&oct),
        vec![
            ("甲".into(), "2026-11-05".into(), "40.00".into(), "20.00".into(), false),
            ("乙".into(), "2026-10-20".into(), "30.00".into(), "30.00".into(), false),
        ]
    );
    assert_eq!(oct["total"], "50.00");
    assert_eq!(oct["reversed_count"], 0);
    assert_eq!(app.call("dues_summary", json!({"month": "2026-10"})).unwrap()["paid"], oct["total"]);

    // A payroll batch: one row for the whole month, its members counted.
    charge(&mut app, "2026-12");
    app.call("dues_pay_batch", json!({"month": "2026-12", "date": TODAY})).unwrap();
    let dec = app.call("dues_month_payments", json!({"month": "2026-12"})).unwrap();
    assert_eq!(month_rows(&dec), vec![("batch".into(), TODAY.into(), "50.00".into(), "50.00".into(), false)]);
    assert_eq!(dec["payments"][0]["kind"], "batch");
    assert_eq!(dec["payments"][0]["for_month_members"], 2);
    assert_eq!(dec["total"], "50.00");

    // A month with charges but no payments, and one with nothing at all.
    charge(&mut app, "2027-01");
    let jan = app.call("dues_month_payments", json!({"month": "2027-01"})).unwrap();
    assert_eq!((jan["payments"].as_array().unwrap().len(), jan["total"].clone()), (0, json!("0.00")));
    let e = app.call("dues_month_payments", json!({"month": "2026-13"})).unwrap_err();
    assert_eq!(e.code(), "validation", "{e}");
}
