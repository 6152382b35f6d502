//! External anchors against truncation and rollback (issue 13 item 2).
//!
//! The seal chain's head commits to the book's whole sealed history. Someone holding the file
//! can cut the history short (delete the last entries and the rows they sealed) or put back an
//! older copy of the whole file, and the book is then self-consistent. What catches it is a
//! head seen *earlier*, kept outside the book:
//! - a fingerprint printed on a notice or written down: `verify --expect FINGERPRINT` checks
//!   that it is still part of today's history ([`expect`]);
//! - the "last seen" file on this PC ([`check_last_seen`]): for each book (identified by its
//!   first seal entry) the furthest head this PC has seen. A book that is behind it, or whose
//!   history differs from it, is reported loudly on open and fails `verify`.

use super::head;
use crate::error::Result;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Environment variable naming the last-seen file (tests point it into a temporary folder).
pub const LAST_SEEN_ENV: &str = "UNION_LEDGER_LAST_SEEN";

/// Where this PC keeps the last-seen heads: `UNION_LEDGER_LAST_SEEN`, else
/// `<app data>/cn.union-ledger.app/last-seen.json` beside the default book.
pub fn last_seen_path() -> PathBuf {
    match std::env::var_os(LAST_SEEN_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("cn.union-ledger.app").join("last-seen.json"),
    }
}

/// The short form of a hash, as printed: 12 base32 characters in groups of four.
pub fn short(hash_hex: &str) -> String {
    let bytes = data_encoding::HEXLOWER.decode(hash_hex.as_bytes()).unwrap_or_default();
    let b32 = data_encoding::BASE32_NOPAD.encode(&bytes);
    let s: String = b32.chars().take(12).collect();
    s.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap_or("")).collect::<Vec<_>>().join("-")
}

/// A book's identity: the hash of its first seal entry (made when it was created or first
/// sealed), which no later write changes.
pub fn book_id(conn: &Connection) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT hash FROM seal_log WHERE seq = 1", [], |r| r.get(0)).optional()?)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Seen {
    seq: i64,
    hash: String,
    at: String,
    path: String,
}

fn load(file: &Path) -> BTreeMap<String, Seen> {
    std::fs::read(file).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
}

fn save(file: &Path, map: &BTreeMap<String, Seen>) {
    // Best effort: a PC where the file cannot be written still opens the book.
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let tmp = file.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, serde_json::to_vec_pretty(map).expect("json")).is_ok() {
        let _ = std::fs::rename(&tmp, file);
    }
}

/// Compare the book with the furthest head this PC has seen of it; then, if it is not behind,
/// record its current head. Returns a warning in plain words when the book is older than what
/// was seen, or its history differs.
pub fn check_last_seen(conn: &Connection, file: &Path, book_path: &Path, now: &str) -> Result<Option<String>> {
    let Some(id) = book_id(conn)? else { return Ok(None) };
    let (seq, hash) = head(conn)?;
    let mut map = load(file);
    if let Some(seen) = map.get(&id) {
        if seen.seq > seq {
            return Ok(Some(format!(
                "这个账套比本机上次见到的旧：本机 {} 见到它有 {} 条封存记录（指纹 {}），现在只有 {} 条。如果是有意从备份恢复，请核对无误；否则账套可能被回滚或截断。",
                seen.at.get(..10).unwrap_or(&seen.at),
                seen.seq,
                short(&seen.hash),
                seq
            )));
        }
        let then: Option<String> = conn.query_row("SELECT hash FROM seal_log WHERE seq = ?1", [seen.seq], |r| r.get(0)).optional()?;
        if then.as_deref() != Some(seen.hash.as_str()) {
            return Ok(Some(format!(
                "这个账套的封存历史与本机上次所见不一致（第 {} 条封存记录不同，本机见到的指纹为 {}）：账套可能被替换或改写。",
                seen.seq,
                short(&seen.hash)
            )));
        }
        if seen.seq == seq {
            return Ok(None);
        }
    }
    map.insert(id, Seen { seq, hash, at: now.to_string(), path: book_path.display().to_string() });
    save(file, &map);
    Ok(None)
}

/// What `verify --expect` found.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExpectResult {
    pub ok: bool,
    pub expected: String,
    /// Where the fingerprint was found: "seal" (the book's sealed history) or "vouchers" (a
    /// voucher-chain fingerprint, as notices printed before seals existed).
    pub found_in: Option<String>,
    /// The entry (seal log) or voucher sequence number it names.
    pub seq: Option<i64>,
    pub message: String,
}

fn normalise(f: &str) -> String {
    f.trim().chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>()
}

/// Is `fingerprint` (the short form printed on a notice, with or without dashes, or a full
/// hash) part of this book's history? The book may have grown since; it must not have lost or
/// changed what the fingerprint named.
pub fn expect(conn: &Connection, fingerprint: &str) -> Result<ExpectResult> {
    let want = normalise(fingerprint);
    let full = want.len() == 64 && want.chars().all(|c| c.is_ascii_hexdigit());
    let matches = |hash: &str| if full { hash.eq_ignore_ascii_case(&want) } else { normalise(&short(hash)).eq_ignore_ascii_case(&want) };
    let sources: [(&str, &str); 2] =
        [("seal", "SELECT seq, hash FROM seal_log ORDER BY seq"), ("vouchers", "SELECT seq, hash FROM journal_vouchers ORDER BY seq")];
    for (name, sql) in sources {
        let mut stmt = conn.prepare(sql)?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let (seq, hash): (i64, String) = (r.get(0)?, r.get(1)?);
            if matches(&hash) {
                let what = if name == "seal" { "封存记录" } else { "凭证" };
                return Ok(ExpectResult {
                    ok: true,
                    expected: fingerprint.trim().to_string(),
                    found_in: Some(name.into()),
                    seq: Some(seq),
                    message: format!("指纹 {} 在本账套的历史中（第 {seq} 条{what}），之后的记录是在它之上追加的", fingerprint.trim()),
                });
            }
        }
    }
    Ok(ExpectResult {
        ok: false,
        expected: fingerprint.trim().to_string(),
        found_in: None,
        seq: None,
        message: format!("指纹 {} 不在本账套的历史中：账套可能被回滚、截断或替换，或者指纹抄错了", fingerprint.trim()),
    })
}
