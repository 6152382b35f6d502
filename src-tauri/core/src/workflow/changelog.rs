//! Change log (操作日志): every write command appends one row — who, when, which command,
//! its arguments and the before/after state as JSON — chained by SHA-256 so that an edit made
//! behind the app's back is detected by `verify`. SQLite triggers reject UPDATE and DELETE.

use crate::error::Result;
use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The hash that precedes the first row of a chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub struct NewEntry<'a> {
    pub at: &'a str,
    pub user_id: Option<i64>,
    pub user_name: &'a str,
    pub command: &'a str,
    pub kind: &'a str,
    pub args: &'a Value,
    pub before: &'a Value,
    pub after: &'a Value,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Entry {
    pub id: i64,
    pub at: String,
    pub user_id: Option<i64>,
    pub user_name: String,
    pub command: String,
    pub kind: String,
    pub args: Value,
    pub before: Value,
    pub after: Value,
    pub hash: String,
}

/// The bytes a row's hash covers. A JSON array keeps the order fixed.
#[allow(clippy::too_many_arguments)]
fn canonical(id: i64, at: &str, user_id: Option<i64>, user_name: &str, command: &str, kind: &str, args: &str, before: &str, after: &str) -> String {
    serde_json::to_string(&(id, at, user_id, user_name, command, kind, args, before, after)).expect("serialize")
}

pub fn chain_hash(prev_hash: &str, canonical_bytes: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(canonical_bytes);
    data_encoding::HEXLOWER.encode(&h.finalize())
}

/// Redact secrets before they reach the log.
pub fn redact(args: &Value) -> Value {
    match args {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    if k.contains("password") {
                        (k.clone(), Value::String("******".into()))
                    } else if k == "data_base64" {
                        // File contents are kept in their own table with a SHA-256; the log
                        // records only how big they were.
                        let len = v.as_str().map(str::len).unwrap_or(0);
                        (k.clone(), Value::String(format!("[文件内容 {len} 字符，已省略]")))
                    } else {
                        (k.clone(), redact(v))
                    }
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact).collect()),
        other => other.clone(),
    }
}

pub fn append(conn: &Connection, e: NewEntry) -> Result<i64> {
    let (last_id, prev_hash): (i64, String) = conn.query_row(
        "SELECT COALESCE(MAX(id), 0), COALESCE((SELECT hash FROM change_log ORDER BY id DESC LIMIT 1), ?1) FROM change_log",
        [GENESIS],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let id = last_id + 1;
    let args = serde_json::to_string(&redact(e.args)).expect("json");
    let before = serde_json::to_string(e.before).expect("json");
    let after = serde_json::to_string(&redact(e.after)).expect("json");
    let bytes = canonical(id, e.at, e.user_id, e.user_name, e.command, e.kind, &args, &before, &after);
    let hash = chain_hash(&prev_hash, bytes.as_bytes());
    conn.execute(
        "INSERT INTO change_log (id, at, user_id, user_name, command, kind, args, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![id, e.at, e.user_id, e.user_name, e.command, e.kind, args, before, after, prev_hash, hash],
    )?;
    Ok(id)
}

/// Outcome of re-computing the change-log chain.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct LogVerification {
    pub entries: i64,
    pub head: String,
    /// The first row whose stored hash does not match, if any.
    pub first_bad_id: Option<i64>,
}

pub fn verify(conn: &Connection) -> Result<LogVerification> {
    let mut stmt = conn.prepare(
        "SELECT id, at, user_id, user_name, command, kind, args, before, after, prev_hash, hash FROM change_log ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_string();
    let mut count = 0;
    let mut expected_id = 1;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let bytes = canonical(id, &r.get::<_, String>(1)?, r.get(2)?, &r.get::<_, String>(3)?, &r.get::<_, String>(4)?, &r.get::<_, String>(5)?, &r.get::<_, String>(6)?, &r.get::<_, String>(7)?, &r.get::<_, String>(8)?);
        let stored_prev: String = r.get(9)?;
        let stored: String = r.get(10)?;
        let recomputed = chain_hash(&prev, bytes.as_bytes());
        if id != expected_id || stored_prev != prev || stored != recomputed {
            return Ok(LogVerification { entries: count, head: prev, first_bad_id: Some(id) });
        }
        prev = stored;
        count += 1;
        expected_id += 1;
    }
    Ok(LogVerification { entries: count, head: prev, first_bad_id: None })
}

#[derive(Debug, Clone, Default, serde::Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct LogFilter {
    pub user_id: Option<i64>,
    pub kind: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Exact command name, e.g. "ledger_vouchers_post".
    #[serde(default)]
    pub command: Option<String>,
    #[serde(default)]
    pub limit: Option<i64>,
    #[serde(default)]
    pub offset: Option<i64>,
}

pub fn list(conn: &Connection, f: &LogFilter) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, user_id, user_name, command, kind, args, before, after, hash FROM change_log
         WHERE (?1 IS NULL OR user_id = ?1) AND (?2 IS NULL OR kind = ?2)
           AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at < date(?4, '+1 day')) AND (?7 IS NULL OR command = ?7)
         ORDER BY id DESC LIMIT ?5 OFFSET ?6",
    )?;
    let parse = |s: String| serde_json::from_str(&s).unwrap_or(Value::String(s));
    let rows = stmt
        .query_map(
            params![f.user_id, f.kind, f.from, f.to, f.limit.unwrap_or(200).clamp(1, 1000), f.offset.unwrap_or(0), f.command],
            |r| {
                Ok(Entry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    user_id: r.get(2)?,
                    user_name: r.get(3)?,
                    command: r.get(4)?,
                    kind: r.get(5)?,
                    args: parse(r.get(6)?),
                    before: parse(r.get(7)?),
                    after: parse(r.get(8)?),
                    hash: r.get(9)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct LogKinds {
    pub kinds: Vec<String>,
    pub commands: Vec<String>,
    pub total: i64,
}

/// The kinds and command names that occur in the log, for the browser's filters.
pub fn kinds(conn: &Connection) -> Result<LogKinds> {
    let col = |sql: &str| -> Result<Vec<String>> {
        Ok(conn.prepare(sql)?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?)
    };
    Ok(LogKinds {
        kinds: col("SELECT DISTINCT kind FROM change_log ORDER BY kind")?,
        commands: col("SELECT DISTINCT command FROM change_log ORDER BY command")?,
        total: conn.query_row("SELECT COUNT(*) FROM change_log", [], |r| r.get(0))?,
    })
}
