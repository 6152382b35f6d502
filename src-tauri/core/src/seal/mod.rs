//! Seals (封存): tamper evidence for every table that records money, membership,
//! entitlement, a control or a decision.
//!
//! How it works (docs/adr/0006-seals.md):
//! - Every sealed table carries three triggers that note each inserted, updated or deleted
//!   row in `seal_dirty` (table, primary key, rowid).
//! - Every write transaction the app makes ends with [`seal_pending`] (called by
//!   [`crate::db::with_tx`] before commit): each noted row is hashed (table, key and every
//!   column, or "deleted"), the hashes go into `seal_log_rows` under one new `seal_log` entry
//!   whose hash chains the previous entry's, and `seal_dirty` is emptied. So `seal_dirty` is
//!   empty whenever the app is not inside a transaction.
//! - [`verify`] replays the log — each entry's hash must follow from its rows and the one
//!   before — into the hash every row should have now, hashes every row of every sealed table
//!   and names each row that was edited, inserted or deleted outside the app, and any note
//!   left in `seal_dirty` (an outside write while the triggers were in place).
//! - The head of the log is the book's fingerprint of its whole sealed history: the notice
//!   prints it, sign-offs store it, and `verify --expect` checks that a fingerprint seen
//!   earlier is still the beginning of today's history.
//!
//! Someone with sqlite3 and this source can recompute plain hashes, rewrite a row, its log
//! rows and every later entry. What they cannot recompute are the anchors held elsewhere: a
//! fingerprint printed on a notice or written down, the last-seen file on this PC, the
//! fingerprints stored in sign-offs.

pub mod anchor;

use crate::error::{CoreError, Result};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Every table whose rows are sealed, with what a row is called in a message.
pub const SEALED_TABLES: &[(&str, &str)] = &[
    ("book_settings", "账套设置"),
    ("users", "用户"),
    ("login_events", "登录记录"),
    ("approvals", "审批记录"),
    ("accounts", "会计科目"),
    ("opening_balances", "期初余额"),
    ("journal_vouchers", "记账凭证"),
    ("journal_lines", "凭证分录"),
    ("draft_vouchers", "凭证草稿"),
    ("draft_lines", "草稿分录"),
    ("attachments", "附件"),
    ("periods", "会计期间"),
    ("period_events", "结账记录"),
    ("bank_ticks", "银行勾对"),
    ("member_groups", "工会小组"),
    ("members", "会员"),
    ("member_events", "会籍变动"),
    ("member_wages", "工资基数"),
    ("member_children", "会员子女"),
    ("hardship_files", "困难职工档案"),
    ("employee_headcount", "职工人数"),
    ("dues_charges", "应缴会费"),
    ("dues_payments", "会费收款"),
    ("dues_allocations", "会费核销"),
    ("dues_payment_reversals", "会费冲销"),
    ("welfare_batches", "慰问发放批次"),
    ("welfare_recipients", "慰问领取人"),
    ("welfare_overrides", "超标批准"),
    ("welfare_rules", "慰问标准"),
    ("voucher_reviews", "凭证审核"),
    ("review_queries", "经审质询"),
    ("signoffs", "经审签字"),
    ("audit_report_texts", "经审报告文字"),
    ("budget_years", "年度预算"),
    ("budget_lines", "预算科目"),
    ("budget_adjustments", "预算调整"),
];

/// Tables deliberately not sealed, and why (the architecture test holds every table to one
/// of the two lists).
pub const UNSEALED_TABLES: &[(&str, &str)] = &[
    ("change_log", "has its own hash chain (workflow::changelog)"),
    ("ledger_period_totals", "derived from the journal lines; verify recomputes it"),
    ("seal_log", "the seal chain itself"),
    ("seal_log_rows", "the seal chain itself"),
    ("seal_dirty", "the notes the triggers leave within a transaction"),
];

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn sha256_hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(bytes))
}

/// The primary-key columns of a table, in key order.
fn key_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info(\"{table}\")"))?;
    let mut cols: Vec<(i64, String)> = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(5)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|(pk, _)| *pk > 0)
        .collect();
    cols.sort();
    if cols.is_empty() {
        return Err(CoreError::Internal(format!("sealed table {table} has no primary key")));
    }
    Ok(cols.into_iter().map(|(_, c)| c).collect())
}

/// SQL for a row's key as text, from `prefix` ("NEW.", "OLD." or ""): the SQL literal of
/// each key column, comma-separated — unambiguous whatever the values hold.
fn key_sql(cols: &[String], prefix: &str) -> String {
    cols.iter().map(|c| format!("quote({prefix}\"{c}\")")).collect::<Vec<_>>().join(" || ',' || ")
}

/// (Re)create the triggers that note writes to sealed tables. Idempotent; run on every open,
/// so a dropped trigger comes back (what was written meanwhile shows up in [`verify`]).
pub fn install_triggers(conn: &Connection) -> Result<()> {
    for (table, _) in SEALED_TABLES {
        let cols = key_columns(conn, table)?;
        let (new_key, old_key) = (key_sql(&cols, "NEW."), key_sql(&cols, "OLD."));
        // Not INSERT OR IGNORE: an outer upsert's conflict handling would override it.
        let note = |key: &str, rid: &str| {
            format!(
                "INSERT INTO seal_dirty (tbl, row_key, rid) SELECT '{table}', {key}, {rid}
                 WHERE NOT EXISTS (SELECT 1 FROM seal_dirty WHERE tbl = '{table}' AND row_key = {key});"
            )
        };
        conn.execute_batch(&format!(
            "CREATE TRIGGER IF NOT EXISTS seal_{table}_ins AFTER INSERT ON \"{table}\" BEGIN
               {}
             END;
             CREATE TRIGGER IF NOT EXISTS seal_{table}_upd AFTER UPDATE ON \"{table}\" BEGIN
               {}
               {}
             END;
             CREATE TRIGGER IF NOT EXISTS seal_{table}_del AFTER DELETE ON \"{table}\" BEGIN
               {}
             END;",
            note(&new_key, "NEW.rowid"),
            note(&new_key, "NEW.rowid"),
            note(&old_key, "OLD.rowid"),
            note(&old_key, "OLD.rowid"),
        ))?;
    }
    Ok(())
}

/// Append one value to the canonical form of a row: a type letter, then the value.
fn push_value(out: &mut Vec<u8>, v: ValueRef) {
    match v {
        ValueRef::Null => out.push(b'N'),
        ValueRef::Integer(i) => {
            out.push(b'I');
            out.extend_from_slice(i.to_string().as_bytes());
        }
        ValueRef::Real(f) => {
            out.push(b'R');
            out.extend_from_slice(&f.to_bits().to_be_bytes());
        }
        ValueRef::Text(t) => {
            out.push(b'T');
            out.extend_from_slice(t.len().to_string().as_bytes());
            out.push(b':');
            out.extend_from_slice(t);
        }
        ValueRef::Blob(b) => {
            out.push(b'B');
            out.extend_from_slice(b.len().to_string().as_bytes());
            out.push(b':');
            out.extend_from_slice(b);
        }
    }
    out.push(0x1f);
}

/// The hash of a row: table, key and every column in table order.
fn hash_row(table: &str, key: &str, row: &rusqlite::Row, first_col: usize, ncols: usize) -> rusqlite::Result<String> {
    let mut bytes = Vec::with_capacity(256);
    bytes.extend_from_slice(table.as_bytes());
    bytes.push(0x1e);
    bytes.extend_from_slice(key.as_bytes());
    bytes.push(0x1e);
    for i in first_col..first_col + ncols {
        push_value(&mut bytes, row.get_ref(i)?);
    }
    Ok(sha256_hex(&bytes))
}

fn column_count(conn: &Connection, table: &str) -> Result<usize> {
    Ok(conn.query_row(&format!("SELECT COUNT(*) FROM pragma_table_info('{table}')"), [], |r| r.get::<_, i64>(0))? as usize)
}

/// The hash of the row `rid` of `table` now, with its key, or None when it is gone.
fn current_hash(conn: &Connection, table: &str, cols: &[String], ncols: usize, rid: i64) -> Result<Option<(String, String)>> {
    let sql = format!("SELECT {} AS k, * FROM \"{table}\" WHERE rowid = ?1", key_sql(cols, ""));
    Ok(conn
        .query_row(&sql, [rid], |r| {
            let key: String = r.get(0)?;
            let h = hash_row(table, &key, r, 1, ncols)?;
            Ok((key, h))
        })
        .optional()?)
}

/// The hash of one log entry: the previous hash, its number, time and reason, and each of
/// its rows (table, key, hash or "-" for deleted), in (table, key) order.
fn entry_hash(prev: &str, seq: i64, at: &str, reason: &str, rows: &[(String, String, Option<String>)]) -> String {
    let mut bytes = Vec::with_capacity(128 + rows.len() * 100);
    for part in [prev, &seq.to_string(), at, reason] {
        bytes.extend_from_slice(part.as_bytes());
        bytes.push(0x1e);
    }
    for (t, k, h) in rows {
        bytes.extend_from_slice(t.as_bytes());
        bytes.push(0x1f);
        bytes.extend_from_slice(k.as_bytes());
        bytes.push(0x1f);
        bytes.extend_from_slice(h.as_deref().unwrap_or("-").as_bytes());
        bytes.push(0x1e);
    }
    sha256_hex(&bytes)
}

/// The head of the seal log: (entry number, hash). (0, genesis) for a book with none.
pub fn head(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .query_row("SELECT seq, hash FROM seal_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, GENESIS.to_string())))
}

fn append(conn: &Connection, at: &str, reason: &str, mut rows: Vec<(String, String, Option<String>)>) -> Result<Option<(i64, String)>> {
    if rows.is_empty() {
        return Ok(None);
    }
    rows.sort();
    rows.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let (last, prev) = head(conn)?;
    let seq = last + 1;
    let hash = entry_hash(&prev, seq, at, reason, &rows);
    conn.execute(
        "INSERT INTO seal_log (seq, at, reason, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![seq, at, reason, prev, hash],
    )?;
    let mut ins = conn.prepare_cached("INSERT INTO seal_log_rows (seq, tbl, row_key, row_hash) VALUES (?1, ?2, ?3, ?4)")?;
    for (t, k, h) in &rows {
        ins.execute(params![seq, t, k, h])?;
    }
    Ok(Some((seq, hash)))
}

/// Seal what this transaction wrote: hash each noted row and append one log entry. Called at
/// the end of every write transaction, before commit.
pub fn seal_pending(conn: &Connection, at: &str, reason: &str) -> Result<Option<(i64, String)>> {
    let dirty: Vec<(String, String, Option<i64>)> = {
        let mut stmt = conn.prepare_cached("SELECT tbl, row_key, rid FROM seal_dirty ORDER BY tbl, row_key")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows
    };
    if dirty.is_empty() {
        return Ok(None);
    }
    let mut shapes: HashMap<String, (Vec<String>, usize)> = HashMap::new();
    let mut rows = Vec::with_capacity(dirty.len());
    for (t, k, rid) in dirty {
        if !shapes.contains_key(&t) {
            shapes.insert(t.clone(), (key_columns(conn, &t)?, column_count(conn, &t)?));
        }
        let (cols, ncols) = &shapes[&t];
        // Usually the noted rowid still holds the key; after a delete or a key change, find
        // the key itself (through the primary key index) — gone means deleted.
        let mut now = match rid {
            Some(rid) => current_hash(conn, &t, cols, *ncols, rid)?.filter(|(key, _)| *key == k),
            None => None,
        };
        if now.is_none() {
            let col_list = cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
            let sql = format!("SELECT rowid FROM \"{t}\" WHERE ({col_list}) = ({k})");
            if let Some(rid) = conn.query_row(&sql, [], |r| r.get::<_, i64>(0)).optional()? {
                now = current_hash(conn, &t, cols, *ncols, rid)?;
            }
        }
        rows.push((t, k, now.map(|(_, h)| h)));
    }
    conn.execute("DELETE FROM seal_dirty", [])?;
    append(conn, at, reason, rows)
}

/// Seal every row of every sealed table as it is now (a book upgraded to sealing).
pub fn seal_everything(conn: &Connection, at: &str, reason: &str) -> Result<Option<(i64, String)>> {
    let mut rows = Vec::new();
    for (table, _) in SEALED_TABLES {
        let cols = key_columns(conn, table)?;
        let ncols = column_count(conn, table)?;
        let mut stmt = conn.prepare(&format!("SELECT {} AS k, * FROM \"{table}\"", key_sql(&cols, "")))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let key: String = r.get(0)?;
            let h = hash_row(table, &key, r, 1, ncols)?;
            rows.push((table.to_string(), key, Some(h)));
        }
    }
    conn.execute("DELETE FROM seal_dirty", [])?;
    append(conn, at, reason, rows)
}

/// One thing `verify` found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct SealProblem {
    /// edited | inserted | deleted | unsealed_write | log_broken
    pub kind: String,
    pub table: String,
    pub table_label: String,
    /// The row's primary key as SQL literals ("42", "'2026-10'", "'102','2026-10'").
    pub row_key: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SealReport {
    pub ok: bool,
    pub entries: i64,
    pub rows_checked: i64,
    /// The head of the seal log (the fingerprint of the sealed history).
    pub head: String,
    pub problems: Vec<SealProblem>,
}

fn label(table: &str) -> &'static str {
    SEALED_TABLES.iter().find(|(t, _)| *t == table).map(|(_, l)| *l).unwrap_or("")
}

fn problem(kind: &str, table: &str, key: &str, what: &str) -> SealProblem {
    let l = label(table);
    SealProblem {
        kind: kind.into(),
        table: table.into(),
        table_label: l.into(),
        row_key: key.into(),
        message: format!("{l}（表 {table}，主键 {key}）{what}"),
    }
}

/// Check the whole sealed history and every sealed row. At most `limit` problems are listed.
pub fn verify(conn: &Connection, limit: usize) -> Result<SealReport> {
    let mut problems = Vec::new();
    // 1. Replay the log: every entry's hash follows from its rows and the previous hash.
    let mut expected: HashMap<(String, String), Option<String>> = HashMap::new();
    let mut entries = 0i64;
    let mut prev = GENESIS.to_string();
    let mut head_hash = GENESIS.to_string();
    {
        let mut log = conn.prepare("SELECT seq, at, reason, prev_hash, hash FROM seal_log ORDER BY seq")?;
        let mut rows_stmt = conn.prepare("SELECT tbl, row_key, row_hash FROM seal_log_rows WHERE seq = ?1 ORDER BY tbl, row_key")?;
        let mut q = log.query([])?;
        let mut expected_seq = 1;
        while let Some(r) = q.next()? {
            let (seq, at, reason, prev_hash, hash): (i64, String, String, String, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            entries += 1;
            let rows: Vec<(String, String, Option<String>)> =
                rows_stmt.query_map([seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
            if seq != expected_seq || prev_hash != prev || entry_hash(&prev, seq, &at, &reason, &rows) != hash {
                problems.push(SealProblem {
                    kind: "log_broken".into(),
                    table: "seal_log".into(),
                    table_label: "封存记录".into(),
                    row_key: seq.to_string(),
                    message: format!("封存记录第 {seq} 条（{at}）与前后不符：封存历史被改动、删除或插入"),
                });
                break;
            }
            for (t, k, h) in rows {
                expected.insert((t, k), h);
            }
            prev = hash.clone();
            head_hash = hash;
            expected_seq += 1;
        }
    }
    // 2. Every row of every sealed table against what the log says it should be.
    let mut rows_checked = 0i64;
    for (table, _) in SEALED_TABLES {
        let cols = key_columns(conn, table)?;
        let ncols = column_count(conn, table)?;
        let mut stmt = conn.prepare(&format!("SELECT {} AS k, * FROM \"{table}\"", key_sql(&cols, "")))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            rows_checked += 1;
            let key: String = r.get(0)?;
            let h = hash_row(table, &key, r, 1, ncols)?;
            match expected.remove(&(table.to_string(), key.clone())) {
                Some(Some(e)) if e == h => {}
                Some(Some(_)) => problems.push(problem("edited", table, &key, "在程序之外被改动")),
                Some(None) | None => problems.push(problem("inserted", table, &key, "不是由程序写入的（在程序之外插入）")),
            }
        }
    }
    let mut gone: Vec<(String, String)> = expected.into_iter().filter(|(_, h)| h.is_some()).map(|(k, _)| k).collect();
    gone.sort();
    for (t, k) in gone {
        problems.push(problem("deleted", &t, &k, "在程序之外被删除"));
    }
    // 3. Notes the triggers left outside any app transaction: writes made behind its back.
    let mut stmt = conn.prepare("SELECT tbl, row_key FROM seal_dirty ORDER BY tbl, row_key")?;
    let dirty = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    for (t, k) in dirty {
        if !problems.iter().any(|p| p.table == t && p.row_key == k) {
            problems.push(problem("unsealed_write", &t, &k, "有未经程序封存的写入"));
        }
    }
    let total = problems.len();
    problems.truncate(limit);
    Ok(SealReport { ok: total == 0, entries, rows_checked, head: head_hash, problems })
}
