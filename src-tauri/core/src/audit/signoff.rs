//! Monthly sign-off (经审签字确认). The auditor signs a month off once every voucher in it is
//! reviewed and no query is open. The sign-off records what it saw — the voucher chain head
//! and its fingerprint, the month's voucher count and last voucher, the change-log head — so
//! that a later posting into the month, or a reopen, makes it stale. With the book setting
//! `signoff_required` on (the default), a month closes only with a current sign-off.

use crate::error::{CoreError, Result};
use crate::ledger::chain;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Signoff {
    pub id: i64,
    pub period: String,
    pub signed_by: i64,
    pub signed_by_name: String,
    pub signed_at: String,
    pub note: String,
    pub chain_seq: i64,
    pub chain_head: String,
    /// The short fingerprint of the voucher chain head when signed (as on the notice).
    pub fingerprint: String,
    pub vouchers: i64,
    pub log_id: i64,
    /// active | stale
    pub status: String,
    pub stale_reason: String,
    pub stale_at: Option<String>,
    #[serde(skip)]
    period_last_hash: Option<String>,
    #[serde(skip)]
    log_hash: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignoffStatus {
    pub period: String,
    /// The book requires a sign-off before close.
    pub required: bool,
    /// An active sign-off exists and the month has not changed since.
    pub signed: bool,
    /// The latest sign-off (active or stale).
    pub current: Option<Signoff>,
    /// The active sign-off no longer matches the month (posted into since, or reopened).
    pub stale: bool,
    pub stale_reason: Option<String>,
    pub can_sign: bool,
    /// Plain-words reasons the month cannot be signed off now.
    pub blockers: Vec<String>,
    /// The fingerprint a sign-off made now would record.
    pub fingerprint_now: String,
    pub history: Vec<Signoff>,
}

const SELECT: &str = "SELECT s.id, s.period, s.signed_by, COALESCE(u.name, ''), s.signed_at, s.note, s.chain_seq, s.chain_head, s.fingerprint,
    s.vouchers, s.log_id, s.status, s.stale_reason, s.stale_at, s.period_last_hash, s.log_hash
  FROM signoffs s LEFT JOIN users u ON u.id = s.signed_by";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Signoff> {
    Ok(Signoff {
        id: r.get(0)?,
        period: r.get(1)?,
        signed_by: r.get(2)?,
        signed_by_name: r.get(3)?,
        signed_at: r.get(4)?,
        note: r.get(5)?,
        chain_seq: r.get(6)?,
        chain_head: r.get(7)?,
        fingerprint: r.get(8)?,
        vouchers: r.get(9)?,
        log_id: r.get(10)?,
        status: r.get(11)?,
        stale_reason: r.get(12)?,
        stale_at: r.get(13)?,
        period_last_hash: r.get(14)?,
        log_hash: r.get(15)?,
    })
}

pub fn required(conn: &Connection) -> Result<bool> {
    crate::book::flag(conn, "signoff_required")
}

/// (count, hash of the last voucher) of a month, by chain order. December's year-end
/// carry-forward (source 'closing') is written by the close itself, after the sign-off it
/// requires, so it does not count as a change the auditor has not seen.
fn period_state(conn: &Connection, period: &str) -> Result<(i64, Option<String>)> {
    let count: i64 =
        conn.query_row("SELECT COUNT(*) FROM journal_vouchers WHERE period = ?1 AND source <> 'closing'", [period], |r| r.get(0))?;
    let last: Option<String> = conn
        .query_row(
            "SELECT hash FROM journal_vouchers WHERE period = ?1 AND source <> 'closing' ORDER BY seq DESC LIMIT 1",
            [period],
            |r| r.get(0),
        )
        .optional()?;
    Ok((count, last))
}

fn active(conn: &Connection, period: &str) -> Result<Option<Signoff>> {
    Ok(conn.query_row(&format!("{SELECT} WHERE s.period = ?1 AND s.status = 'active'"), [period], row).optional()?)
}

/// Why an active sign-off no longer matches its month, if it does not.
fn mismatch(conn: &Connection, s: &Signoff) -> Result<Option<String>> {
    let (count, last) = period_state(conn, &s.period)?;
    if count != s.vouchers || last != s.period_last_hash {
        return Ok(Some(format!("签字后本月凭证有变动（签字时 {} 张，现在 {} 张），需经审委员重新审核签字", s.vouchers, count)));
    }
    Ok(None)
}

/// True when the month has an active sign-off that still matches it.
pub fn is_signed(conn: &Connection, period: &str) -> Result<bool> {
    Ok(match active(conn, period)? {
        Some(s) => mismatch(conn, &s)?.is_none(),
        None => false,
    })
}

/// Refuse review changes in a month that is signed off (the sign-off covers them).
pub fn require_not_signed(conn: &Connection, period: &str) -> Result<()> {
    if is_signed(conn, period)? {
        return Err(CoreError::Conflict(format!("{period} 已由经审委员签字确认，不能再更改审核标记")));
    }
    Ok(())
}

/// What stops the auditor from signing the month now.
fn blockers(conn: &Connection, period: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let start = crate::ledger::posting::start_month(conn)?;
    if period < start.as_str() {
        out.push(format!("{period} 早于建账月份 {start}"));
        return Ok(out);
    }
    let (unreviewed, queried): (i64, i64) = conn.query_row(
        "SELECT COALESCE(SUM(r.voucher_id IS NULL), 0), COALESCE(SUM(r.status = 'query'), 0)
         FROM journal_vouchers v LEFT JOIN voucher_reviews r ON r.voucher_id = v.id WHERE v.period = ?1",
        [period],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if unreviewed > 0 {
        out.push(format!("本月还有 {unreviewed} 张凭证未审核"));
    }
    let (open, answered): (i64, i64) = conn.query_row(
        "SELECT COALESCE(SUM(q.status = 'open'), 0), COALESCE(SUM(q.status = 'answered'), 0)
         FROM review_queries q JOIN journal_vouchers v ON v.id = q.voucher_id WHERE v.period = ?1",
        [period],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if open > 0 {
        out.push(format!("本月有 {open} 条质询尚待会计答复"));
    }
    if answered > 0 {
        out.push(format!("本月有 {answered} 条质询已答复、尚未关闭"));
    }
    if queried > 0 && open + answered == 0 {
        out.push(format!("本月有 {queried} 张凭证仍标为质询"));
    }
    if is_signed(conn, period)? {
        out.push(format!("{period} 已经签字确认"));
    }
    Ok(out)
}

pub fn status(conn: &Connection, period: &str) -> Result<SignoffStatus> {
    let period = crate::ledger::reports::check_period(period, "period")?;
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE s.period = ?1 ORDER BY s.id DESC"))?;
    let history = stmt.query_map([&period], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    let current = history.first().cloned();
    let (signed, stale, stale_reason) = match &current {
        Some(s) if s.status == "active" => match mismatch(conn, s)? {
            None => (true, false, None),
            Some(why) => (false, true, Some(why)),
        },
        Some(s) => (false, true, Some(s.stale_reason.clone())),
        None => (false, false, None),
    };
    let blockers = blockers(conn, &period)?;
    Ok(SignoffStatus {
        required: required(conn)?,
        signed,
        current,
        stale,
        stale_reason,
        can_sign: blockers.is_empty(),
        blockers,
        fingerprint_now: chain::fingerprint(&chain::current_head(conn)?.1),
        history,
        period,
    })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct SignArgs {
    pub period: String,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub note: String,
}

/// 签字确认: record the sign-off with the fingerprint it saw.
pub fn sign(conn: &Connection, a: &SignArgs, user_id: i64, now: &str) -> Result<SignoffStatus> {
    let period = crate::ledger::reports::check_period(&a.period, "period")?;
    let note = a.note.trim();
    if note.chars().count() > 500 {
        return Err(CoreError::validation("note", "签字意见不能超过 500 个字"));
    }
    let b = blockers(conn, &period)?;
    if !b.is_empty() {
        return Err(CoreError::Conflict(format!("{period} 不能签字确认：{}", b.join("；"))));
    }
    // An active sign-off that no longer matches gives way to the new one.
    invalidate(conn, &period, "签字后本月凭证有变动，已重新签字", now)?;
    let (seq, head) = chain::current_head(conn)?;
    let (count, last) = period_state(conn, &period)?;
    let (log_id, log_hash): (i64, String) = conn.query_row(
        "SELECT COALESCE(MAX(id), 0), COALESCE((SELECT hash FROM change_log ORDER BY id DESC LIMIT 1), ?1) FROM change_log",
        [crate::workflow::changelog::GENESIS],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    conn.execute(
        "INSERT INTO signoffs (period, signed_by, signed_at, note, chain_seq, chain_head, fingerprint, vouchers, period_last_hash,
             log_id, log_hash, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'active')",
        params![period, user_id, now, note, seq, head, chain::fingerprint(&head), count, last, log_id, log_hash],
    )?;
    status(conn, &period)
}

/// Make the month's active sign-off stale (on reopen, or when signing again).
pub fn invalidate(conn: &Connection, period: &str, reason: &str, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE signoffs SET status = 'stale', stale_reason = ?2, stale_at = ?3 WHERE period = ?1 AND status = 'active'",
        params![period, reason, now],
    )?;
    Ok(())
}

/// Why the month cannot be closed for want of a sign-off (None when not required or signed).
pub fn close_blocker(conn: &Connection, period: &str) -> Result<Option<String>> {
    if !required(conn)? {
        return Ok(None);
    }
    Ok(match active(conn, period)? {
        None => Some("经审委员尚未对本月签字确认（本账套要求结账前经审签字）".to_string()),
        Some(s) => mismatch(conn, &s)?,
    })
}

/// Every sign-off, for `verify`: does each still point at the chains it saw?
/// Returns plain-words problems (empty = all anchors match).
pub fn verify_anchors(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY s.id"))?;
    let all = stmt.query_map([], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut problems = Vec::new();
    for s in all {
        if s.log_id > 0 {
            let h: Option<String> =
                conn.query_row("SELECT hash FROM change_log WHERE id = ?1", [s.log_id], |r| r.get(0)).optional()?;
            if h.as_deref() != Some(s.log_hash.as_str()) {
                problems.push(format!("{} 的经审签字所见的操作日志（第 {} 条）已不存在或被改动", s.period, s.log_id));
            }
        }
        if s.chain_seq > 0 {
            let h: Option<String> =
                conn.query_row("SELECT hash FROM journal_vouchers WHERE seq = ?1", [s.chain_seq], |r| r.get(0)).optional()?;
            if h.as_deref() != Some(s.chain_head.as_str()) {
                problems.push(format!("{} 的经审签字所见的凭证链（第 {} 张）已不存在或被改动", s.period, s.chain_seq));
            }
        }
    }
    Ok(problems)
}
