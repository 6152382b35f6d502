//! 困难职工档案 (hardship files). Internal only: never in lists, exports or public notices.

use super::date_col;
use crate::error::{CoreError, Result};
use chrono::{Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

pub const LEVELS: &[&str] = &["困难", "特困"];

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(rename = "HardshipFileRecord")]
pub struct HardshipFile {
    pub id: i64,
    pub member_id: i64,
    pub member_no: String,
    pub member_name: String,
    pub group: Option<String>,
    pub level: String,
    pub reason: String,
    pub identified_on: NaiveDate,
    pub next_review_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub close_reason: String,
    pub open: bool,
    pub created_at: String,
    pub updated_at: String,
}

const SELECT: &str = "SELECT h.id, h.member_id, m.member_no, m.name, g.name, h.level, h.reason, h.identified_on, h.next_review_on,
        h.closed_on, h.close_reason, h.created_at, h.updated_at
    FROM hardship_files h JOIN members m ON m.id = h.member_id LEFT JOIN member_groups g ON g.id = m.group_id";

fn row(r: &rusqlite::Row) -> rusqlite::Result<HardshipFile> {
    let closed_on: Option<String> = r.get(9)?;
    Ok(HardshipFile {
        id: r.get(0)?,
        member_id: r.get(1)?,
        member_no: r.get(2)?,
        member_name: r.get(3)?,
        group: r.get(4)?,
        level: r.get(5)?,
        reason: r.get(6)?,
        identified_on: date_col(r.get(7)?),
        next_review_on: r.get::<_, Option<String>>(8)?.map(date_col),
        open: closed_on.is_none(),
        closed_on: closed_on.map(date_col),
        close_reason: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
pub struct ListArgs {
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub open_only: bool,
}

pub fn list(conn: &Connection, a: &ListArgs) -> Result<Vec<HardshipFile>> {
    let sql = format!(
        "{SELECT} {} ORDER BY h.closed_on IS NOT NULL, m.member_no, h.identified_on DESC",
        if a.open_only { "WHERE h.closed_on IS NULL" } else { "" }
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Open files whose review date is on or before `date`.
pub fn due_for_review(conn: &Connection, date: NaiveDate) -> Result<Vec<HardshipFile>> {
    let sql = format!(
        "{SELECT} WHERE h.closed_on IS NULL AND h.next_review_on IS NOT NULL AND h.next_review_on <= ?1 ORDER BY h.next_review_on, m.member_no"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([date.to_string()], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<HardshipFile> {
    let f = conn
        .query_row(&format!("{SELECT} WHERE h.id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("困难职工档案（编号 {id}）")))?;
    Ok(f)
}

fn check_level(level: &str) -> Result<String> {
    let l = level.trim();
    if LEVELS.contains(&l) {
        Ok(l.to_string())
    } else {
        Err(CoreError::validation("level", format!("困难程度应为“困难”或“特困”，不能是“{l}”")))
    }
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct OpenFile {
    pub member_id: i64,
    pub level: String,
    pub reason: String,
    pub identified_on: NaiveDate,
    /// Default: one year after identification.
    #[serde(default)]
    pub next_review_on: Option<NaiveDate>,
}

pub fn open(conn: &Connection, a: &OpenFile, now: &str) -> Result<HardshipFile> {
    super::roll::ensure_exists(conn, a.member_id)?;
    let level = check_level(&a.level)?;
    let reason = a.reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "请填写致困原因"));
    }
    let open: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM hardship_files WHERE member_id = ?1 AND closed_on IS NULL)",
        [a.member_id],
        |r| r.get(0),
    )?;
    if open {
        return Err(CoreError::Conflict("该会员已有未关闭的困难职工档案，请在原档案上更新".into()));
    }
    let review = a.next_review_on.or_else(|| a.identified_on.checked_add_months(Months::new(12)));
    if let Some(r) = review {
        if r < a.identified_on {
            return Err(CoreError::validation("next_review_on", "复核日期不能早于认定日期"));
        }
    }
    conn.execute(
        "INSERT INTO hardship_files (member_id, level, reason, identified_on, next_review_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![a.member_id, level, reason, a.identified_on.to_string(), review.map(|d| d.to_string()), now],
    )?;
    get(conn, conn.last_insert_rowid())
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct UpdateFile {
    pub id: i64,
    #[serde(default)]
    pub level: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub identified_on: Option<NaiveDate>,
    #[serde(default)]
    pub next_review_on: Option<NaiveDate>,
}

pub fn update(conn: &Connection, a: &UpdateFile, now: &str) -> Result<HardshipFile> {
    let f = get(conn, a.id)?;
    if !f.open {
        return Err(CoreError::Conflict("该档案已关闭，不能修改；如再次认定请新建档案".into()));
    }
    let level = match &a.level {
        Some(l) => check_level(l)?,
        None => f.level,
    };
    let reason = a.reason.as_deref().map(str::trim).unwrap_or(&f.reason).to_string();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "请填写致困原因"));
    }
    let identified = a.identified_on.unwrap_or(f.identified_on);
    let review = a.next_review_on.or(f.next_review_on);
    if review.is_some_and(|r| r < identified) {
        return Err(CoreError::validation("next_review_on", "复核日期不能早于认定日期"));
    }
    conn.execute(
        "UPDATE hardship_files SET level = ?2, reason = ?3, identified_on = ?4, next_review_on = ?5, updated_at = ?6 WHERE id = ?1",
        params![a.id, level, reason, identified.to_string(), review.map(|d| d.to_string()), now],
    )?;
    get(conn, a.id)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct CloseFile {
    pub id: i64,
    pub closed_on: NaiveDate,
    pub close_reason: String,
}

pub fn close(conn: &Connection, a: &CloseFile, now: &str) -> Result<HardshipFile> {
    let f = get(conn, a.id)?;
    if !f.open {
        return Err(CoreError::Conflict("该档案已经关闭".into()));
    }
    if a.closed_on < f.identified_on {
        return Err(CoreError::validation("closed_on", "关闭日期不能早于认定日期"));
    }
    let reason = a.close_reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("close_reason", "请填写关闭原因（如：已脱困）"));
    }
    conn.execute(
        "UPDATE hardship_files SET closed_on = ?2, close_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![a.id, a.closed_on.to_string(), reason, now],
    )?;
    get(conn, a.id)
}
