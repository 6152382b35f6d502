//! Audit commands: chair approval, voucher review and queries, monthly sign-off, the change
//! log, verification and the annual audit report. See docs/contracts/audit-commands.md.

use super::{approval_queue, report, review, signoff, verify};
use crate::workflow::{approval, changelog};
use crate::command::{command, Access, Command, Ctx, NoArgs};
use crate::error::Result;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct DecideArgs {
    pub id: i64,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub note: String,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct PeriodArg {
    pub period: String,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct YearArg {
    pub year: i32,
}

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct HtmlReport {
    pub file_name: String,
    pub html: String,
}

pub fn commands() -> Vec<Command> {
    vec![
        // Change log.
        command("audit_log_list", Access::Read, "查看操作日志（按用户、日期、类别、命令筛选）", |ctx: &Ctx, f: changelog::LogFilter| {
            changelog::list(ctx.conn, &f)
        }),
        command("audit_log_kinds", Access::Read, "操作日志中出现过的类别与命令", |ctx: &Ctx, _: NoArgs| changelog::kinds(ctx.conn)),
        command("audit_log_verify", Access::Read, "校验操作日志哈希链", |ctx: &Ctx, _: NoArgs| changelog::verify(ctx.conn)),
        command("audit_verify", Access::Read, "校验账套：凭证哈希链、操作日志哈希链与经审签字", |ctx: &Ctx, _: NoArgs| {
            verify::verify_book(ctx.conn)
        }),
        // Chair approval.
        command("audit_approval_queue", Access::Read, "待工会主席审批的事项（含附件）", |ctx: &Ctx, _: NoArgs| approval_queue::queue(ctx.conn)),
        command("audit_approval_list", Access::Read, "审批记录（按类别、状态、年度筛选）", |ctx: &Ctx, f: approval::ApprovalFilter| {
            approval::list(ctx.conn, &f)
        }),
        command("audit_approval_approve", Access::Approve, "批准支出（工会主席）", |ctx: &Ctx, a: DecideArgs| -> Result<_> {
            ctx.record_before(&approval::get(ctx.conn, a.id)?);
            let decided = approval::approve(ctx.conn, a.id, &a.note, ctx.user.id, ctx.now)?;
            approval_queue::after_decision(ctx.conn, &decided)?;
            Ok(decided)
        }),
        command("audit_approval_reject", Access::Approve, "不批准支出并写明原因（工会主席）", |ctx: &Ctx, a: DecideArgs| -> Result<_> {
            ctx.record_before(&approval::get(ctx.conn, a.id)?);
            let decided = approval::reject(ctx.conn, a.id, &a.note, ctx.user.id, ctx.now)?;
            approval_queue::after_decision(ctx.conn, &decided)?;
            Ok(decided)
        }),
        // Review and queries.
        command("audit_review_list", Access::Read, "某月记账凭证的审核状态与签字状态", |ctx: &Ctx, a: PeriodArg| review::list(ctx.conn, &a.period)),
        command("audit_review_mark", Access::Review, "审核凭证：标记已审或提出质询（经审委员）", |ctx: &Ctx, a: review::MarkArgs| -> Result<_> {
            ctx.record_before(&review::item(ctx.conn, a.voucher_id)?);
            review::mark(ctx.conn, &a, ctx.user, ctx.now)
        }),
        command("audit_review_queries", Access::Read, "质询列表（待答复、已答复、已关闭）", |ctx: &Ctx, f: review::QueryFilter| {
            review::queries(ctx.conn, &f)
        }),
        command("audit_review_answer", Access::Answer, "答复经审质询（可附文件）", |ctx: &Ctx, a: review::AnswerArgs| -> Result<_> {
            ctx.record_before(&review::get_query(ctx.conn, a.query_id)?);
            review::answer(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        command("audit_review_close_query", Access::Review, "关闭已答复的质询（经审委员）", |ctx: &Ctx, a: review::CloseArgs| -> Result<_> {
            ctx.record_before(&review::get_query(ctx.conn, a.query_id)?);
            review::close_query(ctx.conn, &a, ctx.user, ctx.now)
        }),
        command("audit_review_signoff_status", Access::Read, "某月经审签字状态", |ctx: &Ctx, a: PeriodArg| signoff::status(ctx.conn, &a.period)),
        command("audit_review_signoff", Access::Review, "经审签字确认某月（记录账簿指纹）", |ctx: &Ctx, a: signoff::SignArgs| -> Result<_> {
            ctx.record_before(&signoff::status(ctx.conn, &a.period)?);
            signoff::sign(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        // Annual audit report.
        command("report_audit", Access::Read, "年度经费审查报告（数据）", |ctx: &Ctx, a: YearArg| report::build(ctx.conn, a.year, ctx.now)),
        command("report_audit_html", Access::Read, "年度经费审查报告（A4 打印用 HTML）", |ctx: &Ctx, a: YearArg| -> Result<_> {
            let r = report::build(ctx.conn, a.year, ctx.now)?;
            Ok(HtmlReport { file_name: format!("{}年度经费审查报告.html", a.year), html: report::render_html(&r) })
        }),
        command("audit_report_texts_save", Access::Review, "保存年度经费审查报告的文字部分（经审委员）", |ctx: &Ctx, a: report::SaveTexts| -> Result<_> {
            ctx.record_before(&report::texts(ctx.conn, a.year)?);
            report::save_texts(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
    ]
}
