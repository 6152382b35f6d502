//! Attachments (附件): photos, scans and PDFs of receipts, stored inside the book file so one
//! file is the whole book. Uploaded to a draft and moved to the voucher on posting; may be
//! added to a posted voucher later (a late receipt) but never removed from it.

use crate::error::{CoreError, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

pub const MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct AddAttachment {
    #[serde(default)]
    pub draft_id: Option<i64>,
    #[serde(default)]
    pub voucher_id: Option<i64>,
    pub file_name: String,
    pub mime: String,
    /// Standard base64; a "data:…;base64," prefix and whitespace are tolerated.
    pub data_base64: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AttachmentMeta {
    pub id: i64,
    pub draft_id: Option<i64>,
    pub voucher_id: Option<i64>,
    pub file_name: String,
    pub mime: String,
    pub size: i64,
    pub sha256: String,
    pub added_by: i64,
    pub added_by_name: String,
    pub added_at: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AttachmentData {
    pub id: i64,
    pub file_name: String,
    pub mime: String,
    pub size: i64,
    pub sha256: String,
    pub data_base64: String,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct AttachmentOwner {
    #[serde(default)]
    pub draft_id: Option<i64>,
    #[serde(default)]
    pub voucher_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct AttachmentId {
    pub id: i64,
}

fn clean_file_name(name: &str) -> Result<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    if base.is_empty() {
        return Err(CoreError::validation("file_name", "文件名不能为空"));
    }
    Ok(base.chars().take(200).collect())
}

fn check_owner(conn: &Connection, o: &AttachmentOwner) -> Result<()> {
    match (o.draft_id, o.voucher_id) {
        (Some(d), None) => {
            let ok: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM draft_vouchers WHERE id = ?1)", [d], |r| r.get(0))?;
            if !ok {
                return Err(CoreError::NotFound(format!("凭证草稿（编号 {d}）")));
            }
        }
        (None, Some(v)) => {
            let ok: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM journal_vouchers WHERE id = ?1)", [v], |r| r.get(0))?;
            if !ok {
                return Err(CoreError::NotFound(format!("记账凭证（编号 {v}）")));
            }
        }
        _ => return Err(CoreError::invalid("附件须指定所属的凭证草稿或记账凭证（二者选一）")),
    }
    Ok(())
}

pub fn add(conn: &Connection, a: &AddAttachment, user_id: i64, now: &str) -> Result<AttachmentMeta> {
    let owner = AttachmentOwner { draft_id: a.draft_id, voucher_id: a.voucher_id };
    check_owner(conn, &owner)?;
    let file_name = clean_file_name(&a.file_name)?;
    let mime = a.mime.trim().to_ascii_lowercase();
    if !(mime.starts_with("image/") || mime == "application/pdf") {
        return Err(CoreError::validation("mime", format!("只能上传图片或 PDF 文件（收到 {mime}）")));
    }
    let b64 = a.data_base64.trim();
    let b64 = match b64.split_once(";base64,") {
        Some((prefix, rest)) if prefix.starts_with("data:") => rest,
        _ => b64,
    };
    let b64: String = b64.chars().filter(|c| !c.is_whitespace()).collect();
    if b64.len() / 4 * 3 > MAX_BYTES + 3 {
        return Err(CoreError::validation("data_base64", "附件不能超过 20 MB"));
    }
    let data = data_encoding::BASE64
        .decode(b64.as_bytes())
        .map_err(|_| CoreError::validation("data_base64", "附件内容不是有效的 base64 编码"))?;
    if data.is_empty() {
        return Err(CoreError::validation("data_base64", "附件是空文件"));
    }
    if data.len() > MAX_BYTES {
        return Err(CoreError::validation("data_base64", "附件不能超过 20 MB"));
    }
    if mime == "application/pdf" && !data.starts_with(b"%PDF") {
        return Err(CoreError::validation("mime", "文件内容不是 PDF"));
    }
    let sha = super::chain::sha256_hex(&[&data]);
    conn.execute(
        "INSERT INTO attachments (draft_id, voucher_id, file_name, mime, size, sha256, data, added_by, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![a.draft_id, a.voucher_id, file_name, mime, data.len() as i64, sha, data, user_id, now],
    )?;
    get_meta(conn, conn.last_insert_rowid())
}

const META_SELECT: &str = "SELECT a.id, a.draft_id, a.voucher_id, a.file_name, a.mime, a.size, a.sha256, a.added_by,
    COALESCE(u.name, ''), a.added_at FROM attachments a LEFT JOIN users u ON u.id = a.added_by";

fn row_to_meta(r: &rusqlite::Row) -> rusqlite::Result<AttachmentMeta> {
    Ok(AttachmentMeta {
        id: r.get(0)?,
        draft_id: r.get(1)?,
        voucher_id: r.get(2)?,
        file_name: r.get(3)?,
        mime: r.get(4)?,
        size: r.get(5)?,
        sha256: r.get(6)?,
        added_by: r.get(7)?,
        added_by_name: r.get(8)?,
        added_at: r.get(9)?,
    })
}

pub fn get_meta(conn: &Connection, id: i64) -> Result<AttachmentMeta> {
    conn.query_row(&format!("{META_SELECT} WHERE a.id = ?1"), [id], row_to_meta)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("附件（编号 {id}）")))
}

pub fn list(conn: &Connection, o: &AttachmentOwner) -> Result<Vec<AttachmentMeta>> {
    check_owner(conn, o)?;
    let mut stmt = conn.prepare(&format!("{META_SELECT} WHERE a.draft_id IS ?1 AND (?1 IS NOT NULL OR a.voucher_id = ?2) ORDER BY a.id"))?;
    let rows = stmt.query_map(params![o.draft_id, o.voucher_id], row_to_meta)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<AttachmentData> {
    conn.query_row("SELECT id, file_name, mime, size, sha256, data FROM attachments WHERE id = ?1", [id], |r| {
        let data: Vec<u8> = r.get(5)?;
        Ok(AttachmentData {
            id: r.get(0)?,
            file_name: r.get(1)?,
            mime: r.get(2)?,
            size: r.get(3)?,
            sha256: r.get(4)?,
            data_base64: data_encoding::BASE64.encode(&data),
        })
    })
    .optional()?
    .ok_or_else(|| CoreError::NotFound(format!("附件（编号 {id}）")))
}

/// Remove a file from a draft. Files on posted vouchers are kept for good.
pub fn delete(conn: &Connection, id: i64) -> Result<AttachmentMeta> {
    let meta = get_meta(conn, id)?;
    if meta.voucher_id.is_some() {
        return Err(CoreError::Conflict("已记账凭证的附件不能删除".to_string()));
    }
    conn.execute("DELETE FROM attachments WHERE id = ?1", [id])?;
    Ok(meta)
}
