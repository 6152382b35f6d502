//! The chair's decisions on a batch: submit for approval (into the shared approval queue),
//! approve or reject, the state mirrored back from the queue, and the written override of
//! breaches of the spending rules.

use super::model::{effective_status, facts_assess, fingerprint, get, load_row, overrides_of, raw_recipients, Batch, OverrideInfo};
use crate::error::{CoreError, Result};
use rusqlite::{params, Connection};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct IdNote {
    pub id: i64,
    #[serde(default)]
    pub note: Option<String>,
}

/// Submit for the chair's approval (when the book requires it).
pub fn submit(conn: &Connection, id: i64, user_id: i64, now: &str) -> Result<Batch> {
    let b = get(conn, id)?;
    if !matches!(b.status.as_str(), "draft" | "rejected") {
        return Err(CoreError::Conflict(format!("“{}”{}，不能提交审批", b.name, b.status_label)));
    }
    if let Some(p) = b.blockers.first() {
        return Err(CoreError::invalid(format!("请先改正：{p}")));
    }
    conn.execute(
        "UPDATE welfare_batches SET status = 'submitted', submitted_by = ?2, submitted_at = ?3, approval_note = '', updated_at = ?3 WHERE id = ?1",
        params![id, user_id, now],
    )?;
    // Into the chair's one queue (经审 › 支出审批), beside spending vouchers.
    use crate::workflow::approval::{self, Submission, KIND_WELFARE_BATCH};
    approval::submit(conn, &Submission { kind: KIND_WELFARE_BATCH, ref_id: id, title: &b.name, amount: b.total, date: b.date }, user_id, now)?;
    get(conn, id)
}

/// The chair's decision taken in the shared approval queue, mirrored onto the batch.
pub fn set_approval_state(conn: &Connection, id: i64, status: &str, decided_by: Option<i64>, decided_at: Option<&str>, note: &str) -> Result<()> {
    if matches!(status, "approved" | "rejected") {
        conn.execute(
            "UPDATE welfare_batches SET status = ?2, approved_by = ?3, approved_at = ?4, approval_note = ?5, updated_at = ?4 WHERE id = ?1 AND status = 'submitted'",
            params![id, status, decided_by, decided_at, note],
        )?;
    }
    Ok(())
}

/// The chair approves (审批) or rejects a submitted batch.
pub fn decide(conn: &Connection, a: &IdNote, approve: bool, chair_id: i64, now: &str) -> Result<Batch> {
    let b = get(conn, a.id)?;
    if b.status != "submitted" {
        return Err(CoreError::Conflict(format!("“{}”{}，不在待审批状态", b.name, b.status_label)));
    }
    let note = a.note.as_deref().unwrap_or("").trim();
    if !approve && note.is_empty() {
        return Err(CoreError::validation("note", "退回时请写明原因"));
    }
    use crate::workflow::approval::{self, KIND_WELFARE_BATCH};
    if let Some(live) = approval::live(conn, KIND_WELFARE_BATCH, a.id)?.filter(|l| l.status == "submitted") {
        // The same decision as from the queue: recorded there, mirrored here.
        let d = if approve {
            approval::approve(conn, live.id, note, chair_id, now)?
        } else {
            approval::reject(conn, live.id, note, chair_id, now)?
        };
        set_approval_state(conn, a.id, &d.status, d.decided_by, d.decided_at.as_deref(), &d.note)?;
        return get(conn, a.id);
    }
    conn.execute(
        "UPDATE welfare_batches SET status = ?2, approved_by = ?3, approved_at = ?4, approval_note = ?5, updated_at = ?4 WHERE id = ?1",
        params![a.id, if approve { "approved" } else { "rejected" }, chair_id, now, note],
    )?;
    get(conn, a.id)
}

/// Record the chair's written override of the batch's current breaches.
pub fn record_override(conn: &Connection, id: i64, reason: &str, chair_id: i64, recorded_by: i64, now: &str) -> Result<OverrideInfo> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "请写明批准超标发放的理由"));
    }
    if reason.chars().count() > 500 {
        return Err(CoreError::validation("reason", "理由不能超过 500 个字"));
    }
    let r = load_row(conn, id)?;
    let (status, _) = effective_status(conn, &r)?;
    if matches!(status.as_str(), "posted" | "reversed") {
        return Err(CoreError::Conflict(format!("“{}”已记账", r.name)));
    }
    let raw = raw_recipients(conn, id, r.date)?;
    let a = facts_assess(conn, &r, &raw)?;
    if let Some(b) = a.blockers.first() {
        return Err(CoreError::invalid(format!("以下问题不能由主席批准放行，请先改正：{b}")));
    }
    if a.breaches.is_empty() {
        return Err(CoreError::invalid("本批没有超出慰问标准，无需主席批准超标"));
    }
    conn.execute(
        "INSERT INTO welfare_overrides (batch_id, reason, breaches, fingerprint, chair_id, recorded_by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, reason, serde_json::to_string(&a.breaches).expect("json"), fingerprint(&r, &raw), chair_id, recorded_by, now],
    )?;
    let oid = conn.last_insert_rowid();
    let mut o = overrides_of(conn, id)?.into_iter().map(|(o, _)| o).find(|o| o.id == oid).expect("just inserted");
    o.valid = true;
    Ok(o)
}
