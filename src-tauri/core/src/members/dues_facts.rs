//! What the dues module needs to know about members, exported as functions so that dues
//! never reads members' tables itself: each member's dues rule and fixed amount, the wage
//! base in force in a month, and the dated membership events that decide whether a member
//! owes a month at all.

use super::date_col;
use crate::error::{CoreError, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

/// A member as the dues rule sees them.
#[derive(Debug, Clone)]
pub struct DuesFacts {
    pub member_id: i64,
    pub member_no: String,
    pub name: String,
    /// The stored rule: standard | exempt | fixed (dues::rate::Rule reads it).
    pub dues_rule: String,
    /// The fixed monthly amount in 分 for `fixed`.
    pub fixed_dues_fen: Option<i64>,
}

fn facts_row(r: &rusqlite::Row) -> rusqlite::Result<DuesFacts> {
    Ok(DuesFacts { member_id: r.get(0)?, member_no: r.get(1)?, name: r.get(2)?, dues_rule: r.get(3)?, fixed_dues_fen: r.get(4)? })
}

const SELECT: &str = "SELECT id, member_no, name, dues_rule, fixed_dues_fen FROM members";

/// One member's facts.
pub fn facts_of(conn: &Connection, member_id: i64) -> Result<DuesFacts> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [member_id], facts_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("会员（编号 {member_id}）")))
}

/// Every member on the roll, by member number.
pub fn all_facts(conn: &Connection) -> Result<Vec<DuesFacts>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY member_no"))?;
    let rows = stmt.query_map([], facts_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The name of the member's union group (工会小组), if in one — printed on receipts.
pub fn group_of(conn: &Connection, member_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT g.name FROM members m LEFT JOIN member_groups g ON g.id = m.group_id WHERE m.id = ?1",
            [member_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// The wage base (分) in force for a member in `month` (YYYY-MM), if any was set.
pub fn wage_in_force(conn: &Connection, member_id: i64, month: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT wage_fen FROM member_wages WHERE member_id = ?1 AND effective_from <= ?2 ORDER BY effective_from DESC LIMIT 1",
            params![member_id, month],
            |r| r.get(0),
        )
        .optional()?)
}

/// The wage base (分) in force in `month` for every member who has one.
pub fn wages_in_force(conn: &Connection, month: &str) -> Result<HashMap<i64, i64>> {
    let mut stmt = conn.prepare(
        "SELECT member_id, wage_fen FROM member_wages w
         WHERE effective_from = (SELECT MAX(effective_from) FROM member_wages x WHERE x.member_id = w.member_id AND x.effective_from <= ?1)",
    )?;
    let mut wages = HashMap::new();
    for r in stmt.query_map([month], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (id, w) = r?;
        wages.insert(id, w);
    }
    Ok(wages)
}

/// Every member's membership events (event, date) in date order, for
/// [`super::events::active_in_month`].
pub fn events_by_member(conn: &Connection) -> Result<HashMap<i64, Vec<(String, NaiveDate)>>> {
    let mut stmt = conn.prepare("SELECT member_id, event, date FROM member_events ORDER BY member_id, date, id")?;
    let mut out: HashMap<i64, Vec<(String, NaiveDate)>> = HashMap::new();
    for r in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))? {
        let (id, ev, d) = r?;
        out.entry(id).or_default().push((ev, date_col(d)));
    }
    Ok(out)
}

/// One member's membership events (event, date) in date order.
pub fn events_of_member(conn: &Connection, member_id: i64) -> Result<Vec<(String, NaiveDate)>> {
    Ok(super::events::events_of(conn, member_id)?.into_iter().map(|e| (e.event, e.date)).collect())
}
