//! 账簿报表: trial balance, journals, general ledger, the two statements, XLSX export, and the
//! report commands as the UI calls them.

mod common;
mod reports_support;

use common::*;
use reports_support::*;
use serde_json::json;
use union_ledger_core::io::xlsx::read_xlsx;
use union_ledger_core::ledger::reports::{self, export};
use union_ledger_core::Money;

fn s(x: Money) -> String {
    x.to_string()
}

fn q1_book() -> (tempfile::TempDir, union_ledger_core::App) {
    let (dir, app) = book();
    set_up_chart_and_opening(&app);
    post_q1(&app);
    (dir, app)
}

#[test]
fn the_trial_balance_balances_at_opening_in_the_period_and_at_closing_and_parents_are_the_sum_of_their_children() {
    let (_d, app) = q1_book();
    let tb = reports::trial_balance(app.conn(), "2026-02", "2026-03").unwrap();
    let t = &tb.totals;
    assert_eq!(t.opening_debit, t.opening_credit, "opening");
    assert_eq!(t.debit, t.credit, "period");
    assert_eq!(t.closing_debit, t.closing_credit, "closing");
    assert_eq!(s(t.opening_debit), "65000.00");
    assert_eq!(s(t.debit), "17300.50");
    assert_eq!(s(t.closing_debit), "80000.00");

    let bank = tb.account("102").unwrap();
    assert_eq!((s(bank.opening), s(bank.debit), s(bank.credit), s(bank.closing)), ("49500.00".into(), "15000.00".into(), "0.00".into(), "64500.00".into()));
    assert!(!bank.is_leaf);
    type Acc = reports::trial_balance::TrialBalanceAccount;
    let fields: [fn(&Acc) -> Money; 4] = [|a| a.opening, |a| a.debit, |a| a.credit, |a| a.closing];
    for field in fields {
        let kids: Money = ["10201", "10202"].iter().filter_map(|c| tb.account(c)).map(field).sum();
        assert_eq!(field(bank), kids, "102 = 10201 + 10202");
    }
    let cash = tb.account("101").unwrap();
    assert_eq!((s(cash.opening), s(cash.closing)), ("3000.00".into(), "699.50".into()));
    // 163 累计折旧 is an asset account on the credit side: positive, counted with the credit side.
    let dep = tb.account("163").unwrap();
    assert_eq!(s(dep.closing), "2000.00");
    assert_eq!(tb.account("403").unwrap().closing, tb.account("40302").unwrap().closing);
    // Accounts with nothing at all are left out unless asked for.
    assert!(tb.account("50701").is_none());
    let all = reports::trial_balance_opts(app.conn(), "2026-02", "2026-03", true).unwrap();
    assert!(all.account("50701").is_some());
    assert_eq!(all.totals, tb.totals);

    // Whole year: opening equals the 期初余额 alone.
    let year = reports::trial_balance(app.conn(), "2026-01", "2026-12").unwrap();
    assert_eq!(s(year.account("10201").unwrap().opening), "50000.00");
    assert_eq!(year.totals.opening_debit, year.totals.opening_credit);
}

#[test]
fn the_income_statement_gives_the_month_and_the_year_to_date_from_january() {
    let (_d, app) = q1_book();
    let jan = reports::income_statement(app.conn(), "2026-01").unwrap();
    assert_eq!((s(jan.income_month), s(jan.income_ytd)), ("3000.00".into(), "3000.00".into()));
    assert_eq!((s(jan.expense_month), s(jan.expense_ytd)), ("2500.00".into(), "2500.00".into()));

    let feb = reports::income_statement(app.conn(), "2026-02").unwrap();
    assert_eq!((s(feb.income_month), s(feb.income_ytd)), ("11000.00".into(), "14000.00".into()));
    assert_eq!((s(feb.expense_month), s(feb.expense_ytd)), ("1500.00".into(), "4000.00".into()));
    assert_eq!(s(feb.surplus_ytd), "10000.00");
    let r403 = feb.row("403").unwrap();
    assert_eq!((s(r403.a), s(r403.b)), ("5000.00".into(), "5000.00".into()));
    assert_eq!(feb.row("40302").unwrap().indent, 2);

    // Layout: 收入合计, the income accounts, 支出合计, the expense accounts, 本期收支差额.
    let items: Vec<&str> = feb.rows.iter().map(|r| r.item.as_str()).collect();
    assert_eq!(items[0], "收入合计");
    assert_eq!(&items[1..4], &["会费收入", "拨缴经费收入", "上级补助收入"]);
    assert_eq!(*items.last().unwrap(), "本期收支差额");
    let expense_total = feb.rows.iter().find(|r| r.item == "支出合计").unwrap();
    assert_eq!(s(expense_total.b), "4000.00");
    assert!(feb.rows.iter().enumerate().all(|(i, r)| r.line == i + 1), "行次 run 1, 2, 3 …");

    let mar = reports::income_statement(app.conn(), "2026-03").unwrap();
    assert_eq!((s(mar.income_month), s(mar.expense_month), s(mar.surplus_ytd)), ("0.00".into(), "800.50".into(), "9199.50".into()));
    // A new year starts again from January.
    let next = reports::income_statement(app.conn(), "2027-01").unwrap();
    assert!(next.income_ytd.is_zero() && next.expense_ytd.is_zero());
}

#[test]
fn year_end_closing_vouchers_are_left_out_of_the_income_statement() {
    let (_d, app) = q1_book();
    post_closing(&app);
    let dec = reports::income_statement(app.conn(), "2026-12").unwrap();
    assert_eq!(s(dec.income_month), "0.00");
    assert_eq!(s(dec.expense_month), "0.00");
    assert_eq!(s(dec.income_ytd), "14000.00");
    assert_eq!(s(dec.expense_ytd), "4800.50");
    assert_eq!(s(dec.surplus_ytd), "9199.50");
    // …while the trial balance shows income and spending closed to zero.
    let tb = reports::trial_balance(app.conn(), "2026-01", "2026-12").unwrap();
    assert!(tb.account("401").unwrap().closing.is_zero());
    assert!(tb.account("501").unwrap().closing.is_zero());
    assert_eq!(s(tb.account("321").unwrap().closing), "5000.00");
}

#[test]
fn the_balance_sheet_balances_before_and_after_the_year_end_close() {
    let (_d, app) = q1_book();
    let mar = reports::balance_sheet(app.conn(), "2026-03").unwrap();
    assert!(mar.balanced);
    assert_eq!(mar.total_assets, mar.total_liabilities_and_net_assets);
    assert_eq!((s(mar.total_assets.year_start), s(mar.total_assets.end)), ("60000.00".into(), "73199.50".into()));
    assert_eq!(s(mar.total_liabilities.end), "4000.00");
    let r322 = mar.row("322").unwrap();
    assert_eq!((s(r322.a), s(r322.b)), ("52000.00".into(), "61199.50".into()), "322 carries this year's surplus until closing");
    let surplus = mar.net_assets.iter().find(|r| r.item.contains("本年收支差额")).unwrap();
    assert_eq!(s(surplus.b), "9199.50");
    let net = mar.assets.iter().find(|r| r.item == "固定资产净值").unwrap();
    assert_eq!(s(net.b), "8000.00");
    let totals: Vec<&str> = mar.assets.iter().chain(&mar.net_assets).filter(|r| r.kind == "total").map(|r| r.item.as_str()).collect();
    assert_eq!(totals, vec!["资产总计", "净资产合计", "负债和净资产总计"]);

    post_closing(&app);
    let dec = reports::balance_sheet(app.conn(), "2026-12").unwrap();
    assert!(dec.balanced);
    assert_eq!(s(dec.total_assets.end), "73199.50");
    assert_eq!(s(dec.row("321").unwrap().b), "5000.00");
    assert_eq!(s(dec.row("322").unwrap().b), "56199.50");
    let surplus = dec.net_assets.iter().find(|r| r.item.contains("本年收支差额")).unwrap();
    assert!(surplus.b.is_zero());
    // Next year's 年初数 are this year's closing figures.
    let next = reports::balance_sheet(app.conn(), "2027-01").unwrap();
    assert!(next.balanced);
    assert_eq!(next.total_assets.year_start, dec.total_assets.end);
}

#[test]
fn the_cash_journal_runs_a_balance_with_monthly_and_year_to_date_totals() {
    let (_d, app) = q1_book();
    let j = reports::cash_journal(app.conn(), "2026-01", "2026-03").unwrap();
    assert_eq!(j.title, "现金日记账");
    let rows: Vec<(&str, &str, String, String, &str, String)> =
        j.rows.iter().map(|r| (r.kind, r.summary.as_str(), s(r.debit), s(r.credit), r.direction, s(r.balance))).collect();
    let e = |k, sm, d: &str, c: &str, dir, b: &str| (k, sm, d.to_string(), c.to_string(), dir, b.to_string());
    assert_eq!(
        rows,
        vec![
            e("opening", "期初余额", "0.00", "0.00", "借", "2000.00"),
            e("entry", "提取备用金", "1000.00", "0.00", "借", "3000.00"),
            e("month_total", "本月合计", "1000.00", "0.00", "借", "3000.00"),
            e("year_total", "本年累计", "1000.00", "0.00", "借", "3000.00"),
            e("entry", "困难职工帮扶", "0.00", "1500.00", "借", "1500.00"),
            e("month_total", "本月合计", "0.00", "1500.00", "借", "1500.00"),
            e("year_total", "本年累计", "1000.00", "1500.00", "借", "1500.00"),
            e("entry", "召开会员代表大会", "0.00", "800.50", "借", "699.50"),
            e("month_total", "本月合计", "0.00", "800.50", "借", "699.50"),
            e("year_total", "本年累计", "1000.00", "2300.50", "借", "699.50"),
        ]
    );
    let entry = &j.rows[1];
    assert_eq!(entry.voucher_no.as_deref(), Some("记-002"));
    assert_eq!(entry.date.as_deref(), Some("2026-01-15"));
    assert_eq!(s(j.closing), "699.50");

    // Starting in February: 上月结转, and 本年累计 still counts January.
    let j = reports::cash_journal(app.conn(), "2026-02", "2026-02").unwrap();
    assert_eq!((j.rows[0].summary.as_str(), s(j.rows[0].balance)), ("上月结转", "3000.00".to_string()));
    let ytd = j.rows.iter().find(|r| r.kind == "year_total").unwrap();
    assert_eq!((s(ytd.debit), s(ytd.credit)), ("1000.00".into(), "1500.00".into()));
}

#[test]
fn the_bank_journal_and_a_parent_accounts_ledger_take_in_all_its_sub_accounts() {
    let (_d, app) = q1_book();
    let j = reports::bank_journal(app.conn(), "2026-01", "2026-03").unwrap();
    assert_eq!(j.title, "银行存款日记账");
    assert_eq!((s(j.opening), s(j.debit), s(j.credit), s(j.closing)), ("50000.00".into(), "18000.00".into(), "3500.00".into(), "64500.00".into()));
    let codes: Vec<&str> = j.rows.iter().filter(|r| r.kind == "entry").map(|r| r.account_code.as_str()).collect();
    assert_eq!(codes, vec!["10201", "10201", "10201", "10202", "10202"]);

    let leaf = reports::account_ledger(app.conn(), "10202", "2026-01", "2026-03").unwrap();
    assert_eq!(s(leaf.closing), "15000.00");
    // A credit-side account reads 贷.
    let income = reports::account_ledger(app.conn(), "403", "2026-01", "2026-03").unwrap();
    let last = income.rows.last().unwrap();
    assert_eq!((last.direction, s(last.balance)), ("贷", "5000.00".to_string()));
    assert!(reports::account_ledger(app.conn(), "999", "2026-01", "2026-03").is_err());
    assert!(reports::account_ledger(app.conn(), "101", "2026-03", "2026-01").is_err(), "from after to");
}

#[test]
fn the_general_ledger_lists_each_first_level_account_month_by_month() {
    let (_d, app) = q1_book();
    let gl = reports::general_ledger(app.conn(), 2026).unwrap();
    let bank = gl.accounts.iter().find(|a| a.code == "102").unwrap();
    let rows: Vec<(&str, &str, String, String, String)> =
        bank.rows.iter().map(|r| (r.period.as_str(), r.summary.as_str(), s(r.debit), s(r.credit), s(r.balance))).collect();
    assert_eq!(rows[0], ("2026-01", "期初余额", "0.00".into(), "0.00".into(), "50000.00".into()));
    assert_eq!(rows[1], ("2026-01", "本月合计", "3000.00".into(), "3500.00".into(), "49500.00".into()));
    assert_eq!(rows[3], ("2026-02", "本月合计", "15000.00".into(), "0.00".into(), "64500.00".into()));
    assert_eq!(rows[6], ("2026-03", "本年累计", "18000.00".into(), "3500.00".into(), "64500.00".into()));
    assert_eq!(rows.len(), 7, "opening + three months × (本月合计, 本年累计)");
    assert!(gl.accounts.iter().all(|a| !a.code.contains("0") || a.code.len() == 3), "first-level accounts only");
    assert!(gl.accounts.iter().all(|a| a.code != "507"), "accounts without figures are left out");
}

#[test]
fn every_report_exports_to_xlsx_with_a_title_and_amounts_as_numbers() {
    let (_d, app) = q1_book();
    let req = |report: &str| export::ExportRequest {
        report: report.into(),
        from: Some("2026-01".into()),
        to: Some("2026-03".into()),
        period: Some("2026-03".into()),
        year: Some(2026),
        account: Some("102".into()),
        include_zero: None,
    };
    for (report, title, probe, amount) in [
        ("trial_balance", "科目余额表", "银行存款", "64500"),
        ("cash_journal", "现金日记账", "召开会员代表大会", "800.5"),
        ("bank_journal", "银行存款日记账", "收到拨缴经费", "10000"),
        ("account_ledger", "明细账", "收取1月会费", "3000"),
        ("general_ledger", "总账", "102 银行存款", "50000"),
        ("income_statement", "收入支出表", "会费收入", "3000"),
        ("balance_sheet", "资产负债表", "资产总计", "73199.5"),
    ] {
        let (name, bytes) = export::export_xlsx_bytes(app.conn(), &req(report)).unwrap();
        assert!(name.ends_with(".xlsx") && name.contains(title), "{name}");
        let t = read_xlsx(&bytes).unwrap();
        assert_eq!(t.rows[0].get(0), title, "{report}: title row");
        assert!(t.rows[1].get(0).contains("江都区某某水利管理处工会委员会"), "{report}: union name");
        let row = t.rows.iter().find(|r| r.cells.iter().any(|c| c == probe)).unwrap_or_else(|| panic!("{report}: no row {probe}"));
        assert!(row.cells.iter().any(|c| c == amount), "{report}: {:?} should hold {amount}", row.cells);
    }
    assert!(export::export_xlsx(app.conn(), &export::ExportRequest { report: "nonsense".into(), ..req("x") }).is_err());
}

#[test]
fn the_report_commands_answer_the_ui_with_decimal_strings() {
    let (_d, mut app) = q1_book();
    let tb = app.call("report_trial_balance", json!({"from": "2026-01", "to": "2026-03"})).unwrap();
    let bank = tb["accounts"].as_array().unwrap().iter().find(|a| a["code"] == "102").unwrap();
    assert_eq!(bank["opening"], "50000.00");
    assert_eq!(bank["closing"], "64500.00");
    assert_eq!(bank["normal_side"], "debit");
    assert_eq!(bank["class"], "asset");
    assert_eq!(bank["is_leaf"], false);
    assert_eq!(bank["level"], 1);
    for k in ["opening_debit", "opening_credit", "debit", "credit", "closing_debit", "closing_credit"] {
        assert!(tb["totals"][k].is_string(), "{k}");
    }
    let j = app.call("report_cash_journal", json!({"from": "2026-01", "to": "2026-01"})).unwrap();
    assert_eq!(j["rows"][1]["voucher_no"], "记-002");
    assert_eq!(j["rows"][1]["direction"], "借");
    assert!(app.call("report_bank_journal", json!({"from": "2026-01", "to": "2026-03"})).is_ok());
    assert!(app.call("report_account_ledger", json!({"account": "50105", "from": "2026-01", "to": "2026-03"})).is_ok());
    assert!(app.call("report_general_ledger", json!({"year": 2026})).is_ok());
    let is = app.call("report_income_statement", json!({"period": "2026-02"})).unwrap();
    assert_eq!(is["income_ytd"], "14000.00");
    let bs = app.call("report_balance_sheet", json!({"period": "2026-03"})).unwrap();
    assert_eq!(bs["balanced"], true);
    let x = app.call("report_export_xlsx", json!({"report": "balance_sheet", "period": "2026-03"})).unwrap();
    assert_eq!(x["file_name"], "资产负债表_2026-03.xlsx");
    assert!(x["data_base64"].as_str().unwrap().len() > 100);
    let h = app.call("ledger_export_hledger", json!({})).unwrap();
    assert!(h["text"].as_str().unwrap().contains("(记-001) 收取1月会费"));
    let bad = app.call("report_trial_balance", json!({"from": "2026-13", "to": "2026-03"})).unwrap_err();
    assert_eq!(bad.code(), "validation");
    // Every role may read the books.
    as_user(&mut app, AUDITOR);
    assert!(app.call("report_balance_sheet", json!({"period": "2026-03"})).is_ok());
}
