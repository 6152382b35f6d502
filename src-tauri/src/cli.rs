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
        /// 关闭“支出须经工会主席审批”（默认开启；之后可由主席在设置中开关）
        #[arg(long)]
        no_approval: bool,
        /// 关闭“结账须经审委员签字”（默认开启；之后可由主席在设置中开关）
        #[arg(long)]
        no_signoff: bool,
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
    /// 校验账套：凭证与操作日志的哈希链；输出 OK 与指纹，或第一个不符的凭证（退出码 4）
    Verify {
        /// 输出完整的 JSON 校验报告
        #[arg(long)]
        json: bool,
    },
    /// 账簿报表（只读，无需登录）
    #[command(subcommand)]
    Report(ReportCmd),
    /// 凭证：导入
    #[command(subcommand)]
    Vouchers(VouchersCmd),
    /// 会计期间：结账与反结账（需登录；反结账需工会主席）
    #[command(subcommand)]
    Period(PeriodCmd),
    /// 经审：凭证审核、质询与答复、月度签字确认（标记与签字需经审委员登录，答复需会计）
    #[command(subcommand)]
    Review(ReviewCmd),
    /// 会员：导入与名册
    #[command(subcommand)]
    Members(MembersCmd),
    /// 会费：生成应收与工资代扣入账
    #[command(subcommand)]
    Dues(DuesCmd),
    /// 慰问发放：新建批次（按规则或名单文件选人）、记账（超标须工会主席批准）、导出签收表
    #[command(subcommand)]
    Welfare(WelfareCmd),
    /// 年度预算：导入
    #[command(subcommand)]
    Budget(BudgetCmd),
    /// 财务收支公示（只读）：--out 保存为 A4 网页，或 --format json 输出全部数字
    Notice {
        /// 月 YYYY-MM、季度 YYYY-Qn 或年 YYYY
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        /// 保存 HTML 的文件
        #[arg(long, value_name = "FILE.html", conflicts_with = "format")]
        out: Option<PathBuf>,
        #[arg(long, value_enum)]
        format: Option<JsonOnly>,
    },
    /// 导出全部凭证供其他软件核对，如 hledger（只读）
    ExportJournal {
        /// 目前支持 hledger
        #[arg(long, default_value = "hledger")]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 示例账套：文件中还没有账套时先建账（示例工会委员会；王会计/李主席/张经审，密码 demo123），
    /// 再载入会员、会费、收支、慰问发放、预算并逐月结账。同一 --seed 得到完全相同的账套。
    /// 已有账套时需 --user/--password（会计或主席），且账套须为空。
    Demo {
        /// 会员人数
        #[arg(long, default_value_t = 40)]
        members: u32,
        /// 年数（截至 --until 所在年份）
        #[arg(long, default_value_t = 1)]
        years: u32,
        /// 随机种子
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// 最后一个结账月份 YYYY-MM（默认上个月）
        #[arg(long, value_name = "YYYY-MM")]
        until: Option<String>,
    },
    /// 备份账套到一个文件（SQLite VACUUM INTO，可在使用中备份）
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// On Windows a GUI-subsystem program has no console; borrow the parent's when run from a shell.
fn attach_console() {
    #[cfg(windows)]
    unsafe {
        windows_sys::Win32::System::Console::AttachConsole(windows_sys::Win32::System::Console::ATTACH_PARENT_PROCESS);
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Json,
    Xlsx,
}

#[derive(Subcommand, Debug)]
pub enum ReportCmd {
    /// 科目余额表
    TrialBalance {
        #[arg(long, value_name = "YYYY-MM")]
        from: String,
        #[arg(long, value_name = "YYYY-MM")]
        to: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// XLSX 输出文件（默认用报表名保存在当前目录）
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// 列出全为零的科目
        #[arg(long)]
        include_zero: bool,
    },
    /// 日记账 / 明细账：101 为现金日记账，102 为银行存款日记账，其他科目为明细账
    Journal {
        #[arg(long, value_name = "CODE")]
        account: String,
        #[arg(long, value_name = "YYYY-MM")]
        from: String,
        #[arg(long, value_name = "YYYY-MM")]
        to: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 收入支出表（工会02表）
    IncomeStatement {
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 会费月报：每位会员的基数、应缴、已缴、欠缴
    Dues {
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        #[arg(long, value_enum, default_value = "json")]
        format: JsonOnly,
    },
    /// 慰问发放年报：每个已记账批次、每位会员与每类慰问的合计（已冲销的不计）
    Welfare {
        #[arg(long, value_name = "YYYY")]
        year: i32,
        #[arg(long, value_enum, default_value = "json")]
        format: JsonOnly,
    },
    /// 年度经费审查报告草稿：JSON 数据或 A4 打印用 HTML（--out 写入文件，否则输出到 stdout）
    Audit {
        #[arg(long, value_name = "YYYY")]
        year: i32,
        #[arg(long, value_enum, default_value = "json")]
        format: HtmlFormat,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 预算执行情况：各科目预算、每月实际、本年累计与执行率
    Budget {
        #[arg(long, value_name = "YYYY")]
        year: i32,
        /// 实际数截至的月份（默认 12 月）
        #[arg(long, value_name = "YYYY-MM")]
        through: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: JsonOnly,
    },
    /// 资产负债表（工会01表）
    BalanceSheet {
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum HtmlFormat {
    Json,
    Html,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ReviewStatus {
    /// 已审
    Reviewed,
    /// 质询
    Query,
}

#[derive(Subcommand, Debug)]
pub enum ReviewCmd {
    /// 某月记账凭证的审核状态、未结质询与签字状态（只读）
    List {
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
    },
    /// 标记凭证已审（reviewed）或提出质询（query，须写 --comment）。经审委员
    Mark {
        /// 凭证编号（内部 id，见 review list 的 voucher_id）
        #[arg(long, value_name = "ID")]
        voucher: i64,
        #[arg(long, value_enum)]
        status: ReviewStatus,
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// 列出质询（--status open|answered|closed|pending，默认全部）（只读）
    Queries {
        #[arg(long)]
        status: Option<String>,
        #[arg(long, value_name = "YYYY-MM")]
        period: Option<String>,
    },
    /// 答复质询（会计/出纳或主席），可附一个图片或 PDF 文件（作为该凭证的补充附件）
    Answer {
        #[arg(long, value_name = "ID")]
        query: i64,
        #[arg(long)]
        text: String,
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// 关闭已答复的质询，凭证随之标为已审。经审委员
    CloseQuery {
        #[arg(long, value_name = "ID")]
        query: i64,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 签字确认某月（须全部凭证已审、无未结质询），记录当时的账簿指纹。经审委员
    Signoff {
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum MembersCmd {
    /// 从 XLSX 或 CSV（UTF-8/GBK）导入会员名册；任何一行有错则整个文件不导入，错误逐行打印到 stderr
    Import { file: PathBuf },
    /// 会员名册（身份证号已遮蔽），只读
    List {
        #[arg(long, value_enum, default_value = "json")]
        format: JsonOnly,
    },
}

#[derive(Subcommand, Debug)]
pub enum DuesCmd {
    /// 生成某月会费应收（可重复运行：只更新未缴的应收）
    Charge {
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
    },
    /// 工资代扣：把某月未缴会费全部记为已缴，并生成一张凭证（借 银行存款 / 贷 会费收入）
    PayBatch {
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum WelfareCmd {
    /// 新建慰问发放批次（草稿），领取人来自名单文件或选人规则；输出批次（含每人剩余额度与超标提示）
    #[command(after_help = "\
类型 --type：节日慰问 festival、三八妇女节慰问 womens_day、生日慰问 birthday、结婚慰问 wedding、\
生育慰问 childbirth、生病住院慰问 sick、会员去世慰问 death_member、直系亲属去世慰问 death_relative、\
退休慰问 retirement、困难帮扶 hardship、送温暖 warmth、金秋助学 study_aid、夏送清凉 summer、\
文体活动奖品 sports_prize、其他 other（中文名或代码均可）
形式 --form：实物 goods、现金 cash、电影票/提货券等 ticket（购物卡、代金券一律拒绝）
规则 --rule：all 全体在会会员、women 女会员、children 有14岁以下子女（6月1日）、\
birthday 某月生日（--rule-arg 月份，默认发放月）、retirees 退休会员、hardship 困难职工档案、\
group 工会小组（--rule-arg 小组名称或编号）
名单文件 --recipients：XLSX 或 CSV，表头 姓名 或 会员号、金额、备注；任何一行有错则整批不建，错误逐行打印到 stderr
例：welfare create --type 三八妇女节慰问 --name 2026年三八节慰问 --date 2026-03-06 --form 实物 \
    --pay-from bank --goods 洗护用品 --rule women --amount 200")]
    Create {
        /// 慰问类型（中文名或代码）
        #[arg(long = "type", value_name = "TYPE")]
        kind: String,
        /// 发放名称，如 2026年春节慰问
        #[arg(long)]
        name: String,
        /// 发放日期 YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// 发放形式：实物 / 现金 / 电影票等
        #[arg(long)]
        form: String,
        /// 付款方式：cash（现金）或 bank（银行）
        #[arg(long, value_name = "cash|bank")]
        pay_from: String,
        /// 物品说明
        #[arg(long)]
        goods: Option<String>,
        /// 供应商
        #[arg(long)]
        supplier: Option<String>,
        /// 节日（春节、中秋……）
        #[arg(long)]
        occasion: Option<String>,
        /// 支出科目（默认按类型：50105 / 50404 / 50405 / 50102 / 50106）
        #[arg(long, value_name = "CODE")]
        account: Option<String>,
        /// 领取人名单文件（XLSX/CSV：姓名 或 会员号、金额、备注）
        #[arg(long, value_name = "FILE", conflicts_with = "rule")]
        recipients: Option<PathBuf>,
        /// 选人规则（all / women / children / birthday / retirees / hardship / group）
        #[arg(long, required_unless_present = "recipients")]
        rule: Option<String>,
        /// 规则参数：birthday 的月份，group 的小组
        #[arg(long, requires = "rule")]
        rule_arg: Option<String>,
        /// 每人金额（规则选人时必填；名单文件中金额为空的行也用它）
        #[arg(long, value_name = "AMOUNT")]
        amount: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// 记账：生成一张凭证（借 支出科目 / 贷 现金或银行存款）。超出慰问标准时须工会主席用
    /// --user/--password 登录并以 --override-reason 写明理由
    Post {
        id: i64,
        #[arg(long, value_name = "TEXT")]
        override_reason: Option<String>,
    },
    /// 慰问发放批次列表（只读）
    List {
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
    },
    /// 导出领取签收表（Excel），只读
    Sheet {
        id: i64,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum BudgetCmd {
    /// 从 XLSX 或 CSV 导入年度预算（列：科目编码、预算金额，可选 科目名称、用途）；整表替换，任何一行有错则不导入
    Import {
        file: PathBuf,
        #[arg(long, value_name = "YYYY")]
        year: i32,
    },
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum JsonOnly {
    Json,
}

#[derive(Subcommand, Debug)]
pub enum VouchersCmd {
    /// 从 XLSX 或 CSV（UTF-8/GBK）导入凭证；有任何错误则整批不导入。默认存为草稿，--post 直接记账
    Import {
        file: PathBuf,
        #[arg(long)]
        post: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PeriodCmd {
    /// 结账
    Close {
        #[arg(value_name = "YYYY-MM")]
        period: String,
    },
    /// 反结账（工会主席，须写明原因）
    Reopen {
        #[arg(value_name = "YYYY-MM")]
        period: String,
        #[arg(long)]
        reason: String,
    },
    /// 期间状态与结账检查
    Status {
        #[arg(value_name = "YYYY-MM")]
        period: String,
    },
}

pub fn main() -> i32 {
    if std::env::args_os().len() > 1 {
        attach_console();
    }
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
            println!("MISMATCH {}", report.get("message").and_then(Value::as_str).unwrap_or(""));
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

fn decode(v: &Value) -> Result<Vec<u8>, CliError> {
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

fn open_existing(db: &std::path::Path) -> Result<App, CliError> {
    Ok(App::open_existing(&db.display().to_string())?)
}

fn run(db: &std::path::Path, user: Option<&str>, password: Option<&str>, command: Cmd) -> Result<Value, CliError> {
    match command {
        Cmd::Init { union_name, unit_name, start, province, treasurer, chair, auditor, chart_version, no_approval, no_signoff } => {
            let mut app = App::open(db)?;
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
        Cmd::Verify { json } => {
            let app = open_existing(db)?;
            let report = union_ledger_core::audit::verify::verify_book(app.conn())?;
            let value = serde_json::to_value(&report).expect("json");
            if !report.ok {
                return Err(CliError::Mismatch(value));
            }
            if json {
                return Ok(value);
            }
            println!("OK {}", report.fingerprint);
            println!("{}", report.message);
            Ok(Value::Null)
        }
        Cmd::Report(report) => {
            let app = open_existing(db)?;
            let (name, args, format, out) = match report {
                ReportCmd::TrialBalance { from, to, format, out, include_zero } => (
                    "trial_balance",
                    serde_json::json!({"from": from, "to": to, "include_zero": include_zero}),
                    format,
                    out,
                ),
                ReportCmd::Journal { account, from, to, format, out } => {
                    let report = match account.as_str() {
                        "101" => "cash_journal",
                        "102" => "bank_journal",
                        _ => "account_ledger",
                    };
                    (report, serde_json::json!({"account": account, "from": from, "to": to}), format, out)
                }
                ReportCmd::IncomeStatement { period, format, out } => {
                    ("income_statement", serde_json::json!({"period": period}), format, out)
                }
                ReportCmd::Dues { month, format: JsonOnly::Json } => {
                    return Ok(app.read("report_dues", serde_json::json!({"month": month}))?);
                }
                ReportCmd::Welfare { year, format: JsonOnly::Json } => {
                    return Ok(union_ledger_core::welfare::cli::report(&app, year)?);
                }
                ReportCmd::Audit { year, format, out } => {
                    let args = serde_json::json!({"year": year});
                    let (value, text) = match format {
                        HtmlFormat::Json => {
                            let v = app.read("report_audit", args)?;
                            let t = serde_json::to_string_pretty(&v).expect("json");
                            (v, t)
                        }
                        HtmlFormat::Html => {
                            let v = app.read("report_audit_html", args)?;
                            let t = v["html"].as_str().unwrap_or_default().to_string();
                            (v, t)
                        }
                    };
                    return match out {
                        Some(out) => {
                            std::fs::write(&out, text).map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
                            Ok(serde_json::json!({ "file": out.display().to_string() }))
                        }
                        None if matches!(format, HtmlFormat::Html) => {
                            println!("{text}");
                            Ok(Value::Null)
                        }
                        None => Ok(value),
                    };
                }
                ReportCmd::Budget { year, through, format: JsonOnly::Json } => {
                    return Ok(app.read("report_budget", serde_json::json!({"year": year, "through": through}))?);
                }
                ReportCmd::BalanceSheet { period, format, out } => {
                    ("balance_sheet", serde_json::json!({"period": period}), format, out)
                }
            };
            match format {
                Format::Json => Ok(app.read(&format!("report_{name}"), args)?),
                Format::Xlsx => {
                    let mut args = args;
                    args["report"] = Value::String(name.to_string());
                    let file = app.read("report_export_xlsx", args)?;
                    let file_name = file["file_name"].as_str().unwrap_or("report.xlsx").to_string();
                    let bytes = decode(&file["data_base64"])?;
                    let out = out.unwrap_or_else(|| PathBuf::from(file_name));
                    std::fs::write(&out, bytes).map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
                    Ok(serde_json::json!({ "file": out.display().to_string() }))
                }
            }
        }
        Cmd::Members(MembersCmd::Import { file }) => {
            let bytes = std::fs::read(&file).map_err(|e| CoreError::Io(format!("{}：{e}", file.display())))?;
            let mut app = logged_in(db, user, password)?;
            let file_name = file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            Ok(union_ledger_core::members::cli::import_file(&mut app, &file_name, &bytes)?)
        }
        Cmd::Members(MembersCmd::List { format: JsonOnly::Json }) => {
            Ok(union_ledger_core::members::cli::list(&open_existing(db)?)?)
        }
        Cmd::Dues(DuesCmd::Charge { month }) => {
            Ok(union_ledger_core::dues::cli::charge(&mut logged_in(db, user, password)?, &month)?)
        }
        Cmd::Dues(DuesCmd::PayBatch { month, date }) => {
            Ok(union_ledger_core::dues::cli::pay_batch(&mut logged_in(db, user, password)?, &month, &date)?)
        }
        Cmd::Welfare(cmd) => run_welfare(db, user, password, cmd),
        Cmd::Budget(BudgetCmd::Import { file, year }) => {
            let bytes = std::fs::read(&file).map_err(|e| CoreError::Io(format!("{}：{e}", file.display())))?;
            let mut app = logged_in(db, user, password)?;
            let file_name = file.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            Ok(union_ledger_core::budget::cli::import_file(&mut app, year, &file_name, &bytes)?)
        }
        Cmd::Notice { period, out, format } => {
            let app = open_existing(db)?;
            match (out, format) {
                (Some(out), _) => {
                    let page = union_ledger_core::notice::cli::html(&app, &period)?;
                    std::fs::write(&out, page.html).map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
                    Ok(serde_json::json!({ "file": out.display().to_string(), "is_draft": page.is_draft }))
                }
                (None, Some(JsonOnly::Json)) => Ok(union_ledger_core::notice::cli::json(&app, &period)?),
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
            Ok(app.call("vouchers_import", args)?)
        }
        Cmd::Period(cmd) => match cmd {
            PeriodCmd::Close { period } => Ok(logged_in(db, user, password)?.call("period_close", serde_json::json!({"period": period}))?),
            PeriodCmd::Reopen { period, reason } => Ok(logged_in(db, user, password)?
                .call("period_reopen", serde_json::json!({"period": period, "reason": reason}))?),
            PeriodCmd::Status { period } => Ok(open_existing(db)?.read("period_status", serde_json::json!({"period": period}))?),
        },
        Cmd::Review(cmd) => match cmd {
            ReviewCmd::List { period } => Ok(open_existing(db)?.read("review_list", serde_json::json!({"period": period}))?),
            ReviewCmd::Queries { status, period } => {
                Ok(open_existing(db)?.read("review_queries", serde_json::json!({"status": status, "period": period}))?)
            }
            ReviewCmd::Mark { voucher, status, comment } => {
                let status = match status {
                    ReviewStatus::Reviewed => "reviewed",
                    ReviewStatus::Query => "query",
                };
                Ok(logged_in(db, user, password)?
                    .call("review_mark", serde_json::json!({"voucher_id": voucher, "status": status, "comment": comment}))?)
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
                Ok(logged_in(db, user, password)?.call("review_answer", args)?)
            }
            ReviewCmd::CloseQuery { query, note } => Ok(logged_in(db, user, password)?
                .call("review_close_query", serde_json::json!({"query_id": query, "note": note}))?),
            ReviewCmd::Signoff { period, note } => Ok(logged_in(db, user, password)?
                .call("review_signoff", serde_json::json!({"period": period, "note": note}))?),
        },
        Cmd::ExportJournal { format, out } => {
            if format != "hledger" {
                return Err(CliError::Usage(format!("不支持的导出格式“{format}”，目前只支持 hledger")));
            }
            let app = open_existing(db)?;
            let text = app.read("ledger_export_hledger", Value::Null)?;
            std::fs::write(&out, text["text"].as_str().unwrap_or_default())
                .map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
            Ok(serde_json::json!({ "file": out.display().to_string() }))
        }
        Cmd::Demo { members, years, seed, until } => {
            let until = until.unwrap_or_else(union_ledger_core::demo::default_until);
            let mut app = App::open(db)?;
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
                eprintln!("已建立示例账套：示例工会委员会，建账月份 {start}");
                eprintln!("用户（密码均为 demo123）：王会计（会计/出纳）、李主席（工会主席）、张经审（经审委员）");
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
            let app = open_existing(db)?;
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
            Ok(union_ledger_core::welfare::cli::create(&mut app, args)?)
        }
        WelfareCmd::Post { id, override_reason } => {
            let mut app = logged_in(db, user, password)?;
            Ok(union_ledger_core::welfare::cli::post(&mut app, id, override_reason.as_deref())?)
        }
        WelfareCmd::List { year } => Ok(open_existing(db)?.read("welfare_list", json!({ "year": year }))?),
        WelfareCmd::Sheet { id, out } => {
            let file = open_existing(db)?.read("welfare_sign_sheet_xlsx", json!({ "id": id }))?;
            let file_name = file["file_name"].as_str().unwrap_or("签收表.xlsx").to_string();
            let bytes = decode(&file["data_base64"])?;
            let out = out.unwrap_or_else(|| PathBuf::from(file_name));
            std::fs::write(&out, bytes).map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
            Ok(json!({ "file": out.display().to_string() }))
        }
    }
}
