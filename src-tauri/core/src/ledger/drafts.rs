//! The voucher editor (填制凭证): drafts that may be saved half-done, edited and discarded,
//! then posted through the gateway; and the list of posted vouchers.

use super::posting::{self, LineInput, PostedVoucher, VoucherInput};
use super::{chart, periods};
use crate::error::{CoreError, Result};
use crate::money::Money;
use crate::workflow::approval::{self, Approval};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Whether spending needs the chair's approval before posting (book setting
/// `approval_required` = "1"; on for new books, switched by the chair).
pub fn approval_required(conn: &Connection) -> Result<bool> {
    crate::book::flag(conn, "approval_required")
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct DraftLineInput {
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub account_code: String,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub debit: Money,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub credit: Money,
    #[serde(default)]
    pub member_id: Option<i64>,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub memo: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct DraftInput {
    #[serde(default)]
    pub id: Option<i64>,
    pub date: NaiveDate,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub summary: String,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub attachments_count: i64,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub lines: Vec<DraftLineInput>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct DraftLine {
    pub line_no: i64,
    pub account_code: String,
    /// Empty when the code is blank or unknown.
    pub account_name: String,
    pub debit: Money,
    pub credit: Money,
    pub member_id: Option<i64>,
    pub memo: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Draft {
    pub id: i64,
    pub date: NaiveDate,
    pub period: String,
    pub summary: String,
    pub attachments_count: i64,
    /// Files uploaded to this draft (moved to the voucher on posting).
    pub attachment_files: i64,
    pub source: String,
    pub source_ref: Option<String>,
    /// draft | submitted | approved | rejected
    pub status: String,
    pub approval_note: String,
    pub approved_by: Option<i64>,
    pub approved_by_name: Option<String>,
    pub approved_at: Option<String>,
    pub prepared_by: i64,
    pub prepared_by_name: String,
    pub created_at: String,
    pub updated_at: String,
    pub lines: Vec<DraftLine>,
    pub total_debit: Money,
    pub total_credit: Money,
    /// total_debit − total_credit
    pub difference: Money,
    pub balanced: bool,
    pub total_in_words: String,
    /// Plain-words reasons this draft cannot be posted yet (empty = ready to post).
    pub problems: Vec<String>,
    pub can_post: bool,
    /// Whether posting needs the chair's approval (approval on and the draft spends).
    pub needs_approval: bool,
    /// The live submission to the chair (status, note, who decided), if any.
    pub approval: Option<Approval>,
}

fn check_draft_date(conn: &Connection, date: NaiveDate) -> Result<()> {
    let start = posting::start_month(conn)?;
    let period = posting::period_of(date);
    if period < start {
        return Err(CoreError::validation("date", format!("凭证日期 {date} 早于建账月份 {start}")));
    }
    periods::require_open(conn, &period)
}

pub fn save(conn: &Connection, input: &DraftInput, user_id: i64, now: &str) -> Result<Draft> {
    check_draft_date(conn, input.date)?;
    if input.summary.trim().chars().count() > posting::SUMMARY_MAX_CHARS {
        return Err(CoreError::validation("summary", format!("摘要不能超过 {} 个字", posting::SUMMARY_MAX_CHARS)));
    }
    if input.attachments_count < 0 {
        return Err(CoreError::validation("attachments_count", "附件张数不能为负数"));
    }
    if input.lines.len() > 200 {
        return Err(CoreError::validation("lines", "一张凭证最多 200 行"));
    }
    for (i, l) in input.lines.iter().enumerate() {
        for m in [l.debit, l.credit] {
            if m.decimal().normalize().scale() > 2 {
                return Err(CoreError::validation("lines", format!("第 {} 行金额超过两位小数", i + 1)));
            }
        }
    }
    let id = match input.id {
        Some(id) => {
            let d = get(conn, id)?;
            if d.status == "submitted" {
                return Err(CoreError::Conflict("该凭证已提交审批，审批前不能修改".to_string()));
            }
            // Any edit voids an earlier approval or rejection.
            approval::withdraw(conn, approval::KIND_VOUCHER_DRAFT, id)?;
            conn.execute(
                "UPDATE draft_vouchers SET date = ?1, summary = ?2, attachments_count = ?3, updated_at = ?4 WHERE id = ?5",
                params![input.date.format("%Y-%m-%d").to_string(), input.summary.trim(), input.attachments_count, now, id],
            )?;
            conn.execute("DELETE FROM draft_lines WHERE draft_id = ?1", [id])?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO draft_vouchers (date, summary, attachments_count, source, prepared_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'manual', ?4, ?5, ?5)",
                params![input.date.format("%Y-%m-%d").to_string(), input.summary.trim(), input.attachments_count, user_id, now],
            )?;
            conn.last_insert_rowid()
        }
    };
    let mut stmt = conn.prepare(
        "INSERT INTO draft_lines (draft_id, line_no, account_code, debit_fen, credit_fen, member_id, memo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, l) in input.lines.iter().enumerate() {
        stmt.execute(params![id, (i + 1) as i64, l.account_code.trim(), l.debit.fen(), l.credit.fen(), l.member_id, l.memo.trim()])?;
    }
    get(conn, id)
}

const DRAFT_SELECT: &str = "SELECT d.id, d.date, d.summary, d.attachments_count, d.source, d.source_ref, d.status, d.approval_note,
    d.approved_by, au.name, d.approved_at, d.prepared_by, COALESCE(pu.name, ''), d.created_at, d.updated_at,
    (SELECT COUNT(*) FROM attachments a WHERE a.draft_id = d.id)
  FROM draft_vouchers d LEFT JOIN users au ON au.id = d.approved_by LEFT JOIN users pu ON pu.id = d.prepared_by";

fn row_to_draft(r: &rusqlite::Row) -> rusqlite::Result<Draft> {
    let date = NaiveDate::parse_from_str(&r.get::<_, String>(1)?, "%Y-%m-%d").unwrap_or_default();
    Ok(Draft {
        id: r.get(0)?,
        period: posting::period_of(date),
        date,
        summary: r.get(2)?,
        attachments_count: r.get(3)?,
        source: r.get(4)?,
        source_ref: r.get(5)?,
        status: r.get(6)?,
        approval_note: r.get(7)?,
        approved_by: r.get(8)?,
        approved_by_name: r.get(9)?,
        approved_at: r.get(10)?,
        prepared_by: r.get(11)?,
        prepared_by_name: r.get(12)?,
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
        attachment_files: r.get(15)?,
        lines: vec![],
        total_debit: Money::ZERO,
        total_credit: Money::ZERO,
        difference: Money::ZERO,
        balanced: false,
        total_in_words: String::new(),
        problems: vec![],
        can_post: false,
        needs_approval: false,
        approval: None,
    })
}

fn is_blank(l: &DraftLine) -> bool {
    l.account_code.is_empty() && l.debit.is_zero() && l.credit.is_zero() && l.memo.is_empty()
}

/// The voucher a draft would post: blank lines dropped.
pub fn to_voucher_input(d: &Draft) -> VoucherInput {
    VoucherInput {
        date: d.date,
        summary: d.summary.clone(),
        attachments_count: d.attachments_count.max(d.attachment_files),
        source: d.source.clone(),
        source_ref: d.source_ref.clone(),
        lines: d
            .lines
            .iter()
            .filter(|l| !is_blank(l))
            .map(|l| LineInput {
                account_code: l.account_code.clone(),
                debit: l.debit,
                credit: l.credit,
                member_id: l.member_id,
                memo: l.memo.clone(),
            })
            .collect(),
        prepared_by: Some(d.prepared_by),
        approved_by: d.approved_by,
        reverses_id: None,
    }
}

/// Whether posting this draft needs the chair's approval: approval is on and it spends
/// (debits an expense account).
fn needs_approval(conn: &Connection, d: &Draft) -> Result<bool> {
    if !approval_required(conn)? {
        return Ok(false);
    }
    Ok(d.lines.iter().any(|l| !l.debit.is_zero() && l.account_code.starts_with('5')))
}

/// Whether a voucher spends: it debits an expense (5xx) account.
pub fn spends(v: &VoucherInput) -> bool {
    v.lines.iter().any(|l| !l.debit.is_zero() && l.account_code.trim().starts_with('5'))
}

/// 提交审批: put a spending draft in the chair's queue. It must be complete (balanced, valid
/// accounts, open month); it cannot be edited until the chair decides.
pub fn submit(conn: &Connection, id: i64, user_id: i64, now: &str) -> Result<Draft> {
    let d = get(conn, id)?;
    if d.status == "submitted" {
        return Err(CoreError::Conflict("该凭证已提交审批，正在等待工会主席审批".to_string()));
    }
    if d.status == "approved" {
        return Err(CoreError::Conflict("该凭证已获批准，可以直接记账".to_string()));
    }
    if !approval_required(conn)? {
        return Err(CoreError::invalid("本账套未要求支出审批，可以直接记账"));
    }
    if !needs_approval(conn, &d)? {
        return Err(CoreError::invalid("该凭证没有支出，无需工会主席审批"));
    }
    let input = to_voucher_input(&d);
    posting::validate_voucher(conn, &input).map_err(|e| CoreError::invalid(format!("凭证还不完整，不能提交审批：{e}")))?;
    approval::submit(
        conn,
        &approval::Submission {
            kind: approval::KIND_VOUCHER_DRAFT,
            ref_id: id,
            title: &input.summary,
            amount: d.total_debit,
            date: d.date,
        },
        user_id,
        now,
    )?;
    conn.execute("UPDATE draft_vouchers SET updated_at = ?1 WHERE id = ?2", params![now, id])?;
    get(conn, id)
}

/// Save a complete voucher (from a plain-language form) as a draft: into `existing` (a draft
/// that already carries the receipts) or a new one.
pub fn save_voucher_input(conn: &Connection, v: &VoucherInput, existing: Option<i64>, user_id: i64, now: &str) -> Result<Draft> {
    let input = DraftInput {
        id: existing,
        date: v.date,
        summary: v.summary.clone(),
        attachments_count: v.attachments_count,
        lines: v
            .lines
            .iter()
            .map(|l| DraftLineInput { account_code: l.account_code.clone(), debit: l.debit, credit: l.credit, member_id: l.member_id, memo: l.memo.clone() })
            .collect(),
    };
    let d = save(conn, &input, user_id, now)?;
    conn.execute("UPDATE draft_vouchers SET source = ?1, source_ref = ?2 WHERE id = ?3", params![v.source, v.source_ref, d.id])?;
    get(conn, d.id)
}

fn approval_problem(conn: &Connection, d: &Draft) -> Result<Option<String>> {
    if !approval_required(conn)? {
        return Ok(None);
    }
    Ok(match d.status.as_str() {
        "submitted" => Some("已提交审批，等待工会主席审批".to_string()),
        "rejected" => Some(format!(
            "工会主席未批准{}，请修改后重新提交",
            if d.approval_note.is_empty() { String::new() } else { format!("（{}）", d.approval_note) }
        )),
        "approved" => None,
        _ if needs_approval(conn, d)? => Some("支出凭证须经工会主席审批后才能记账".to_string()),
        _ => None,
    })
}

/// The draft's approval state comes from the workflow module (the one record of the chair's
/// decisions), not from a copy kept in the draft's own row.
fn apply_approval(d: &mut Draft, live: Option<Approval>) {
    let (status, note, by, by_name, at) = match &live {
        Some(a) if a.status == "approved" => ("approved", a.note.clone(), a.decided_by, a.decided_by_name.clone(), a.decided_at.clone()),
        Some(a) if a.status == "rejected" => ("rejected", a.note.clone(), None, None, None),
        Some(a) if a.status == "submitted" => ("submitted", String::new(), None, None, None),
        _ => ("draft", String::new(), None, None, None),
    };
    d.status = status.to_string();
    d.approval_note = note;
    d.approved_by = by;
    d.approved_by_name = by_name;
    d.approved_at = at;
    d.approval = live;
}

fn load(conn: &Connection, mut d: Draft) -> Result<Draft> {
    let live = approval::live(conn, approval::KIND_VOUCHER_DRAFT, d.id)?;
    apply_approval(&mut d, live);
    let mut stmt = conn.prepare_cached(
        "SELECT l.line_no, l.account_code, COALESCE(a.name, ''), l.debit_fen, l.credit_fen, l.member_id, l.memo
         FROM draft_lines l LEFT JOIN accounts a ON a.code = l.account_code WHERE l.draft_id = ?1 ORDER BY l.line_no",
    )?;
    d.lines = stmt
        .query_map([d.id], |r| {
            Ok(DraftLine {
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
    d.total_debit = d.lines.iter().map(|l| l.debit).sum();
    d.total_credit = d.lines.iter().map(|l| l.credit).sum();
    d.difference = d.total_debit - d.total_credit;
    d.balanced = d.difference.is_zero() && !d.total_debit.is_zero();
    d.total_in_words = d.total_debit.to_chinese_upper();
    let mut problems = Vec::new();
    for l in &d.lines {
        if is_blank(l) {
            problems.push(format!("第 {} 行为空，记账时将略去", l.line_no));
        }
    }
    let blank_only = problems.len();
    if let Err(e) = posting::validate_voucher(conn, &to_voucher_input(&d)) {
        problems.push(e.to_string());
    }
    if let Some(p) = approval_problem(conn, &d)? {
        problems.push(p);
    }
    d.needs_approval = needs_approval(conn, &d)?;
    d.can_post = problems.len() == blank_only;
    d.problems = problems;
    Ok(d)
}

pub fn get(conn: &Connection, id: i64) -> Result<Draft> {
    let d = conn
        .query_row(&format!("{DRAFT_SELECT} WHERE d.id = ?1"), [id], row_to_draft)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("凭证草稿（编号 {id}）")))?;
    load(conn, d)
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct DraftFilter {
    #[serde(default)]
    pub period: Option<String>,
}

pub fn list(conn: &Connection, f: &DraftFilter) -> Result<Vec<Draft>> {
    let (from, to) = match f.period.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => {
            let first = crate::book::parse_month(p)?;
            (first.format("%Y-%m-%d").to_string(), format!("{p}-99"))
        }
        None => ("0000".to_string(), "9999".to_string()),
    };
    let mut stmt = conn.prepare(&format!("{DRAFT_SELECT} WHERE d.date >= ?1 AND d.date <= ?2 ORDER BY d.date, d.id"))?;
    let rows = stmt.query_map(params![from, to], row_to_draft)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|d| load(conn, d)).collect()
}

/// Number of drafts dated in a period (a month with drafts cannot be closed).
pub fn count_in_period(conn: &Connection, period: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM draft_vouchers WHERE date >= ?1 AND date <= ?2",
        params![format!("{period}-01"), format!("{period}-99")],
        |r| r.get(0),
    )?)
}

/// Discard a draft with its uploaded files.
pub fn delete(conn: &Connection, id: i64) -> Result<Draft> {
    let d = get(conn, id)?;
    approval::withdraw(conn, approval::KIND_VOUCHER_DRAFT, id)?;
    conn.execute("DELETE FROM attachments WHERE draft_id = ?1 AND voucher_id IS NULL", [id])?;
    conn.execute("DELETE FROM draft_vouchers WHERE id = ?1", [id])?;
    Ok(d)
}

/// Post a draft through the gateway; its files move to the voucher and the draft goes away.
pub fn post(conn: &Connection, draft_id: i64, user_id: i64, now: &str) -> Result<PostedVoucher> {
    let d = get(conn, draft_id)?;
    if let Some(p) = approval_problem(conn, &d)? {
        return Err(CoreError::invalid(format!("不能记账：{p}")));
    }
    let input = to_voucher_input(&d);
    let v = posting::post_voucher(conn, &input, user_id, now)?;
    approval::mark_posted(conn, approval::KIND_VOUCHER_DRAFT, draft_id, v.id)?;
    approval::withdraw(conn, approval::KIND_VOUCHER_DRAFT, draft_id)?;
    conn.execute("UPDATE attachments SET voucher_id = ?1, draft_id = NULL WHERE draft_id = ?2", params![v.id, draft_id])?;
    conn.execute("DELETE FROM draft_vouchers WHERE id = ?1", [draft_id])?;
    Ok(v)
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct VoucherFilter {
    #[serde(default)]
    pub period: Option<String>,
    /// YYYY-MM-DD, inclusive.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// Matches the summary, a line memo, an account code or name.
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct VoucherListItem {
    pub id: i64,
    pub period: String,
    pub number: i64,
    pub display_number: String,
    pub date: NaiveDate,
    pub summary: String,
    pub total: Money,
    pub attachments_count: i64,
    pub attachment_files: i64,
    pub source: String,
    pub source_ref: Option<String>,
    pub reverses_id: Option<i64>,
    /// "2026-10 记-003" of the voucher this one reverses.
    pub reverses_display: Option<String>,
    pub reversed_by_id: Option<i64>,
    pub reversed_by_display: Option<String>,
}

pub fn list_posted(conn: &Connection, f: &VoucherFilter) -> Result<Vec<VoucherListItem>> {
    let period = f.period.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_string);
    if let Some(p) = &period {
        crate::book::parse_month(p)?;
    }
    let text = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(|t| format!("%{t}%"));
    let mut stmt = conn.prepare(
        "SELECT v.id, v.period, v.number, v.date, v.summary,
            (SELECT COALESCE(SUM(l.debit_fen), 0) FROM journal_lines l WHERE l.voucher_id = v.id),
            v.attachments_count, (SELECT COUNT(*) FROM attachments a WHERE a.voucher_id = v.id),
            v.source, v.source_ref, v.reverses_id, o.period, o.number, r.id, r.period, r.number
         FROM journal_vouchers v
         LEFT JOIN journal_vouchers o ON o.id = v.reverses_id
         LEFT JOIN journal_vouchers r ON r.reverses_id = v.id
         WHERE (?1 IS NULL OR v.period = ?1) AND (?2 IS NULL OR v.date >= ?2) AND (?3 IS NULL OR v.date <= ?3)
           AND (?4 IS NULL OR v.summary LIKE ?4 OR EXISTS (
                SELECT 1 FROM journal_lines l JOIN accounts a ON a.code = l.account_code
                WHERE l.voucher_id = v.id AND (l.memo LIKE ?4 OR l.account_code LIKE ?4 OR a.name LIKE ?4)))
         ORDER BY v.period, v.number",
    )?;
    let fmt = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let rows = stmt
        .query_map(params![period, fmt(f.from), fmt(f.to), text], |r| {
            let number: i64 = r.get(2)?;
            let o: (Option<String>, Option<i64>) = (r.get(11)?, r.get(12)?);
            let rb: (Option<String>, Option<i64>) = (r.get(14)?, r.get(15)?);
            Ok(VoucherListItem {
                id: r.get(0)?,
                period: r.get(1)?,
                number,
                display_number: posting::display_number(number),
                date: NaiveDate::parse_from_str(&r.get::<_, String>(3)?, "%Y-%m-%d").unwrap_or_default(),
                summary: r.get(4)?,
                total: Money::from_fen(r.get(5)?),
                attachments_count: r.get(6)?,
                attachment_files: r.get(7)?,
                source: r.get(8)?,
                source_ref: r.get(9)?,
                reverses_id: r.get(10)?,
                reverses_display: match o {
                    (Some(p), Some(n)) => Some(format!("{p} {}", posting::display_number(n))),
                    _ => None,
                },
                reversed_by_id: r.get(13)?,
                reversed_by_display: match rb {
                    (Some(p), Some(n)) => Some(format!("{p} {}", posting::display_number(n))),
                    _ => None,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Make sure an account code names an existing account (for friendlier editor messages).
pub fn account_name(conn: &Connection, code: &str) -> Option<String> {
    chart::get_account(conn, code).ok().map(|a| a.name)
}
