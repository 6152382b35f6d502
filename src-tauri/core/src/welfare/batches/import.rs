//! Recipients from a file (XLSX or CSV: 姓名 or 会员号, 金额, 备注): preview, import (every
//! row or none) and the template.

use crate::welfare::eligibility;
use super::draft::editable;
use super::model::{get, load_row, Batch};
use super::recipients::insert_recipient;
use crate::error::{CoreError, Result, RowError};
use crate::io::table::{map_headers, read_table};
use crate::money::Money;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// A file of recipients (XLSX or CSV: 姓名 or 会员号, 金额, 备注).
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct FileInput {
    pub file_name: String,
    pub data_base64: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(rename = "WelfareImportArgs")]
pub struct ImportArgs {
    pub batch_id: i64,
    pub file_name: String,
    pub data_base64: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "WelfareImportRow")]
pub struct ImportRow {
    pub row: usize,
    pub member_id: Option<i64>,
    pub member_no: String,
    pub name: String,
    pub amount: Option<Money>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "WelfareImportPreview")]
pub struct ImportPreview {
    pub file_name: String,
    pub count: usize,
    pub total: Money,
    pub rows: Vec<ImportRow>,
    pub errors: Vec<RowError>,
    pub ok: bool,
}

const IMPORT_HEADERS: &[(&str, &[&str])] = &[
    ("name", &["姓名"]),
    ("member_no", &["会员号", "会员编号", "编号"]),
    ("amount", &["金额", "发放金额", "慰问金额"]),
    ("note", &["备注"]),
];

fn parse_import(conn: &Connection, a: &ImportArgs) -> Result<(Vec<ImportRow>, Vec<RowError>)> {
    let r = load_row(conn, a.batch_id)?;
    let bytes = crate::io::decode_base64(&a.data_base64)?;
    let table = read_table(&bytes, &a.file_name)?;
    let Some((header, body)) = table.split_header() else {
        return Err(CoreError::RowErrors(vec![RowError { row: 1, message: "文件中没有任何内容".into() }]));
    };
    let cols: HashMap<&str, Option<usize>> = map_headers(header, IMPORT_HEADERS).into_iter().collect();
    if cols["name"].is_none() && cols["member_no"].is_none() {
        return Err(CoreError::RowErrors(vec![RowError { row: header.row, message: "缺少“姓名”或“会员号”列（表头应为：姓名、会员号、金额、备注）".into() }]));
    }
    if cols["amount"].is_none() && r.default_fen.is_none() {
        return Err(CoreError::RowErrors(vec![RowError { row: header.row, message: "缺少“金额”列（本批也没有设定统一金额）".into() }]));
    }
    let cell = |row: &crate::io::TableRow, key: &str| cols[key].map(|c| row.get(c).trim().to_string()).unwrap_or_default();
    let roster = crate::members::roster::roster_on(conn, r.date)?;
    let already: HashSet<i64> = eligibility::members_in_batch(conn, a.batch_id)?.into_iter().collect();
    let mut seen: HashMap<i64, usize> = HashMap::new();
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    for line in body.iter().filter(|x| !x.is_blank()) {
        let mut errs: Vec<String> = Vec::new();
        let name = cell(line, "name");
        let no = cell(line, "member_no");
        let found: Option<&crate::members::roster::RosterEntry> = if !no.is_empty() {
            match roster.iter().find(|e| e.member_no == no) {
                None => {
                    errs.push(format!("会员号 {no} 不在会员名册中"));
                    None
                }
                Some(e) if !name.is_empty() && e.name != name => {
                    errs.push(format!("会员号 {no} 是{}，与姓名“{name}”不符", e.name));
                    None
                }
                Some(e) => Some(e),
            }
        } else if !name.is_empty() {
            let same: Vec<_> = roster.iter().filter(|e| e.name == name).collect();
            match same.len() {
                0 => {
                    errs.push(format!("“{name}”不在会员名册中"));
                    None
                }
                1 => Some(same[0]),
                n => {
                    errs.push(format!("名册中有 {n} 位“{name}”，请填写会员号"));
                    None
                }
            }
        } else {
            errs.push("姓名和会员号都是空的".into());
            None
        };
        if let Some(e) = found {
            if let Some(why) = eligibility::recipient_blocker(&r.kind, e) {
                errs.push(why);
            }
            if already.contains(&e.id) {
                errs.push(format!("{}已在本批名单中", e.name));
            }
            if let Some(first) = seen.get(&e.id) {
                errs.push(format!("{}与第 {first} 行重复", e.name));
            } else {
                seen.insert(e.id, line.row);
            }
        }
        let amount_text = cell(line, "amount");
        let amount = if amount_text.is_empty() {
            match r.default_fen {
                Some(f) => Some(Money::from_fen(f)),
                None => {
                    errs.push("金额不能为空".into());
                    None
                }
            }
        } else {
            match Money::parse(&amount_text) {
                Ok(m) if !m.is_positive() => {
                    errs.push(format!("金额“{amount_text}”应大于零"));
                    None
                }
                Ok(m) if m.decimal().normalize().scale() > 2 => {
                    errs.push(format!("金额“{amount_text}”超过两位小数"));
                    None
                }
                Ok(m) => Some(m),
                Err(_) => {
                    errs.push(format!("金额“{amount_text}”不是有效的金额"));
                    None
                }
            }
        };
        rows.push(ImportRow {
            row: line.row,
            member_id: found.map(|e| e.id),
            member_no: found.map(|e| e.member_no.clone()).unwrap_or(no),
            name: found.map(|e| e.name.clone()).unwrap_or(name),
            amount,
            note: cell(line, "note"),
        });
        errors.extend(errs.into_iter().map(|message| RowError { row: line.row, message }));
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(RowError { row: header.row + 1, message: "表头以下没有领取人".into() });
    }
    Ok((rows, errors))
}

pub fn import_preview(conn: &Connection, a: &ImportArgs) -> Result<ImportPreview> {
    let (rows, errors) = match parse_import(conn, a) {
        Ok(x) => x,
        Err(CoreError::RowErrors(e)) => (Vec::new(), e),
        Err(e) => return Err(e),
    };
    Ok(ImportPreview {
        file_name: a.file_name.clone(),
        count: rows.len(),
        total: rows.iter().filter_map(|r| r.amount).sum(),
        ok: errors.is_empty() && !rows.is_empty(),
        rows,
        errors,
    })
}

/// Add the file's recipients: every row or none (RowErrors names each bad row).
pub fn import(conn: &Connection, a: &ImportArgs, now: &str) -> Result<Batch> {
    editable(conn, a.batch_id, now)?;
    let (rows, errors) = parse_import(conn, a)?;
    if !errors.is_empty() {
        return Err(CoreError::RowErrors(errors));
    }
    for r in rows {
        let (Some(id), Some(m)) = (r.member_id, r.amount) else { continue };
        insert_recipient(conn, a.batch_id, id, m.fen(), &r.note, "import")?;
    }
    get(conn, a.batch_id)
}

/// The import template: 姓名, 会员号, 金额, 备注.
pub fn import_template() -> Result<crate::members::import::FileOut> {
    let bytes = crate::io::xlsx::write_workbook(&[crate::io::xlsx::Sheet {
        name: "领取人".into(),
        title: "慰问发放领取人".into(),
        subtitle: "填写姓名或会员号（同名时必须填会员号）、金额、备注；导入时请删除本行以上的标题行".into(),
        headers: vec![vec![("姓名".into(), 1), ("会员号".into(), 1), ("金额".into(), 1), ("备注".into(), 1)]],
        widths: vec![12.0, 12.0, 12.0, 30.0],
        rows: vec![],
        footer: vec![],
        landscape: false,
    }])?;
    Ok(crate::members::import::FileOut { file_name: "慰问发放领取人模板.xlsx".into(), data_base64: data_encoding::BASE64.encode(&bytes) })
}
