//! Ledger through the command line: entry, close, refusal in a closed month from `call` and
//! from `period`, reopen by the chair only, reports, hledger export, voucher import.

mod common;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Book {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

fn bin(db: &Path) -> Command {
    let mut c = common::cli();
    c.env_remove("UNION_LEDGER_USER").env_remove("UNION_LEDGER_PASSWORD").arg("--db").arg(db);
    c
}

fn ok(o: Output) -> Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap_or(Value::Null)
}

fn book() -> Book {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    ok(bin(&db)
        .args(["init", "--union-name", "某某工会委员会", "--unit-name", "某某单位", "--start", "2026-01", "--province", "江苏"])
        .args(["--treasurer", "王会计:secret1", "--chair", "李主席:secret1", "--auditor", "张经审:secret1"])
        // Not about approval or sign-off: switch both controls off.
        .args(["--no-approval", "--no-signoff"])
        .output()
        .unwrap());
    Book { _dir: dir, db }
}

fn call(b: &Book, user: &str, name: &str, args: Value) -> Output {
    bin(&b.db).args(["--user", user, "--password", "secret1", "call", name, "--args", &args.to_string()]).output().unwrap()
}

fn expense(b: &Book, date: &str, amount: &str) -> Output {
    call(b, "王会计", "ledger_entry_post", json!({"kind": "expense", "date": date, "category": "50105", "amount": amount, "via": "bank", "summary": "购买中秋慰问品"}))
}

#[test]
fn a_closed_month_refuses_postings_from_call_and_reopen_needs_the_chair() {
    let b = book();
    ok(call(&b, "王会计", "ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "allocation", "amount": "10000", "via": "bank", "summary": "收到拨缴经费"})));
    ok(expense(&b, "2026-01-20", "1,200.50"));
    ok(call(&b, "王会计", "ledger_period_set_bank_statement", json!({"period": "2026-01", "balance": "8799.50"})));
    let closed = ok(bin(&b.db).args(["--user", "王会计", "--password", "secret1", "period", "close", "2026-01"]).output().unwrap());
    assert_eq!(closed["status"]["status"], "closed");

    let o = expense(&b, "2026-01-25", "10");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已结账"), "{}", String::from_utf8_lossy(&o.stderr));

    for who in ["王会计", "张经审"] {
        let o = bin(&b.db).args(["--user", who, "--password", "secret1", "period", "reopen", "2026-01", "--reason", "补记"]).output().unwrap();
        assert_eq!(o.status.code(), Some(3), "{who} may not reopen");
    }
    // The chair alone is refused: reopening needs the auditor too.
    let o = bin(&b.db).args(["--user", "李主席", "--password", "secret1", "period", "reopen", "2026-01", "--reason", "漏记一笔银行利息"]).output().unwrap();
    assert_ne!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("两位负责人"), "{}", String::from_utf8_lossy(&o.stderr));
    let reopened = ok(bin(&b.db)
        .args(["--user", "李主席", "--password", "secret1", "period", "reopen", "2026-01", "--reason", "漏记一笔银行利息", "--confirm-user", "张经审"])
        .env("UNION_LEDGER_CONFIRM_PASSWORD", "secret1")
        .output()
        .unwrap());
    assert_eq!(reopened["status"], "open");
    ok(expense(&b, "2026-01-25", "10"));
}

#[test]
fn trial_balance_json_and_xlsx_and_hledger_export_agree_with_the_books() {
    let b = book();
    ok(call(&b, "王会计", "ledger_entry_post", json!({"kind": "income", "date": "2026-02-03", "category": "dues", "amount": "3456.78", "via": "cash", "summary": "收会费"})));
    ok(expense(&b, "2026-02-10", "456.78"));
    let tb = ok(bin(&b.db).args(["report", "trial-balance", "--from", "2026-01", "--to", "2026-12", "--format", "json"]).output().unwrap());
    assert_eq!(tb["from"], "2026-01");
    assert_eq!(tb["totals"]["debit"], tb["totals"]["credit"]);
    let cash = tb["accounts"].as_array().unwrap().iter().find(|a| a["code"] == "101").unwrap();
    assert_eq!(cash["closing"], "3456.78");
    let income = tb["accounts"].as_array().unwrap().iter().find(|a| a["code"] == "401").unwrap();
    assert_eq!(income["credit"], "3456.78");

    let xlsx = b.db.with_file_name("tb.xlsx");
    ok(bin(&b.db).args(["report", "trial-balance", "--from", "2026-01", "--to", "2026-12", "--format", "xlsx", "--out"]).arg(&xlsx).output().unwrap());
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "an XLSX is a zip");

    let journal = ok(bin(&b.db).args(["report", "journal", "--account", "102", "--from", "2026-02", "--to", "2026-02"]).output().unwrap());
    assert_eq!(journal["closing"], "-456.78");

    let ledger = b.db.with_file_name("book.journal");
    ok(bin(&b.db).args(["export-journal", "--format", "hledger", "--out"]).arg(&ledger).output().unwrap());
    let text = std::fs::read_to_string(&ledger).unwrap();
    assert!(text.contains("支出:50105 会员活动支出"), "{text}");
    assert!(text.contains("456.78"));

    let o = bin(&b.db).arg("verify").output().unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("OK "));
}

#[test]
fn a_bad_voucher_file_is_refused_whole_with_row_numbers_on_stderr() {
    let b = book();
    let csv = b.db.with_file_name("vouchers.csv");
    std::fs::write(
        &csv,
        "日期,凭证号,摘要,科目编码,借方金额,贷方金额\n2026-03-01,1,买水,50105,100.00,\n2026-03-01,1,买水,102,,100.00\n2026-03-02,2,错账,50105,12.345,\n2026-03-02,2,错账,999,,12.34\n",
    )
    .unwrap();
    let o = bin(&b.db).args(["--user", "王会计", "--password", "secret1", "vouchers", "import"]).arg(&csv).arg("--post").output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("第4行") && err.contains("第5行"), "{err}");
    let list = ok(call(&b, "王会计", "ledger_vouchers_list", json!({"period": "2026-03"})));
    assert_eq!(list.as_array().unwrap().len(), 0, "nothing imported");

    std::fs::write(&csv, "日期,凭证号,摘要,科目编码,借方金额,贷方金额\n2026-03-01,1,买水,50105,100.00,\n2026-03-01,1,买水,102,,100.00\n").unwrap();
    let imported = ok(bin(&b.db).args(["--user", "王会计", "--password", "secret1", "vouchers", "import"]).arg(&csv).arg("--post").output().unwrap());
    assert_eq!(imported["count"], 1);
}
