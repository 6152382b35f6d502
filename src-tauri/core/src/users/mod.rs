//! Local users and their roles. Passwords are hashed with Argon2id; users are never deleted
//! once created (they may have acted on the books), only disabled.

pub mod commands;

pub mod logins;
pub mod officers;

use crate::error::{CoreError, Result};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

pub const MIN_PASSWORD_LEN: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 会计/出纳: keeps the books.
    Treasurer,
    /// 工会主席: approves spending, reopens closed months.
    Chair,
    /// 经审委员: reads everything, writes only reviews.
    Auditor,
}

impl Role {
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Treasurer => "treasurer",
            Role::Chair => "chair",
            Role::Auditor => "auditor",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            Role::Treasurer => "会计/出纳",
            Role::Chair => "工会主席",
            Role::Auditor => "经审委员",
        }
    }
    pub fn parse(s: &str) -> Result<Role> {
        match s {
            "treasurer" => Ok(Role::Treasurer),
            "chair" => Ok(Role::Chair),
            "auditor" => Ok(Role::Auditor),
            other => Err(CoreError::validation("role", format!("未知角色“{other}”（应为 treasurer / chair / auditor）"))),
        }
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub created_at: String,
}

fn row_to_user(r: &rusqlite::Row) -> rusqlite::Result<User> {
    let role: String = r.get(2)?;
    Ok(User {
        id: r.get(0)?,
        name: r.get(1)?,
        role: Role::parse(&role).unwrap_or(Role::Auditor),
        active: r.get::<_, i64>(3)? == 1,
        created_at: r.get(4)?,
    })
}

const USER_COLUMNS: &str = "id, name, role, active, created_at";

pub fn list(conn: &Connection) -> Result<Vec<User>> {
    let mut stmt = conn.prepare(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY id"))?;
    let users = stmt.query_map([], row_to_user)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(users)
}

pub fn get(conn: &Connection, id: i64) -> Result<User> {
    conn.query_row(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"), [id], row_to_user)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("用户（编号 {id}）")))
}

pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<User>> {
    Ok(conn
        .query_row(&format!("SELECT {USER_COLUMNS} FROM users WHERE name = ?1"), [name.trim()], row_to_user)
        .optional()?)
}

fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| CoreError::Internal(format!("密码加密失败：{e}")))
}

fn password_matches(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok()).unwrap_or(false)
}

pub fn validate_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(CoreError::validation("password", format!("密码至少需要 {MIN_PASSWORD_LEN} 位")));
    }
    Ok(())
}

fn validate_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::validation("name", "用户姓名不能为空"));
    }
    if name.chars().count() > 30 {
        return Err(CoreError::validation("name", "用户姓名不能超过 30 个字"));
    }
    Ok(name.to_string())
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct NewUser {
    pub name: String,
    pub role: Role,
    pub password: String,
    /// A chair or auditor account needs the chair together with the auditor.
    #[serde(flatten)]
    pub confirm: officers::Confirm,
}

/// Add a user. The 经审会 independence rule (章程; domain.md §5): a person who handles money
/// or chairs the union may not also be an auditor, so names are unique across roles and an
/// auditor may not share a name with a treasurer or chair. A chair or auditor account is
/// created by the chair together with the auditor (`acting` and the confirming officer);
/// the treasurer may add treasurers.
pub fn add(conn: &Connection, new: &NewUser, acting: &User, now: &str) -> Result<User> {
    let name = validate_name(&new.name)?;
    validate_password(&new.password)?;
    check_name_free(conn, &name, new.role)?;
    if matches!(new.role, Role::Chair | Role::Auditor) {
        officers::chair_and_auditor(conn, acting, &new.confirm, &format!("新增{}账号", new.role.label()))?;
    }
    add_unchecked(conn, &name, new, now)
}

/// Names are unique, and an auditor never shares one with a treasurer or chair.
fn check_name_free(conn: &Connection, name: &str, role: Role) -> Result<()> {
    if let Some(existing) = find_by_name(conn, name)? {
        if role == Role::Auditor || existing.role == Role::Auditor {
            return Err(CoreError::validation(
                "name",
                format!("{name} 已是{}，经审委员不能由会计/出纳或工会主席兼任", existing.role.label()),
            ));
        }
        return Err(CoreError::Conflict(format!("用户“{name}”已存在")));
    }
    Ok(())
}

/// The first-run wizard's three users (no officer exists yet to confirm anything).
pub fn add_initial(conn: &Connection, new: &NewUser, now: &str) -> Result<User> {
    let name = validate_name(&new.name)?;
    validate_password(&new.password)?;
    add_unchecked(conn, &name, new, now)
}

fn add_unchecked(conn: &Connection, name: &str, new: &NewUser, now: &str) -> Result<User> {
    check_name_free(conn, name, new.role)?;
    let name = name.to_string();
    let hash = hash_password(&new.password)?;
    conn.execute(
        "INSERT INTO users (name, role, password_hash, active, created_at) VALUES (?1, ?2, ?3, 1, ?4)",
        params![name, new.role.as_str(), hash, now],
    )?;
    get(conn, conn.last_insert_rowid())
}

/// Check a user's password. Disabled users cannot log in.
pub fn authenticate(conn: &Connection, user_id: i64, password: &str) -> Result<User> {
    let row: Option<(String, i64)> = conn
        .query_row("SELECT password_hash, active FROM users WHERE id = ?1", [user_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        Some((hash, 1)) if password_matches(&hash, password) => get(conn, user_id),
        Some((_, 0)) => Err(CoreError::Validation { field: Some("user".into()), message: "该用户已停用，不能登录".into() }),
        _ => Err(CoreError::AuthFailed),
    }
}

pub fn authenticate_by_name(conn: &Connection, name: &str, password: &str) -> Result<User> {
    let user = find_by_name(conn, name)?.ok_or(CoreError::AuthFailed)?;
    authenticate(conn, user.id, password)
}

pub fn set_active(conn: &Connection, id: i64, active: bool, acting: &User, confirm: &officers::Confirm) -> Result<User> {
    let user = get(conn, id)?;
    if matches!(user.role, Role::Chair | Role::Auditor) {
        let what = format!("{}{}账号“{}”", if active { "启用" } else { "停用" }, user.role.label(), user.name);
        officers::chair_and_auditor(conn, acting, confirm, &what)?;
    }
    if !active && user.id == acting.id {
        return Err(CoreError::invalid("不能停用自己正在使用的账号"));
    }
    if !active {
        let others_same_role: i64 = conn.query_row(
            "SELECT COUNT(*) FROM users WHERE role = ?1 AND active = 1 AND id <> ?2",
            params![user.role.as_str(), id],
            |r| r.get(0),
        )?;
        if others_same_role == 0 {
            return Err(CoreError::invalid(format!("{} 是唯一在用的{}，请先添加新的{}再停用", user.name, user.role.label(), user.role.label())));
        }
    }
    conn.execute("UPDATE users SET active = ?1 WHERE id = ?2", params![active as i64, id])?;
    get(conn, id)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct ChangePassword {
    pub id: i64,
    #[serde(default)]
    pub old_password: Option<String>,
    pub new_password: String,
    /// Resetting someone else's (forgotten) password needs a second officer.
    #[serde(flatten)]
    pub confirm: officers::Confirm,
}

/// Change a password. Your own needs the old one; someone else's forgotten password is reset
/// by two officers other than its owner ([`officers::for_password_reset`]).
pub fn change_password(conn: &Connection, req: &ChangePassword, acting: &User) -> Result<()> {
    let target = get(conn, req.id)?;
    validate_password(&req.new_password)?;
    if target.id == acting.id {
        let old = req.old_password.as_deref().unwrap_or("");
        authenticate(conn, target.id, old).map_err(|_| CoreError::validation("old_password", "原密码不正确"))?;
    } else {
        officers::for_password_reset(conn, acting, &target, &req.confirm)?;
    }
    let hash = hash_password(&req.new_password)?;
    conn.execute("UPDATE users SET password_hash = ?1 WHERE id = ?2", params![hash, target.id])?;
    Ok(())
}
