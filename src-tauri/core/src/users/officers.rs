//! Two officers (双人确认): the acts no single officer may do alone — creating or changing a
//! chair or auditor account, switching a control off, reopening a closed month, restoring a
//! backup — need the chair together with the auditor, each with their own password: the one
//! logged in, and the second typed into the same dialog or command as `confirm_user` /
//! `confirm_password`.
//!
//! A forgotten password is reset by two officers other than its owner, at least one of them
//! the chair or the auditor (the treasurer can never reset the chair's or the auditor's
//! alone): a chair's by the auditor with the treasurer, an auditor's by the chair with the
//! treasurer, a treasurer's by the chair with the auditor.

use super::{authenticate_by_name, Role, User};
use crate::error::{CoreError, Result};
use rusqlite::Connection;
use serde::Deserialize;

/// The second officer's name and password, as they arrive in a command's arguments.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct Confirm {
    #[serde(default)]
    pub confirm_user: Option<String>,
    #[serde(default)]
    pub confirm_password: Option<String>,
}

impl Confirm {
    pub fn given(&self) -> bool {
        self.confirm_password.as_deref().is_some_and(|p| !p.is_empty())
    }
}

/// The second officer, checked: named, active, the right password, and not the acting user.
pub fn second_officer(conn: &Connection, acting: &User, c: &Confirm, what: &str) -> Result<User> {
    let name = c.confirm_user.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let (Some(name), Some(password)) = (name, c.confirm_password.as_deref().filter(|p| !p.is_empty())) else {
        return Err(CoreError::validation("confirm_user", format!("{what}须由两位负责人共同确认：请另一位负责人输入姓名和密码")));
    };
    let second = authenticate_by_name(conn, name, password)
        .map_err(|_| CoreError::validation("confirm_password", format!("第二位负责人“{name}”的姓名或密码不正确")))?;
    if second.id == acting.id {
        return Err(CoreError::validation("confirm_user", format!("{what}须由另一位负责人确认，不能由本人确认")));
    }
    Ok(second)
}

/// The chair together with the auditor: the acting user is one, the confirming user the other.
pub fn chair_and_auditor(conn: &Connection, acting: &User, c: &Confirm, what: &str) -> Result<User> {
    let needed = || CoreError::PermissionDenied { action: format!("{what}（须工会主席与经审委员共同确认）"), role: acting.role.label().into() };
    if !matches!(acting.role, Role::Chair | Role::Auditor) {
        return Err(needed());
    }
    let second = second_officer(conn, acting, c, what)?;
    let pair = [acting.role, second.role];
    if !(pair.contains(&Role::Chair) && pair.contains(&Role::Auditor)) {
        return Err(needed());
    }
    Ok(second)
}

/// Reset `target`'s password on behalf of someone else: two officers other than the target,
/// at least one of them the chair or the auditor.
pub fn for_password_reset(conn: &Connection, acting: &User, target: &User, c: &Confirm) -> Result<User> {
    let what = format!("重置{}“{}”的密码", target.role.label(), target.name);
    let second = second_officer(conn, acting, c, &what)?;
    if second.id == target.id {
        return Err(CoreError::validation("confirm_user", format!("{what}须由本人以外的两位负责人确认")));
    }
    if acting.role == Role::Treasurer && second.role == Role::Treasurer {
        return Err(CoreError::PermissionDenied { action: what, role: acting.role.label().into() });
    }
    Ok(second)
}
