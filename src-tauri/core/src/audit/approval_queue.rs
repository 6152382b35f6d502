//! The chair's approval queue as the chair sees it: each item waiting in
//! [`crate::workflow::approval`] with what the decision needs beside it — a voucher draft
//! with its lines and receipts, a welfare batch with its recipients, allowances and any
//! breach. Composed here, above the modules that own those items, so the workflow module
//! stays ignorant of them.

use crate::error::Result;
use crate::ledger::attachments::{self, AttachmentMeta, AttachmentOwner};
use crate::ledger::drafts;
use crate::welfare::batches;
use crate::workflow::approval::{self, Approval, KIND_VOUCHER_DRAFT, KIND_WELFARE_BATCH};
use rusqlite::Connection;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

/// What an approval-queue item's `detail` holds (`QueueItem`, sent as free
/// JSON): the spending draft or the welfare payout batch waiting for the chair. Only a type for
/// TypeScript: never built.
#[derive(TS)]
#[ts(untagged)]
pub enum QueueDetail {
    Draft(Box<drafts::Draft>),
    Batch(Box<batches::Batch>),
}

/// An item waiting for the chair, with what the chair needs to decide.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct QueueItem {
    #[serde(flatten)]
    pub approval: Approval,
    pub attachments_count: i64,
    pub attachments: Vec<AttachmentMeta>,
    /// The item itself (for a voucher draft: the draft with its lines).
    #[ts(as = "Option<QueueDetail>")]
    pub detail: Value,
}

fn attachments_of(conn: &Connection, a: &Approval) -> Result<Vec<AttachmentMeta>> {
    match a.kind.as_str() {
        KIND_VOUCHER_DRAFT => attachments::list(conn, &AttachmentOwner { draft_id: Some(a.ref_id), voucher_id: None }),
        _ => Ok(vec![]),
    }
}

/// The item as the chair should see it, and the receipts it declares.
fn detail_of(conn: &Connection, a: &Approval) -> Result<(Value, i64)> {
    match a.kind.as_str() {
        KIND_VOUCHER_DRAFT => {
            let d = drafts::get(conn, a.ref_id)?;
            let n = d.attachments_count.max(d.attachment_files);
            Ok((serde_json::to_value(d).expect("json"), n))
        }
        KIND_WELFARE_BATCH => Ok((serde_json::to_value(batches::get(conn, a.ref_id)?).expect("json"), 0)),
        _ => Ok((Value::Null, 0)),
    }
}

/// The chair's queue: everything waiting, oldest first, with attachments.
pub fn queue(conn: &Connection) -> Result<Vec<QueueItem>> {
    approval::pending(conn)?
        .into_iter()
        .map(|a| {
            let atts = attachments_of(conn, &a)?;
            let (detail, declared) = detail_of(conn, &a)?;
            Ok(QueueItem { attachments_count: declared.max(atts.len() as i64), attachments: atts, detail, approval: a })
        })
        .collect()
}

/// After the chair decides in the queue: a welfare batch keeps its own status (draft →
/// submitted → approved → posted → reversed) and takes the decision into it. Voucher drafts
/// read theirs from the workflow module directly.
pub fn after_decision(conn: &Connection, a: &Approval) -> Result<()> {
    if a.kind == KIND_WELFARE_BATCH {
        batches::set_approval_state(conn, a.ref_id, &a.status, a.decided_by, a.decided_at.as_deref(), &a.note)?;
    }
    Ok(())
}
