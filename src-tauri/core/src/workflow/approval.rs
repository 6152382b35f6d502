//! Chair approval (审批), generic over what is approved.
//!
//! Anything that spends — a voucher draft, a welfare payout batch — is *submitted* here under
//! a `(kind, ref_id)` key with a snapshot (title, amount, date). The chair sees the queue,
//! approves or rejects it with a note; the owning module reads the state with [`live`] /
//! [`is_approved`] before it posts and calls [`mark_posted`] after, [`withdraw`] when the
//! item is edited or discarded. Rejected items are fixed and submitted again, which
//! supersedes the rejected row (kept as history).
//!
//! This module knows nothing of its owners. What the chair sees beside each item (the draft
//! with its receipts, the batch with its recipients) is put together above, in
//! [`crate::audit::approval_queue`]. Adding a kind (see docs/contracts/audit-commands.md): a
//! constant and label here, an arm there.

use crate::error::{CoreError, Result};
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// A voucher draft (`draft_vouchers.id`).
pub const KIND_VOUCHER_DRAFT: &str = "voucher_draft";
/// A welfare payout batch (reserved for the welfare module).
pub const KIND_WELFARE_BATCH: &str = "welfare_batch";

pub const NOTE_MAX_CHARS: usize = 500;

/// What the owning module hands over when it submits an item.
#[derive(Debug, Clone)]
pub struct Submission<'a> {
    pub kind: &'a str,
    pub ref_id: i64,
    pub title: &'a str,
    pub amount: Money,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Approval {
    pub id: i64,
    pub kind: String,
    pub kind_label: String,
    pub ref_id: i64,
    pub title: String,
    pub amount: Money,
    pub date: String,
    /// submitted | approved | rejected | posted | withdrawn | superseded
    pub status: String,
    pub status_label: String,
    pub submitted_by: i64,
    pub submitted_by_name: String,
    pub submitted_at: String,
    pub decided_by: Option<i64>,
    pub decided_by_name: Option<String>,
    pub decided_at: Option<String>,
    pub note: String,
    pub voucher_id: Option<i64>,
}

pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        KIND_VOUCHER_DRAFT => "支出凭证",
        KIND_WELFARE_BATCH => "慰问发放批次",
        _ => "其他",
    }
}

pub fn status_label(status: &str) -> &'static str {
    match status {
        "submitted" => "待审批",
        "approved" => "已批准",
        "rejected" => "未批准",
        "posted" => "已记账",
        "withdrawn" => "已撤回",
        "superseded" => "已重新提交",
        _ => "",
    }
}

const SELECT: &str = "SELECT a.id, a.kind, a.ref_id, a.title, a.amount_fen, a.date, a.status, a.submitted_by, COALESCE(su.name, ''),
    a.submitted_at, a.decided_by, du.name, a.decided_at, a.note, a.voucher_id
  FROM approvals a LEFT JOIN users su ON su.id = a.submitted_by LEFT JOIN users du ON du.id = a.decided_by";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Approval> {
    let kind: String = r.get(1)?;
    let status: String = r.get(6)?;
    Ok(Approval {
        id: r.get(0)?,
        kind_label: kind_label(&kind).to_string(),
        kind,
        ref_id: r.get(2)?,
        title: r.get(3)?,
        amount: Money::from_fen(r.get(4)?),
        date: r.get(5)?,
        status_label: status_label(&status).to_string(),
        status,
        submitted_by: r.get(7)?,
        submitted_by_name: r.get(8)?,
        submitted_at: r.get(9)?,
        decided_by: r.get(10)?,
        decided_by_name: r.get(11)?,
        decided_at: r.get(12)?,
        note: r.get(13)?,
        voucher_id: r.get(14)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Approval> {
    conn.query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("审批记录（编号 {id}）")))
}

/// The live submission of an item (submitted, approved or rejected), if any.
pub fn live(conn: &Connection, kind: &str, ref_id: i64) -> Result<Option<Approval>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE a.kind = ?1 AND a.ref_id = ?2 AND a.status IN ('submitted', 'approved', 'rejected')"),
            params![kind, ref_id],
            row,
        )
        .optional()?)
}

/// True when the chair approved the item and it has not changed since.
pub fn is_approved(conn: &Connection, kind: &str, ref_id: i64) -> Result<bool> {
    Ok(live(conn, kind, ref_id)?.is_some_and(|a| a.status == "approved"))
}

/// Put an item in the chair's queue. A rejected (or approved, then edited) earlier
/// submission is superseded; a pending one is a conflict.
pub fn submit(conn: &Connection, s: &Submission, user_id: i64, now: &str) -> Result<Approval> {
    if let Some(prev) = live(conn, s.kind, s.ref_id)? {
        if prev.status == "submitted" {
            return Err(CoreError::Conflict(format!("“{}”已提交审批，正在等待工会主席审批", prev.title)));
        }
        conn.execute("UPDATE approvals SET status = 'superseded' WHERE id = ?1", [prev.id])?;
    }
    conn.execute(
        "INSERT INTO approvals (kind, ref_id, title, amount_fen, date, status, submitted_by, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'submitted', ?6, ?7)",
        params![s.kind, s.ref_id, s.title.trim(), s.amount.fen(), s.date.format("%Y-%m-%d").to_string(), user_id, now],
    )?;
    get(conn, conn.last_insert_rowid())
}

fn check_note(note: &str, required: bool) -> Result<String> {
    let note = note.trim();
    if required && note.is_empty() {
        return Err(CoreError::validation("note", "不批准时请写明原因，便于会计修改"));
    }
    if note.chars().count() > NOTE_MAX_CHARS {
        return Err(CoreError::validation("note", format!("审批意见不能超过 {NOTE_MAX_CHARS} 个字")));
    }
    Ok(note.to_string())
}

fn decide(conn: &Connection, id: i64, approve: bool, note: &str, user_id: i64, now: &str) -> Result<Approval> {
    let note = check_note(note, !approve)?;
    let a = get(conn, id)?;
    if a.status != "submitted" {
        return Err(CoreError::Conflict(format!("“{}”当前状态为“{}”，不在待审批队列中", a.title, a.status_label)));
    }
    if a.submitted_by == user_id {
        return Err(CoreError::invalid("不能审批自己提交的事项"));
    }
    conn.execute(
        "UPDATE approvals SET status = ?1, decided_by = ?2, decided_at = ?3, note = ?4 WHERE id = ?5",
        params![if approve { "approved" } else { "rejected" }, user_id, now, note, id],
    )?;
    get(conn, id)
}

pub fn approve(conn: &Connection, id: i64, note: &str, user_id: i64, now: &str) -> Result<Approval> {
    decide(conn, id, true, note, user_id, now)
}

pub fn reject(conn: &Connection, id: i64, note: &str, user_id: i64, now: &str) -> Result<Approval> {
    decide(conn, id, false, note, user_id, now)
}

/// The item was edited or discarded: its live submission (and any approval) lapses. A
/// rejection stays on record as `superseded` (decided, then fixed or dropped).
pub fn withdraw(conn: &Connection, kind: &str, ref_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE approvals SET status = CASE status WHEN 'rejected' THEN 'superseded' ELSE 'withdrawn' END
         WHERE kind = ?1 AND ref_id = ?2 AND status IN ('submitted', 'approved', 'rejected')",
        params![kind, ref_id],
    )?;
    Ok(())
}

/// The approved item was posted as `voucher_id`.
pub fn mark_posted(conn: &Connection, kind: &str, ref_id: i64, voucher_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE approvals SET status = 'posted', voucher_id = ?3 WHERE kind = ?1 AND ref_id = ?2 AND status = 'approved'",
        params![kind, ref_id, voucher_id],
    )?;
    Ok(())
}

/// Everything waiting for the chair, oldest first.
pub fn pending(conn: &Connection) -> Result<Vec<Approval>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE a.status = 'submitted' ORDER BY a.submitted_at, a.id"))?;
    let rows = stmt.query_map([], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(deny_unknown_fields)]
pub struct ApprovalFilter {
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    /// Submissions for items dated in this year ("2026").
    #[serde(default)]
    pub year: Option<i32>,
}

/// History of submissions and decisions, newest first.
pub fn list(conn: &Connection, f: &ApprovalFilter) -> Result<Vec<Approval>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE (?1 IS NULL OR a.kind = ?1) AND (?2 IS NULL OR a.status = ?2) AND (?3 IS NULL OR substr(a.date, 1, 4) = printf('%04d', ?3))
         ORDER BY a.id DESC"
    ))?;
    let rows = stmt.query_map(params![f.kind, f.status, f.year], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
