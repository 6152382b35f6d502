//! The roll as it stood on a date, with what other modules select members by (gender, birth
//! date, group, children's birth dates, an open hardship file) — so welfare can pick
//! recipients without reading this module's tables itself. Internal: hardship *level* and
//! *reason* are not included, only whether a file was open.

use super::events::{self, in_membership, status_on};
use super::{date_col, roll};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RosterEntry {
    pub id: i64,
    pub member_no: String,
    pub name: String,
    pub gender: String,
    pub birth_date: Option<NaiveDate>,
    pub group_id: Option<i64>,
    pub group: Option<String>,
    /// Status on the date (None: not yet a member then).
    pub status: Option<&'static str>,
    pub status_label: &'static str,
    /// 在会 or 保留会籍 on the date.
    pub in_membership: bool,
    pub children_birth_dates: Vec<NaiveDate>,
    /// A hardship file identified on or before the date and not closed by then.
    pub hardship_open: bool,
}

/// Every member on the roll with their standing on `date`, in member-number order.
pub fn roster_on(conn: &Connection, date: NaiveDate) -> Result<Vec<RosterEntry>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, m.member_no, m.name, m.gender, m.birth_date, m.group_id, g.name
         FROM members m LEFT JOIN member_groups g ON g.id = m.group_id ORDER BY m.member_no",
    )?;
    let base = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<i64>>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut events: HashMap<i64, Vec<(String, NaiveDate)>> = HashMap::new();
    let mut stmt = conn.prepare("SELECT member_id, event, date FROM member_events ORDER BY member_id, date, id")?;
    for r in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))? {
        let (id, ev, d) = r?;
        events.entry(id).or_default().push((ev, date_col(d)));
    }
    let mut children: HashMap<i64, Vec<NaiveDate>> = HashMap::new();
    let mut stmt = conn.prepare("SELECT member_id, birth_date FROM member_children ORDER BY birth_date")?;
    for r in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, d) = r?;
        children.entry(id).or_default().push(date_col(d));
    }
    let day = date.to_string();
    let mut stmt = conn.prepare(
        "SELECT DISTINCT member_id FROM hardship_files WHERE identified_on <= ?1 AND (closed_on IS NULL OR closed_on > ?1)",
    )?;
    let hardship: std::collections::HashSet<i64> =
        stmt.query_map([&day], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(base
        .into_iter()
        .map(|(id, member_no, name, gender, birth, group_id, group)| {
            let status = status_on(events.get(&id).map(|v| v.as_slice()).unwrap_or(&[]), date);
            RosterEntry {
                id,
                member_no,
                name,
                gender,
                birth_date: birth.map(date_col),
                group_id,
                group,
                status,
                status_label: status.map(events::status_label).unwrap_or("尚未入会"),
                in_membership: status.is_some_and(in_membership),
                children_birth_dates: children.remove(&id).unwrap_or_default(),
                hardship_open: hardship.contains(&id),
            }
        })
        .collect())
}

/// One member's standing on `date`.
pub fn entry_on(conn: &Connection, member_id: i64, date: NaiveDate) -> Result<RosterEntry> {
    roll::ensure_exists(conn, member_id)?;
    Ok(roster_on(conn, date)?.into_iter().find(|e| e.id == member_id).expect("member exists"))
}
