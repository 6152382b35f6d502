//! Posting a batch through the ledger gateway (one voucher) and reversing it.

use super::model::{get, load_row, status_label, Batch, VoucherRef};
use crate::error::{CoreError, Result};
use crate::ledger::entry::first_leaf_under;
use crate::ledger::posting::{self, LineInput, VoucherInput};
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PostResult {
    pub batch: Batch,
    pub voucher: VoucherRef,
}

/// Post the batch: one voucher (Dr the expense account / Cr 现金 or 银行存款) through the
/// ledger gateway, linked both ways (voucher.source_ref = "batch:ID", batch.voucher_id).
pub fn post(conn: &Connection, id: i64, user_id: i64, now: &str) -> Result<PostResult> {
    let b = get(conn, id)?;
    if matches!(b.status.as_str(), "posted" | "reversed") {
        return Err(CoreError::Conflict(format!("“{}”已经{}", b.name, b.status_label)));
    }
    if let Some(p) = b.blockers.first() {
        return Err(CoreError::validation("recipients", p.clone()));
    }
    if !b.breaches.is_empty() && b.override_.is_none() {
        return Err(CoreError::validation(
            "override",
            format!(
                "本批有 {} 处超出慰问标准，须由工会主席批准并写明理由后才能记账：{}",
                b.breaches.len(),
                b.breaches.iter().map(|x| x.message.as_str()).collect::<Vec<_>>().join("；")
            ),
        ));
    }
    if let Some(p) = b.post_problems.first() {
        return Err(CoreError::invalid(p.clone()));
    }
    let money_account = first_leaf_under(conn, if b.pay_from == "cash" { "101" } else { "102" })?.code;
    let what = if b.goods.is_empty() { b.form_label.to_string() } else { b.goods.clone() };
    let mut summary = format!("{}（{}，{}人）", b.name, b.kind_label, b.count);
    if summary.chars().count() > posting::SUMMARY_MAX_CHARS {
        summary = summary.chars().take(posting::SUMMARY_MAX_CHARS).collect();
    }
    let memo: String = format!("{what}{}", if b.supplier.is_empty() { String::new() } else { format!("，供应商：{}", b.supplier) })
        .chars()
        .take(posting::SUMMARY_MAX_CHARS)
        .collect();
    let approver = b.approved_by.or(b.override_.as_ref().map(|o| o.chair_id));
    let voucher = posting::post_voucher(
        conn,
        &VoucherInput {
            date: b.date,
            summary,
            attachments_count: 0,
            source: "welfare".into(),
            source_ref: Some(format!("batch:{id}")),
            lines: vec![
                LineInput { account_code: b.account_code.clone(), debit: b.total, credit: Money::ZERO, member_id: None, memo },
                LineInput { account_code: money_account, debit: Money::ZERO, credit: b.total, member_id: None, memo: String::new() },
            ],
            prepared_by: Some(user_id),
            approved_by: approver,
            reverses_id: None,
        },
        user_id,
        now,
    )?;
    conn.execute(
        "UPDATE welfare_batches SET status = 'posted', voucher_id = ?2, posted_by = ?3, posted_at = ?4, updated_at = ?4 WHERE id = ?1",
        params![id, voucher.id, user_id, now],
    )?;
    crate::workflow::approval::mark_posted(conn, crate::workflow::approval::KIND_WELFARE_BATCH, id, voucher.id)?;
    let batch = get(conn, id)?;
    Ok(PostResult { voucher: batch.voucher.clone().expect("posted"), batch })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct Reverse {
    pub id: i64,
    pub date: NaiveDate,
    pub reason: String,
}

/// Reverse a posted batch: a red-ink reversal of its voucher through the ledger, and the
/// batch marked reversed — its payouts then no longer count against anyone's allowance.
/// A batch whose voucher was already reversed in the ledger is just marked.
pub fn reverse(conn: &Connection, a: &Reverse, user_id: i64, now: &str) -> Result<Batch> {
    let r = load_row(conn, a.id)?;
    if r.status != "posted" {
        return Err(CoreError::Conflict(format!("“{}”{}，不能冲销", r.name, status_label(&r.status))));
    }
    let voucher_id = r.voucher_id.ok_or_else(|| CoreError::Internal("已记账的发放批次没有凭证".into()))?;
    let reason = a.reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "请写明冲销原因"));
    }
    let rev_id = match crate::ledger::get_voucher(conn, voucher_id)?.reversed_by_id {
        Some(existing) => existing,
        None => posting::reverse_voucher_of_module(conn, voucher_id, a.date, reason, user_id, now)?.id,
    };
    conn.execute(
        "UPDATE welfare_batches SET status = 'reversed', reversal_voucher_id = ?2, reversed_reason = ?3, reversed_at = ?4, updated_at = ?4 WHERE id = ?1",
        params![a.id, rev_id, reason, now],
    )?;
    get(conn, a.id)
}
