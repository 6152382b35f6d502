//! The single posting gateway. Every voucher that reaches the journal — from the voucher
//! editor, the plain-language forms, dues, welfare, import, year-end closing or a reversal —
//! goes through [`post_voucher`], which validates everything before writing anything.

use super::{chain, chart};
use crate::error::{CoreError, Result};
use crate::money::Money;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Sources a voucher may come from. `reversal` is reserved for [`reverse_voucher`].
pub const SOURCES: &[&str] = &["manual", "entry", "dues", "welfare", "opening", "closing", "import", "reversal"];

pub const SUMMARY_MAX_CHARS: usize = 200;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, ts_rs::TS)]
#[ts(rename = "VoucherLineInput")]
pub struct LineInput {
    pub account_code: String,
    #[serde(default)]
    pub debit: Money,
    #[serde(default)]
    pub credit: Money,
    #[serde(default)]
    pub member_id: Option<i64>,
    #[serde(default)]
    pub memo: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, ts_rs::TS)]
pub struct VoucherInput {
    pub date: NaiveDate,
    pub summary: String,
    #[serde(default)]
    pub attachments_count: i64,
    #[serde(default = "default_source")]
    pub source: String,
    #[serde(default)]
    pub source_ref: Option<String>,
    pub lines: Vec<LineInput>,
    #[serde(default)]
    pub prepared_by: Option<i64>,
    #[serde(default)]
    pub approved_by: Option<i64>,
    #[serde(default)]
    pub reverses_id: Option<i64>,
}

fn default_source() -> String {
    "manual".to_string()
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct PostedLine {
    pub line_no: i64,
    pub account_code: String,
    pub account_name: String,
    pub debit: Money,
    pub credit: Money,
    pub member_id: Option<i64>,
    pub memo: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct PostedVoucher {
    pub id: i64,
    pub period: String,
    pub number: i64,
    /// "记-001"
    pub display_number: String,
    pub date: NaiveDate,
    pub summary: String,
    pub attachments_count: i64,
    pub source: String,
    pub source_ref: Option<String>,
    pub reverses_id: Option<i64>,
    pub reversed_by_id: Option<i64>,
    pub prepared_by: Option<i64>,
    pub approved_by: Option<i64>,
    pub posted_by: i64,
    pub prepared_by_name: Option<String>,
    pub approved_by_name: Option<String>,
    pub posted_by_name: String,
    pub posted_at: String,
    pub seq: i64,
    pub lines: Vec<PostedLine>,
    pub total_debit: Money,
    pub total_credit: Money,
    /// 大写金额 of the total.
    pub total_in_words: String,
    pub hash: String,
    /// The hash in the short form people compare: 12 base32 characters, "K7QF-2M4D-X9PA".
    pub fingerprint: String,
}

/// "2026-10"
pub fn period_of(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// "记-001"
pub fn display_number(number: i64) -> String {
    format!("记-{number:03}")
}

pub fn is_period_closed(conn: &Connection, period: &str) -> Result<bool> {
    let status: Option<String> =
        conn.query_row("SELECT status FROM periods WHERE period = ?1", [period], |r| r.get(0)).optional()?;
    Ok(status.as_deref() == Some("closed"))
}

/// The book's first month ("2026-01"), from the settings.
pub fn start_month(conn: &Connection) -> Result<String> {
    if !crate::book::is_initialized(conn)? {
        return Err(CoreError::NotInitialized);
    }
    Ok(crate::book::settings(conn)?.start_month)
}

fn check_amount(m: Money, line_no: usize) -> Result<()> {
    if m.decimal().normalize().scale() > 2 {
        return Err(CoreError::validation("lines", format!("第 {line_no} 行金额 {} 超过两位小数", m.decimal())));
    }
    Ok(())
}

fn user_exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1)", [id], |r| r.get(0))?)
}

/// Everything [`post_voucher`] checks, without writing. Returns the normalised lines.
pub fn validate_voucher(conn: &Connection, input: &VoucherInput) -> Result<Vec<(LineInput, String)>> {
    let start = start_month(conn)?;
    let period = period_of(input.date);
    if period < start {
        return Err(CoreError::validation(
            "date",
            format!("凭证日期 {} 早于建账月份 {start}，不能记账（建账前的余额请录入期初余额）", input.date),
        ));
    }
    if is_period_closed(conn, &period)? {
        return Err(CoreError::PeriodClosed { period });
    }
    let summary = input.summary.trim();
    if summary.is_empty() {
        return Err(CoreError::validation("summary", "请填写摘要"));
    }
    if summary.chars().count() > SUMMARY_MAX_CHARS {
        return Err(CoreError::validation("summary", format!("摘要不能超过 {SUMMARY_MAX_CHARS} 个字")));
    }
    if input.attachments_count < 0 {
        return Err(CoreError::validation("attachments_count", "附件张数不能为负数"));
    }
    if !SOURCES.contains(&input.source.as_str()) {
        return Err(CoreError::validation("source", format!("未知的凭证来源“{}”", input.source)));
    }
    let reversal = input.source == "reversal";
    if reversal != input.reverses_id.is_some() {
        return Err(CoreError::validation("reverses_id", "只有冲销凭证才能指向被冲销的凭证，且冲销凭证必须指明原凭证"));
    }
    for (field, id) in [("prepared_by", input.prepared_by), ("approved_by", input.approved_by)] {
        if let Some(id) = id {
            if !user_exists(conn, id)? {
                return Err(CoreError::validation(field, format!("用户 {id} 不存在")));
            }
        }
    }
    if input.lines.len() < 2 {
        return Err(CoreError::validation("lines", "一张凭证至少要有两行分录（一借一贷）"));
    }
    let mut out = Vec::with_capacity(input.lines.len());
    let (mut total_debit, mut total_credit) = (Money::ZERO, Money::ZERO);
    for (i, line) in input.lines.iter().enumerate() {
        let n = i + 1;
        let code = line.account_code.trim();
        if code.is_empty() {
            return Err(CoreError::validation("lines", format!("第 {n} 行没有选择会计科目")));
        }
        let acc = chart::postable_account(conn, code)
            .map_err(|e| CoreError::validation("lines", format!("第 {n} 行：{e}")))?;
        check_amount(line.debit, n)?;
        check_amount(line.credit, n)?;
        match (line.debit.is_zero(), line.credit.is_zero()) {
            (true, true) => return Err(CoreError::validation("lines", format!("第 {n} 行（{}）借方和贷方金额都是零", acc.display))),
            (false, false) => {
                return Err(CoreError::validation("lines", format!("第 {n} 行（{}）借方和贷方只能填一方", acc.display)))
            }
            _ => {}
        }
        let amount = if line.debit.is_zero() { line.credit } else { line.debit };
        if !reversal && amount.is_negative() {
            return Err(CoreError::validation(
                "lines",
                format!("第 {n} 行（{}）金额不能为负数；更正已记账的凭证请使用冲销", acc.display),
            ));
        }
        if reversal && amount.is_positive() {
            return Err(CoreError::validation("lines", format!("第 {n} 行：红字冲销凭证的金额应为负数")));
        }
        if line.memo.chars().count() > SUMMARY_MAX_CHARS {
            return Err(CoreError::validation("lines", format!("第 {n} 行备注不能超过 {SUMMARY_MAX_CHARS} 个字")));
        }
        total_debit += line.debit;
        total_credit += line.credit;
        out.push((
            LineInput {
                account_code: acc.code.clone(),
                debit: line.debit,
                credit: line.credit,
                member_id: line.member_id,
                memo: line.memo.trim().to_string(),
            },
            acc.name.clone(),
        ));
    }
    if total_debit != total_credit {
        return Err(CoreError::validation(
            "lines",
            format!(
                "借贷不平衡：借方合计 {}，贷方合计 {}，相差 {}",
                total_debit.format_thousands(),
                total_credit.format_thousands(),
                (total_debit - total_credit).abs().format_thousands()
            ),
        ));
    }
    if total_debit.is_zero() {
        return Err(CoreError::validation("lines", "凭证金额合计不能为零"));
    }
    if let Some(orig_id) = input.reverses_id {
        let orig = get_voucher(conn, orig_id)
            .map_err(|_| CoreError::validation("reverses_id", format!("要冲销的凭证（编号 {orig_id}）不存在")))?;
        check_reversible(&orig)?;
        let same = orig.lines.len() == out.len()
            && orig.lines.iter().zip(&out).all(|(o, (l, _))| {
                o.account_code == l.account_code && o.debit == -l.debit && o.credit == -l.credit && o.member_id == l.member_id
            });
        if !same {
            return Err(CoreError::validation("lines", "红字冲销凭证必须与原凭证科目、方向相同，金额相反"));
        }
    }
    let any_posted: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM journal_vouchers)", [], |r| r.get(0))?;
    if !any_posted {
        let t = super::opening::totals(conn)?;
        if !t.balanced {
            return Err(CoreError::invalid(format!(
                "期初余额不平衡：借方余额合计 {}，贷方余额合计 {}，相差 {}。请先更正期初余额再记账",
                t.debit_side.format_thousands(),
                t.credit_side.format_thousands(),
                t.difference.abs().format_thousands()
            )));
        }
    }
    Ok(out)
}

fn check_reversible(orig: &PostedVoucher) -> Result<()> {
    if orig.source == "reversal" {
        return Err(CoreError::invalid(format!(
            "{} {} 号凭证本身是冲销凭证，不能再冲销；如需更正请重新填制凭证",
            orig.period, orig.display_number
        )));
    }
    if let Some(by) = orig.reversed_by_id {
        return Err(CoreError::Conflict(format!(
            "{} {} 号凭证已被冲销（冲销凭证编号 {by}），不能重复冲销",
            orig.period, orig.display_number
        )));
    }
    Ok(())
}

/// Validate and post. THE single gateway: see the module docs. Everything is checked before
/// the first row is written; the caller's transaction makes the write all-or-nothing.
pub fn post_voucher(conn: &Connection, input: &VoucherInput, posted_by: i64, now: &str) -> Result<PostedVoucher> {
    let lines = validate_voucher(conn, input)?;
    if !user_exists(conn, posted_by)? {
        return Err(CoreError::validation("posted_by", format!("用户 {posted_by} 不存在")));
    }
    let period = period_of(input.date);
    let number: i64 = conn.query_row(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM journal_vouchers WHERE period = ?1",
        [&period],
        |r| r.get(0),
    )?;
    let (seq, prev_hash) = chain::next_link(conn)?;
    let header = chain::CanonicalHeader {
        period: period.clone(),
        number,
        date: input.date.format("%Y-%m-%d").to_string(),
        summary: input.summary.trim().to_string(),
        attachments_count: input.attachments_count,
        source: input.source.clone(),
        source_ref: input.source_ref.clone(),
        reverses_id: input.reverses_id,
    };
    let canon_lines: Vec<chain::CanonicalLine> = lines
        .iter()
        .map(|(l, _)| (l.account_code.clone(), l.debit.fen(), l.credit.fen(), l.member_id, l.memo.clone()))
        .collect();
    let hash = chain::voucher_hash(&prev_hash, &chain::canonical_bytes(&header, &canon_lines));
    conn.execute(
        "INSERT INTO journal_vouchers (period, number, date, summary, attachments_count, source, source_ref, reverses_id,
             prepared_by, approved_by, posted_by, posted_at, seq, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            header.period,
            number,
            header.date,
            header.summary,
            input.attachments_count,
            input.source,
            input.source_ref,
            input.reverses_id,
            input.prepared_by,
            input.approved_by,
            posted_by,
            now,
            seq,
            prev_hash,
            hash
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare(
        "INSERT INTO journal_lines (voucher_id, line_no, period, account_code, debit_fen, credit_fen, member_id, memo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, (l, _)) in lines.iter().enumerate() {
        stmt.execute(params![id, (i + 1) as i64, period, l.account_code, l.debit.fen(), l.credit.fen(), l.member_id, l.memo])?;
    }
    get_voucher(conn, id)
}

const VOUCHER_SELECT: &str = "SELECT v.id, v.period, v.number, v.date, v.summary, v.attachments_count, v.source, v.source_ref,
    v.reverses_id, (SELECT r.id FROM journal_vouchers r WHERE r.reverses_id = v.id) AS reversed_by_id,
    v.prepared_by, v.approved_by, v.posted_by, pu.name, au.name, bu.name, v.posted_at, v.seq, v.hash
  FROM journal_vouchers v
  LEFT JOIN users pu ON pu.id = v.prepared_by
  LEFT JOIN users au ON au.id = v.approved_by
  LEFT JOIN users bu ON bu.id = v.posted_by";

fn parse_date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn row_to_voucher(r: &rusqlite::Row) -> rusqlite::Result<PostedVoucher> {
    let number: i64 = r.get(2)?;
    Ok(PostedVoucher {
        id: r.get(0)?,
        period: r.get(1)?,
        number,
        display_number: display_number(number),
        date: parse_date(&r.get::<_, String>(3)?),
        summary: r.get(4)?,
        attachments_count: r.get(5)?,
        source: r.get(6)?,
        source_ref: r.get(7)?,
        reverses_id: r.get(8)?,
        reversed_by_id: r.get(9)?,
        prepared_by: r.get(10)?,
        approved_by: r.get(11)?,
        posted_by: r.get(12)?,
        prepared_by_name: r.get(13)?,
        approved_by_name: r.get(14)?,
        posted_by_name: r.get::<_, Option<String>>(15)?.unwrap_or_default(),
        posted_at: r.get(16)?,
        seq: r.get(17)?,
        fingerprint: super::chain::fingerprint(&r.get::<_, String>(18)?),
        hash: r.get(18)?,
        lines: Vec::new(),
        total_debit: Money::ZERO,
        total_credit: Money::ZERO,
        total_in_words: String::new(),
    })
}

fn load_lines(conn: &Connection, v: &mut PostedVoucher) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.line_no, l.account_code, COALESCE(a.name, ''), l.debit_fen, l.credit_fen, l.member_id, l.memo
         FROM journal_lines l LEFT JOIN accounts a ON a.code = l.account_code
         WHERE l.voucher_id = ?1 ORDER BY l.line_no",
    )?;
    v.lines = stmt
        .query_map([v.id], |r| {
            Ok(PostedLine {
                line_no: r.get(0)?,
                account_code: r.get(1)?,
                account_name: r.get(2)?,
                debit: Money::from_fen(r.get(3)?),
                credit: Money::from_fen(r.get(4)?),
                member_id: r.get(5)?,
                memo: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    v.total_debit = v.lines.iter().map(|l| l.debit).sum();
    v.total_credit = v.lines.iter().map(|l| l.credit).sum();
    v.total_in_words = v.total_debit.to_chinese_upper();
    Ok(())
}

pub fn get_voucher(conn: &Connection, id: i64) -> Result<PostedVoucher> {
    let mut v = conn
        .query_row(&format!("{VOUCHER_SELECT} WHERE v.id = ?1"), [id], row_to_voucher)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("记账凭证（编号 {id}）")))?;
    load_lines(conn, &mut v)?;
    Ok(v)
}

/// A posted voucher by period and number ("2026-10", 3).
pub fn find_voucher(conn: &Connection, period: &str, number: i64) -> Result<PostedVoucher> {
    let id: i64 = conn
        .query_row("SELECT id FROM journal_vouchers WHERE period = ?1 AND number = ?2", params![period, number], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("{period} {} 号凭证", display_number(number))))?;
    get_voucher(conn, id)
}

/// All posted vouchers of a period, with their lines, in number order.
pub fn vouchers_of_period(conn: &Connection, period: &str) -> Result<Vec<PostedVoucher>> {
    let mut stmt = conn.prepare(&format!("{VOUCHER_SELECT} WHERE v.period = ?1 ORDER BY v.number"))?;
    let mut out = stmt.query_map([period], row_to_voucher)?.collect::<rusqlite::Result<Vec<_>>>()?;
    for v in &mut out {
        load_lines(conn, v)?;
    }
    Ok(out)
}

/// The red-ink reversal (红字冲销) a voucher would get, without posting it.
pub fn reversal_input(conn: &Connection, id: i64, date: NaiveDate, reason: &str) -> Result<VoucherInput> {
    let orig = get_voucher(conn, id)?;
    check_reversible(&orig)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "请写明冲销原因"));
    }
    let which = if period_of(date) == orig.period {
        format!("{} 号凭证", orig.display_number)
    } else {
        format!("{} {} 号凭证", orig.period, orig.display_number)
    };
    let mut summary = format!("冲销 {which}：{}", orig.summary);
    if summary.chars().count() > SUMMARY_MAX_CHARS {
        summary = summary.chars().take(SUMMARY_MAX_CHARS - 1).collect::<String>() + "…";
    }
    let memo: String = format!("冲销原因：{reason}").chars().take(SUMMARY_MAX_CHARS).collect();
    Ok(VoucherInput {
        date,
        summary,
        attachments_count: 0,
        source: "reversal".to_string(),
        source_ref: Some(format!("{} {}", orig.period, orig.display_number)),
        lines: orig
            .lines
            .iter()
            .map(|l| LineInput {
                account_code: l.account_code.clone(),
                debit: -l.debit,
                credit: -l.credit,
                member_id: l.member_id,
                memo: memo.clone(),
            })
            .collect(),
        prepared_by: None,
        approved_by: None,
        reverses_id: Some(orig.id),
    })
}

/// Post a red-ink reversal (冲销) of a posted voucher, dated `date` (in an open period),
/// linked by `reverses_id`. A voucher is reversed at most once; a reversal is never reversed.
pub fn reverse_voucher(conn: &Connection, id: i64, date: NaiveDate, reason: &str, posted_by: i64, now: &str) -> Result<PostedVoucher> {
    let orig = get_voucher(conn, id)?;
    if let Some(module) = owning_module(&orig.source) {
        // The module keeps records tied to this voucher (charges paid, payouts received); a
        // bare reversal would leave them claiming money that the books no longer show.
        return Err(CoreError::invalid(format!(
            "{} {} 号凭证由「{module}」生成，请到「{module}」页面撤销这笔业务（会同时冲销凭证）",
            orig.period, orig.display_number
        )));
    }
    reverse_voucher_of_module(conn, id, date, reason, posted_by, now)
}

/// Vouchers whose source module keeps linked records, with the page that undoes them.
fn owning_module(source: &str) -> Option<&'static str> {
    match source {
        "dues" => Some("会费"),
        "welfare" => Some("慰问发放"),
        _ => None,
    }
}

/// Reverse a voucher on behalf of the module that posted it (the module updates its own
/// records in the same transaction). Other callers use [`reverse_voucher`].
pub fn reverse_voucher_of_module(conn: &Connection, id: i64, date: NaiveDate, reason: &str, posted_by: i64, now: &str) -> Result<PostedVoucher> {
    let mut input = reversal_input(conn, id, date, reason)?;
    input.prepared_by = Some(posted_by);
    post_voucher(conn, &input, posted_by, now)
}
