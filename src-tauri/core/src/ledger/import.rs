//! 凭证导入: vouchers from an XLSX or CSV file (UTF-8 or GBK), for treasurers moving from Excel.
//!
//! Header row (any column order): 日期, 凭证号, 摘要, 科目编码, 借方金额, 贷方金额, and
//! optionally 附件数. Rows sharing a 凭证号 within one month form one voucher; a row whose 日期
//! and 凭证号 are both blank continues the voucher above. Every problem is reported with its
//! Excel row number, and the import is all-or-nothing: nothing is written unless every row is
//! fine. Posting goes through the single posting gateway (source "import").

use crate::io::dates::parse_date;
use crate::io::table::{map_headers, read_table, TableRow};
use crate::error::{CoreError, Result, RowError};
use super::chart::{self, Account};
use super::posting::{self, LineInput, VoucherInput};
use crate::money::{Money, MoneyParseError};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

pub const IMPORT_SOURCE: &str = "import";

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportLine {
    pub row: usize,
    pub account_code: String,
    pub account_name: String,
    pub debit: Money,
    pub credit: Money,
    pub memo: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportVoucher {
    /// The 凭证号 as written in the file (the book numbers vouchers itself when posting).
    pub source_no: String,
    pub date: String,
    pub period: String,
    pub summary: String,
    pub attachments_count: i64,
    /// Excel row of the voucher's first line.
    pub first_row: usize,
    pub lines: Vec<ImportLine>,
    pub total_debit: Money,
    pub total_credit: Money,
    pub balanced: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "VoucherImportPreview")]
pub struct ImportPreview {
    pub file_name: String,
    /// Data rows read (header and blank rows not counted).
    pub rows: usize,
    pub vouchers: Vec<ImportVoucher>,
    pub errors: Vec<RowError>,
    pub total_debit: Money,
    pub total_credit: Money,
    /// True when there are no errors and at least one voucher: the import may proceed.
    pub ok: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportedVoucher {
    pub source_no: String,
    pub first_row: usize,
    pub date: String,
    /// Posted voucher (post = true).
    pub voucher_id: Option<i64>,
    pub voucher_no: Option<String>,
    /// Draft (post = false).
    pub draft_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "VoucherImportResult")]
pub struct ImportResult {
    pub file_name: String,
    pub posted: bool,
    pub count: usize,
    pub total_debit: Money,
    pub total_credit: Money,
    pub vouchers: Vec<ImportedVoucher>,
}

const HEADERS: &[(&str, &[&str])] = &[
    ("date", &["日期", "凭证日期", "记账日期"]),
    ("no", &["凭证号", "凭证编号", "凭证字号"]),
    ("summary", &["摘要"]),
    ("account", &["科目编码", "科目代码", "科目编号"]),
    ("debit", &["借方金额", "借方"]),
    ("credit", &["贷方金额", "贷方"]),
    ("attachments", &["附件数", "附件张数", "附件"]),
];
const REQUIRED: &[(&str, &str)] =
    &[("date", "日期"), ("no", "凭证号"), ("summary", "摘要"), ("account", "科目编码"), ("debit", "借方金额"), ("credit", "贷方金额")];

/// "记-003", "记字第3号", "3", "003" → "3"; other text is kept as written.
fn voucher_key(s: &str) -> String {
    let t = s.trim();
    let mut k = t;
    for p in ["记字第", "记字", "记-", "记－", "记", "第", "-"] {
        k = k.strip_prefix(p).unwrap_or(k);
    }
    k = k.strip_suffix('号').unwrap_or(k).trim();
    if !k.is_empty() && k.chars().all(|c| c.is_ascii_digit()) {
        k.parse::<u64>().map(|n| n.to_string()).unwrap_or_else(|_| k.to_string())
    } else {
        t.to_string()
    }
}

fn parse_amount(cell: &str, label: &str) -> std::result::Result<Option<Money>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    let m = Money::parse(cell).map_err(|e| match e {
        MoneyParseError::TooManyDecimals(_) => format!("{label}“{cell}”超过两位小数"),
        MoneyParseError::TooLarge(_) => format!("{label}“{cell}”过大"),
        _ => format!("{label}“{cell}”不是有效的金额"),
    })?;
    if m.is_negative() {
        return Err(format!("{label}“{cell}”不能为负数（更正已记账的凭证请使用冲销）"));
    }
    Ok(if m.is_zero() { None } else { Some(m) })
}

struct Draft {
    v: ImportVoucher,
    date: NaiveDate,
    /// Some row of this voucher had an error in its amounts: balance is not judged.
    amounts_broken: bool,
}

struct Analysis {
    rows: usize,
    vouchers: Vec<Draft>,
    errors: Vec<RowError>,
}

fn analyse(conn: &Connection, bytes: &[u8], file_name: &str) -> Result<Analysis> {
    let table = read_table(bytes, file_name)?;
    let mut errors: Vec<RowError> = Vec::new();
    let err = |errors: &mut Vec<RowError>, row: usize, message: String| errors.push(RowError { row, message });
    let Some((header, data)) = table.split_header() else {
        return Err(CoreError::RowErrors(vec![RowError { row: 1, message: "文件是空的：第一行应为表头（日期、凭证号、摘要、科目编码、借方金额、贷方金额）".into() }]));
    };
    let cols: HashMap<&str, Option<usize>> = map_headers(header, HEADERS).into_iter().collect();
    let missing: Vec<&str> = REQUIRED.iter().filter(|(k, _)| cols[k].is_none()).map(|(_, label)| *label).collect();
    if !missing.is_empty() {
        err(
            &mut errors,
            header.row,
            format!("表头缺少“{}”列（表头应包含：日期、凭证号、摘要、科目编码、借方金额、贷方金额，可选附件数）", missing.join("”“")),
        );
        return Ok(Analysis { rows: data.len(), vouchers: Vec::new(), errors });
    }
    let col = |r: &TableRow, k: &str| -> String { cols[k].map(|c| r.get(c).trim().to_string()).unwrap_or_default() };

    let accounts: HashMap<String, Account> = chart::list_accounts(conn)?.into_iter().map(|a| (a.code.clone(), a)).collect();
    let start = posting::start_month(conn)?;
    let mut closed: HashMap<String, bool> = HashMap::new();

    let mut vouchers: Vec<Draft> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    // (date, key, source_no) of the row above, for continuation rows.
    let mut prev: Option<(NaiveDate, String, String)> = None;
    if data.is_empty() {
        err(&mut errors, header.row + 1, "表头下面没有凭证数据".into());
    }

    for r in data {
        let n = r.row;
        let date_cell = col(r, "date");
        let no_cell = col(r, "no");
        // Date and voucher key of this row.
        let ident: Option<(NaiveDate, String, String)> = if date_cell.is_empty() && no_cell.is_empty() {
            match &prev {
                Some(p) => Some(p.clone()),
                None => {
                    err(&mut errors, n, "日期和凭证号不能为空".into());
                    None
                }
            }
        } else if no_cell.is_empty() {
            err(&mut errors, n, "凭证号不能为空".into());
            None
        } else if date_cell.is_empty() {
            match &prev {
                Some((d, k, s)) if *k == voucher_key(&no_cell) => Some((*d, k.clone(), s.clone())),
                _ => {
                    err(&mut errors, n, "日期不能为空".into());
                    None
                }
            }
        } else {
            match parse_date(&date_cell) {
                Ok(d) => Some((d, voucher_key(&no_cell), no_cell.clone())),
                Err(m) => {
                    err(&mut errors, n, m);
                    None
                }
            }
        };
        if let Some(p) = &ident {
            prev = Some(p.clone());
        }

        // Account.
        let code = col(r, "account");
        let account = if code.is_empty() {
            err(&mut errors, n, "科目编码不能为空".into());
            None
        } else {
            match accounts.get(&code) {
                None => {
                    err(&mut errors, n, format!("科目编码 {code} 不存在"));
                    None
                }
                Some(a) if !a.is_leaf => {
                    err(&mut errors, n, format!("科目 {} 有明细科目，只能记到明细科目", a.display));
                    None
                }
                Some(a) if !a.active => {
                    err(&mut errors, n, format!("科目 {} 已停用", a.display));
                    None
                }
                Some(a) => Some(a),
            }
        };

        // Amounts.
        let debit = parse_amount(&col(r, "debit"), "借方金额");
        let credit = parse_amount(&col(r, "credit"), "贷方金额");
        let mut amounts_broken = false;
        let (d, c) = match (debit, credit) {
            (Ok(d), Ok(c)) => match (d, c) {
                (Some(_), Some(_)) => {
                    err(&mut errors, n, "借方金额和贷方金额只能填一方".into());
                    amounts_broken = true;
                    (Money::ZERO, Money::ZERO)
                }
                (None, None) => {
                    err(&mut errors, n, "借方金额和贷方金额都没有填".into());
                    amounts_broken = true;
                    (Money::ZERO, Money::ZERO)
                }
                (d, c) => (d.unwrap_or(Money::ZERO), c.unwrap_or(Money::ZERO)),
            },
            (d, c) => {
                for e in [d.err(), c.err()].into_iter().flatten() {
                    err(&mut errors, n, e);
                }
                amounts_broken = true;
                (Money::ZERO, Money::ZERO)
            }
        };

        let attachments = {
            let a = col(r, "attachments");
            if a.is_empty() {
                None
            } else {
                match a.parse::<i64>() {
                    Ok(v) if v >= 0 => Some(v),
                    _ => {
                        err(&mut errors, n, format!("附件数“{a}”应为不小于 0 的整数"));
                        None
                    }
                }
            }
        };
        let summary = col(r, "summary");
        if summary.chars().count() > posting::SUMMARY_MAX_CHARS {
            err(&mut errors, n, format!("摘要不能超过 {} 个字", posting::SUMMARY_MAX_CHARS));
        }

        let Some((date, key, source_no)) = ident else { continue };
        let period = posting::period_of(date);
        if period < start {
            err(&mut errors, n, format!("日期 {date} 早于建账月份 {start}（建账前的余额请录入期初余额）"));
        } else {
            let is_closed = match closed.get(&period) {
                Some(v) => *v,
                None => {
                    let v = posting::is_period_closed(conn, &period)?;
                    closed.insert(period.clone(), v);
                    v
                }
            };
            if is_closed {
                err(&mut errors, n, format!("{period} 已结账，不能再导入凭证"));
            }
        }
        let k = (period.clone(), key);
        let i = match index.get(&k) {
            Some(&i) => i,
            None => {
                vouchers.push(Draft {
                    date,
                    amounts_broken: false,
                    v: ImportVoucher {
                        source_no,
                        date: date.format("%Y-%m-%d").to_string(),
                        period,
                        summary: String::new(),
                        attachments_count: 0,
                        first_row: n,
                        lines: Vec::new(),
                        total_debit: Money::ZERO,
                        total_credit: Money::ZERO,
                        balanced: false,
                    },
                });
                index.insert(k, vouchers.len() - 1);
                vouchers.len() - 1
            }
        };
        let dv = &mut vouchers[i];
        if dv.date != date {
            err(&mut errors, n, format!("与同一凭证（第{}行，{}）的日期不一致", dv.v.first_row, dv.v.date));
        }
        if dv.v.summary.is_empty() && !summary.is_empty() {
            dv.v.summary = summary.clone();
        }
        if let Some(a) = attachments {
            dv.v.attachments_count = dv.v.attachments_count.max(a);
        }
        dv.amounts_broken |= amounts_broken || account.is_none();
        dv.v.total_debit += d;
        dv.v.total_credit += c;
        dv.v.lines.push(ImportLine {
            row: n,
            account_code: code.clone(),
            account_name: account.map(|a| a.name.clone()).unwrap_or_default(),
            debit: d,
            credit: c,
            memo: summary,
        });
    }

    for dv in &mut vouchers {
        let v = &mut dv.v;
        for l in &mut v.lines {
            if l.memo == v.summary {
                l.memo.clear();
            }
        }
        v.balanced = v.total_debit == v.total_credit && !v.total_debit.is_zero();
        let label = format!("凭证 {}（{}）", v.source_no, v.period);
        if v.summary.is_empty() {
            err(&mut errors, v.first_row, format!("{label}没有摘要：摘要不能为空"));
        }
        if v.lines.len() < 2 {
            err(&mut errors, v.first_row, format!("{label}只有一行分录，一张凭证至少要有一借一贷"));
        } else if !dv.amounts_broken && v.total_debit != v.total_credit {
            err(
                &mut errors,
                v.first_row,
                format!(
                    "{label}借贷不平衡：借方合计 {}，贷方合计 {}，相差 {}",
                    v.total_debit.format_thousands(),
                    v.total_credit.format_thousands(),
                    (v.total_debit - v.total_credit).abs().format_thousands()
                ),
            );
        }
    }

    // Whatever else the posting gateway would refuse (e.g. unbalanced opening balances), checked
    // here, before anything is written, for the vouchers that are otherwise fine.
    if errors.is_empty() {
        for dv in &vouchers {
            if let Err(e) = posting::validate_voucher(conn, &voucher_input(&dv.v, dv.date, None, file_name)) {
                err(&mut errors, dv.v.first_row, format!("凭证 {}（{}）：{e}", dv.v.source_no, dv.v.period));
            }
        }
    }
    errors.sort_by_key(|e| e.row);
    Ok(Analysis { rows: data.len(), vouchers, errors })
}

fn voucher_input(v: &ImportVoucher, date: NaiveDate, user_id: Option<i64>, file_name: &str) -> VoucherInput {
    VoucherInput {
        date,
        summary: v.summary.clone(),
        attachments_count: v.attachments_count,
        source: IMPORT_SOURCE.to_string(),
        source_ref: Some(format!("{file_name}#{}", v.source_no)),
        lines: v
            .lines
            .iter()
            .map(|l| LineInput { account_code: l.account_code.clone(), debit: l.debit, credit: l.credit, member_id: None, memo: l.memo.clone() })
            .collect(),
        prepared_by: user_id,
        approved_by: None,
        reverses_id: None,
    }
}

/// Read and check a file without writing: the grouped vouchers with their totals and every
/// row error (returned, not raised, so the UI can show them next to the rows).
pub fn preview_voucher_import(conn: &Connection, bytes: &[u8], file_name: &str) -> Result<ImportPreview> {
    let a = match analyse(conn, bytes, file_name) {
        Ok(a) => a,
        Err(CoreError::RowErrors(errors)) => Analysis { rows: 0, vouchers: Vec::new(), errors },
        Err(e) => return Err(e),
    };
    let total_debit = a.vouchers.iter().map(|d| d.v.total_debit).sum();
    let total_credit = a.vouchers.iter().map(|d| d.v.total_credit).sum();
    let ok = a.errors.is_empty() && !a.vouchers.is_empty();
    Ok(ImportPreview {
        file_name: file_name.to_string(),
        rows: a.rows,
        vouchers: a.vouchers.into_iter().map(|d| d.v).collect(),
        errors: a.errors,
        total_debit,
        total_credit,
        ok,
    })
}

/// Import a file: all rows are checked first; any error raises [`CoreError::RowErrors`] with
/// every bad row and nothing is written. Then, in date order, each voucher is posted through
/// the posting gateway (`post`) or saved as a draft (草稿) for review. The writes run inside a
/// savepoint, so a failure part-way leaves the book as it was.
pub fn import_vouchers(conn: &Connection, bytes: &[u8], file_name: &str, post: bool, user_id: i64, now: &str) -> Result<ImportResult> {
    let a = analyse(conn, bytes, file_name)?;
    if !a.errors.is_empty() {
        return Err(CoreError::RowErrors(a.errors));
    }
    if a.vouchers.is_empty() {
        return Err(CoreError::RowErrors(vec![RowError { row: 2, message: "文件中没有凭证数据".into() }]));
    }
    let mut vouchers = a.vouchers;
    vouchers.sort_by_key(|x| (x.date, x.v.first_row));

    conn.execute_batch("SAVEPOINT voucher_import")?;
    let result = (|| -> Result<Vec<ImportedVoucher>> {
        let mut out = Vec::with_capacity(vouchers.len());
        for d in &vouchers {
            let input = voucher_input(&d.v, d.date, Some(user_id), file_name);
            let wrap = |e: CoreError| match e {
                CoreError::Db(_) | CoreError::Internal(_) => e,
                other => CoreError::RowErrors(vec![RowError {
                    row: d.v.first_row,
                    message: format!("凭证 {}（{}）：{other}", d.v.source_no, d.v.period),
                }]),
            };
            if post && super::drafts::spends(&input) && super::drafts::approval_required(conn)? {
                return Err(wrap(CoreError::invalid(
                    "本账套要求支出经工会主席审批，不能直接记账：请不勾选“直接记账”导入为草稿，提交审批后再记账",
                )));
            }
            if post {
                let pv = posting::post_voucher(conn, &input, user_id, now).map_err(wrap)?;
                out.push(ImportedVoucher {
                    source_no: d.v.source_no.clone(),
                    first_row: d.v.first_row,
                    date: d.v.date.clone(),
                    voucher_id: Some(pv.id),
                    voucher_no: Some(pv.display_number.clone()),
                    draft_id: None,
                });
            } else {
                let id = super::drafts::save_voucher_input(conn, &input, None, user_id, now).map_err(wrap)?.id;
                out.push(ImportedVoucher {
                    source_no: d.v.source_no.clone(),
                    first_row: d.v.first_row,
                    date: d.v.date.clone(),
                    voucher_id: None,
                    voucher_no: None,
                    draft_id: Some(id),
                });
            }
        }
        Ok(out)
    })();
    match result {
        Ok(out) => {
            conn.execute_batch("RELEASE voucher_import")?;
            Ok(ImportResult {
                file_name: file_name.to_string(),
                posted: post,
                count: out.len(),
                total_debit: vouchers.iter().map(|d| d.v.total_debit).sum(),
                total_credit: vouchers.iter().map(|d| d.v.total_credit).sum(),
                vouchers: out,
            })
        }
        Err(e) => {
            conn.execute_batch("ROLLBACK TO voucher_import; RELEASE voucher_import")?;
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voucher_numbers_written_differently_are_the_same_voucher() {
        for s in ["记-003", "3", "003", "记字第3号", "记3"] {
            assert_eq!(voucher_key(s), "3", "{s}");
        }
        assert_eq!(voucher_key("A-1"), "A-1");
    }

    #[test]
    fn amounts_refuse_negatives_and_extra_decimals() {
        assert_eq!(parse_amount("1,234.50", "借方金额"), Ok(Some(Money::from_fen(123450))));
        assert_eq!(parse_amount("", "借方金额"), Ok(None));
        assert_eq!(parse_amount("0", "借方金额"), Ok(None));
        assert!(parse_amount("12.345", "借方金额").unwrap_err().contains("超过两位小数"));
        assert!(parse_amount("-5", "借方金额").unwrap_err().contains("负数"));
    }
}
