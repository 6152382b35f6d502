//! The annual budget: lines per account rolling up, dated adjustments, approval, budget
//! against actual per month with 执行率, and the XLSX/CSV import (all or nothing).

mod common;
mod reports_support;

use common::*;
use reports_support::*;
use serde_json::{json, Value};

fn row<'a>(r: &'a Value, code: &str) -> &'a Value {
    r["rows"].as_array().unwrap().iter().find(|x| x["code"] == code).unwrap()
}

fn b64(bytes: &[u8]) -> String {
    data_encoding::BASE64.encode(bytes)
}

#[test]
fn budget_lines_roll_up_and_execution_follows_the_income_statement() {
    let (_d, mut app) = book();
    set_up_chart_and_opening(&app);
    post_q1(&app);
    app.call(
        "budget_set_lines",
        json!({"year": 2026, "replace": true, "lines": [
            {"account_code": "50105", "amount": "10000", "purpose": "节日慰问"},
            {"account_code": "50102", "amount": "5000"},
            {"account_code": "504", "amount": "6000"},
            {"account_code": "50404", "amount": "4000"},
            {"account_code": "401", "amount": "12000"},
        ]}),
    )
    .unwrap();
    let r = app.call("report_budget", json!({"year": 2026, "through": "2026-03"})).unwrap();
    assert_eq!(r["through"], "2026-03");
    // 501 has no line of its own: the sum of its sub-accounts.
    assert_eq!(row(&r, "501")["budget"], "15000.00");
    assert_eq!(row(&r, "501")["own_line"], Value::Null);
    // 504 has its own line; 50404 is a part of it.
    assert_eq!(row(&r, "504")["budget"], "6000.00");
    assert_eq!(row(&r, "50404")["actual_ytd"], "1500.00");
    assert_eq!(row(&r, "50404")["execution"], "37.5");
    assert_eq!(row(&r, "50105")["months"][0], "2500.00");
    assert_eq!(row(&r, "50105")["execution"], "25.0");
    assert_eq!(row(&r, "50502")["execution"], Value::Null, "no budget, no rate");
    assert_eq!(row(&r, "50502")["actual_ytd"], "800.50");
    assert_eq!(row(&r, "401")["execution"], "25.0");
    assert_eq!(r["expense"]["budget"], "21000.00");
    assert_eq!(r["expense"]["actual_ytd"], "4800.50");
    assert_eq!(r["income"]["budget"], "12000.00");
    // The income statement's 本年累计 is the budget's actual.
    let is = app.call("report_income_statement", json!({"period": "2026-03"})).unwrap();
    assert_eq!(r["expense"]["actual_ytd"], is["expense_ytd"]);
    assert_eq!(r["income"]["actual_ytd"], is["income_ytd"]);

    // Sub-accounts above their parent's own line are flagged.
    app.call("budget_set_lines", json!({"year": 2026, "lines": [{"account_code": "50405", "amount": "3000"}]})).unwrap();
    let r = app.call("report_budget", json!({"year": 2026})).unwrap();
    assert!(r["warnings"][0].as_str().unwrap().contains("504 维权支出"), "{}", r["warnings"]);
    // Upsert with zero and no purpose removes a line.
    app.call("budget_set_lines", json!({"year": 2026, "lines": [{"account_code": "50405", "amount": "0"}]})).unwrap();
    assert_eq!(app.call("budget_get", json!({"year": 2026})).unwrap()["lines"].as_array().unwrap().len(), 5);

    for bad in [json!({"account_code": "101", "amount": "5"}), json!({"account_code": "999", "amount": "5"}), json!({"account_code": "501", "amount": "-5"})] {
        assert!(app.call("budget_set_lines", json!({"year": 2026, "lines": [bad]})).is_err());
    }
}

#[test]
fn adjustments_are_dated_append_only_and_approval_closes_the_grid() {
    let (_d, mut app) = book();
    app.call("budget_set_lines", json!({"year": 2026, "lines": [{"account_code": "50105", "amount": "10000"}, {"account_code": "50102", "amount": "4000"}]})).unwrap();
    app.call("budget_set_approval", json!({"year": 2026, "committee_date": "2026-01-10", "audit_date": "2026-01-12", "upper_date": null})).unwrap();
    let err = app.call("budget_set_lines", json!({"year": 2026, "lines": [{"account_code": "50105", "amount": "1"}]})).unwrap_err();
    assert!(err.to_string().contains("预算调整"), "{err}");

    // Move 2,000 from 文体 to 会员活动 in June.
    app.call("budget_adjust", json!({"account_code": "50102", "date": "2026-06-15", "amount": "-2000", "reason": "文体活动压缩"})).unwrap();
    let y = app.call("budget_adjust", json!({"account_code": "50105", "date": "2026-06-15", "amount": "2000", "reason": "端午慰问增加"})).unwrap();
    assert_eq!(y["adjustments"].as_array().unwrap().len(), 2);
    assert_eq!(y["adjustments"][0]["created_by_name"], TREASURER);
    let may = app.call("report_budget", json!({"year": 2026, "through": "2026-05"})).unwrap();
    let june = app.call("report_budget", json!({"year": 2026, "through": "2026-06"})).unwrap();
    assert_eq!(row(&may, "50105")["budget"], "10000.00", "not yet adjusted in May");
    assert_eq!(row(&june, "50105")["budget"], "12000.00");
    assert_eq!(row(&june, "50105")["original"], "10000.00");
    assert_eq!(row(&june, "50105")["adjustments"], "2000.00");
    assert_eq!(row(&june, "501")["budget"], "14000.00", "a reallocation leaves the parent unchanged");

    assert!(app.call("budget_adjust", json!({"account_code": "50102", "date": "2026-07-01", "amount": "-9000", "reason": "x"})).is_err(), "below zero");
    assert!(app.call("budget_adjust", json!({"account_code": "50102", "date": "2026-07-01", "amount": "100", "reason": " "})).is_err(), "a reason");
    assert!(app.conn().execute("DELETE FROM budget_adjustments", []).is_err(), "append-only");
    assert!(app.conn().execute("UPDATE budget_adjustments SET amount_fen = 1", []).is_err(), "append-only");
    as_user(&mut app, AUDITOR);
    assert!(app.call("budget_adjust", json!({"account_code": "50102", "date": "2026-07-01", "amount": "100", "reason": "x"})).is_err(), "the auditor reads only");
    assert!(app.call("report_budget", json!({"year": 2026})).is_ok());
}

#[test]
fn import_from_csv_or_xlsx_is_all_or_nothing_with_row_numbers() {
    let (_d, mut app) = book();
    let bad = "科目编码,科目名称,预算金额,用途\n501,职工活动支出,30000,\n\n999,,20,\n50105,,abc,\n101,库存现金,5,\n501,,1,\n";
    let p = app.call("budget_import_preview", json!({"year": 2026, "file_name": "b.csv", "data_base64": b64(bad.as_bytes())})).unwrap();
    assert_eq!(p["ok"], false);
    let rows: Vec<i64> = p["errors"].as_array().unwrap().iter().map(|e| e["row"].as_i64().unwrap()).collect();
    assert_eq!(rows, vec![4, 5, 6, 7], "{}", p["errors"]);
    assert!(p["errors"].to_string().contains("与第 2 行重复"));
    let err = app.call("budget_import", json!({"year": 2026, "file_name": "b.csv", "data_base64": b64(bad.as_bytes())})).unwrap_err();
    assert_eq!(err.code(), "row_errors");
    assert_eq!(count(&app, "budget_lines"), 0, "nothing written");

    let missing = "科目,金额\n501,1\n";
    let err = app.call("budget_import_preview", json!({"year": 2026, "file_name": "m.csv", "data_base64": b64(missing.as_bytes())})).unwrap_err();
    assert!(err.to_string().contains("科目编码"), "{err}");

    // GBK CSV, as Chinese Excel saves it.
    let good = "科目编码,预算金额,用途\n501,\"30,000\",\n50105,20000,节日慰问\n402,60000,\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(good);
    let p = app.call("budget_import_preview", json!({"year": 2026, "file_name": "b.csv", "data_base64": b64(&gbk)})).unwrap();
    assert_eq!(p["ok"], true, "{}", p["errors"]);
    assert_eq!(p["expense_total"], "30000.00");
    assert_eq!(p["income_total"], "60000.00");
    app.call("budget_import", json!({"year": 2026, "file_name": "b.csv", "data_base64": b64(&gbk)})).unwrap();
    assert_eq!(count(&app, "budget_lines"), 3);

    // XLSX with numbers as numbers; it replaces the year's lines.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["科目编码", "科目名称", "预算金额"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "50404").unwrap();
    ws.write_string(1, 1, "困难职工帮扶支出").unwrap();
    ws.write_number(1, 2, 5000.5).unwrap();
    ws.write_number(2, 0, 505.0).unwrap();
    ws.write_number(2, 2, 3000.0).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let y = app.call("budget_import", json!({"year": 2026, "file_name": "b.xlsx", "data_base64": b64(&bytes)})).unwrap();
    let lines: Vec<(String, String)> =
        y["lines"].as_array().unwrap().iter().map(|l| (l["account_code"].as_str().unwrap().into(), l["amount"].as_str().unwrap().into())).collect();
    assert_eq!(lines, vec![("50404".to_string(), "5000.50".to_string()), ("505".to_string(), "3000.00".to_string())]);
}
