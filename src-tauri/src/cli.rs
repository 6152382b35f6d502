//! The headless entry: the same binary as the window. With no subcommand it opens the window;
//! with one it runs it against the book and prints JSON on stdout, or a plain-words error on
//! stderr with a non-zero exit code.
//!
//! Exit codes: 0 ok; 1 the command failed (bad input, closed period, …); 2 usage (unknown
//! command, bad JSON or arguments); 3 wrong user or password, or not permitted; 4 `verify`
//! found a mismatch.

use clap::{Parser, Subcommand};
use serde_json::Value;
use std::path::PathBuf;
use union_ledger_core::api::{self, App};
use union_ledger_core::book::UserSpec;
use union_ledger_core::error::CoreError;

#[derive(Parser, Debug)]
#[command(name = "union-ledger", version, about = "工会账本 Union Ledger — 基层工会记账（无子命令时打开窗口）")]
pub struct Cli {
    /// 账套文件路径（默认：系统应用数据目录下的 union-ledger-book.sqlite）
    #[arg(long, global = true, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// 登录用户名（也可用环境变量 UNION_LEDGER_USER）
    #[arg(long, global = true, env = "UNION_LEDGER_USER", hide_env_values = true)]
    pub user: Option<String>,
    /// 登录密码（也可用环境变量 UNION_LEDGER_PASSWORD）
    #[arg(long, global = true, env = "UNION_LEDGER_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// 建账：单位信息与三个用户（同建账向导）
    Init {
        #[arg(long)]
        union_name: String,
        #[arg(long)]
        unit_name: String,
        /// 建账月份 YYYY-MM
        #[arg(long)]
        start: String,
        #[arg(long)]
        province: String,
        /// 会计/出纳，写成 姓名:密码
        #[arg(long, value_name = "NAME:PASSWORD")]
        treasurer: UserSpec,
        /// 工会主席，写成 姓名:密码
        #[arg(long, value_name = "NAME:PASSWORD")]
        chair: UserSpec,
        /// 经审委员，写成 姓名:密码（不能由会计/出纳或主席兼任）
        #[arg(long, value_name = "NAME:PASSWORD")]
        auditor: UserSpec,
        #[arg(long, default_value = union_ledger_core::book::CHART_2021_GRASSROOTS)]
        chart_version: String,
    },
    /// 列出界面可调用的全部命令，每行一个
    Commands,
    /// 以登录用户身份运行一个命令，与界面完全相同（同一核心函数、同样的 JSON 与权限检查）
    Call {
        name: String,
        /// 命令参数（JSON 对象），默认 {}
        #[arg(long, default_value = "{}")]
        args: String,
    },
    /// 校验账套：操作日志与凭证哈希链，输出 OK 与指纹，或第一个不符的记录
    Verify,
    /// 备份账套到一个文件（SQLite VACUUM INTO，可在使用中备份）
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

pub fn main() -> i32 {
    let cli = Cli::parse();
    let db = cli.db.clone().unwrap_or_else(crate::default_book_path);
    let Some(command) = cli.command else {
        crate::run_window(db);
        return 0;
    };
    match run(&db, cli.user.as_deref(), cli.password.as_deref(), command) {
        Ok(out) => {
            if !out.is_null() {
                println!("{}", serde_json::to_string_pretty(&out).expect("json"));
            }
            0
        }
        Err(CliError::Core(e)) => {
            eprintln!("错误：{e}");
            if let CoreError::RowErrors(rows) = &e {
                for r in rows {
                    eprintln!("  第{}行：{}", r.row, r.message);
                }
            }
            exit_code(&e)
        }
        Err(CliError::Usage(msg)) => {
            eprintln!("错误：{msg}");
            2
        }
        Err(CliError::Mismatch(report)) => {
            println!("{}", serde_json::to_string_pretty(&report).expect("json"));
            eprintln!("校验失败：{}", report.get("message").and_then(Value::as_str).unwrap_or("账套与哈希链不符"));
            4
        }
    }
}

enum CliError {
    Core(CoreError),
    Usage(String),
    Mismatch(Value),
}

impl From<CoreError> for CliError {
    fn from(e: CoreError) -> Self {
        CliError::Core(e)
    }
}

fn exit_code(e: &CoreError) -> i32 {
    match e {
        CoreError::UnknownCommand(_) | CoreError::BadArgs(_) => 2,
        CoreError::AuthFailed | CoreError::PermissionDenied { .. } | CoreError::NotLoggedIn => 3,
        _ => 1,
    }
}

/// Open the book and log in with the --user/--password given.
fn logged_in(db: &std::path::Path, user: Option<&str>, password: Option<&str>) -> Result<App, CliError> {
    let mut app = open_existing(db)?;
    let (Some(user), Some(password)) = (user, password) else {
        return Err(CliError::Usage("此命令需要登录：请给出 --user 与 --password（或环境变量 UNION_LEDGER_USER / UNION_LEDGER_PASSWORD）".into()));
    };
    app.login_by_name(user, password)?;
    Ok(app)
}

fn open_existing(db: &std::path::Path) -> Result<App, CliError> {
    Ok(App::open_existing(&db.display().to_string())?)
}

fn run(db: &std::path::Path, user: Option<&str>, password: Option<&str>, command: Cmd) -> Result<Value, CliError> {
    match command {
        Cmd::Init { union_name, unit_name, start, province, treasurer, chair, auditor, chart_version } => {
            let mut app = App::open(db)?;
            let args = serde_json::json!({
                "union_name": union_name, "unit_name": unit_name, "start_month": start, "province": province,
                "chart_version": chart_version,
                "treasurer": {"name": treasurer.name, "password": treasurer.password},
                "chair": {"name": chair.name, "password": chair.password},
                "auditor": {"name": auditor.name, "password": auditor.password},
            });
            Ok(app.call("book_init", args)?)
        }
        Cmd::Commands => {
            for (name, summary) in api::command_list() {
                println!("{name}\t{summary}");
            }
            Ok(Value::Null)
        }
        Cmd::Call { name, args } => {
            let args: Value = serde_json::from_str(&args)
                .map_err(|e| CliError::Usage(format!("--args 不是有效的 JSON：{e}")))?;
            if !args.is_object() && !args.is_null() {
                return Err(CliError::Usage("--args 应为 JSON 对象，例如 '{\"id\": 1}'".into()));
            }
            if api::APP_COMMANDS.iter().any(|(n, _)| *n == name) {
                let mut app = open_existing(db)?;
                return Ok(app.call(&name, args)?);
            }
            // Fail on an unknown name before asking for a password.
            if union_ledger_core::api::registry::find(&name).is_none() {
                return Err(CoreError::UnknownCommand(name).into());
            }
            let mut app = logged_in(db, user, password)?;
            Ok(app.call(&name, args)?)
        }
        Cmd::Verify => {
            let app = open_existing(db)?;
            let report = union_ledger_core::audit::verify::verify_book(app.conn())?;
            let value = serde_json::to_value(&report).expect("json");
            if report.ok {
                println!("OK {}", report.fingerprint);
                Ok(value)
            } else {
                Err(CliError::Mismatch(value))
            }
        }
        Cmd::Backup { out } => {
            let app = open_existing(db)?;
            union_ledger_core::db::backup_to(app.conn(), &out)?;
            Ok(serde_json::json!({ "backup": out.display().to_string() }))
        }
    }
}
