//! Voucher review (审核) by the audit committee: each posted voucher is marked 已审
//! (reviewed) or 质询 (queried) with a comment. A query is answered by the treasurer (text and
//! optionally a file, added to the voucher as a late receipt) and closed by the auditor, which
//! marks the voucher reviewed. The preparer of a voucher can never review it.

use super::signoff;
use crate::error::{CoreError, Result};
use crate::ledger::attachments::{self, AddAttachment};
use crate::ledger::posting;
use crate::money::Money;
use crate::users::User;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

pub const COMMENT_MAX_CHARS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Reviewed,
    Query,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct MarkArgs {
    pub voucher_id: i64,
    pub status: Mark,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub comment: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReviewItem {
    pub voucher_id: i64,
    pub period: String,
    pub display_number: String,
    pub date: String,
    pub summary: String,
    pub total: Money,
    pub attachments_count: i64,
    pub attachment_files: i64,
    pub source: String,
    pub prepared_by: Option<i64>,
    pub prepared_by_name: Option<String>,
    pub approved_by_name: Option<String>,
    pub posted_by: i64,
    pub posted_by_name: String,
    /// unreviewed | reviewed | query
    pub review_status: String,
    pub review_status_label: String,
    pub comment: String,
    pub reviewer_name: Option<String>,
    pub reviewed_at: Option<String>,
    /// The voucher's query that is not closed yet (open or answered), if any.
    pub open_query: Option<Query>,
    /// Spending that went through the chair (审批人 set).
    pub spends: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Query {
    pub id: i64,
    pub voucher_id: i64,
    pub period: String,
    pub display_number: String,
    pub summary: String,
    pub question: String,
    pub raised_by_name: String,
    pub raised_at: String,
    /// open | answered | closed
    pub status: String,
    pub status_label: String,
    pub answer: String,
    pub attachment_id: Option<i64>,
    pub answered_by_name: Option<String>,
    pub answered_at: Option<String>,
    pub close_note: String,
    pub closed_by_name: Option<String>,
    pub closed_at: Option<String>,
}

fn status_label(s: &str) -> &'static str {
    match s {
        "reviewed" => "已审",
        "query" => "质询",
        "open" => "待答复",
        "answered" => "已答复",
        "closed" => "已关闭",
        _ => "未审",
    }
}

const QUERY_SELECT: &str = "SELECT q.id, q.voucher_id, v.period, v.number, v.summary, q.question, COALESCE(ru.name, ''), q.raised_at,
    q.status, q.answer, q.attachment_id, au.name, q.answered_at, q.close_note, cu.name, q.closed_at
  FROM review_queries q JOIN journal_vouchers v ON v.id = q.voucher_id
  LEFT JOIN users ru ON ru.id = q.raised_by LEFT JOIN users au ON au.id = q.answered_by LEFT JOIN users cu ON cu.id = q.closed_by";

fn query_row(r: &rusqlite::Row) -> rusqlite::Result<Query> {
    let status: String = r.get(8)?;
    Ok(Query {
        id: r.get(0)?,
        voucher_id: r.get(1)?,
        period: r.get(2)?,
        display_number: posting::display_number(r.get(3)?),
        summary: r.get(4)?,
        question: r.get(5)?,
        raised_by_name: r.get(6)?,
        raised_at: r.get(7)?,
        status_label: status_label(&status).to_string(),
        status,
        answer: r.get(9)?,
        attachment_id: r.get(10)?,
        answered_by_name: r.get(11)?,
        answered_at: r.get(12)?,
        close_note: r.get(13)?,
        closed_by_name: r.get(14)?,
        closed_at: r.get(15)?,
    })
}

pub fn get_query(conn: &Connection, id: i64) -> Result<Query> {
    conn.query_row(&format!("{QUERY_SELECT} WHERE q.id = ?1"), [id], query_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("质询（编号 {id}）")))
}

fn pending_query(conn: &Connection, voucher_id: i64) -> Result<Option<Query>> {
    Ok(conn
        .query_row(
            &format!("{QUERY_SELECT} WHERE q.voucher_id = ?1 AND q.status IN ('open', 'answered') ORDER BY q.id DESC LIMIT 1"),
            [voucher_id],
            query_row,
        )
        .optional()?)
}

fn text(field: &str, label: &str, v: &str, required: bool) -> Result<String> {
    let v = v.trim();
    if required && v.is_empty() {
        return Err(CoreError::validation(field, format!("请填写{label}")));
    }
    if v.chars().count() > COMMENT_MAX_CHARS {
        return Err(CoreError::validation(field, format!("{label}不能超过 {COMMENT_MAX_CHARS} 个字")));
    }
    Ok(v.to_string())
}

/// The review state of one voucher.
pub fn item(conn: &Connection, voucher_id: i64) -> Result<ReviewItem> {
    let v = posting::get_voucher(conn, voucher_id)?;
    let files: i64 = conn.query_row("SELECT COUNT(*) FROM attachments WHERE voucher_id = ?1", [voucher_id], |r| r.get(0))?;
    let review: Option<(String, String, String, String)> = conn
        .query_row(
            "SELECT r.status, r.comment, COALESCE(u.name, ''), r.reviewed_at FROM voucher_reviews r LEFT JOIN users u ON u.id = r.reviewer_id
             WHERE r.voucher_id = ?1",
            [voucher_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (status, comment, reviewer, at) = match review {
        Some((s, c, n, a)) => (s, c, Some(n), Some(a)),
        None => ("unreviewed".to_string(), String::new(), None, None),
    };
    Ok(ReviewItem {
        voucher_id: v.id,
        display_number: v.display_number.clone(),
        date: v.date.format("%Y-%m-%d").to_string(),
        summary: v.summary.clone(),
        total: v.total_debit,
        attachments_count: v.attachments_count,
        attachment_files: files,
        source: v.source.clone(),
        prepared_by: v.prepared_by,
        prepared_by_name: v.prepared_by_name.clone(),
        approved_by_name: v.approved_by_name.clone(),
        posted_by: v.posted_by,
        posted_by_name: v.posted_by_name.clone(),
        review_status_label: status_label(&status).to_string(),
        review_status: status,
        comment,
        reviewer_name: reviewer,
        reviewed_at: at,
        open_query: pending_query(conn, v.id)?,
        spends: v.lines.iter().any(|l| !l.debit.is_zero() && l.account_code.starts_with('5')),
        period: v.period,
    })
}

/// Who made a voucher: its preparer (制单), or whoever posted it when no preparer is recorded.
fn maker(v: &posting::PostedVoucher) -> i64 {
    v.prepared_by.unwrap_or(v.posted_by)
}

fn upsert_review(conn: &Connection, voucher_id: i64, status: &str, comment: &str, user_id: i64, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO voucher_reviews (voucher_id, status, comment, reviewer_id, reviewed_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(voucher_id) DO UPDATE SET status = excluded.status, comment = excluded.comment,
             reviewer_id = excluded.reviewer_id, reviewed_at = excluded.reviewed_at",
        params![voucher_id, status, comment, user_id, now],
    )?;
    Ok(())
}

/// Mark a posted voucher 已审 or 质询 (a query needs the question as comment).
pub fn mark(conn: &Connection, a: &MarkArgs, user: &User, now: &str) -> Result<ReviewItem> {
    let v = posting::get_voucher(conn, a.voucher_id)?;
    if maker(&v) == user.id || v.posted_by == user.id {
        return Err(CoreError::PermissionDenied {
            action: format!("审核 {} {} 号凭证（本人制单或记账的凭证不能由本人审核）", v.period, v.display_number),
            role: format!("{}（{}）", user.role.label(), user.name),
        });
    }
    signoff::require_not_signed(conn, &v.period)?;
    let pending = pending_query(conn, v.id)?;
    match a.status {
        Mark::Query => {
            let question = text("comment", "质询内容", &a.comment, true)?;
            if pending.is_some() {
                return Err(CoreError::Conflict(format!("{} {} 号凭证已有未关闭的质询", v.period, v.display_number)));
            }
            conn.execute(
                "INSERT INTO review_queries (voucher_id, question, raised_by, raised_at, status) VALUES (?1, ?2, ?3, ?4, 'open')",
                params![v.id, question, user.id, now],
            )?;
            upsert_review(conn, v.id, "query", &question, user.id, now)?;
        }
        Mark::Reviewed => {
            let comment = text("comment", "审核意见", &a.comment, false)?;
            if pending.is_some() {
                return Err(CoreError::Conflict(format!(
                    "{} {} 号凭证的质询尚未关闭，请在会计答复后关闭质询",
                    v.period, v.display_number
                )));
            }
            upsert_review(conn, v.id, "reviewed", &comment, user.id, now)?;
        }
    }
    item(conn, v.id)
}

/// A file given with an answer (same shape as an attachment upload, without the owner).
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct AnswerFile {
    pub file_name: String,
    pub mime: String,
    pub data_base64: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(deny_unknown_fields)]
pub struct AnswerArgs {
    pub query_id: i64,
    pub answer: String,
    /// Optional supporting file: added to the voucher as a late receipt (补附件).
    #[serde(default)]
    pub file: Option<AnswerFile>,
    /// Or an attachment already on the voucher.
    #[serde(default)]
    pub attachment_id: Option<i64>,
}

/// The treasurer answers a query (may answer again until the auditor closes it).
pub fn answer(conn: &Connection, a: &AnswerArgs, user_id: i64, now: &str) -> Result<Query> {
    let q = get_query(conn, a.query_id)?;
    if q.status == "closed" {
        return Err(CoreError::Conflict("该质询已关闭".to_string()));
    }
    let answer = text("answer", "答复内容", &a.answer, true)?;
    let attachment_id = match (&a.file, a.attachment_id) {
        (Some(f), _) => Some(
            attachments::add(
                conn,
                &AddAttachment {
                    draft_id: None,
                    voucher_id: Some(q.voucher_id),
                    file_name: f.file_name.clone(),
                    mime: f.mime.clone(),
                    data_base64: f.data_base64.clone(),
                },
                user_id,
                now,
            )?
            .id,
        ),
        (None, Some(id)) => {
            let m = attachments::get_meta(conn, id)?;
            if m.voucher_id != Some(q.voucher_id) {
                return Err(CoreError::validation("attachment_id", "该附件不属于被质询的凭证"));
            }
            Some(id)
        }
        (None, None) => q.attachment_id,
    };
    conn.execute(
        "UPDATE review_queries SET status = 'answered', answer = ?1, attachment_id = ?2, answered_by = ?3, answered_at = ?4 WHERE id = ?5",
        params![answer, attachment_id, user_id, now, q.id],
    )?;
    get_query(conn, q.id)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct CloseArgs {
    pub query_id: i64,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub note: String,
}

/// The auditor closes an answered query; the voucher is then marked 已审.
pub fn close_query(conn: &Connection, a: &CloseArgs, user: &User, now: &str) -> Result<Query> {
    let q = get_query(conn, a.query_id)?;
    match q.status.as_str() {
        "closed" => return Err(CoreError::Conflict("该质询已关闭".to_string())),
        "open" => return Err(CoreError::Conflict("会计尚未答复该质询，答复后才能关闭".to_string())),
        _ => {}
    }
    let note = text("note", "关闭意见", &a.note, false)?;
    conn.execute(
        "UPDATE review_queries SET status = 'closed', close_note = ?1, closed_by = ?2, closed_at = ?3 WHERE id = ?4",
        params![note, user.id, now, q.id],
    )?;
    let comment = if note.is_empty() { "质询已答复并关闭".to_string() } else { format!("质询已关闭：{note}") };
    upsert_review(conn, q.voucher_id, "reviewed", &comment, user.id, now)?;
    get_query(conn, q.id)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReviewList {
    pub period: String,
    pub vouchers: Vec<ReviewItem>,
    pub total: i64,
    pub reviewed: i64,
    pub queried: i64,
    pub unreviewed: i64,
    /// Queries not closed yet (open or answered).
    pub open_queries: i64,
    pub signoff: signoff::SignoffStatus,
}

/// Every posted voucher of a month with its review state, and the month's sign-off state.
pub fn list(conn: &Connection, period: &str) -> Result<ReviewList> {
    let period = crate::ledger::reports::check_period(period, "period")?;
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM journal_vouchers WHERE period = ?1 ORDER BY number")?
        .query_map([&period], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let vouchers = ids.into_iter().map(|id| item(conn, id)).collect::<Result<Vec<_>>>()?;
    let count = |s: &str| vouchers.iter().filter(|v| v.review_status == s).count() as i64;
    Ok(ReviewList {
        total: vouchers.len() as i64,
        reviewed: count("reviewed"),
        queried: count("query"),
        unreviewed: count("unreviewed"),
        open_queries: vouchers.iter().filter(|v| v.open_query.is_some()).count() as i64,
        signoff: signoff::status(conn, &period)?,
        period,
        vouchers,
    })
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(deny_unknown_fields)]
pub struct QueryFilter {
    /// open | answered | closed | pending (open or answered); all when omitted.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub period: Option<String>,
    /// Queries raised on vouchers of this year.
    #[serde(default)]
    pub year: Option<i32>,
}

pub fn queries(conn: &Connection, f: &QueryFilter) -> Result<Vec<Query>> {
    let status = f.status.as_deref().map(str::trim).filter(|s| !s.is_empty() && *s != "all");
    if let Some(s) = status {
        if !["open", "answered", "closed", "pending"].contains(&s) {
            return Err(CoreError::validation("status", format!("未知的质询状态“{s}”（open / answered / closed / pending）")));
        }
    }
    let mut stmt = conn.prepare(&format!(
        "{QUERY_SELECT} WHERE (?1 IS NULL OR q.status = ?1 OR (?1 = 'pending' AND q.status IN ('open', 'answered')))
           AND (?2 IS NULL OR v.period = ?2) AND (?3 IS NULL OR substr(v.period, 1, 4) = printf('%04d', ?3))
         ORDER BY q.id"
    ))?;
    let rows = stmt.query_map(params![status, f.period, f.year], query_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
