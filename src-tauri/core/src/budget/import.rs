//! Budget import from XLSX or CSV (UTF-8 or GBK): columns 科目编码 and 预算金额, optionally
//! 科目名称 (for the reader; not checked) and 用途. All or nothing: every bad row is reported
//! with its Excel row number and nothing is written. The import replaces the year's lines.

use super::{budget_account, check_year, set_lines, BudgetYear, LineInput, SetLines};
use crate::error::{CoreError, Result, RowError};
use crate::io::table::{map_headers, read_table};
use crate::money::Money;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const HEADERS: &[(&str, &[&str])] = &[
    ("code", &["科目编码", "科目代码", "编码", "代码", "科目编号"]),
    ("amount", &["预算金额", "年度预算", "预算数", "预算", "金额"]),
    ("name", &["科目名称", "科目", "名称"]),
    ("purpose", &["用途", "用途说明", "说明", "备注"]),
];

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(rename = "BudgetImportArgs")]
pub struct ImportArgs {
    pub year: i32,
    pub file_name: String,
    pub data_base64: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "BudgetImportRow")]
pub struct ImportRow {
    pub row: usize,
    pub account_code: String,
    pub account_name: String,
    pub amount: Money,
    pub purpose: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "BudgetImportPreview")]
pub struct ImportPreview {
    pub year: i32,
    pub file_name: String,
    pub rows: Vec<ImportRow>,
    pub errors: Vec<RowError>,
    pub ok: bool,
    /// Σ of first-level income lines and of first-level expense lines in the file.
    pub income_total: Money,
    pub expense_total: Money,
}

fn parse(conn: &Connection, year: i32, bytes: &[u8], file_name: &str) -> Result<ImportPreview> {
    let year = check_year(year)?;
    let table = read_table(bytes, file_name)?;
    let Some((header, body)) = table.split_header() else {
        return Err(CoreError::RowErrors(vec![RowError { row: 1, message: "文件中没有任何内容".into() }]));
    };
    let cols: HashMap<&str, Option<usize>> = map_headers(header, HEADERS).into_iter().collect();
    let mut missing = Vec::new();
    for (key, label) in [("code", "科目编码"), ("amount", "预算金额")] {
        if cols[key].is_none() {
            missing.push(RowError { row: header.row, message: format!("缺少“{label}”列（表头应为：科目编码、科目名称、预算金额、用途）") });
        }
    }
    if !missing.is_empty() {
        return Err(CoreError::RowErrors(missing));
    }
    let cell = |r: &crate::io::TableRow, key: &str| cols[key].map(|c| r.get(c).trim().to_string()).unwrap_or_default();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let (mut income, mut expense) = (Money::ZERO, Money::ZERO);
    for r in body {
        let code = cell(r, "code");
        let amount_text = cell(r, "amount");
        let purpose = cell(r, "purpose");
        let mut row_errors = Vec::new();
        let account = if code.is_empty() {
            row_errors.push("科目编码为空".to_string());
            None
        } else {
            match budget_account(conn, &code) {
                Ok(a) => Some(a),
                Err(e) => {
                    row_errors.push(e.to_string());
                    None
                }
            }
        };
        let amount = if amount_text.is_empty() {
            Ok(Money::ZERO)
        } else {
            Money::parse(&amount_text).map_err(|e| e.to_string())
        };
        let amount = match amount {
            Ok(m) if m.is_negative() => {
                row_errors.push(format!("预算金额“{amount_text}”不能为负数"));
                Money::ZERO
            }
            Ok(m) => m,
            Err(e) => {
                row_errors.push(format!("预算金额：{e}"));
                Money::ZERO
            }
        };
        if purpose.chars().count() > 100 {
            row_errors.push("用途说明不能超过 100 个字".into());
        }
        if let Some(a) = &account {
            if let Some(first) = seen.insert(a.code.clone(), r.row) {
                row_errors.push(format!("科目 {} 与第 {first} 行重复", a.code));
            }
        }
        if row_errors.is_empty() {
            let a = account.expect("checked");
            if a.parent_code.is_none() {
                match a.class {
                    crate::ledger::chart::AccountClass::Income => income += amount,
                    _ => expense += amount,
                }
            }
            rows.push(ImportRow { row: r.row, account_code: a.code, account_name: a.name, amount, purpose });
        } else {
            errors.extend(row_errors.into_iter().map(|message| RowError { row: r.row, message }));
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(RowError { row: header.row, message: "表头下面没有任何预算行".into() });
    }
    Ok(ImportPreview {
        year,
        file_name: file_name.to_string(),
        ok: errors.is_empty(),
        rows,
        errors,
        income_total: income,
        expense_total: expense,
    })
}

/// Read and check the file; write nothing.
pub fn preview(conn: &Connection, year: i32, bytes: &[u8], file_name: &str) -> Result<ImportPreview> {
    parse(conn, year, bytes, file_name)
}

/// Replace the year's budget lines with the file's, or write nothing if any row is wrong.
pub fn import(conn: &Connection, year: i32, bytes: &[u8], file_name: &str) -> Result<BudgetYear> {
    let p = parse(conn, year, bytes, file_name)?;
    if !p.ok {
        return Err(CoreError::RowErrors(p.errors));
    }
    set_lines(
        conn,
        &SetLines {
            year,
            replace: true,
            lines: p.rows.into_iter().map(|r| LineInput { account_code: r.account_code, amount: r.amount, purpose: r.purpose }).collect(),
        },
    )
}
