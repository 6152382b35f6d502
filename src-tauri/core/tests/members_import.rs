//! Importing the roll from CSV (UTF-8 or GBK) and XLSX: all or nothing, row-numbered errors,
//! the template, and the roster export.

mod common;

use common::*;
use serde_json::{json, Value};
use union_ledger_core::App;

fn id_for(area: &str, birth: &str, seq: u32) -> String {
    let body = format!("{area}{birth}{seq:03}");
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.bytes().zip(w).map(|(b, w)| (b - b'0') as u32 * w).sum();
    let c = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][(sum % 11) as usize];
    format!("{body}{c}")
}

fn b64(bytes: &[u8]) -> String {
    data_encoding::BASE64.encode(bytes)
}

fn file(name: &str, bytes: &[u8]) -> Value {
    json!({"file_name": name, "data_base64": b64(bytes)})
}

fn book_rows(app: &App) -> (i64, i64, i64, i64) {
    (count(app, "members"), count(app, "member_groups"), count(app, "member_events"), count(app, "member_wages"))
}

#[test]
fn a_utf8_csv_in_any_column_order_imports_members_groups_wages_and_statuses() {
    let (_d, mut app) = book();
    let (m1, f1, r1) = (id_for("321088", "19800501", 123), id_for("321088", "19850212", 224), id_for("321088", "19600101", 311));
    let csv = format!(
        "\u{feff}身份证号,姓名,性别,入会日期,工会小组,月工资,状态,手机号,会员证号,备注,出生日期\n\
         {m1},张三,男,2010-07-01,第一小组,\"5,678.90\",在职,13800000001,GH001,,\n\
         {f1},李四,,2012/3/5,第一小组,4000,在会,,,,1985-02-12\n\
         \n\
         {r1},王五,男,1990年1月1日,第二小组,3000,退休,,,老会员,\n"
    );
    let p = app.call("members_import_preview", file("roll.csv", csv.as_bytes())).unwrap();
    assert_eq!(p["ok"], true, "{p}");
    assert_eq!(p["count"], 3);
    assert_eq!(p["new_groups"], json!(["第一小组", "第二小组"]));
    assert_eq!(p["rows"][2]["row"], 5, "blank rows keep Excel numbering");
    assert_eq!(p["rows"][1]["gender"], "女");
    assert!(p["rows"][0]["id_number"].as_str().unwrap().contains('*'));
    assert_eq!(count(&app, "members"), 0, "preview writes nothing");
    let r = app.call("members_import", file("roll.csv", csv.as_bytes())).unwrap();
    assert_eq!(r["imported"], 3);
    assert_eq!(r["members"][0]["member_no"], "0001");
    let list = app.call("members_list", json!({})).unwrap();
    assert_eq!(list[0]["wage_base"], "5678.90");
    assert_eq!(list[0]["group"], "第一小组");
    assert_eq!(list[1]["join_date"], "2012-03-05");
    assert_eq!(list[2]["status"], "retired");
    assert_eq!(list[2]["status_date"], "2025-12-31", "a status without a date holds since before the book began");
    // The retiree owes nothing in the book's months.
    let c = app.call("dues_charge_month", json!({"month": "2026-01"})).unwrap();
    assert_eq!(c["liable"], 2);
    assert_eq!(c["total_due"], "48.35");
}

#[test]
fn a_gbk_csv_imports_the_same_as_utf8() {
    let (_d, mut app) = book();
    let csv = "姓名,性别,入会日期,状态,月工资\n赵六,女,2015-01-01,下岗,2500\n钱七,男,2016-06-01,,3000\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    let r = app.call("members_import", file("roll.csv", &gbk)).unwrap();
    assert_eq!(r["imported"], 2);
    let list = app.call("members_list", json!({})).unwrap();
    assert_eq!(list[0]["name"], "赵六");
    assert_eq!(list[0]["status"], "unemployed");
    assert_eq!(list[1]["name"], "钱七");
}

#[test]
fn every_bad_row_is_named_and_the_book_is_left_unchanged() {
    let (_d, mut app) = book();
    let in_book = id_for("110105", "19700101", 101);
    app.call("members_create", json!({"name": "老会员", "id_number": in_book, "join_date": "2000-01-01"})).unwrap();
    let good = id_for("321088", "19800501", 123);
    let bad_check = {
        let last = good.chars().last().unwrap();
        format!("{}{}", &good[..17], if last == '1' { '2' } else { '1' })
    };
    let woman = id_for("321088", "19900101", 222);
    let rows = [
        format!("张三,男,{good},,2010-07-01,新小组,5000,在职"),     // 2: good
        format!("李四,男,{bad_check},,2010-07-01,,5000,在职"),      // 3
        "王五,未知,,,2010-07-01,,5000,在职".to_string(),           // 4
        format!("赵六,男,{woman},,2010-07-01,,5000,在职"),          // 5
        "孙七,女,,,2026-02-30,,5000,在职".to_string(),             // 6
        "周八,女,,,2099-01-01,,5000,在职".to_string(),             // 7
        format!("吴九,男,{good},,2010-07-01,,5000,在职"),           // 8
        ",男,,,2010-07-01,,5000,在职".to_string(),                 // 9
        "郑十,男,,,2010-07-01,,abc,在职".to_string(),              // 10
        "钱一,男,,,2010-07-01,,-100,在职".to_string(),             // 11
        "冯二,男,,,2010-07-01,,5000,休假".to_string(),             // 12
        format!("陈三,男,{in_book},,2010-07-01,,5000,在职"),        // 13
        format!("褚四,女,{woman},1990-01-02,2010-07-01,,5000,在职"), // 14
    ];
    let csv = format!("姓名,性别,身份证号,出生日期,入会日期,工会小组,月工资,状态\n{}\n", rows.join("\n"));
    let before = book_rows(&app);
    let log_before = count(&app, "change_log");
    let e = app.call("members_import", file("bad.csv", csv.as_bytes())).unwrap_err();
    assert_eq!(e.code(), "row_errors");
    let errs: Vec<(u64, String)> = e.details()["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap(), r["message"].as_str().unwrap().to_string()))
        .collect();
    let has = |row: u64, text: &str| errs.iter().any(|(r, m)| *r == row && m.contains(text));
    for (row, text) in [
        (3, "校验位不正确"),
        (4, "性别应为“男”或“女”"),
        (5, "身份证号显示性别为女"),
        (6, "不存在"),
        (7, "晚于今天"),
        (8, "与第 2 行重复"),
        (9, "姓名不能为空"),
        (10, "不是有效的金额"),
        (11, "不能为负数"),
        (12, "未知状态“休假”"),
        (13, "已登记在会员 0001 老会员 名下"),
        (14, "出生日期"),
    ] {
        assert!(has(row, text), "row {row} should say {text}: {errs:?}");
    }
    assert!(!errs.iter().any(|(r, _)| *r == 2), "row 2 is fine: {errs:?}");
    assert!(e.to_string().contains("第3行"), "{e}");
    assert_eq!(book_rows(&app), before, "nothing written");
    assert_eq!(count(&app, "change_log"), log_before);
    // The preview reports the same errors without failing.
    let p = app.call("members_import_preview", file("bad.csv", csv.as_bytes())).unwrap();
    assert_eq!(p["ok"], false);
    assert_eq!(p["errors"].as_array().unwrap().len(), errs.len());
}

#[test]
fn a_file_without_the_name_column_is_refused_at_row_one() {
    let (_d, mut app) = book();
    let e = app.call("members_import", file("x.csv", "名字,性别,入会日期\n张三,男,2010-01-01\n".as_bytes())).unwrap_err();
    assert_eq!(e.details()["rows"][0]["row"], 1);
    assert!(e.to_string().contains("缺少“姓名”列"), "{e}");
    assert_eq!(count(&app, "members"), 0);
}

#[test]
fn the_template_round_trips_through_the_xlsx_importer_and_the_roster_exports_masked() {
    let (_d, mut app) = book();
    let t = app.call("members_import_template", json!({})).unwrap();
    assert_eq!(t["file_name"], "会员导入模板.xlsx");
    let bytes = data_encoding::BASE64.decode(t["data_base64"].as_str().unwrap().as_bytes()).unwrap();
    assert!(bytes.starts_with(b"PK"));
    let p = app.call("members_import_preview", json!({"file_name": "会员导入模板.xlsx", "data_base64": t["data_base64"]})).unwrap();
    assert_eq!(p["ok"], true, "{p}");
    assert_eq!(p["rows"][0]["row"], 2);
    assert_eq!(p["rows"][0]["name"], "张三");
    assert_eq!(p["rows"][0]["wage"], "5678.90");
    app.call("members_import", json!({"file_name": "会员导入模板.xlsx", "data_base64": t["data_base64"]})).unwrap();
    let full = app.call("members_reveal_id", json!({"id": 1})).unwrap()["id_number"].as_str().unwrap().to_string();

    let read = |app: &mut App, args: Value| -> String {
        let x = app.call("members_export_xlsx", args).unwrap();
        let bytes = data_encoding::BASE64.decode(x["data_base64"].as_str().unwrap().as_bytes()).unwrap();
        let table = union_ledger_core::io::read_table(&bytes, "r.xlsx").unwrap();
        table.rows.iter().map(|r| r.cells.join("|")).collect::<Vec<_>>().join("\n")
    };
    let masked = read(&mut app, json!({}));
    assert!(masked.contains("张三") && masked.contains("3210**********"), "{masked}");
    assert!(!masked.contains(&full));
    let with_id = read(&mut app, json!({"include_id": true}));
    assert!(with_id.contains(&full), "{with_id}");
}
