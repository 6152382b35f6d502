//! The public notice (财务收支公示): every figure equals an independent computation from
//! `journal_lines` and the trial balance, JSON and HTML agree, a closed month reproduces
//! the same page, an open month is a 草稿.

mod common;
mod reports_support;

use common::*;
use reports_support::*;
use serde_json::{json, Value};
use union_ledger_core::ledger::posting;
use union_ledger_core::money::Money;
use union_ledger_core::App;

/// Σ(credit − debit) for income or Σ(debit − credit) for spending under `prefix`, over
/// `from..=to`, year-end 结转 left out — straight from the journal.
fn journal_sum(app: &App, prefix: &str, from: &str, to: &str) -> i64 {
    let (d, c): (i64, i64) = app
        .conn()
        .query_row(
            "SELECT COALESCE(SUM(l.debit_fen), 0), COALESCE(SUM(l.credit_fen), 0) FROM journal_lines l
             JOIN journal_vouchers v ON v.id = l.voucher_id
             WHERE l.account_code LIKE ?1 AND l.period >= ?2 AND l.period <= ?3 AND v.source <> 'closing'",
            [format!("{prefix}%"), from.to_string(), to.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    if prefix.starts_with('4') {
        c - d
    } else {
        d - c
    }
}

/// Balance of 101 or 102 at the end of `period`: opening balances plus every line.
fn money_balance(app: &App, prefix: &str, period: &str) -> i64 {
    let opening: i64 = app
        .conn()
        .query_row("SELECT COALESCE(SUM(amount_fen), 0) FROM opening_balances WHERE account_code LIKE ?1", [format!("{prefix}%")], |r| r.get(0))
        .unwrap();
    let (d, c): (i64, i64) = app
        .conn()
        .query_row(
            "SELECT COALESCE(SUM(debit_fen), 0), COALESCE(SUM(credit_fen), 0) FROM journal_lines WHERE account_code LIKE ?1 AND period <= ?2",
            [format!("{prefix}%"), period.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    opening + d - c
}

fn fen(v: &Value) -> i64 {
    Money::parse(v.as_str().unwrap_or_else(|| panic!("not a money string: {v}"))).unwrap().fen()
}

fn line<'a>(lines: &'a Value, code: &str) -> &'a Value {
    lines.as_array().unwrap().iter().find(|l| l["code"] == code).unwrap_or_else(|| panic!("no line {code} in {lines}"))
}

fn notice(app: &mut App, period: &str) -> Value {
    app.call("notice_data", json!({ "period": period })).unwrap()
}

fn html(app: &mut App, period: &str) -> String {
    app.call("notice_html", json!({ "period": period })).unwrap()["html"].as_str().unwrap().to_string()
}

fn close(app: &mut App, period: &str) {
    let b = app.call("ledger_period_status", json!({"period": period})).unwrap()["bank_book_balance"].clone();
    app.call("ledger_period_set_bank_statement", json!({"period": period, "balance": b})).unwrap();
    app.call("ledger_period_close", json!({"period": period})).unwrap();
}

/// A small year: Q1 of the report fixtures (with the upper union's share of the levy still to
/// pay over in February), then April with a voucher reversed in May.
fn books(app: &App) -> i64 {
    set_up_chart_and_opening(app);
    post_q1(app);
    post(app, "2026-04-08", "发放会员生日蛋糕卡", &[("50105", "1200", ""), ("10201", "", "1200")]);
    let wrong = post(app, "2026-04-20", "购置办公设备", &[("50702", "3456.78", ""), ("10201", "", "3456.78")]);
    post(app, "2026-04-25", "收取4月会费", &[("10201", "2980.40", ""), ("401", "", "2980.40")]);
    posting::reverse_voucher(app.conn(), wrong.id, date("2026-05-06"), "科目用错，应为专用设备", user_id(app), NOW).unwrap();
    post(app, "2026-05-06", "购置专用设备", &[("50703", "3456.78", ""), ("10201", "", "3456.78")]);
    post(app, "2026-05-12", "上缴上级工会经费", &[("211", "4000", ""), ("10202", "", "4000")]);
    post(app, "2026-05-20", "银行利息", &[("10201", "12.34", ""), ("408", "", "12.34")]);
    wrong.id
}

fn assert_figures_match_the_journal(app: &mut App, period: &str, from: &str, to: &str) {
    let n = notice(app, period);
    let jan = format!("{}-01", &to[..4]);
    for (lines, codes) in [
        (&n["income"], vec!["401", "402", "403", "40301", "40302", "405", "408"]),
        (&n["spending"], vec!["501", "503", "504", "505", "507", "510"]),
    ] {
        for code in codes {
            let want_cur = journal_sum(app, code, from, to);
            let want_ytd = journal_sum(app, code, &jan, to);
            let found = lines.as_array().unwrap().iter().find(|l| l["code"] == code);
            match found {
                Some(l) => {
                    assert_eq!(fen(&l["current"]), want_cur, "{period} {code} current");
                    assert_eq!(fen(&l["ytd"]), want_ytd, "{period} {code} ytd");
                }
                None => assert_eq!((want_cur, want_ytd), (0, 0), "{period} {code} is missing but has figures"),
            }
        }
    }
    let inc: i64 = ["401", "402", "403", "405", "408"].iter().map(|c| journal_sum(app, c, from, to)).sum();
    let exp: i64 = ["501", "503", "504", "505", "507", "510"].iter().map(|c| journal_sum(app, c, from, to)).sum();
    assert_eq!(fen(&n["income_total"]["current"]), inc, "{period} income total");
    assert_eq!(fen(&n["spending_total"]["current"]), exp, "{period} spending total");
    assert_eq!(n["income_total"]["current_upper"], Money::from_fen(inc).to_chinese_upper());

    // Balances: the journal, and the trial balance, to the fen.
    let before = union_ledger_core::ledger::reports::prev_period(from);
    let b = &n["balances"];
    assert_eq!(fen(&b["opening_cash"]), money_balance(app, "101", &before), "{period} opening cash");
    assert_eq!(fen(&b["opening_bank"]), money_balance(app, "102", &before), "{period} opening bank");
    assert_eq!(fen(&b["closing_cash"]), money_balance(app, "101", to), "{period} closing cash");
    assert_eq!(fen(&b["closing_bank"]), money_balance(app, "102", to), "{period} closing bank");
    assert_eq!(fen(&b["opening"]) + fen(&b["income"]) - fen(&b["spending"]) + fen(&b["other"]), fen(&b["closing"]));
    let tb = app.call("report_trial_balance", json!({"from": from, "to": to})).unwrap();
    let acct = |code: &str| tb["accounts"].as_array().unwrap().iter().find(|a| a["code"] == code).cloned();
    for (code, key_open, key_close) in [("101", "opening_cash", "closing_cash"), ("102", "opening_bank", "closing_bank")] {
        let (o, c) = acct(code).map(|a| (fen(&a["opening"]), fen(&a["closing"]))).unwrap_or((0, 0));
        assert_eq!((fen(&b[key_open]), fen(&b[key_close])), (o, c), "{period} {code} vs the trial balance");
    }
    // …and the income statement's 本年累计.
    let is = app.call("report_income_statement", json!({"period": to})).unwrap();
    assert_eq!(n["income_total"]["ytd"], is["income_ytd"]);
    assert_eq!(n["spending_total"]["ytd"], is["expense_ytd"]);
}

#[test]
fn notice_figures_equal_the_journal_in_january_other_months_a_quarter_and_after_a_reversal() {
    let (_d, mut app) = book();
    books(&app);
    for m in ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"] {
        assert_figures_match_the_journal(&mut app, m, m, m);
    }
    assert_figures_match_the_journal(&mut app, "2026-Q1", "2026-01", "2026-03");
    assert_figures_match_the_journal(&mut app, "2026-Q2", "2026-04", "2026-06");
    assert_figures_match_the_journal(&mut app, "2026", "2026-01", "2026-12");
    // December with the year-end 结转 posted: it is left out, as in the income statement.
    post_closing(&app);
    assert_figures_match_the_journal(&mut app, "2026-12", "2026-12", "2026-12");
    assert_figures_match_the_journal(&mut app, "2026-Q4", "2026-10", "2026-12");
    let dec = notice(&mut app, "2026-12");
    assert_eq!(dec["income_total"]["current"], "0.00");
    assert_eq!(dec["income_total"]["ytd"], notice(&mut app, "2026-11")["income_total"]["ytd"]);

    // January: opening = the book's opening balances (2,000 cash + 50,000 bank).
    let jan = notice(&mut app, "2026-01");
    assert_eq!(jan["balances"]["opening"], "52000.00");
    assert_eq!(jan["title"], "江都区某某水利管理处工会委员会 2026年1月 财务收支公示");
    assert_eq!(jan["current_label"], "本月");
    // February: the upper union's 4,000 share reached the bank but is not income.
    let feb = notice(&mut app, "2026-02");
    assert_eq!(feb["balances"]["other"], "4000.00");
    // May: the reversal takes 50702 back out and 50703 takes it; 507 nets to the right figure.
    let may = notice(&mut app, "2026-05");
    assert_eq!(line(&may["spending"], "50702")["current"], "-3456.78");
    assert_eq!(line(&may["spending"], "50702")["ytd"], "0.00");
    assert_eq!(line(&may["spending"], "50703")["ytd"], "3456.78");
    assert_eq!(line(&may["spending"], "507")["current"], "0.00");
    assert_eq!(may["balances"]["other"], "-4000.00", "paying over the upper union's share");
    // A quarter is the sum of its months.
    let q1 = notice(&mut app, "2026-Q1");
    assert_eq!(q1["current_label"], "本季度");
    assert_eq!(q1["period_label"], "2026年第一季度");
    let sum: i64 = ["2026-01", "2026-02", "2026-03"].iter().map(|m| fen(&notice(&mut app, m)["spending_total"]["current"])).sum();
    assert_eq!(fen(&q1["spending_total"]["current"]), sum);
}

#[test]
fn the_notice_shows_no_personal_data_and_hardship_aid_only_as_totals() {
    let (_d, mut app) = book();
    books(&app);
    let n = notice(&mut app, "2026-02");
    let text = n.to_string() + &html(&mut app, "2026-02");
    assert!(n["payouts"].as_array().unwrap().is_empty(), "welfare batches are wired in separately");
    assert!(text.contains("困难职工帮扶支出"), "hardship aid appears as a spending total");
    for forbidden in ["身份证", "手机", "病情", "致困原因"] {
        assert!(!text.contains(forbidden), "{forbidden}");
    }
}

#[test]
fn json_and_html_carry_the_same_numbers() {
    let (_d, mut app) = book();
    books(&app);
    app.call(
        "budget_set_lines",
        json!({"year": 2026, "replace": true, "lines": [
            {"account_code": "501", "amount": "20000", "purpose": "节日慰问、文体活动"},
            {"account_code": "50105", "amount": "15000", "purpose": "节日、生日慰问"},
            {"account_code": "504", "amount": "6000"},
            {"account_code": "505", "amount": "3000", "purpose": "会员代表大会"},
        ]}),
    )
    .unwrap();
    for period in ["2026-02", "2026-05", "2026-Q2"] {
        let n = notice(&mut app, period);
        let page = html(&mut app, period);
        let money = |v: &Value| Money::parse(v.as_str().unwrap()).unwrap().format_thousands();
        for l in n["income"].as_array().unwrap().iter().chain(n["spending"].as_array().unwrap()) {
            assert!(page.contains(l["name"].as_str().unwrap()), "{period}: {}", l["name"]);
            for k in ["current", "ytd"] {
                assert!(page.contains(&format!(">{}<", money(&l[k]))), "{period} {} {k} {}", l["code"], l[k]);
            }
            if !l["budget"].is_null() {
                assert!(page.contains(&format!(">{}<", money(&l["budget"]))));
                assert!(page.contains(&format!(">{}%<", l["execution"].as_str().unwrap())));
            }
        }
        for t in ["income_total", "spending_total"] {
            assert!(page.contains(&format!(">{}<", money(&n[t]["current"]))));
            assert!(page.contains(&format!(">{}<", money(&n[t]["ytd"]))));
            assert!(page.contains(n[t]["current_upper"].as_str().unwrap()));
        }
        for k in ["opening", "income", "spending", "closing", "opening_cash", "opening_bank", "closing_cash", "closing_bank"] {
            assert!(page.contains(&format!(">{}<", money(&n["balances"][k]))), "{period} balance {k}");
        }
        assert!(page.contains(n["fingerprint"].as_str().unwrap()));
        assert!(page.contains(n["signatures"]["chair"].as_str().unwrap()));
        assert!(page.contains(n["title"].as_str().unwrap().split(' ').next().unwrap()));
    }
    let may = notice(&mut app, "2026-05");
    assert_eq!(line(&may["spending"], "501")["budget"], "20000.00");
    // 501 so far: 2,500 (Jan) + 1,200 (Apr) = 3,700 → 18.5%
    assert_eq!(line(&may["spending"], "501")["execution"], "18.5");
    assert_eq!(line(&may["spending"], "50105")["purpose"], "节日、生日慰问");
    assert_eq!(may["spending_total"]["budget"], "29000.00");
}

#[test]
fn a_closed_month_reproduces_the_same_notice_and_fingerprint_and_an_open_month_is_a_draft() {
    let (_d, mut app) = book();
    set_up_chart_and_opening(&app);
    post_q1(&app);
    let open = notice(&mut app, "2026-01");
    assert_eq!(open["is_draft"], true);
    let page = html(&mut app, "2026-01");
    assert!(page.contains("class=\"watermark\"") && page.contains(">草稿<"), "draft watermark");

    close(&mut app, "2026-01");
    let first = notice(&mut app, "2026-01");
    let first_html = html(&mut app, "2026-01");
    assert_eq!(first["is_draft"], false);
    assert!(!first_html.contains("class=\"watermark\""));
    let stored = app.call("ledger_period_status", json!({"period": "2026-01"})).unwrap()["chain_fingerprint"].clone();
    assert_eq!(first["fingerprint"], stored);
    assert!(first["fingerprint_note"].as_str().unwrap().contains("2026年1月结账指纹"), "{}", first["fingerprint_note"]);
    assert_eq!(first["published_on"], first["closed_at"].as_str().unwrap()[..10]);

    // More postings in later months, and settings unchanged: January's notice does not move.
    post(&app, "2026-04-02", "四月活动", &[("50102", "300", ""), ("101", "", "300")]);
    close(&mut app, "2026-02");
    assert_eq!(notice(&mut app, "2026-01"), first);
    assert_eq!(html(&mut app, "2026-01"), first_html);
    assert_ne!(notice(&mut app, "2026-04")["fingerprint"], first["fingerprint"], "a later head");
    // A quarter with an open month is still a draft.
    assert_eq!(notice(&mut app, "2026-Q1")["is_draft"], true);
}

#[test]
fn notice_settings_default_to_the_users_and_can_be_changed_by_the_treasurer_only() {
    let (_d, mut app) = book();
    let s = app.call("notice_settings_get", json!({})).unwrap();
    assert_eq!(s, json!({"preparer": TREASURER, "chair": CHAIR, "audit_director": AUDITOR, "window_days": 7, "contact": ""}));
    let s = app
        .call("notice_settings_set", json!({"audit_director": "赵主任", "window_days": 10, "contact": "工会办公室 分机 8021"}))
        .unwrap();
    assert_eq!(s["audit_director"], "赵主任");
    assert!(app.call("notice_settings_set", json!({"window_days": 0})).is_err());
    let n = app.call("notice_data", json!({"period": "2026-03", "published_on": "2026-04-03"})).unwrap();
    assert_eq!(n["signatures"]["audit_director"], "赵主任");
    assert_eq!(n["window_until"], "2026-04-12");
    assert!(n["contact"].as_str().unwrap().contains("分机 8021"));
    as_user(&mut app, AUDITOR);
    assert!(app.call("notice_settings_set", json!({"window_days": 5})).is_err(), "the auditor reads only");
    assert!(app.call("notice_data", json!({"period": "2026-03"})).is_ok());
    assert!(app.call("notice_data", json!({"period": "2025-12"})).is_err(), "before the book starts");
}
