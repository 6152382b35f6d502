//! Typed errors of the core. Every variant has a stable `code` (the UI picks its i18n text by
//! it), a Chinese message a treasurer understands (used by the command line and as the UI's
//! fallback) and optional structured `details`.

use serde::Serialize;
use serde_json::{json, Value};

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// One problem in one row of an imported file (1-based row number as the user sees it in Excel).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct RowError {
    pub row: usize,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// Bad input in one field of a form or command.
    #[error("{message}")]
    Validation { field: Option<String>, message: String },
    /// A file that cannot be imported; every bad row is listed, nothing was written.
    #[error("导入失败，共 {} 处错误：{}", .0.len(), summarize_rows(.0))]
    RowErrors(Vec<RowError>),
    #[error("找不到{0}")]
    NotFound(String),
    #[error("权限不足：{role}不能执行“{action}”")]
    PermissionDenied { action: String, role: String },
    #[error("请先登录")]
    NotLoggedIn,
    #[error("用户名或密码不正确")]
    AuthFailed,
    #[error("{0}")]
    Conflict(String),
    #[error("{period} 已结账，不能再记账或修改；如确需更正，请由工会主席反结账")]
    PeriodClosed { period: String },
    #[error("账套尚未建立，请先完成建账向导")]
    NotInitialized,
    #[error("账套已经建立，不能重复建账")]
    AlreadyInitialized,
    #[error("未知命令：{0}（运行 commands 查看全部命令）")]
    UnknownCommand(String),
    #[error("参数格式不正确：{0}")]
    BadArgs(String),
    #[error("文件 {0} 不是工会账本的账套文件，未作任何改动")]
    NotABook(String),
    #[error("账套文件未通过完整性检查，可能已损坏：{0}。请用备份恢复。")]
    DbIntegrity(String),
    #[error("该账套由较新版本的工会账本创建（数据版本 {found}，本程序最高支持 {supported}），为避免损坏已拒绝打开，请升级程序")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("文件读写失败：{0}")]
    Io(String),
    #[error("数据库错误：{0}")]
    Db(#[from] rusqlite::Error),
    #[error("内部错误：{0}")]
    Internal(String),
}

fn summarize_rows(rows: &[RowError]) -> String {
    rows.iter()
        .take(20)
        .map(|r| format!("第{}行：{}", r.row, r.message))
        .collect::<Vec<_>>()
        .join("；")
}

impl CoreError {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        CoreError::Validation { field: Some(field.to_string()), message: message.into() }
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        CoreError::Validation { field: None, message: message.into() }
    }

    /// Stable machine code; the UI maps it to `errors.<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Validation { .. } => "validation",
            CoreError::RowErrors(_) => "row_errors",
            CoreError::NotFound(_) => "not_found",
            CoreError::PermissionDenied { .. } => "permission_denied",
            CoreError::NotLoggedIn => "not_logged_in",
            CoreError::AuthFailed => "auth_failed",
            CoreError::Conflict(_) => "conflict",
            CoreError::PeriodClosed { .. } => "period_closed",
            CoreError::NotInitialized => "not_initialized",
            CoreError::AlreadyInitialized => "already_initialized",
            CoreError::UnknownCommand(_) => "unknown_command",
            CoreError::BadArgs(_) => "bad_args",
            CoreError::NotABook(_) => "not_a_book",
            CoreError::DbIntegrity(_) => "db_integrity",
            CoreError::SchemaTooNew { .. } => "schema_too_new",
            CoreError::Io(_) => "io",
            CoreError::Db(_) => "db",
            CoreError::Internal(_) => "internal",
        }
    }

    pub fn details(&self) -> Value {
        match self {
            CoreError::Validation { field, .. } => json!({ "field": field }),
            CoreError::RowErrors(rows) => json!({ "rows": rows }),
            CoreError::PermissionDenied { action, role } => json!({ "action": action, "role": role }),
            CoreError::PeriodClosed { period } => json!({ "period": period }),
            CoreError::SchemaTooNew { found, supported } => json!({ "found": found, "supported": supported }),
            CoreError::NotFound(what) => json!({ "what": what }),
            CoreError::DbIntegrity(problem) => json!({ "problem": problem }),
            _ => json!({}),
        }
    }

    /// What crosses IPC and what the command line prints as JSON on request.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload { code: self.code().to_string(), message: self.to_string(), details: self.details() }
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    #[ts(type = "Record<string, unknown>")]
    pub details: Value,
}

impl From<rusqlite_migration::Error> for CoreError {
    fn from(e: rusqlite_migration::Error) -> Self {
        CoreError::Internal(format!("数据库升级失败：{e}"))
    }
}

impl From<std::io::Error> for CoreError {
    fn from(e: std::io::Error) -> Self {
        CoreError::Io(e.to_string())
    }
}
