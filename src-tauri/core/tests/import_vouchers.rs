//! 凭证导入: XLSX and CSV (UTF-8, BOM, GBK), grouping by 凭证号 within a month, row-numbered
//! errors, all-or-nothing.

mod common;
mod reports_support;

use common::*;
use reports_support::*;
use serde_json::json;
use union_ledger_core::error::CoreError;
use union_ledger_core::ledger::import::{import_vouchers, preview_voucher_import};
use union_ledger_core::ledger::reports;
use union_ledger_core::App;

const HEADER: &str = "日期,凭证号,摘要,科目编码,借方金额,贷方金额,附件数";

fn csv(rows: &[&str]) -> Vec<u8> {
    let mut s = String::from(HEADER);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s.into_bytes()
}

const GOOD: &[&str] = &[
    "2026-01-10,记-001,收取1月会费,102,\"3,000.00\",,1",
    "2026-01-10,记-001,收取1月会费,401,,3000,",
    "2026/1/20,2,发放春节慰问品,50105,2500,,3",
    ",,,102,,2500,",
    "2026年2月5日,1,收到拨缴经费,102,10000,,",
    "2026-02-05,1,上缴40%,211,,4000,",
    "2026-02-05,1,,402,,6000,",
];

/// Rows in journal_vouchers and draft_vouchers: an import that fails must leave both unchanged.
fn snapshot(app: &App) -> (i64, i64, i64) {
    (count_rows(app.conn(), "journal_vouchers"), count_rows(app.conn(), "draft_vouchers"), count_rows(app.conn(), "draft_lines"))
}

/// Import `bytes` and expect it refused with exactly one error on `row` whose message contains
/// `needle`; the book must be unchanged.
fn refused(app: &App, bytes: &[u8], row: usize, needle: &str) {
    let before = snapshot(app);
    for post in [true, false] {
        let err = import_vouchers(app.conn(), bytes, "凭证.csv", post, user_id(app), NOW).unwrap_err();
        match &err {
            CoreError::RowErrors(rows) => {
                assert!(rows.iter().any(|e| e.row == row && e.message.contains(needle)), "expected row {row} “{needle}”, got {rows:?}");
            }
            other => panic!("expected row errors, got {other}"),
        }
        assert!(err.to_string().contains(&format!("第{row}行")), "{err}");
        assert_eq!(snapshot(app), before, "a refused import writes nothing");
    }
    let preview = preview_voucher_import(app.conn(), bytes, "凭证.csv").unwrap();
    assert!(!preview.ok);
    assert!(preview.errors.iter().any(|e| e.row == row && e.message.contains(needle)));
}

#[test]
fn a_utf8_csv_is_grouped_by_voucher_number_within_the_month_and_posted_in_date_order() {
    let (_d, app) = book();
    let preview = preview_voucher_import(app.conn(), &csv(GOOD), "凭证.csv").unwrap();
    assert!(preview.ok, "{:?}", preview.errors);
    assert_eq!(preview.rows, 7);
    assert_eq!(preview.vouchers.len(), 3, "记-001 in January and 1 in February are different vouchers");
    let v = &preview.vouchers[1];
    assert_eq!((v.source_no.as_str(), v.date.as_str(), v.first_row, v.lines.len()), ("2", "2026-01-20", 4, 2));
    assert_eq!(v.lines[1].row, 5, "a row with blank 日期 and 凭证号 continues the voucher above");
    assert_eq!(preview.vouchers[0].attachments_count, 1);
    assert_eq!(preview.vouchers[2].lines[1].memo, "上缴40%", "a line's own 摘要 becomes its memo");
    assert_eq!(preview.total_debit.to_string(), "15500.00");
    assert_eq!(snapshot(&app), (0, 0, 0), "preview writes nothing");

    let result = import_vouchers(app.conn(), &csv(GOOD), "凭证.csv", true, user_id(&app), NOW).unwrap();
    assert_eq!(result.count, 3);
    let nos: Vec<_> = result.vouchers.iter().map(|v| (v.date.as_str(), v.voucher_no.clone().unwrap())).collect();
    assert_eq!(nos, vec![("2026-01-10", "记-001".to_string()), ("2026-01-20", "记-002".into()), ("2026-02-05", "记-001".into())]);
    let source: String = app.conn().query_row("SELECT source FROM journal_vouchers LIMIT 1", [], |r| r.get(0)).unwrap();
    assert_eq!(source, "import");
    let tb = reports::trial_balance(app.conn(), "2026-01", "2026-02").unwrap();
    assert_eq!(tb.account("102").unwrap().closing.to_string(), "10500.00");
    assert_eq!(tb.totals.debit, tb.totals.credit);
}

#[test]
fn without_post_the_vouchers_become_drafts() {
    let (_d, app) = book();
    let result = import_vouchers(app.conn(), &csv(GOOD), "凭证.csv", false, user_id(&app), NOW).unwrap();
    assert!(!result.posted);
    assert!(result.vouchers.iter().all(|v| v.draft_id.is_some() && v.voucher_id.is_none()));
    assert_eq!(snapshot(&app), (0, 3, 7));
    let (summary, source): (String, String) =
        app.conn().query_row("SELECT summary, source FROM draft_vouchers ORDER BY id LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((summary.as_str(), source.as_str()), ("收取1月会费", "import"));
    // The voucher editor's posting takes an imported draft like any other.
    let draft = union_ledger_core::ledger::drafts::get(app.conn(), result.vouchers[0].draft_id.unwrap()).unwrap();
    assert!(draft.can_post, "{:?}", draft.problems);
    let posted = union_ledger_core::ledger::drafts::post(app.conn(), draft.id, user_id(&app), NOW).unwrap();
    assert_eq!((posted.source.as_str(), posted.display_number.as_str()), ("import", "记-001"));
}

#[test]
fn a_gbk_csv_with_chinese_text_imports() {
    let (_d, app) = book();
    let text = String::from_utf8(csv(GOOD)).unwrap().replace('\n', "\r\n");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "really GBK, not UTF-8");
    let result = import_vouchers(app.conn(), &gbk, "凭证.csv", true, user_id(&app), NOW).unwrap();
    assert_eq!(result.count, 3);
    let summary: String = app.conn().query_row("SELECT summary FROM journal_vouchers WHERE date = '2026-01-20'", [], |r| r.get(0)).unwrap();
    assert_eq!(summary, "发放春节慰问品");
}

#[test]
fn a_utf8_csv_with_a_bom_imports() {
    let (_d, app) = book();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(csv(GOOD));
    assert_eq!(import_vouchers(app.conn(), &bytes, "凭证.csv", true, user_id(&app), NOW).unwrap().count, 3);
}

#[test]
fn an_xlsx_file_imports_with_date_cells_numbers_and_text_amounts_in_any_column_order() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let (_d, app) = book();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in ["摘要", "科目编码", "贷方金额", "借方金额", "凭证号", "日期"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    type Row<'a> = (&'a str, f64, Option<&'a str>, Option<f64>, &'a str);
    let rows: [Row; 3] = [
        ("收取10月会费", 102.0, None, Some(1234.5), "记-003"),
        ("收取10月会费", 401.0, Some("1,234.50"), None, "记-003"),
        ("收取10月会费", 0.0, None, None, ""),
    ];
    for (i, (summary, code, credit, debit, no)) in rows.iter().take(2).enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *summary).unwrap();
        ws.write_number(r, 1, *code).unwrap();
        if let Some(c) = credit {
            ws.write_string(r, 2, *c).unwrap();
        }
        if let Some(d) = debit {
            ws.write_number(r, 3, *d).unwrap();
        }
        ws.write_string(r, 4, *no).unwrap();
        ws.write_datetime_with_format(r, 5, ExcelDateTime::from_ymd(2026, 10, 5).unwrap(), &date_fmt).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let preview = preview_voucher_import(app.conn(), &bytes, "凭证.xlsx").unwrap();
    assert!(preview.ok, "{:?}", preview.errors);
    assert_eq!(preview.vouchers[0].date, "2026-10-05");
    assert_eq!(preview.vouchers[0].lines[0].account_name, "银行存款");
    let result = import_vouchers(app.conn(), &bytes, "凭证.xlsx", true, user_id(&app), NOW).unwrap();
    assert_eq!(result.vouchers[0].voucher_no.as_deref(), Some("记-001"));
    let tb = reports::trial_balance(app.conn(), "2026-10", "2026-10").unwrap();
    assert_eq!(tb.account("401").unwrap().credit.to_string(), "1234.50");
}

#[test]
fn more_than_two_decimals_is_an_error_on_its_row() {
    let (_d, app) = book();
    refused(&app, &csv(&["2026-01-10,1,收会费,102,100.005,,", "2026-01-10,1,收会费,401,,100.005,"]), 2, "超过两位小数");
}

#[test]
fn a_negative_amount_is_an_error_on_its_row() {
    let (_d, app) = book();
    refused(&app, &csv(&["2026-01-10,1,收会费,102,100,,", "2026-01-10,1,收会费,401,,-100,"]), 3, "负数");
}

#[test]
fn both_sides_filled_is_an_error_on_its_row() {
    let (_d, app) = book();
    refused(&app, &csv(&["2026-01-10,1,收会费,102,100,100,", "2026-01-10,1,收会费,401,,100,"]), 2, "只能填一方");
}

#[test]
fn neither_side_filled_is_an_error_on_its_row() {
    let (_d, app) = book();
    refused(&app, &csv(&["2026-01-10,1,收会费,102,100,,", "2026-01-10,1,收会费,401,,,", "2026-01-10,1,收会费,401,,100,"]), 3, "都没有填");
}

#[test]
fn an_unknown_account_is_an_error_on_its_row() {
    let (_d, app) = book();
    refused(&app, &csv(&["2026-01-10,1,收会费,102,100,,", "2026-01-10,1,收会费,499,,100,"]), 3, "科目编码 499 不存在");
}

#[test]
fn a_non_leaf_account_is_an_error_on_its_row() {
    let (_d, app) = book();
    refused(&app, &csv(&["2026-01-10,1,慰问,501,100,,", "2026-01-10,1,慰问,102,,100,"]), 2, "只能记到明细科目");
}

#[test]
fn an_impossible_date_is_an_error_on_its_row() {
    let (_d, app) = book();
    refused(&app, &csv(&["2026-02-28,1,收会费,102,100,,", "2026-02-30,1,收会费,401,,100,"]), 3, "2026-02-30");
}

#[test]
fn a_closed_month_is_an_error_on_its_row() {
    let (_d, app) = book();
    close_period(app.conn(), "2026-01");
    refused(&app, &csv(&["2026-02-03,1,收会费,102,100,,", "2026-02-03,1,收会费,401,,100,", "2026-01-10,1,收会费,102,100,,", "2026-01-10,1,收会费,401,,100,"]), 4, "已结账");
}

#[test]
fn an_unbalanced_voucher_is_reported_on_its_first_row_with_the_difference() {
    let (_d, app) = book();
    refused(
        &app,
        &csv(&["2026-01-10,1,收会费,102,100,,", "2026-01-10,1,收会费,401,,100,", "2026-01-12,2,发慰问品,50105,500,,", "2026-01-12,2,发慰问品,102,,450.50,"]),
        4,
        "相差 49.50",
    );
}

#[test]
fn a_voucher_without_a_summary_is_an_error() {
    let (_d, app) = book();
    refused(&app, &csv(&["2026-01-10,1,,102,100,,", "2026-01-10,1,,401,,100,"]), 2, "摘要不能为空");
}

#[test]
fn every_error_in_the_file_is_listed_at_once() {
    let (_d, app) = book();
    let bytes = csv(&[
        "2026-01-10,1,收会费,102,1.001,,",
        "2026-01-10,1,收会费,401,,-1,",
        "2026-13-01,2,收会费,401,,1,",
        "2026-01-11,3,收会费,888,1,,",
    ]);
    let err = import_vouchers(app.conn(), &bytes, "x.csv", true, user_id(&app), NOW).unwrap_err();
    let CoreError::RowErrors(rows) = err else { panic!("row errors expected") };
    let nums: Vec<usize> = rows.iter().map(|e| e.row).collect();
    for n in [2, 3, 4, 5] {
        assert!(nums.contains(&n), "row {n} missing from {rows:?}");
    }
    assert_eq!(snapshot(&app), (0, 0, 0));
}

#[test]
fn a_file_without_the_required_headers_is_refused_naming_the_missing_columns() {
    let (_d, app) = book();
    let bytes = "日期,摘要,科目编码,借方金额\n2026-01-10,收会费,102,100\n".as_bytes();
    let err = import_vouchers(app.conn(), bytes, "x.csv", true, user_id(&app), NOW).unwrap_err();
    assert!(err.to_string().contains("凭证号") && err.to_string().contains("贷方金额"), "{err}");
    let preview = preview_voucher_import(app.conn(), bytes, "x.csv").unwrap();
    assert_eq!(preview.errors[0].row, 1);
}

#[test]
fn the_import_commands_take_base64_and_only_the_treasurer_may_import() {
    let (_d, mut app) = book();
    let data = data_encoding::BASE64.encode(&csv(GOOD));
    let preview = app.call("ledger_vouchers_import_preview", json!({"file_name": "凭证.csv", "data_base64": data})).unwrap();
    assert_eq!(preview["ok"], true);
    assert_eq!(preview["vouchers"][0]["total_debit"], "3000.00");
    assert_eq!(preview["vouchers"][0]["lines"][0]["row"], 2);

    as_user(&mut app, CHAIR);
    let denied = app.call("ledger_vouchers_import", json!({"file_name": "凭证.csv", "data_base64": data, "post": true})).unwrap_err();
    assert_eq!(denied.code(), "permission_denied");
    as_user(&mut app, TREASURER);
    let out = app.call("ledger_vouchers_import", json!({"file_name": "凭证.csv", "data_base64": data, "post": true})).unwrap();
    assert_eq!(out["count"], 3);
    assert_eq!(out["vouchers"][2]["voucher_no"], "记-001");

    let bad = data_encoding::BASE64.encode(&csv(&["2026-01-10,1,收会费,102,100,,", "2026-01-10,1,收会费,401,,90,"]));
    let before = snapshot(&app);
    let err = app.call("ledger_vouchers_import", json!({"file_name": "凭证.csv", "data_base64": bad, "post": true})).unwrap_err();
    assert_eq!(err.code(), "row_errors");
    assert_eq!(err.details()["rows"][0]["row"], 2);
    assert_eq!(snapshot(&app), before);
}
