//! The book's identity and settings (union name, unit, start month, province, …) and the
//! first-run wizard (建账向导) that creates them with the three users.

pub mod commands;

use crate::error::{CoreError, Result};
use crate::users::{self, NewUser, Role};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

pub const CHART_2021_GRASSROOTS: &str = "2021-grassroots";

pub const PROVINCES: &[&str] = &[
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃",
    "青海", "宁夏", "新疆",
];

pub(crate) fn get_setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM book_settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub(crate) fn put_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO book_settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub fn is_initialized(conn: &Connection) -> Result<bool> {
    Ok(get_setting(conn, "union_name")?.is_some())
}

/// Parse "YYYY-MM" into the first day of that month.
pub fn parse_month(s: &str) -> Result<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 7)
        .ok_or_else(|| CoreError::validation("month", format!("月份“{s}”格式不正确，应为 YYYY-MM，例如 2026-01")))
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Settings {
    pub union_name: String,
    pub unit_name: String,
    pub province: String,
    pub start_month: String,
    pub chart_version: String,
    pub contact: String,
    pub chair_name: String,
    pub treasurer_name: String,
    pub audit_director_name: String,
    /// Spending (expense vouchers, payout batches) waits for the chair's approval (审批).
    pub approval_required: bool,
    /// Month close needs the auditor's sign-off (经审签字).
    pub signoff_required: bool,
}

/// A yes/no control setting ("1" = on). Missing means off: books made before the audit
/// module had neither control.
pub fn flag(conn: &Connection, key: &str) -> Result<bool> {
    Ok(get_setting(conn, key)?.as_deref() == Some("1"))
}

pub fn settings(conn: &Connection) -> Result<Settings> {
    if !is_initialized(conn)? {
        return Err(CoreError::NotInitialized);
    }
    let get = |k: &str| -> Result<String> { Ok(get_setting(conn, k)?.unwrap_or_default()) };
    let first_active = |role: Role| -> Result<String> {
        Ok(conn
            .query_row(
                "SELECT name FROM users WHERE role = ?1 AND active = 1 ORDER BY id LIMIT 1",
                [role.as_str()],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_default())
    };
    let audit_director = get("audit_director_name")?;
    Ok(Settings {
        union_name: get("union_name")?,
        unit_name: get("unit_name")?,
        province: get("province")?,
        start_month: get("start_month")?,
        chart_version: get("chart_version")?,
        contact: get("contact")?,
        chair_name: first_active(Role::Chair)?,
        treasurer_name: first_active(Role::Treasurer)?,
        audit_director_name: if audit_director.is_empty() { first_active(Role::Auditor)? } else { audit_director },
        approval_required: flag(conn, "approval_required")?,
        signoff_required: flag(conn, "signoff_required")?,
    })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct SettingsUpdate {
    pub union_name: Option<String>,
    pub unit_name: Option<String>,
    pub province: Option<String>,
    pub contact: Option<String>,
    pub audit_director_name: Option<String>,
}

pub fn update_settings(conn: &Connection, upd: &SettingsUpdate) -> Result<Settings> {
    if let Some(v) = &upd.union_name {
        put_setting(conn, "union_name", &required("union_name", "工会名称", v)?)?;
    }
    if let Some(v) = &upd.unit_name {
        put_setting(conn, "unit_name", &required("unit_name", "单位名称", v)?)?;
    }
    if let Some(v) = &upd.province {
        put_setting(conn, "province", &validate_province(v)?)?;
    }
    if let Some(v) = &upd.contact {
        put_setting(conn, "contact", v.trim())?;
    }
    if let Some(v) = &upd.audit_director_name {
        put_setting(conn, "audit_director_name", v.trim())?;
    }
    settings(conn)
}

fn required(field: &str, label: &str, v: &str) -> Result<String> {
    let v = v.trim();
    if v.is_empty() {
        return Err(CoreError::validation(field, format!("{label}不能为空")));
    }
    if v.chars().count() > 100 {
        return Err(CoreError::validation(field, format!("{label}不能超过 100 个字")));
    }
    Ok(v.to_string())
}

fn validate_province(v: &str) -> Result<String> {
    let v = v.trim();
    if PROVINCES.contains(&v) {
        Ok(v.to_string())
    } else {
        Err(CoreError::validation("province", format!("未知省份“{v}”")))
    }
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct UserSpec {
    pub name: String,
    pub password: String,
}

impl std::str::FromStr for UserSpec {
    type Err = String;
    /// "NAME:PASSWORD" as given on the command line.
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let (name, password) = s.split_once(':').ok_or("应写成 姓名:密码")?;
        Ok(UserSpec { name: name.to_string(), password: password.to_string() })
    }
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct InitBook {
    pub union_name: String,
    pub unit_name: String,
    pub start_month: String,
    pub province: String,
    #[serde(default = "default_chart")]
    #[ts(optional, as = "Option<_>")]
    pub chart_version: String,
    pub treasurer: UserSpec,
    pub chair: UserSpec,
    pub auditor: UserSpec,
    /// 支出须经工会主席审批 (on unless switched off here or later by the chair).
    #[serde(default = "yes")]
    #[ts(optional, as = "Option<_>")]
    pub approval_required: bool,
    /// 结账须经审委员签字 (on unless switched off).
    #[serde(default = "yes")]
    #[ts(optional, as = "Option<_>")]
    pub signoff_required: bool,
}

fn yes() -> bool {
    true
}

/// The controls the chair may switch (`book_settings_set_controls`); omitted fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(deny_unknown_fields)]
pub struct Controls {
    #[serde(default)]
    pub approval_required: Option<bool>,
    #[serde(default)]
    pub signoff_required: Option<bool>,
    /// Switching a control off needs the auditor too (the chair is logged in).
    #[serde(default)]
    pub confirm_user: Option<String>,
    #[serde(default)]
    pub confirm_password: Option<String>,
}

impl Controls {
    /// Whether this switches a control off.
    pub fn weakens(&self) -> bool {
        self.approval_required == Some(false) || self.signoff_required == Some(false)
    }
}

pub fn set_controls(conn: &Connection, c: &Controls) -> Result<Settings> {
    if let Some(v) = c.approval_required {
        put_setting(conn, "approval_required", if v { "1" } else { "0" })?;
    }
    if let Some(v) = c.signoff_required {
        put_setting(conn, "signoff_required", if v { "1" } else { "0" })?;
    }
    settings(conn)
}

fn default_chart() -> String {
    CHART_2021_GRASSROOTS.to_string()
}

/// The first-run wizard: settings plus the three users, all or nothing (the caller runs this
/// inside one transaction).
pub fn init(conn: &Connection, req: &InitBook, now: &str) -> Result<()> {
    if is_initialized(conn)? {
        return Err(CoreError::AlreadyInitialized);
    }
    let union_name = required("union_name", "工会名称", &req.union_name)?;
    let unit_name = required("unit_name", "单位名称", &req.unit_name)?;
    parse_month(&req.start_month).map_err(|_| CoreError::validation("start_month", "建账月份格式不正确，应为 YYYY-MM"))?;
    let province = validate_province(&req.province)?;
    if req.chart_version != CHART_2021_GRASSROOTS {
        return Err(CoreError::validation("chart_version", format!("不支持的会计制度版本“{}”", req.chart_version)));
    }
    let t = req.treasurer.name.trim();
    let c = req.chair.name.trim();
    let a = req.auditor.name.trim();
    if !a.is_empty() && (a == t || a == c) {
        return Err(CoreError::validation(
            "auditor.name",
            "经审委员不能由会计/出纳或工会主席兼任（《中国工会章程》：管钱管物的人员不得担任经审委员）",
        ));
    }
    if !t.is_empty() && t == c {
        return Err(CoreError::validation("chair.name", "工会主席与会计/出纳应为不同的人"));
    }
    for (key, value) in [
        ("union_name", union_name.as_str()),
        ("unit_name", unit_name.as_str()),
        ("start_month", req.start_month.trim()),
        ("province", province.as_str()),
        ("chart_version", req.chart_version.as_str()),
        ("created_at", now),
        ("approval_required", if req.approval_required { "1" } else { "0" }),
        ("signoff_required", if req.signoff_required { "1" } else { "0" }),
    ] {
        put_setting(conn, key, value)?;
    }
    for (spec, role) in [(&req.treasurer, Role::Treasurer), (&req.chair, Role::Chair), (&req.auditor, Role::Auditor)] {
        users::add_initial(conn, &NewUser { name: spec.name.clone(), role, password: spec.password.clone(), confirm: Default::default() }, now).map_err(
            |e| match e {
                CoreError::Validation { field, message } => CoreError::Validation {
                    field: Some(format!("{}.{}", role.as_str(), field.unwrap_or_default())),
                    message: format!("{}：{message}", role.label()),
                },
                other => other,
            },
        )?;
    }
    Ok(())
}
