//! 入会率 and the roll's counts; the dated employee headcount.

use super::{date_col, events};
use crate::error::{CoreError, Result};
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Stats {
    pub date: NaiveDate,
    /// In membership and working (在会): the numerator of 入会率.
    pub members: i64,
    /// Keeping membership without dues (退休/失业/下岗, 保留会籍).
    pub retained: i64,
    pub retired: i64,
    pub unemployed: i64,
    /// Employees in scope (在册职工人数) on the date, if set.
    pub headcount: Option<i64>,
    /// 入会率 in percent with one decimal ("95.2"), None without a headcount.
    pub join_rate: Option<String>,
    /// 入会 and 转入 events this calendar year up to the date.
    pub new_this_year: i64,
    /// 调出, 退会 and 去世 events this calendar year up to the date.
    pub left_this_year: i64,
}

/// members / headcount × 100, one decimal, half up.
pub fn join_rate(members: i64, headcount: i64) -> Option<String> {
    if headcount <= 0 {
        return None;
    }
    let r = Decimal::from(members) * Decimal::ONE_HUNDRED / Decimal::from(headcount);
    Some(format!("{:.1}", r.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)))
}

pub fn headcount_on(conn: &Connection, date: NaiveDate) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT headcount FROM employee_headcount WHERE effective_from <= ?1 ORDER BY effective_from DESC LIMIT 1",
            [date.to_string()],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn stats(conn: &Connection, date: NaiveDate) -> Result<Stats> {
    let mut stmt = conn.prepare("SELECT member_id, event, date FROM member_events WHERE date <= ?1 ORDER BY member_id, date, id")?;
    let mut by_member: HashMap<i64, Vec<(String, NaiveDate)>> = HashMap::new();
    let year_start = NaiveDate::from_ymd_opt(date.year(), 1, 1).expect("date");
    let (mut new_this_year, mut left_this_year) = (0, 0);
    for r in stmt.query_map([date.to_string()], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))? {
        let (id, ev, d) = r?;
        let d = date_col(d);
        if d >= year_start {
            match ev.as_str() {
                "join" | "transfer_in" => new_this_year += 1,
                "transfer_out" | "withdraw" | "death" => left_this_year += 1,
                _ => {}
            }
        }
        by_member.entry(id).or_default().push((ev, d));
    }
    let (mut members, mut retired, mut unemployed) = (0, 0, 0);
    for evs in by_member.values() {
        match events::status_on(evs, date) {
            Some("active") => members += 1,
            Some("retired") => retired += 1,
            Some("unemployed") => unemployed += 1,
            _ => {}
        }
    }
    let headcount = headcount_on(conn, date)?;
    Ok(Stats {
        date,
        members,
        retained: retired + unemployed,
        retired,
        unemployed,
        headcount,
        join_rate: headcount.and_then(|h| join_rate(members, h)),
        new_this_year,
        left_this_year,
    })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct SetHeadcount {
    /// YYYY-MM-DD (or YYYY-MM for the first of the month).
    pub effective_from: String,
    pub headcount: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct HeadcountRow {
    pub effective_from: NaiveDate,
    pub headcount: i64,
}

pub fn headcount_history(conn: &Connection) -> Result<Vec<HeadcountRow>> {
    let mut stmt = conn.prepare("SELECT effective_from, headcount FROM employee_headcount ORDER BY effective_from")?;
    let rows = stmt
        .query_map([], |r| Ok(HeadcountRow { effective_from: date_col(r.get(0)?), headcount: r.get(1)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn set_headcount(conn: &Connection, a: &SetHeadcount) -> Result<Vec<HeadcountRow>> {
    let s = a.effective_from.trim();
    let d = if s.len() == 7 { format!("{s}-01") } else { s.to_string() };
    let d = NaiveDate::parse_from_str(&d, "%Y-%m-%d")
        .map_err(|_| CoreError::validation("effective_from", format!("日期“{s}”格式不正确，应为 YYYY-MM-DD")))?;
    if a.headcount < 0 {
        return Err(CoreError::validation("headcount", "职工人数不能为负数"));
    }
    conn.execute(
        "INSERT INTO employee_headcount (effective_from, headcount) VALUES (?1, ?2)
         ON CONFLICT(effective_from) DO UPDATE SET headcount = excluded.headcount",
        params![d.to_string(), a.headcount],
    )?;
    headcount_history(conn)
}

#[cfg(test)]
mod tests {
    #[test]
    fn join_rate_has_one_decimal_rounded_half_up() {
        assert_eq!(super::join_rate(20, 21).as_deref(), Some("95.2"));
        assert_eq!(super::join_rate(1, 8).as_deref(), Some("12.5"));
        assert_eq!(super::join_rate(1, 16).as_deref(), Some("6.3"));
        assert_eq!(super::join_rate(0, 0), None);
    }
}
