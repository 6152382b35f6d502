//! Welfare through the command line: create by rule and from a file, a breach refused, the
//! chair's override, `report welfare`, and `call` with the same JSON as the window.

mod common;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn bin(db: &Path, user: &str) -> Command {
    let mut c = common::cli();
    c.env("UNION_LEDGER_USER", user).env("UNION_LEDGER_PASSWORD", "secret1").arg("--db").arg(db);
    c
}

fn ok(o: Output) -> Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap_or(Value::Null)
}

#[test]
fn create_post_override_and_report_welfare_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    ok(bin(&db, "王会计")
        .args(["init", "--union-name", "某某工会委员会", "--unit-name", "某某单位", "--start", "2026-01", "--province", "江苏", "--no-approval", "--no-signoff"])
        .args(["--treasurer", "王会计:secret1", "--chair", "李主席:secret1", "--auditor", "张经审:secret1"])
        .output()
        .unwrap());
    let csv = dir.path().join("members.csv");
    std::fs::write(&csv, "姓名,性别,入会日期,工会小组,月工资,状态\n张红,女,2020-01-01,一组,5000,在职\n李芳,女,2020-01-01,一组,5000,在职\n王强,男,2020-01-01,二组,5000,在职\n").unwrap();
    ok(bin(&db, "王会计").args(["members", "import"]).arg(&csv).output().unwrap());

    // A first festival batch from a file: 张红 1,700, 王强 500.
    let list = dir.path().join("春节.csv");
    std::fs::write(&list, "姓名,金额,备注\n张红,1700,\n王强,500,\n").unwrap();
    let b = ok(bin(&db, "王会计")
        .args(["welfare", "create", "--type", "节日慰问", "--name", "2026年春节慰问", "--date", "2026-02-10", "--form", "实物"])
        .args(["--pay-from", "bank", "--goods", "年货礼包", "--occasion", "春节", "--recipients"])
        .arg(&list)
        .output()
        .unwrap());
    assert_eq!(b["total"], "2200.00");
    let id = b["id"].as_i64().unwrap().to_string();
    let p = ok(bin(&db, "王会计").args(["welfare", "post", &id]).output().unwrap());
    assert_eq!(p["voucher"]["display_number"], "记-001");

    // A file with a bad row is refused whole, the rows named on stderr.
    std::fs::write(&list, "姓名,金额\n张红,100\n赵六,100\n").unwrap();
    let o = bin(&db, "王会计")
        .args(["welfare", "create", "--type", "festival", "--name", "坏名单", "--date", "2026-03-01", "--form", "goods", "--pay-from", "bank", "--recipients"])
        .arg(&list)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("第3行"), "{}", String::from_utf8_lossy(&o.stderr));

    // Shopping cards are refused.
    let o = bin(&db, "王会计")
        .args(["welfare", "create", "--type", "festival", "--name", "卡", "--date", "2026-03-01", "--form", "购物卡", "--pay-from", "bank", "--rule", "all", "--amount", "100"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("购物卡"));

    // 三八 to all women at 200: 张红 goes over the 1,800 cap.
    let b = ok(bin(&db, "王会计")
        .args(["welfare", "create", "--type", "三八妇女节慰问", "--name", "2026年三八节慰问", "--date", "2026-03-06", "--form", "实物"])
        .args(["--pay-from", "bank", "--goods", "洗护用品", "--rule", "women", "--amount", "200"])
        .output()
        .unwrap());
    assert_eq!(b["count"], 2);
    assert_eq!(b["breaches"].as_array().unwrap().len(), 1);
    let id = b["id"].as_i64().unwrap().to_string();
    let o = bin(&db, "王会计").args(["welfare", "post", &id]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("工会主席"));
    // The treasurer's override is a permission matter (exit 3); the chair's goes through.
    let o = bin(&db, "王会计").args(["welfare", "post", &id, "--override-reason", "同意"]).output().unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", String::from_utf8_lossy(&o.stderr));
    let p = ok(bin(&db, "李主席").args(["welfare", "post", &id, "--override-reason", "张红负责三八节活动组织，经委员会研究同意"]).output().unwrap());
    assert_eq!(p["batch"]["status"], "posted");

    let r = ok(bin(&db, "王会计").args(["report", "welfare", "--year", "2026", "--format", "json"]).output().unwrap());
    assert_eq!(r["year"], 2026);
    assert_eq!(r["totals"]["batches"], 2);
    assert_eq!(r["totals"]["amount"], "2600.00");
    let zh = r["members"].as_array().unwrap().iter().find(|m| m["name"] == "张红").unwrap();
    assert_eq!(zh["total"], "1900.00");
    assert_eq!(r["batches"][1]["overridden"], true);

    // The same commands through `call`.
    let o = ok(bin(&db, "张经审").args(["call", "welfare_overrides", "--args", "{\"year\": 2026}"]).output().unwrap());
    assert_eq!(o.as_array().unwrap().len(), 1);
    let l = ok(bin(&db, "王会计").args(["welfare", "list", "--year", "2026"]).output().unwrap());
    assert_eq!(l.as_array().unwrap().len(), 2);
    let out = dir.path().join("sheet.xlsx");
    ok(bin(&db, "王会计").args(["welfare", "sheet", &id, "--out"]).arg(&out).output().unwrap());
    assert!(std::fs::metadata(&out).unwrap().len() > 1000);
}
