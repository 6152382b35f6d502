//! Membership status by dated events (入会, 转入, 调出, 退休, 退会, 去世, 失业/下岗) and the
//! rule of when a member owes dues.
//!
//! Month rule: a member owes dues for a month when, replaying the events that have taken
//! effect by that month, the member is 在会 (active). 入会/转入 take effect in their own month;
//! every other event from the month after (退休/失业 keep membership and stop dues from the
//! next month; 调出/退会/去世 end membership but the member owes the month they leave in).

use super::{add_months, month_of};
use crate::error::{CoreError, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// (code, label) of every event kind.
pub const EVENT_KINDS: &[(&str, &str)] = &[
    ("join", "入会"),
    ("transfer_in", "转入"),
    ("transfer_out", "调出"),
    ("retire", "退休"),
    ("withdraw", "退会"),
    ("death", "去世"),
    ("unemployed", "失业/下岗"),
];

/// (code, label) of every status.
pub const STATUSES: &[(&str, &str)] = &[
    ("active", "在会"),
    ("retired", "退休（保留会籍）"),
    ("unemployed", "失业/下岗（保留会籍）"),
    ("transferred_out", "已调出"),
    ("withdrawn", "已退会"),
    ("deceased", "已去世"),
];

pub fn event_label(code: &str) -> &'static str {
    EVENT_KINDS.iter().find(|(c, _)| *c == code).map(|(_, l)| *l).unwrap_or("")
}

pub fn status_label(code: &str) -> &'static str {
    STATUSES.iter().find(|(c, _)| *c == code).map(|(_, l)| *l).unwrap_or("")
}

/// Accept the code or the Chinese label (入会, 调出, 下岗, …).
pub fn parse_event(input: &str) -> Result<&'static str> {
    let s = input.trim();
    let found = EVENT_KINDS.iter().find(|(c, l)| *c == s || *l == s).map(|(c, _)| *c).or(match s {
        "失业" | "下岗" | "待岗" => Some("unemployed"),
        "转出" | "调离" => Some("transfer_out"),
        "离休" => Some("retire"),
        "死亡" | "病故" => Some("death"),
        "恢复在会" | "重新入会" => Some("join"),
        _ => None,
    });
    found.ok_or_else(|| CoreError::validation("event", format!("未知的会籍变动“{s}”（可选：入会、转入、调出、退休、退会、去世、失业/下岗）")))
}

/// The status an event leads to.
pub fn status_after(event: &str) -> &'static str {
    match event {
        "join" | "transfer_in" => "active",
        "retire" => "retired",
        "unemployed" => "unemployed",
        "transfer_out" => "transferred_out",
        "withdraw" => "withdrawn",
        "death" => "deceased",
        _ => "active",
    }
}

/// Whether a status keeps membership (在会 or 保留会籍).
pub fn in_membership(status: &str) -> bool {
    matches!(status, "active" | "retired" | "unemployed")
}

/// First month (YYYY-MM) in which an event counts for dues.
pub fn effective_month(event: &str, date: NaiveDate) -> String {
    match event {
        "join" | "transfer_in" => month_of(date),
        _ => add_months(&month_of(date), 1),
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Event {
    pub id: i64,
    pub event: String,
    pub event_label: &'static str,
    pub date: NaiveDate,
    pub note: String,
    /// The event created with the member (入会 on the join date, or 转入).
    pub initial: bool,
}

/// Events in date order (then entry order).
pub fn events_of(conn: &Connection, member_id: i64) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, event, date, note, initial FROM member_events WHERE member_id = ?1 ORDER BY date, id",
    )?;
    let rows = stmt
        .query_map([member_id], |r| {
            let event: String = r.get(1)?;
            Ok(Event {
                id: r.get(0)?,
                event_label: event_label(&event),
                event,
                date: super::date_col(r.get::<_, String>(2)?),
                note: r.get(3)?,
                initial: r.get::<_, i64>(4)? == 1,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Whether the member is 在会 (owes dues) in `month`, given events in date order.
pub fn active_in_month(events: &[(String, NaiveDate)], month: &str) -> bool {
    let mut status = "none";
    for (ev, date) in events {
        if effective_month(ev, *date).as_str() <= month {
            status = status_after(ev);
        }
    }
    status == "active"
}

/// Status on a date (events on or before it), or None if not yet a member.
pub fn status_on(events: &[(String, NaiveDate)], date: NaiveDate) -> Option<&'static str> {
    let mut status = None;
    for (ev, d) in events {
        if *d <= date {
            status = Some(status_after(ev));
        }
    }
    status
}

/// Check that a member's events make sense in date order.
pub fn validate_sequence(events: &[(String, NaiveDate)]) -> Result<()> {
    let mut status = "none";
    for (ev, date) in events {
        let ok = match status {
            "none" | "transferred_out" | "withdrawn" => matches!(ev.as_str(), "join" | "transfer_in"),
            "active" => matches!(ev.as_str(), "retire" | "unemployed" | "transfer_out" | "withdraw" | "death"),
            "retired" | "unemployed" => {
                matches!(ev.as_str(), "join" | "retire" | "transfer_out" | "withdraw" | "death") && !(status == "retired" && ev == "retire")
            }
            _ => false,
        };
        if !ok {
            let now = if status == "none" { "尚未入会".to_string() } else { format!("“{}”", status_label(status)) };
            return Err(CoreError::validation(
                "event",
                format!("{date} 登记“{}”时，该会员状态为{now}，不能登记这一变动", event_label(ev)),
            ));
        }
        status = status_after(ev);
    }
    Ok(())
}

/// Recompute the cached status and status date of a member from its events.
pub fn refresh_status(conn: &Connection, member_id: i64, now: &str) -> Result<()> {
    let events = events_of(conn, member_id)?;
    let pairs: Vec<(String, NaiveDate)> = events.iter().map(|e| (e.event.clone(), e.date)).collect();
    validate_sequence(&pairs)?;
    let last = events.last().ok_or_else(|| CoreError::invalid("会员至少要有一条入会或转入记录"))?;
    conn.execute(
        "UPDATE members SET status = ?2, status_date = ?3, updated_at = ?4 WHERE id = ?1",
        params![member_id, status_after(&last.event), last.date.to_string(), now],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct AddEvent {
    pub member_id: i64,
    pub event: String,
    pub date: NaiveDate,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub note: String,
}

/// Add a dated event; the status follows (and the member's unpaid dues, in the command).
pub fn add_event(conn: &Connection, a: &AddEvent, now: &str) -> Result<super::roll::Member> {
    super::roll::ensure_exists(conn, a.member_id)?;
    let kind = parse_event(&a.event)?;
    conn.execute(
        "INSERT INTO member_events (member_id, event, date, note, initial, created_at) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
        params![a.member_id, kind, a.date.to_string(), a.note.trim(), now],
    )?;
    refresh_status(conn, a.member_id, now)?;
    super::roll::get_on(conn, a.member_id, crate::clock::date_of(now))
}

/// The member an event belongs to.
pub fn member_of_event(conn: &Connection, event_id: i64) -> Result<i64> {
    conn.query_row("SELECT member_id FROM member_events WHERE id = ?1", [event_id], |r| r.get(0))
        .map_err(|_| CoreError::NotFound(format!("会籍变动记录 {event_id}")))
}

/// Remove an event entered by mistake (not the initial one).
pub fn delete_event(conn: &Connection, event_id: i64, now: &str) -> Result<super::roll::Member> {
    let (member_id, initial): (i64, i64) = conn
        .query_row("SELECT member_id, initial FROM member_events WHERE id = ?1", [event_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(|_| CoreError::NotFound(format!("会籍变动记录 {event_id}")))?;
    if initial == 1 {
        return Err(CoreError::invalid("入会记录不能删除；如入会日期有误，请修改会员的入会日期"));
    }
    conn.execute("DELETE FROM member_events WHERE id = ?1", [event_id])?;
    refresh_status(conn, member_id, now)?;
    super::roll::get_on(conn, member_id, crate::clock::date_of(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn retirees_pay_the_month_they_retire_in_and_nothing_after() {
        let evs = vec![("join".to_string(), d("2020-03-15")), ("retire".to_string(), d("2026-06-10"))];
        assert!(!active_in_month(&evs, "2020-02"));
        assert!(active_in_month(&evs, "2020-03"));
        assert!(active_in_month(&evs, "2026-06"));
        assert!(!active_in_month(&evs, "2026-07"));
    }

    #[test]
    fn leavers_owe_the_month_they_leave_in() {
        let evs = vec![("join".to_string(), d("2020-03-15")), ("transfer_out".to_string(), d("2026-06-30"))];
        assert!(active_in_month(&evs, "2026-06"));
        assert!(!active_in_month(&evs, "2026-07"));
    }

    #[test]
    fn impossible_sequences_are_refused() {
        let evs = vec![("join".to_string(), d("2020-03-15")), ("death".to_string(), d("2021-01-01")), ("retire".to_string(), d("2022-01-01"))];
        assert!(validate_sequence(&evs).is_err());
        let evs = vec![("join".to_string(), d("2020-03-15")), ("join".to_string(), d("2021-01-01"))];
        assert!(validate_sequence(&evs).is_err());
    }
}
