//! 工会小组 (union groups).

use crate::error::{CoreError, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Group {
    pub id: i64,
    pub name: String,
    /// Members in membership (在会 and 保留会籍).
    pub members: i64,
    /// Everyone on the roll in this group, leavers included.
    pub total: i64,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct NewGroup {
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct RenameGroup {
    pub id: i64,
    pub name: String,
}

fn check_name(conn: &Connection, name: &str, except: Option<i64>) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::validation("name", "请填写小组名称"));
    }
    if name.chars().count() > 50 {
        return Err(CoreError::validation("name", "小组名称不能超过 50 个字"));
    }
    let clash: Option<i64> =
        conn.query_row("SELECT id FROM member_groups WHERE name = ?1 AND id IS NOT ?2", params![name, except], |r| r.get(0)).optional()?;
    if clash.is_some() {
        return Err(CoreError::validation("name", format!("已有名为“{name}”的小组")));
    }
    Ok(name.to_string())
}

pub fn ensure_exists(conn: &Connection, id: i64) -> Result<()> {
    let ok: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM member_groups WHERE id = ?1)", [id], |r| r.get(0))?;
    if ok {
        Ok(())
    } else {
        Err(CoreError::validation("group_id", format!("工会小组（编号 {id}）不存在")))
    }
}

pub fn list(conn: &Connection) -> Result<Vec<Group>> {
    let mut stmt = conn.prepare(
        "SELECT g.id, g.name,
                (SELECT COUNT(*) FROM members m WHERE m.group_id = g.id AND m.status IN ('active', 'retired', 'unemployed')),
                (SELECT COUNT(*) FROM members m WHERE m.group_id = g.id)
         FROM member_groups g ORDER BY g.name",
    )?;
    let rows = stmt
        .query_map([], |r| Ok(Group { id: r.get(0)?, name: r.get(1)?, members: r.get(2)?, total: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<Group> {
    list(conn)?.into_iter().find(|g| g.id == id).ok_or_else(|| CoreError::NotFound(format!("工会小组（编号 {id}）")))
}

pub fn add(conn: &Connection, a: &NewGroup, now: &str) -> Result<Group> {
    let name = check_name(conn, &a.name, None)?;
    conn.execute("INSERT INTO member_groups (name, created_at) VALUES (?1, ?2)", params![name, now])?;
    get(conn, conn.last_insert_rowid())
}

/// The group with this name, created if new (for import).
pub fn find_or_create(conn: &Connection, name: &str, now: &str) -> Result<i64> {
    let found: Option<i64> = conn.query_row("SELECT id FROM member_groups WHERE name = ?1", [name.trim()], |r| r.get(0)).optional()?;
    match found {
        Some(id) => Ok(id),
        None => Ok(add(conn, &NewGroup { name: name.to_string() }, now)?.id),
    }
}

pub fn rename(conn: &Connection, a: &RenameGroup) -> Result<Group> {
    get(conn, a.id)?;
    let name = check_name(conn, &a.name, Some(a.id))?;
    conn.execute("UPDATE member_groups SET name = ?2 WHERE id = ?1", params![a.id, name])?;
    get(conn, a.id)
}

pub fn delete(conn: &Connection, id: i64) -> Result<Group> {
    let g = get(conn, id)?;
    if g.total > 0 {
        return Err(CoreError::Conflict(format!("小组“{}”中还有 {} 名会员，请先把他们调到其他小组", g.name, g.total)));
    }
    conn.execute("DELETE FROM member_groups WHERE id = ?1", [id])?;
    Ok(g)
}
