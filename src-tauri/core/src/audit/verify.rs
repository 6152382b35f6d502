//! `verify`: recompute every hash chain in the book — the vouchers', the change log's and the
//! seal chain over every sealed table — and say either OK with the head fingerprint, or what
//! fails to match, naming the table and row.

use crate::workflow::changelog;
use crate::error::Result;
use rusqlite::Connection;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct VerifyReport {
    pub ok: bool,
    /// Short fingerprint of the voucher chain head (12 base32 characters in groups of four).
    pub fingerprint: String,
    /// Short fingerprint of the whole sealed history (the seal chain's head).
    pub book_fingerprint: String,
    pub journal: crate::ledger::chain::ChainVerification,
    pub change_log: changelog::LogVerification,
    /// Every sealed row against the seal chain (crate::seal).
    pub seals: crate::seal::SealReport,
    /// Plain-words summary.
    pub message: String,
}

pub fn verify_book(conn: &Connection) -> Result<VerifyReport> {
    let mut problems = Vec::new();
    // The full page-by-page check: opening a book makes only cheap checks, verify makes this one.
    if let Err(e) = crate::db::check_integrity(conn) {
        problems.push(e.to_string());
    }
    let journal = crate::ledger::chain::verify(conn)?;
    let change_log = changelog::verify(conn)?;
    if let Some(bad) = &journal.first_bad {
        problems.push(bad.clone());
    }
    if let Some(id) = change_log.first_bad_id {
        problems.push(format!("操作日志第 {id} 条与哈希链不符"));
    }
    problems.extend(super::signoff::verify_anchors(conn)?);
    let seals = crate::seal::verify(conn, 200)?;
    problems.extend(seals.problems.iter().map(|p| p.message.clone()));
    let ok = problems.is_empty();
    Ok(VerifyReport {
        ok,
        fingerprint: journal.fingerprint.clone(),
        book_fingerprint: crate::seal::anchor::short(&seals.head),
        message: if ok {
            format!(
                "账套完整：{} 张凭证、{} 条操作日志、{} 条封存记录均与哈希链一致",
                journal.vouchers, change_log.entries, seals.rows_checked
            )
        } else {
            problems.join("；")
        },
        journal,
        change_log,
        seals,
    })
}
