//! Tamper evidence for the journal: each posted voucher stores
//! `hash = SHA-256(prev_hash ‖ canonical bytes of the voucher)`.
//!
//! The chain starts from a genesis hash over the opening balances (期初余额), so once the first
//! voucher is posted the opening balances are covered too. Each month close stores the head it
//! saw (`periods.chain_seq`, `periods.chain_head`).

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub fn sha256_hex(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    data_encoding::HEXLOWER.encode(&h.finalize())
}

/// The short form people compare on paper: the first 60 bits of the head in base32,
/// 12 characters in groups of four (e.g. "K7QF-2M4D-X9PA").
pub fn fingerprint(hash_hex: &str) -> String {
    crate::seal::anchor::short(hash_hex)
}

/// The header fields a voucher's hash covers.
#[derive(Debug, Clone, Serialize)]
pub struct CanonicalHeader {
    pub period: String,
    pub number: i64,
    pub date: String,
    pub summary: String,
    pub attachments_count: i64,
    pub source: String,
    pub source_ref: Option<String>,
    pub reverses_id: Option<i64>,
}

/// (account_code, debit_fen, credit_fen, member_id, memo)
pub type CanonicalLine = (String, i64, i64, Option<i64>, String);

/// The canonical serialization: a JSON array
/// `[period, number, date, summary, attachments_count, source, source_ref, reverses_id,
///   [[account_code, debit_fen, credit_fen, member_id, memo], …]]`.
pub fn canonical_bytes(h: &CanonicalHeader, lines: &[CanonicalLine]) -> Vec<u8> {
    serde_json::to_vec(&(
        &h.period,
        h.number,
        &h.date,
        &h.summary,
        h.attachments_count,
        &h.source,
        &h.source_ref,
        h.reverses_id,
        lines,
    ))
    .expect("serialize")
}

pub fn voucher_hash(prev_hash: &str, canonical: &[u8]) -> String {
    sha256_hex(&[prev_hash.as_bytes(), canonical])
}

/// The opening balances as hashed: `[start_month, [[account_code, amount_fen], …]]`, non-zero
/// rows in code order.
pub fn canonical_opening(conn: &Connection) -> Result<Vec<u8>> {
    let start: String = crate::book::get_setting(conn, "start_month")?.unwrap_or_default();
    let mut stmt = conn.prepare("SELECT account_code, amount_fen FROM opening_balances WHERE amount_fen <> 0 ORDER BY account_code")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(serde_json::to_vec(&(start, rows)).expect("serialize"))
}

/// The prev_hash of the first voucher: SHA-256("opening" ‖ canonical opening balances).
pub fn genesis_hash(conn: &Connection) -> Result<String> {
    Ok(sha256_hex(&[b"opening", &canonical_opening(conn)?]))
}

/// (seq, prev_hash) for the next voucher to post.
pub fn next_link(conn: &Connection) -> Result<(i64, String)> {
    let last: Option<(i64, String)> = conn
        .query_row("SELECT seq, hash FROM journal_vouchers ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match last {
        Some((seq, hash)) => Ok((seq + 1, hash)),
        None => Ok((1, genesis_hash(conn)?)),
    }
}

/// The current head as stored (no recomputation): (seq of the last voucher or 0, hash).
pub fn current_head(conn: &Connection) -> Result<(i64, String)> {
    let (next, prev) = next_link(conn)?;
    Ok((next - 1, prev))
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct ChainVerification {
    pub vouchers: i64,
    pub head: String,
    pub fingerprint: String,
    /// The first thing that does not match, in plain words (names the voucher).
    pub first_bad: Option<String>,
}

/// Recompute every voucher's hash in chain order and every closed month's stored head.
/// Reports the FIRST mismatch in plain words.
pub fn verify(conn: &Connection) -> Result<ChainVerification> {
    let genesis = genesis_hash(conn)?;
    let mut hashes: HashMap<i64, String> = HashMap::new();
    hashes.insert(0, genesis.clone());
    let mut prev = genesis;
    let mut count = 0i64;
    let mut first_bad: Option<String> = None;

    let mut vstmt = conn.prepare(
        "SELECT id, period, number, date, summary, attachments_count, source, source_ref, reverses_id, seq, prev_hash, hash
         FROM journal_vouchers ORDER BY seq",
    )?;
    let mut lstmt = conn.prepare(
        "SELECT account_code, debit_fen, credit_fen, member_id, memo, period FROM journal_lines WHERE voucher_id = ?1 ORDER BY line_no",
    )?;
    let mut rows = vstmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let h = CanonicalHeader {
            period: r.get(1)?,
            number: r.get(2)?,
            date: r.get(3)?,
            summary: r.get(4)?,
            attachments_count: r.get(5)?,
            source: r.get(6)?,
            source_ref: r.get(7)?,
            reverses_id: r.get(8)?,
        };
        let seq: i64 = r.get(9)?;
        let stored_prev: String = r.get(10)?;
        let stored: String = r.get(11)?;
        let name = format!("{} 记-{:03} 号凭证（编号 {id}）", h.period, h.number);
        let mut line_period_ok = true;
        let lines: Vec<CanonicalLine> = lstmt
            .query_map(params![id], |l| {
                let p: String = l.get(5)?;
                Ok(((l.get(0)?, l.get(1)?, l.get(2)?, l.get(3)?, l.get(4)?), p))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(|(line, p)| {
                if p != h.period {
                    line_period_ok = false;
                }
                line
            })
            .collect();
        let recomputed = voucher_hash(&stored_prev, &canonical_bytes(&h, &lines));
        if seq != count + 1 || stored_prev != prev {
            first_bad = Some(if seq == 1 && count == 0 {
                "期初余额与哈希链不符".to_string()
            } else {
                format!("{name}之前的凭证缺失或被改动，与哈希链不符")
            });
            break;
        }
        if recomputed != stored || !line_period_ok {
            first_bad = Some(format!("{name}内容与哈希链不符"));
            break;
        }
        prev = stored;
        count += 1;
        hashes.insert(seq, prev.clone());
    }
    drop(rows);

    if first_bad.is_none() {
        let mut pstmt =
            conn.prepare("SELECT period, chain_seq, chain_head FROM periods WHERE status = 'closed' ORDER BY period")?;
        let closed = pstmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, Option<String>>(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (period, seq, head) in closed {
            let ok = match (seq, head) {
                (Some(s), Some(h)) => hashes.get(&s) == Some(&h),
                _ => false,
            };
            if !ok {
                first_bad = Some(format!("{period} 结账时记录的哈希链头与账簿不符（结账后账簿被改动）"));
                break;
            }
        }
    }

    if first_bad.is_none() {
        first_bad = period_totals_mismatch(conn)?;
    }

    Ok(ChainVerification { vouchers: count, fingerprint: fingerprint(&prev), head: prev, first_bad })
}

/// The monthly totals the reports read (ledger_period_totals) must equal the lines they sum;
/// a row edited behind the app's back would otherwise change reports without touching a
/// voucher. Names the first month and account that differ.
fn period_totals_mismatch(conn: &Connection) -> Result<Option<String>> {
    let bad: Option<(String, String)> = conn
        .query_row(
            "WITH actual AS (
                 SELECT l.period, l.account_code, v.source, SUM(l.debit_fen) AS d, SUM(l.credit_fen) AS c, COUNT(*) AS n
                 FROM journal_lines l JOIN journal_vouchers v ON v.id = l.voucher_id
                 GROUP BY l.period, l.account_code, v.source)
             SELECT period, account_code FROM (
                 SELECT a.period, a.account_code FROM actual a
                 LEFT JOIN ledger_period_totals t ON t.period = a.period AND t.account_code = a.account_code AND t.source = a.source
                 WHERE t.period IS NULL OR t.debit_fen <> a.d OR t.credit_fen <> a.c OR t.lines <> a.n
                 UNION ALL
                 SELECT t.period, t.account_code FROM ledger_period_totals t
                 LEFT JOIN actual a ON t.period = a.period AND t.account_code = a.account_code AND t.source = a.source
                 WHERE a.period IS NULL)
             ORDER BY period, account_code LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(bad.map(|(period, code)| format!("{period} 科目 {code} 的月度汇总与凭证明细不符（汇总表被改动）")))
}
