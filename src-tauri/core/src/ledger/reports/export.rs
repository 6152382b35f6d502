//! XLSX export of every book and report: title with the union's name and the period, Chinese
//! headers, amounts as numbers formatted "#,##0.00", signature line.

use super::journals::{GeneralLedger, Journal};
use super::statements::{BalanceSheet, IncomeStatement, StatementRow};
use super::trial_balance::TrialBalance;
use crate::error::{CoreError, Result};
use crate::io::xlsx::{write_workbook, Cell, Sheet, SheetRow};
use crate::ledger::chart::Side;
use crate::money::Money;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// A file for the UI to save: name and base64 bytes.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExportFile {
    pub file_name: String,
    pub data_base64: String,
}

impl ExportFile {
    pub fn new(file_name: String, bytes: &[u8]) -> ExportFile {
        ExportFile { file_name, data_base64: data_encoding::BASE64.encode(bytes) }
    }
}

struct Heading {
    union_name: String,
    chair: String,
    treasurer: String,
}

fn heading(conn: &Connection) -> Result<Heading> {
    let s = crate::book::settings(conn)?;
    Ok(Heading { union_name: s.union_name, chair: s.chair_name, treasurer: s.treasurer_name })
}

fn subtitle(h: &Heading, what: &str) -> String {
    format!("编制单位：{}　　　{}　　　单位：元", h.union_name, what)
}

fn footer(h: &Heading) -> Vec<String> {
    vec![format!("单位负责人：{}　　　　会计主管：　　　　　　制表：{}", h.chair, h.treasurer)]
}

fn range_text(from: &str, to: &str) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} 至 {to}")
    }
}

fn amt(m: Money) -> Cell {
    Cell::Amount(m)
}

fn h1(cols: &[&str]) -> Vec<(String, u16)> {
    cols.iter().map(|c| (c.to_string(), 1)).collect()
}

/// Split a balance signed in the normal direction into (借方, 贷方) columns.
fn split(balance: Money, side: Side) -> (Money, Money) {
    let debit_side = (side == Side::Debit) != balance.is_negative();
    if balance.is_zero() {
        (Money::ZERO, Money::ZERO)
    } else if debit_side {
        (balance.abs(), Money::ZERO)
    } else {
        (Money::ZERO, balance.abs())
    }
}

pub fn trial_balance_sheet(conn: &Connection, tb: &TrialBalance) -> Result<Sheet> {
    let h = heading(conn)?;
    let mut rows = Vec::new();
    for a in &tb.accounts {
        let (od, oc) = split(a.opening, a.normal_side);
        let (cd, cc) = split(a.closing, a.normal_side);
        let indent = "　".repeat(a.level.saturating_sub(1));
        let cells = vec![
            Cell::text(&a.code),
            Cell::text(format!("{indent}{}", a.name)),
            amt(od),
            amt(oc),
            amt(a.debit),
            amt(a.credit),
            amt(cd),
            amt(cc),
        ];
        rows.push(if a.level == 1 { SheetRow::bold(cells) } else { SheetRow::new(cells) });
    }
    let t = &tb.totals;
    rows.push(SheetRow::bold(vec![
        Cell::Blank,
        Cell::text("合计"),
        amt(t.opening_debit),
        amt(t.opening_credit),
        amt(t.debit),
        amt(t.credit),
        amt(t.closing_debit),
        amt(t.closing_credit),
    ]));
    Ok(Sheet {
        name: "科目余额表".into(),
        title: "科目余额表".into(),
        subtitle: subtitle(&h, &range_text(&tb.from, &tb.to)),
        headers: vec![
            vec![("科目编码".into(), 1), ("科目名称".into(), 1), ("期初余额".into(), 2), ("本期发生额".into(), 2), ("期末余额".into(), 2)],
            h1(&["", "", "借方", "贷方", "借方", "贷方", "借方", "贷方"]),
        ],
        widths: vec![10.0, 28.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0],
        rows,
        footer: footer(&h),
        landscape: true,
    })
}

pub fn journal_sheet(conn: &Connection, j: &Journal) -> Result<Sheet> {
    let h = heading(conn)?;
    let rows = j
        .rows
        .iter()
        .map(|r| {
            let cells = vec![
                Cell::text(r.date.clone().unwrap_or_default()),
                Cell::text(r.voucher_no.clone().unwrap_or_default()),
                Cell::text(if r.kind == "entry" { format!("{} {}", r.account_code, r.account_name) } else { String::new() }),
                Cell::text(&r.summary),
                amt(r.debit),
                amt(r.credit),
                Cell::text(r.direction),
                amt(r.balance),
            ];
            if r.kind == "entry" { SheetRow::new(cells) } else { SheetRow::bold(cells) }
        })
        .collect();
    Ok(Sheet {
        name: j.title.clone(),
        title: j.title.clone(),
        subtitle: subtitle(&h, &format!("科目：{} {}　　{}", j.account_code, j.account_name, range_text(&j.from, &j.to))),
        headers: vec![h1(&["日期", "凭证号", "科目", "摘要", "借方", "贷方", "借或贷", "余额"])],
        widths: vec![12.0, 9.0, 22.0, 36.0, 15.0, 15.0, 7.0, 15.0],
        rows,
        footer: footer(&h),
        landscape: true,
    })
}

pub fn general_ledger_sheet(conn: &Connection, gl: &GeneralLedger) -> Result<Sheet> {
    let h = heading(conn)?;
    let mut rows = Vec::new();
    for a in &gl.accounts {
        for r in &a.rows {
            let cells = vec![
                Cell::text(format!("{} {}", a.code, a.name)),
                Cell::text(&r.period),
                Cell::text(&r.summary),
                amt(r.debit),
                amt(r.credit),
                Cell::text(r.direction),
                amt(r.balance),
            ];
            rows.push(if r.kind == "year_total" { SheetRow::bold(cells) } else { SheetRow::new(cells) });
        }
    }
    Ok(Sheet {
        name: "总账".into(),
        title: "总账".into(),
        subtitle: subtitle(&h, &format!("{} 年度", gl.year)),
        headers: vec![h1(&["科目", "月份", "摘要", "借方", "贷方", "借或贷", "余额"])],
        widths: vec![22.0, 10.0, 12.0, 15.0, 15.0, 7.0, 15.0],
        rows,
        footer: footer(&h),
        landscape: false,
    })
}

fn statement_cells(r: &StatementRow) -> Vec<Cell> {
    let indent = "　".repeat(r.indent);
    vec![Cell::text(format!("{indent}{}", r.item)), Cell::Int(r.line as i64), amt(r.a), amt(r.b)]
}

pub fn income_statement_sheet(conn: &Connection, s: &IncomeStatement) -> Result<Sheet> {
    let h = heading(conn)?;
    let rows = s
        .rows
        .iter()
        .map(|r| SheetRow { cells: statement_cells(r), bold: r.kind != "account" })
        .collect();
    Ok(Sheet {
        name: "收入支出表".into(),
        title: "收入支出表".into(),
        subtitle: format!("{}　　{}", s.form_no, subtitle(&h, &s.period)),
        headers: vec![h1(&["项目", "行次", "本月数", "本年累计数"])],
        widths: vec![32.0, 7.0, 17.0, 17.0],
        rows,
        footer: footer(&h),
        landscape: false,
    })
}

pub fn balance_sheet_sheet(conn: &Connection, b: &BalanceSheet) -> Result<Sheet> {
    let h = heading(conn)?;
    let left: Vec<&StatementRow> = b.assets.iter().collect();
    let mut right: Vec<Option<&StatementRow>> = Vec::new();
    right.push(None); // 负债 heading
    right.extend(b.liabilities.iter().map(Some));
    right.push(None); // 净资产 heading
    right.extend(b.net_assets.iter().map(Some));
    let n = left.len().max(right.len());
    let mut rows = Vec::new();
    let mut right_heading = ["负债：", "净资产："].into_iter();
    for i in 0..n {
        let mut cells = match left.get(i) {
            Some(r) => statement_cells(r),
            None => vec![Cell::Blank, Cell::Blank, Cell::Blank, Cell::Blank],
        };
        match right.get(i) {
            Some(Some(r)) => cells.extend(statement_cells(r)),
            Some(None) => cells.extend([Cell::text(right_heading.next().unwrap_or("")), Cell::Blank, Cell::Blank, Cell::Blank]),
            None => cells.extend([Cell::Blank, Cell::Blank, Cell::Blank, Cell::Blank]),
        }
        let bold = left.get(i).is_some_and(|r| r.kind == "total") || matches!(right.get(i), Some(Some(r)) if r.kind == "total");
        rows.push(SheetRow { cells, bold });
    }
    Ok(Sheet {
        name: "资产负债表".into(),
        title: "资产负债表".into(),
        subtitle: format!("{}　　{}", b.form_no, subtitle(&h, &format!("{} 月末", b.period))),
        headers: vec![h1(&["资产", "行次", "年初数", "期末数", "负债和净资产", "行次", "年初数", "期末数"])],
        widths: vec![22.0, 6.0, 16.0, 16.0, 24.0, 6.0, 16.0, 16.0],
        rows,
        footer: footer(&h),
        landscape: true,
    })
}

/// Which report to export, with its arguments (the same as the JSON report commands).
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct ExportRequest {
    pub report: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub account: Option<String>,
    #[serde(default)]
    pub include_zero: Option<bool>,
}

fn need<'a>(v: &'a Option<String>, field: &str, label: &str) -> Result<&'a str> {
    v.as_deref().filter(|s| !s.trim().is_empty()).ok_or_else(|| CoreError::validation(field, format!("请填写{label}")))
}

/// Build any report as an XLSX file for the UI.
pub fn export_xlsx(conn: &Connection, req: &ExportRequest) -> Result<ExportFile> {
    let (name, bytes) = export_xlsx_bytes(conn, req)?;
    Ok(ExportFile::new(name, &bytes))
}

/// The file name and XLSX bytes of a report (also for the command line's `--format xlsx`).
pub fn export_xlsx_bytes(conn: &Connection, req: &ExportRequest) -> Result<(String, Vec<u8>)> {
    let (sheet, name) = match req.report.as_str() {
        "trial_balance" => {
            let (f, t) = (need(&req.from, "from", "开始月份")?, need(&req.to, "to", "结束月份")?);
            let tb = super::trial_balance_opts(conn, f, t, req.include_zero.unwrap_or(false))?;
            (trial_balance_sheet(conn, &tb)?, format!("科目余额表_{}_{}.xlsx", tb.from, tb.to))
        }
        "cash_journal" | "bank_journal" | "account_ledger" => {
            let (f, t) = (need(&req.from, "from", "开始月份")?, need(&req.to, "to", "结束月份")?);
            let j = match req.report.as_str() {
                "cash_journal" => super::cash_journal(conn, f, t)?,
                "bank_journal" => super::bank_journal(conn, f, t)?,
                _ => super::account_ledger(conn, need(&req.account, "account", "科目")?, f, t)?,
            };
            let name = if req.report == "account_ledger" {
                format!("明细账_{}{}_{}_{}.xlsx", j.account_code, j.account_name, j.from, j.to)
            } else {
                format!("{}_{}_{}.xlsx", j.title, j.from, j.to)
            };
            (journal_sheet(conn, &j)?, name)
        }
        "general_ledger" => {
            let year = req.year.ok_or_else(|| CoreError::validation("year", "请填写年份"))?;
            let gl = super::general_ledger(conn, year)?;
            (general_ledger_sheet(conn, &gl)?, format!("总账_{year}.xlsx"))
        }
        "income_statement" => {
            let s = super::income_statement(conn, need(&req.period, "period", "月份")?)?;
            (income_statement_sheet(conn, &s)?, format!("收入支出表_{}.xlsx", s.period))
        }
        "balance_sheet" => {
            let b = super::balance_sheet(conn, need(&req.period, "period", "月份")?)?;
            (balance_sheet_sheet(conn, &b)?, format!("资产负债表_{}.xlsx", b.period))
        }
        other => return Err(CoreError::validation("report", format!("未知报表“{other}”"))),
    };
    Ok((name, write_workbook(&[sheet])?))
}

impl ExportRequest {
    pub fn new(report: &str) -> ExportRequest {
        ExportRequest { report: report.to_string(), from: None, to: None, period: None, year: None, account: None, include_zero: None }
    }
}

/// `report trial-balance --from --to --format xlsx`
pub fn trial_balance_xlsx(conn: &Connection, from: &str, to: &str, include_zero: bool) -> Result<(String, Vec<u8>)> {
    export_xlsx_bytes(
        conn,
        &ExportRequest { from: Some(from.into()), to: Some(to.into()), include_zero: Some(include_zero), ..ExportRequest::new("trial_balance") },
    )
}

/// `report journal --account CODE --from --to --format xlsx` (101 → 现金日记账, 102 → 银行存款日记账,
/// any other account → 明细账).
pub fn journal_xlsx(conn: &Connection, account: &str, from: &str, to: &str) -> Result<(String, Vec<u8>)> {
    let report = match account.trim() {
        "101" => "cash_journal",
        "102" => "bank_journal",
        _ => "account_ledger",
    };
    export_xlsx_bytes(conn, &ExportRequest { from: Some(from.into()), to: Some(to.into()), account: Some(account.into()), ..ExportRequest::new(report) })
}
