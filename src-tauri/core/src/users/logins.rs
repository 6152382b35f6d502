//! Logins (登录): every wrong password is recorded with the user, the time and the door
//! (window or command line), and shown to the chair and the auditor; after
//! [`FREE_TRIES`] wrong passwords in a row, each further try must wait longer — 2 seconds,
//! then doubling, up to an hour. A right password ends the run.

use super::User;
use crate::error::{CoreError, Result};
use chrono::NaiveDateTime;
use rusqlite::{params, Connection};
use serde::Serialize;

/// Wrong passwords allowed in a row before the waiting starts.
pub const FREE_TRIES: i64 = 5;
const FIRST_WAIT_SECS: i64 = 2;
const MAX_WAIT_SECS: i64 = 3600;

fn parse(at: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(&at[..at.len().min(19)], "%Y-%m-%dT%H:%M:%S").ok()
}

/// How many wrong passwords in a row since the last right one, and when the last was.
fn failures_in_a_row(conn: &Connection, user_id: i64) -> Result<(i64, Option<String>)> {
    Ok(conn.query_row(
        "SELECT COUNT(*), MAX(at) FROM login_events
         WHERE user_id = ?1 AND ok = 0 AND id > COALESCE((SELECT MAX(id) FROM login_events WHERE user_id = ?1 AND ok = 1), 0)",
        [user_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Refuse a try that comes too soon after a run of wrong passwords.
pub fn check_allowed(conn: &Connection, user_id: i64, now: &str) -> Result<()> {
    let (n, last) = failures_in_a_row(conn, user_id)?;
    if n < FREE_TRIES {
        return Ok(());
    }
    let wait = (FIRST_WAIT_SECS << (n - FREE_TRIES).min(20)).min(MAX_WAIT_SECS);
    let (Some(last), Some(now)) = (last.as_deref().and_then(parse), parse(now)) else { return Ok(()) };
    let left = (last + chrono::Duration::seconds(wait) - now).num_seconds();
    if left > 0 {
        return Err(CoreError::validation(
            "password",
            format!("已连续 {n} 次输错密码，请 {left} 秒后再试（每多错一次，等待时间加倍）"),
        ));
    }
    Ok(())
}

/// Record a login attempt (the caller seals it in a transaction of its own).
pub fn record(conn: &Connection, user: Option<&User>, typed_name: &str, ok: bool, door: &str, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO login_events (user_id, user_name, ok, at, door) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![user.map(|u| u.id), user.map(|u| u.name.as_str()).unwrap_or(typed_name), ok as i64, now, door],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct LoginFailure {
    pub id: i64,
    pub user_id: Option<i64>,
    pub user_name: String,
    pub at: String,
    /// window | cli
    pub door: String,
    pub door_label: String,
}

/// Wrong passwords, newest first (at most `limit`).
pub fn failures(conn: &Connection, limit: i64) -> Result<Vec<LoginFailure>> {
    let mut stmt = conn.prepare("SELECT id, user_id, user_name, at, door FROM login_events WHERE ok = 0 ORDER BY id DESC LIMIT ?1")?;
    let rows = stmt
        .query_map([limit], |r| {
            let door: String = r.get(4)?;
            Ok(LoginFailure {
                id: r.get(0)?,
                user_id: r.get(1)?,
                user_name: r.get(2)?,
                at: r.get(3)?,
                door_label: if door == "cli" { "命令行" } else { "窗口" }.to_string(),
                door,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
