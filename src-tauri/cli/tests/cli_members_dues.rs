//! Members and dues through the command line: import (all-or-nothing with row errors),
//! list, monthly charges, payroll batch, dues report.

mod common;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn bin(db: &Path) -> Command {
    let mut c = common::cli();
    c.env("UNION_LEDGER_USER", "王会计").env("UNION_LEDGER_PASSWORD", "secret1").arg("--db").arg(db);
    c
}

fn ok(o: Output) -> Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap_or(Value::Null)
}

/// A valid 18-digit ID (GB 11643 check digit) for a birth date and sequence number.
fn id_number(birth: &str, seq: u32, male: bool) -> String {
    let seq = seq * 2 + if male { 1 } else { 0 };
    let body = format!("321088{}{:03}", birth.replace('-', ""), seq % 1000);
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.chars().zip(weights).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
    let check = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][(sum % 11) as usize];
    format!("{body}{check}")
}

#[test]
fn import_charge_pay_batch_and_report_dues_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    ok(bin(&db)
        .args(["init", "--union-name", "某某工会委员会", "--unit-name", "某某单位", "--start", "2026-01", "--province", "江苏"])
        .args(["--treasurer", "王会计:secret1", "--chair", "李主席:secret1", "--auditor", "张经审:secret1"])
        // Not about approval or sign-off: switch both controls off.
        .args(["--no-approval", "--no-signoff"])
        .output()
        .unwrap());

    let header = "姓名,性别,身份证号,出生日期,入会日期,工会小组,月工资,状态,手机号,会员证号,备注\n";
    let bad = format!("{header}张三,男,{},1980-05-06,2020-01-01,一组,5678.90,在职,,,\n李四,女,123,1990-01-01,2020-01-01,一组,-1,在职,,,\n", id_number("1980-05-06", 1, true));
    let csv = dir.path().join("members.csv");
    std::fs::write(&csv, bad).unwrap();
    let o = bin(&db).args(["members", "import"]).arg(&csv).output().unwrap();
    assert_ne!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("第3行"), "{err}");
    assert_eq!(ok(bin(&db).args(["members", "list", "--format", "json"]).output().unwrap()).as_array().unwrap().len(), 0);

    let good = format!(
        "{header}张三,男,{},1980-05-06,2020-01-01,一组,5678.90,在职,,,\n李四,女,{},1990-01-01,2020-01-01,二组,4000,在职,,,\n",
        id_number("1980-05-06", 1, true),
        id_number("1990-01-01", 2, false)
    );
    std::fs::write(&csv, good).unwrap();
    ok(bin(&db).args(["members", "import"]).arg(&csv).output().unwrap());
    let list = ok(bin(&db).args(["members", "list", "--format", "json"]).output().unwrap());
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert!(list[0]["id_number"].as_str().unwrap().contains("**********"), "ID masked");

    ok(bin(&db).args(["dues", "charge", "--month", "2026-10"]).output().unwrap());
    ok(bin(&db).args(["dues", "pay-batch", "--month", "2026-10", "--date", "2026-10-25"]).output().unwrap());
    let report = ok(bin(&db).args(["report", "dues", "--month", "2026-10", "--format", "json"]).output().unwrap());
    assert_eq!(report["month"], "2026-10");
    // 5,678.90 → 5,670 × 0.5% = 28.35; 4,000 × 0.5% = 20.00
    assert_eq!(report["totals"]["due"], "48.35");
    assert_eq!(report["totals"]["paid"], "48.35");
    assert_eq!(report["totals"]["outstanding"], "0.00");
    let tb = ok(bin(&db).args(["report", "trial-balance", "--from", "2026-10", "--to", "2026-10"]).output().unwrap());
    let dues = tb["accounts"].as_array().unwrap().iter().find(|a| a["code"] == "401").unwrap();
    assert_eq!(dues["credit"], "48.35", "the payroll voucher equals the sum of charges");
}
