//! The dashboard (首页): every figure equals the trial balance, the income statement, the
//! budget report, the members' statistics and the dues summaries; the to-do list counts what
//! is waiting.

mod common;
mod reports_support;

use common::*;
use reports_support::*;
use serde_json::{json, Value};
use union_ledger_core::dashboard::{dashboard, DashboardArgs};
use union_ledger_core::money::Money;
use union_ledger_core::App;

fn fen(v: &Value) -> i64 {
    Money::parse(v.as_str().unwrap_or_else(|| panic!("not a money string: {v}"))).unwrap().fen()
}

fn board(app: &App, today: &str) -> Value {
    let d = dashboard(app.conn(), &DashboardArgs { year: Some(2026) }, date(today)).unwrap();
    serde_json::to_value(d).unwrap()
}

/// Q1 of the report fixtures, a draft, dues for January and February (January paid by
/// payroll), three members (one retired) over a headcount of 4, a budget, a hardship file due.
fn books(app: &mut App) {
    set_up_chart_and_opening(app);
    post_q1(app);
    post(app, "2026-04-08", "发放会员生日蛋糕卡", &[("50105", "1200", ""), ("10201", "", "1200")]);
    for (name, wage) in [("张三", "5000"), ("李四", "6000"), ("王五", "4000")] {
        app.call(
            "members_create",
            json!({"name": name, "gender": "男", "join_date": "2020-01-01", "wage": wage, "wage_effective_from": "2000-01"}),
        )
        .unwrap();
    }
    let retiree = app.call("members_create", json!({"name": "赵六", "gender": "女", "join_date": "2000-01-01"})).unwrap();
    app.call("members_add_event", json!({"member_id": retiree["id"], "event": "retire", "date": "2025-12-31"})).unwrap();
    app.call("members_set_headcount", json!({"effective_from": "2026-01-01", "headcount": 4})).unwrap();
    app.call("dues_charge_month", json!({"month": "2026-01"})).unwrap();
    app.call("dues_charge_month", json!({"month": "2026-02"})).unwrap();
    app.call("dues_pay_batch", json!({"month": "2026-01", "date": "2026-01-25"})).unwrap();
    app.call(
        "budget_set_lines",
        json!({"year": 2026, "replace": true, "lines": [
            {"account_code": "501", "amount": "10000"},
            {"account_code": "504", "amount": "6000"},
        ]}),
    )
    .unwrap();
    app.call(
        "ledger_vouchers_draft_save",
        json!({"date": "2026-04-20", "summary": "购买文体用品", "lines": [
            {"account_code": "50103", "debit": "300"}, {"account_code": "101", "credit": "300"}]}),
    )
    .unwrap();
    let m = app.call("members_list", json!({})).unwrap()[0].clone();
    app.call("members_hardship_open", json!({"member_id": m["id"], "level": "困难", "reason": "x", "identified_on": "2025-03-01"})).unwrap();
}

#[test]
fn dashboard_figures_equal_the_books() {
    let (_d, mut app) = book();
    books(&mut app);
    let d = board(&app, "2026-04-23");
    assert_eq!(d["through"], "2026-04");

    // Income and spending per month = the income statement of each month; the year so far
    // = its 本年累计.
    let months = d["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    for (i, mf) in months.iter().enumerate() {
        let p = format!("2026-{:02}", i + 1);
        assert_eq!(mf["period"], p);
        let is = app.call("report_income_statement", json!({"period": p})).unwrap();
        assert_eq!(mf["income"], is["income_month"], "{p} income");
        assert_eq!(mf["spending"], is["expense_month"], "{p} spending");
    }
    assert_eq!(months[0]["income"], "3075.00", "January: 3,000 posted and 75.00 dues by payroll");
    assert_eq!(months[1]["spending"], "1500.00");
    assert_eq!(months[3]["spending"], "1200.00");
    let apr = app.call("report_income_statement", json!({"period": "2026-04"})).unwrap();
    assert_eq!(d["income_ytd"], apr["income_ytd"]);
    assert_eq!(d["spending_ytd"], apr["expense_ytd"]);
    assert_eq!(d["spending_ytd"], "6000.50");
    assert_eq!(fen(&d["surplus_ytd"]), fen(&apr["income_ytd"]) - fen(&apr["expense_ytd"]));

    // Cash and bank at each month end = the trial balance's closing balances; none after April.
    for (i, mf) in months.iter().enumerate().take(4) {
        let p = format!("2026-{:02}", i + 1);
        let tb = app.call("report_trial_balance", json!({"from": p, "to": p})).unwrap();
        let closing = |code: &str| {
            tb["accounts"].as_array().unwrap().iter().find(|a| a["code"] == code).map(|a| fen(&a["closing"])).unwrap_or(0)
        };
        assert_eq!(fen(&mf["cash"]), closing("101"), "{p} cash");
        assert_eq!(fen(&mf["bank"]), closing("102"), "{p} bank");
        assert_eq!(fen(&mf["balance"]), closing("101") + closing("102"), "{p} cash + bank");
    }
    assert_eq!(months[4]["balance"], Value::Null);
    assert_eq!(d["balance"], months[3]["balance"]);
    // Opening 52,000; +3,000 +75 −2,500 in Jan; +15,000 −1,500 (of which 4,000 owed upward) in
    // Feb; −800.50 in Mar; −1,200 in Apr.
    assert_eq!(d["balance"], "64074.50");

    // Budget execution by first-level expense account = the budget report.
    let br = app.call("report_budget", json!({"year": 2026, "through": "2026-04"})).unwrap();
    let cats = d["budget"]["categories"].as_array().unwrap();
    let codes: Vec<&str> = cats.iter().map(|c| c["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["501", "504", "505"], "accounts with a budget or spending");
    for c in cats {
        let row = br["rows"].as_array().unwrap().iter().find(|r| r["code"] == c["code"]).unwrap();
        assert_eq!(c["budget"], row["budget"]);
        assert_eq!(c["actual"], row["actual_ytd"]);
        assert_eq!(c["execution"], row["execution"]);
    }
    assert_eq!(cats[0]["actual"], "3700.00");
    assert_eq!(cats[0]["execution"], "37.0");
    assert_eq!(cats[2]["execution"], Value::Null, "505 has spending but no budget");
    assert_eq!(d["budget"]["budget"], "16000.00");
    assert_eq!(d["budget"]["has_budget"], true);

    // Members and 入会率 = members_stats on the day.
    let s = app.call("members_stats", json!({"date": "2026-04-23"})).unwrap();
    assert_eq!(d["members"], s);
    assert_eq!(d["members"]["members"], 3);
    assert_eq!(d["members"]["join_rate"], "75.0");

    // Dues: January 75.00 charged and paid, February 75.00 charged; nothing for March/April.
    assert_eq!(d["dues"]["charged"], "150.00");
    assert_eq!(d["dues"]["paid"], "75.00");
    assert_eq!(d["dues"]["outstanding"], "75.00");
    assert_eq!(d["dues"]["rate"], "50.0");
    let sum: i64 = ["2026-01", "2026-02", "2026-03", "2026-04"]
        .iter()
        .map(|m| fen(&app.call("dues_summary", json!({"month": m})).unwrap()["charged"]))
        .sum();
    assert_eq!(fen(&d["dues"]["charged"]), sum);

    // To-do: January to March are past and open; one draft; a hardship review due.
    let t = &d["todo"];
    assert_eq!(t["months_to_close"], json!(["2026-01", "2026-02", "2026-03"]));
    assert_eq!(t["drafts"], 1);
    assert_eq!(t["drafts_submitted"], 0);
    assert_eq!(t["queries_open"], 0);
    assert_eq!(t["hardship_reviews_due"], 1, "identified 2025-03-01, reviewed yearly");
}

#[test]
fn the_to_do_list_follows_closing_and_queries_and_every_role_may_read_it() {
    let (_d, mut app) = book();
    books(&mut app);
    let b = app.call("ledger_period_status", json!({"period": "2026-01"})).unwrap()["bank_book_balance"].clone();
    app.call("ledger_period_set_bank_statement", json!({"period": "2026-01", "balance": b})).unwrap();
    app.call("ledger_period_close", json!({"period": "2026-01"})).unwrap();
    as_user(&mut app, AUDITOR);
    app.call("audit_review_mark", json!({"voucher_id": 1, "status": "query", "comment": "附件不全"})).unwrap();
    let d = board(&app, "2026-04-23");
    assert_eq!(d["todo"]["months_to_close"], json!(["2026-02", "2026-03"]));
    assert_eq!(d["todo"]["queries_open"], 1);
    assert_eq!(d["months"][0]["status"], "closed");
    // Read access for every role, through the command table.
    for who in [AUDITOR, CHAIR, TREASURER] {
        as_user(&mut app, who);
        let d = app.call("dashboard", json!({"year": 2026})).unwrap();
        assert_eq!(d["year"], 2026);
        assert_eq!(d["months"].as_array().unwrap().len(), 12);
    }
    // A past year counts all twelve months; an unknown argument is refused.
    let past = board(&app, "2027-02-01");
    assert_eq!(past["through"], "2026-12");
    assert_eq!(past["months"][11]["balance"], past["balance"]);
    assert!(app.call("dashboard", json!({"yr": 2026})).is_err());
}
