//! Runs one parsed command against the book: opens it (logging in where the command writes)
//! and calls the same core functions as the window.

use crate::args::*;
use serde_json::Value;
use std::path::PathBuf;
use union_ledger_core::api::{self, App};
use union_ledger_core::error::CoreError;

pub enum CliError {
    Core(CoreError),
    Usage(String),
    Mismatch(Value),
}

impl From<CoreError> for CliError {
    fn from(e: CoreError) -> Self {
        CliError::Core(e)
    }
}

pub fn exit_code(e: &CoreError) -> i32 {
    match e {
        CoreError::UnknownCommand(_) | CoreError::BadArgs(_) => 2,
        CoreError::AuthFailed | CoreError::PermissionDenied { .. } | CoreError::NotLoggedIn => 3,
        _ => 1,
    }
}

pub fn decode(v: &Value) -> Result<Vec<u8>, CliError> {
    data_encoding::BASE64
        .decode(v.as_str().unwrap_or_default().as_bytes())
        .map_err(|e| CliError::Core(CoreError::Internal(e.to_string())))
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

pub fn open_existing(db: &std::path::Path) -> Result<App, CliError> {
    let mut app = App::open_existing(&db.display().to_string())?;
    app.set_door_cli();
    watch(&mut app)?;
    Ok(app)
}

/// Open for a reading command. Reading needs no login, but a user and password that were
/// given must be right: a wrong password is refused, not ignored.
fn open_for_read(db: &std::path::Path, user: Option<&str>, password: Option<&str>) -> Result<App, CliError> {
    let mut app = open_existing(db)?;
    if let (Some(user), Some(password)) = (user, password) {
        app.login_by_name(user, password)?;
    }
    Ok(app)
}

/// Compare the book with what this PC last saw (seal::anchor) and warn on stderr when it is
/// older; every command keeps the last-seen file up to date.
fn watch(app: &mut App) -> Result<(), CliError> {
    app.watch_last_seen(union_ledger_core::seal::anchor::last_seen_path())?;
    if let Some(w) = app.anchor_warning() {
        print_err!("警告：{w}");
    }
    Ok(())
}

pub fn run(db: &std::path::Path, user: Option<&str>, password: Option<&str>, command: Cmd) -> Result<Value, CliError> {
    match command {
        Cmd::Init { union_name, unit_name, start, province, treasurer, chair, auditor, chart_version, no_approval, no_signoff } => {
            let mut app = App::open(db)?;
            app.set_door_cli();
            watch(&mut app)?;
            let args = serde_json::json!({
                "union_name": union_name, "unit_name": unit_name, "start_month": start, "province": province,
                "chart_version": chart_version,
                "treasurer": {"name": treasurer.name, "password": treasurer.password},
                "chair": {"name": chair.name, "password": chair.password},
                "auditor": {"name": auditor.name, "password": auditor.password},
                "approval_required": !no_approval,
                "signoff_required": !no_signoff,
            });
            Ok(app.call("book_init", args)?)
        }
        Cmd::Commands => {
            for (name, summary) in api::command_list() {
                print_out!("{name}\t{summary}");
            }
            Ok(Value::Null)
        }
        Cmd::Call { name, args } => {
            let args: Value = serde_json::from_str(&args)
                .map_err(|e| CliError::Usage(format!("--args 不是有效的 JSON：{}", api::json_errors::explain_syntax(&e))))?;
            if !args.is_object() && !args.is_null() {
                return Err(CliError::Usage("--args 应为 JSON 对象，例如 '{\"id\": 1}'".into()));
            }
            if api::APP_COMMANDS.iter().any(|(n, _)| *n == name) {
                let mut app = open_for_read(db, user, password)?;
                return Ok(app.call(&name, args)?);
            }
            // Fail on an unknown name before asking for a password.
            if api::find_command(&name).is_none() {
                return Err(CoreError::UnknownCommand(name).into());
            }
            let mut app = logged_in(db, user, password)?;
            Ok(app.call(&name, args)?)
        }
        Cmd::Verify { json, expect } => {
            let app = open_for_read(db, user, password)?;
            let report = union_ledger_core::audit::verify::verify_book(app.conn())?;
            let mut value = serde_json::to_value(&report).expect("json");
            let expected = match &expect {
                Some(f) => Some(union_ledger_core::seal::anchor::expect(app.conn(), f)?),
                None => None,
            };
            value["expect"] = serde_json::to_value(&expected).expect("json");
            value["anchor_warning"] = serde_json::to_value(app.anchor_warning()).expect("json");
            // Older than this PC has seen, or not containing the expected history: as bad as an edit.
            let mut problems = Vec::new();
            if !report.ok {
                problems.push(report.message.clone());
            }
            if let Some(w) = app.anchor_warning() {
                problems.push(w.to_string());
            }
            if let Some(e) = expected.as_ref().filter(|e| !e.ok) {
                problems.push(e.message.clone());
            }
            if !problems.is_empty() {
                value["ok"] = Value::Bool(false);
                value["message"] = Value::String(problems.join("；"));
                return Err(CliError::Mismatch(value));
            }
            if json {
                return Ok(value);
            }
            // The voucher chain's fingerprint, as notices and sign-offs print it; then the
            // fingerprint of the whole sealed history (what `--expect` also accepts).
            print_out!("OK {}", report.fingerprint);
            print_out!("{}", report.message);
            print_out!("全部封存记录的指纹：{}", report.book_fingerprint);
            if let Some(e) = expected {
                print_out!("{}", e.message);
            }
            Ok(Value::Null)
        }
        Cmd::Report(report) => {
            if user.is_some() && password.is_some() {
                open_for_read(db, user, password)?;
            }
            crate::reports::run(db, report)
        }
        Cmd::Members(MembersCmd::Import { file }) => {
            let bytes = std::fs::read(&file).map_err(|e| CoreError::Io(format!("{}：{e}", file.display())))?;
            let mut app = logged_in(db, user, password)?;
            let file_name = file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            Ok(crate::commands::members::import_file(&mut app, &file_name, &bytes)?)
        }
        Cmd::Members(MembersCmd::List { format: JsonOnly::Json }) => {
            Ok(crate::commands::members::list(&open_for_read(db, user, password)?)?)
        }
        Cmd::Dues(DuesCmd::Charge { month }) => {
            Ok(crate::commands::dues::charge(&mut logged_in(db, user, password)?, &month)?)
        }
        Cmd::Dues(DuesCmd::PayBatch { month, date }) => {
            Ok(crate::commands::dues::pay_batch(&mut logged_in(db, user, password)?, &month, &date)?)
        }
        Cmd::Welfare(cmd) => run_welfare(db, user, password, cmd),
        Cmd::Budget(BudgetCmd::Import { file, year }) => {
            let bytes = std::fs::read(&file).map_err(|e| CoreError::Io(format!("{}：{e}", file.display())))?;
            let mut app = logged_in(db, user, password)?;
            let file_name = file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            Ok(crate::commands::budget::import_file(&mut app, year, &file_name, &bytes)?)
        }
        Cmd::Notice { period, out, format } => {
            let app = open_for_read(db, user, password)?;
            match (out, format) {
                (Some(out), _) => {
                    let page = crate::commands::notice::html(&app, &period)?;
                    std::fs::write(&out, page["html"].as_str().unwrap_or_default())
                        .map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
                    Ok(serde_json::json!({ "file": out.display().to_string(), "is_draft": page["is_draft"] }))
                }
                (None, Some(JsonOnly::Json)) => Ok(crate::commands::notice::json(&app, &period)?),
                (None, None) => Err(CliError::Usage("请给出 --out FILE.html 或 --format json".into())),
            }
        }
        Cmd::Vouchers(VouchersCmd::Import { file, post }) => {
            let bytes = std::fs::read(&file).map_err(|e| CoreError::Io(format!("{}：{e}", file.display())))?;
            let mut app = logged_in(db, user, password)?;
            let file_name = file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            let args = serde_json::json!({
                "file_name": file_name,
                "data_base64": data_encoding::BASE64.encode(&bytes),
                "post": post,
            });
            Ok(app.call("ledger_vouchers_import", args)?)
        }
        Cmd::Period(cmd) => match cmd {
            PeriodCmd::Close { period } => Ok(logged_in(db, user, password)?.call("ledger_period_close", serde_json::json!({"period": period}))?),
            PeriodCmd::Reopen { period, reason, confirm_user, confirm_password } => Ok(logged_in(db, user, password)?.call(
                "ledger_period_reopen",
                serde_json::json!({"period": period, "reason": reason, "confirm_user": confirm_user, "confirm_password": confirm_password}),
            )?),
            PeriodCmd::Status { period } => Ok(open_for_read(db, user, password)?.read("ledger_period_status", serde_json::json!({"period": period}))?),
        },
        Cmd::Review(cmd) => match cmd {
            ReviewCmd::List { period } => Ok(open_for_read(db, user, password)?.read("audit_review_list", serde_json::json!({"period": period}))?),
            ReviewCmd::Queries { status, period } => {
                Ok(open_for_read(db, user, password)?.read("audit_review_queries", serde_json::json!({"status": status, "period": period}))?)
            }
            ReviewCmd::Mark { voucher, status, comment } => {
                let status = match status {
                    ReviewStatus::Reviewed => "reviewed",
                    ReviewStatus::Query => "query",
                };
                Ok(logged_in(db, user, password)?
                    .call("audit_review_mark", serde_json::json!({"voucher_id": voucher, "status": status, "comment": comment}))?)
            }
            ReviewCmd::Answer { query, text, file } => {
                let mut args = serde_json::json!({"query_id": query, "answer": text});
                if let Some(file) = file {
                    let bytes = std::fs::read(&file).map_err(|e| CoreError::Io(format!("{}：{e}", file.display())))?;
                    let name = file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
                    let lower = name.to_lowercase();
                    let mime = if lower.ends_with(".pdf") {
                        "application/pdf"
                    } else if lower.ends_with(".png") {
                        "image/png"
                    } else if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
                        "image/jpeg"
                    } else {
                        return Err(CliError::Usage(format!("附件只能是 PDF、PNG 或 JPG 文件（收到 {name}）")));
                    };
                    args["file"] = serde_json::json!({"file_name": name, "mime": mime, "data_base64": data_encoding::BASE64.encode(&bytes)});
                }
                Ok(logged_in(db, user, password)?.call("audit_review_answer", args)?)
            }
            ReviewCmd::CloseQuery { query, note } => Ok(logged_in(db, user, password)?
                .call("audit_review_close_query", serde_json::json!({"query_id": query, "note": note}))?),
            ReviewCmd::Signoff { period, note } => Ok(logged_in(db, user, password)?
                .call("audit_review_signoff", serde_json::json!({"period": period, "note": note}))?),
        },
        Cmd::ExportJournal { format, out } => {
            if format != "hledger" {
                return Err(CliError::Usage(format!("不支持的导出格式“{format}”，目前只支持 hledger")));
            }
            let app = open_for_read(db, user, password)?;
            let text = app.read("ledger_export_hledger", Value::Null)?;
            std::fs::write(&out, text["text"].as_str().unwrap_or_default())
                .map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
            Ok(serde_json::json!({ "file": out.display().to_string() }))
        }
        Cmd::Demo { members, years, seed, until } => {
            let mut app = App::open(db)?;
            app.set_door_cli();
            watch(&mut app)?;
            let until = until.unwrap_or_else(|| union_ledger_core::demo::default_until(app.clock().today()));
            let mut created = Value::Null;
            if !union_ledger_core::book::is_initialized(app.conn())? {
                let year: i32 = until.get(..4).and_then(|y| y.parse().ok()).ok_or_else(|| CliError::Usage("--until 应为 YYYY-MM".into()))?;
                let start = format!("{}-01", year - years.max(1) as i32 + 1);
                app.call("book_init", serde_json::json!({
                    "union_name": "示例工会委员会", "unit_name": "示例单位", "start_month": start, "province": "江苏",
                    "chart_version": union_ledger_core::book::CHART_2021_GRASSROOTS,
                    "treasurer": {"name": "王会计", "password": "demo123"},
                    "chair": {"name": "李主席", "password": "demo123"},
                    "auditor": {"name": "张经审", "password": "demo123"},
                }))?;
                app.login_by_name("王会计", "demo123")?;
                print_err!("已建立示例账套：示例工会委员会，建账月份 {start}");
                print_err!("用户（密码均为 demo123）：王会计（会计/出纳）、李主席（工会主席）、张经审（经审委员）");
                created = serde_json::json!([
                    {"name": "王会计", "role": "treasurer", "password": "demo123"},
                    {"name": "李主席", "role": "chair", "password": "demo123"},
                    {"name": "张经审", "role": "auditor", "password": "demo123"},
                ]);
            } else {
                app = logged_in(db, user, password)?;
            }
            let started = std::time::Instant::now();
            let mut out = app.call("demo_load", serde_json::json!({"members": members, "years": years, "seed": seed, "until": until}))?;
            out["seconds"] = serde_json::json!((started.elapsed().as_secs_f64() * 10.0).round() / 10.0);
            if !created.is_null() {
                out["users"] = created;
            }
            Ok(out)
        }
        Cmd::Backup { out } => {
            let app = open_for_read(db, user, password)?;
            union_ledger_core::db::backup_to(app.conn(), &out)?;
            Ok(serde_json::json!({ "backup": out.display().to_string() }))
        }
    }
}

fn read_file(file: &std::path::Path) -> Result<Vec<u8>, CliError> {
    Ok(std::fs::read(file).map_err(|e| CoreError::Io(format!("{}：{e}", file.display())))?)
}

fn run_welfare(db: &std::path::Path, user: Option<&str>, password: Option<&str>, cmd: WelfareCmd) -> Result<Value, CliError> {
    use serde_json::json;
    match cmd {
        WelfareCmd::Create {
            kind, name, date, form, pay_from, goods, supplier, occasion, account, recipients, rule, rule_arg, amount, note,
        } => {
            let mut args = json!({
                "kind": kind, "name": name, "date": date, "form": form, "pay_from": pay_from,
                "goods": goods, "supplier": supplier, "occasion": occasion, "account_code": account, "note": note,
                "default_amount": amount,
            });
            if let Some(file) = recipients {
                let bytes = read_file(&file)?;
                let file_name = file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
                args["import"] = json!({"file_name": file_name, "data_base64": data_encoding::BASE64.encode(&bytes)});
            } else {
                if amount.is_none() {
                    return Err(CliError::Usage("按规则选人时请用 --amount 给出每人金额".into()));
                }
                args["rule"] = json!(rule);
                args["rule_arg"] = json!(rule_arg);
            }
            let mut app = logged_in(db, user, password)?;
            Ok(crate::commands::welfare::create(&mut app, args)?)
        }
        WelfareCmd::Post { id, override_reason } => {
            let mut app = logged_in(db, user, password)?;
            Ok(crate::commands::welfare::post(&mut app, id, override_reason.as_deref())?)
        }
        WelfareCmd::List { year } => Ok(open_for_read(db, user, password)?.read("welfare_list", json!({ "year": year }))?),
        WelfareCmd::Sheet { id, out } => {
            let file = open_for_read(db, user, password)?.read("welfare_sign_sheet_xlsx", json!({ "id": id }))?;
            let file_name = file["file_name"].as_str().unwrap_or("签收表.xlsx").to_string();
            let bytes = decode(&file["data_base64"])?;
            let out = out.unwrap_or_else(|| PathBuf::from(file_name));
            std::fs::write(&out, bytes).map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
            Ok(json!({ "file": out.display().to_string() }))
        }
    }
}
