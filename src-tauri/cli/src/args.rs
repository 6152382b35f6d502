//! The command line's words: every subcommand and option, with Chinese help. Parsing errors
//! are put into Chinese by [`crate::usage`].

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use union_ledger_core::book::UserSpec;

#[derive(Parser, Debug)]
#[command(name = "union-ledger-cli", version, about = "工会账本 Union Ledger 命令行 — 与窗口相同的命令、核心与输出")]
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
        /// 工会名称，如 某某公司工会委员会
        #[arg(long)]
        union_name: String,
        /// 所在单位名称
        #[arg(long)]
        unit_name: String,
        /// 建账月份 YYYY-MM
        #[arg(long)]
        start: String,
        /// 所在省份（决定慰问标准的预设），如 江苏、beijing
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
        /// 会计科目表版本
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
        /// 命令名（见 commands）
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
        /// 核对一个以前见到的指纹（公示上印的短指纹或完整哈希）仍是本账套历史的开头
        #[arg(long, value_name = "FINGERPRINT")]
        expect: Option<String>,
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
        /// json：输出全部数字
        #[arg(long, value_enum)]
        format: Option<JsonOnly>,
    },
    /// 导出全部凭证供其他软件核对，如 hledger（只读）
    ExportJournal {
        /// 目前支持 hledger
        #[arg(long, default_value = "hledger")]
        format: String,
        /// 保存的文件
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
        /// 备份文件（不能是正在使用的账套）
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
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
        /// 起始月份（含）
        #[arg(long, value_name = "YYYY-MM")]
        from: String,
        /// 截止月份（含）
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
        /// 科目编码，如 101、102、50105
        #[arg(long, value_name = "CODE")]
        account: String,
        /// 起始月份（含）
        #[arg(long, value_name = "YYYY-MM")]
        from: String,
        /// 截止月份（含）
        #[arg(long, value_name = "YYYY-MM")]
        to: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// XLSX 输出文件（默认用报表名保存在当前目录）
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 收入支出表（工会02表）
    IncomeStatement {
        /// 月份
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// XLSX 输出文件（默认用报表名保存在当前目录）
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 会费月报：每位会员的基数、应缴、已缴、欠缴
    Dues {
        /// 月份
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        #[arg(long, value_enum, default_value = "json")]
        format: JsonOnly,
    },
    /// 慰问发放年报：每个已记账批次、每位会员与每类慰问的合计（已冲销的不计）
    Welfare {
        /// 年份
        #[arg(long, value_name = "YYYY")]
        year: i32,
        #[arg(long, value_enum, default_value = "json")]
        format: JsonOnly,
    },
    /// 年度经费审查报告草稿：JSON 数据或 A4 打印用 HTML（--out 写入文件，否则输出到 stdout）
    Audit {
        /// 年份
        #[arg(long, value_name = "YYYY")]
        year: i32,
        #[arg(long, value_enum, default_value = "json")]
        format: HtmlFormat,
        /// 保存的文件（默认输出到屏幕）
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 预算执行情况：各科目预算、每月实际、本年累计与执行率
    Budget {
        /// 年份
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
        /// 月份（期末数）
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// XLSX 输出文件（默认用报表名保存在当前目录）
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
        /// 月份
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
    },
    /// 标记凭证已审（reviewed）或提出质询（query，须写 --comment）。经审委员
    Mark {
        /// 凭证编号（内部 id，见 review list 的 voucher_id）
        #[arg(long, value_name = "ID")]
        voucher: i64,
        /// reviewed 已审 或 query 质询
        #[arg(long, value_enum)]
        status: ReviewStatus,
        /// 审核意见（提出质询时必填）
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// 列出质询（--status open|answered|closed|pending，默认全部）（只读）
    Queries {
        /// 只列此状态：open 未答复、answered 已答复、closed 已关闭、pending 未结
        #[arg(long)]
        status: Option<String>,
        /// 只列此月份的凭证
        #[arg(long, value_name = "YYYY-MM")]
        period: Option<String>,
    },
    /// 答复质询（会计/出纳或主席），可附一个图片或 PDF 文件（作为该凭证的补充附件）
    Answer {
        /// 质询编号
        #[arg(long, value_name = "ID")]
        query: i64,
        /// 答复内容
        #[arg(long)]
        text: String,
        /// 附件（图片或 PDF）
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// 关闭已答复的质询，凭证随之标为已审。经审委员
    CloseQuery {
        /// 质询编号
        #[arg(long, value_name = "ID")]
        query: i64,
        /// 关闭说明
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 签字确认某月（须全部凭证已审、无未结质询），记录当时的账簿指纹。经审委员
    Signoff {
        /// 月份
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        /// 签字备注
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum MembersCmd {
    /// 从 XLSX 或 CSV（UTF-8/GBK）导入会员名册；任何一行有错则整个文件不导入，错误逐行打印到 stderr
    Import {
        /// XLSX 或 CSV 文件
        file: PathBuf,
    },
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
        /// 会费月份
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
    },
    /// 工资代扣：把某月未缴会费全部记为已缴，并生成一张凭证（借 银行存款 / 贷 会费收入）
    PayBatch {
        /// 会费月份
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        /// 扣款到账日期
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
}

// `Create` carries many options; the enum is parsed once per process, so boxing buys nothing.
#[allow(clippy::large_enum_variant)]
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
        /// 备注
        #[arg(long)]
        note: Option<String>,
    },
    /// 记账：生成一张凭证（借 支出科目 / 贷 现金或银行存款）。超出慰问标准时须工会主席用
    /// --user/--password 登录并以 --override-reason 写明理由
    Post {
        /// 批次编号（见 welfare list）
        id: i64,
        /// 超标准发放的理由（须工会主席登录）
        #[arg(long, value_name = "TEXT")]
        override_reason: Option<String>,
    },
    /// 慰问发放批次列表（只读）
    List {
        /// 年份（默认全部）
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
    },
    /// 导出领取签收表（Excel），只读
    Sheet {
        /// 批次编号（见 welfare list）
        id: i64,
        /// 保存的 XLSX 文件（默认用批次名保存在当前目录）
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum BudgetCmd {
    /// 从 XLSX 或 CSV 导入年度预算（列：科目编码、预算金额，可选 科目名称、用途）；整表替换，任何一行有错则不导入
    Import {
        /// XLSX 或 CSV 文件
        file: PathBuf,
        /// 预算年份
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
        /// XLSX 或 CSV 文件
        file: PathBuf,
        /// 直接记账（默认存为草稿）
        #[arg(long)]
        post: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PeriodCmd {
    /// 结账
    Close {
        /// 月份
        #[arg(value_name = "YYYY-MM")]
        period: String,
    },
    /// 反结账（工会主席，须写明原因）
    Reopen {
        /// 月份
        #[arg(value_name = "YYYY-MM")]
        period: String,
        /// 反结账原因（记入操作日志）
        #[arg(long)]
        reason: String,
        /// 第二位负责人（经审委员）的姓名：反结账须工会主席与经审委员共同确认
        #[arg(long, value_name = "NAME")]
        confirm_user: Option<String>,
        /// 第二位负责人的密码
        #[arg(long, env = "UNION_LEDGER_CONFIRM_PASSWORD", hide_env_values = true, value_name = "PASSWORD")]
        confirm_password: Option<String>,
    },
    /// 期间状态与结账检查
    Status {
        /// 月份
        #[arg(value_name = "YYYY-MM")]
        period: String,
    },
}

