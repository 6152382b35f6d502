//! Ledger commands exposed to the UI and the command line.

use super::{attachments, chain, chart, drafts, entry, opening, periods, posting};
use crate::audit::signoff;
use crate::command::{command, Access, Command, Ctx, NoArgs};
use crate::error::Result;
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct IdArg {
    pub id: i64,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct PostDraftArg {
    pub draft_id: i64,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct ReverseArg {
    pub id: i64,
    pub date: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct YearArg {
    pub year: i32,
}

#[derive(Debug, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct OptPeriodArg {
    #[serde(default)]
    pub period: Option<String>,
}

pub fn commands() -> Vec<Command> {
    vec![
        // Chart of accounts.
        command("ledger_accounts", Access::Read, "会计科目表", |ctx: &Ctx, _: NoArgs| chart::list_accounts(ctx.conn)),
        command("ledger_account_add", Access::Write, "增设明细科目", |ctx: &Ctx, a: chart::NewSubAccount| -> Result<_> {
            chart::add_sub_account(ctx.conn, &a)
        }),
        command("ledger_account_rename", Access::Write, "修改自设科目名称", |ctx: &Ctx, a: chart::RenameAccount| -> Result<_> {
            ctx.record_before(&chart::get_account(ctx.conn, &a.code)?);
            chart::rename_account(ctx.conn, &a)
        }),
        command("ledger_account_set_active", Access::Write, "启用或停用科目", |ctx: &Ctx, a: chart::SetAccountActive| -> Result<_> {
            ctx.record_before(&chart::get_account(ctx.conn, &a.code)?);
            chart::set_account_active(ctx.conn, &a)
        }),
        // Opening balances.
        command("ledger_opening_get", Access::Read, "查看期初余额", |ctx: &Ctx, _: NoArgs| opening::get(ctx.conn)),
        command("ledger_opening_set", Access::Write, "录入期初余额（整表替换）", |ctx: &Ctx, a: opening::SetOpening| -> Result<_> {
            ctx.record_before(&opening::get(ctx.conn)?);
            opening::set(ctx.conn, &a)
        }),
        command("ledger_chain_verify", Access::Read, "校验记账凭证哈希链", |ctx: &Ctx, _: NoArgs| chain::verify(ctx.conn)),
        // Voucher editor and posted vouchers.
        command("ledger_vouchers_draft_save", Access::Write, "保存凭证草稿", |ctx: &Ctx, a: drafts::DraftInput| -> Result<_> {
            if let Some(id) = a.id {
                ctx.record_before(&drafts::get(ctx.conn, id)?);
            }
            drafts::save(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        command("ledger_vouchers_draft_get", Access::Read, "查看凭证草稿", |ctx: &Ctx, a: IdArg| drafts::get(ctx.conn, a.id)),
        command("ledger_vouchers_draft_list", Access::Read, "凭证草稿列表", |ctx: &Ctx, a: drafts::DraftFilter| drafts::list(ctx.conn, &a)),
        command("ledger_vouchers_draft_delete", Access::Write, "删除凭证草稿", |ctx: &Ctx, a: IdArg| -> Result<_> {
            let d = drafts::delete(ctx.conn, a.id)?;
            ctx.record_before(&d);
            Ok(d)
        }),
        command("ledger_vouchers_post", Access::Write, "凭证记账", |ctx: &Ctx, a: PostDraftArg| -> Result<_> {
            ctx.record_before(&drafts::get(ctx.conn, a.draft_id)?);
            drafts::post(ctx.conn, a.draft_id, ctx.user.id, ctx.now)
        }),
        command("ledger_vouchers_submit", Access::Write, "提交支出凭证草稿给工会主席审批", |ctx: &Ctx, a: PostDraftArg| -> Result<_> {
            ctx.record_before(&drafts::get(ctx.conn, a.draft_id)?);
            drafts::submit(ctx.conn, a.draft_id, ctx.user.id, ctx.now)
        }),
                command("ledger_vouchers_list", Access::Read, "记账凭证列表", |ctx: &Ctx, a: drafts::VoucherFilter| drafts::list_posted(ctx.conn, &a)),
        command("ledger_vouchers_get", Access::Read, "查看记账凭证", |ctx: &Ctx, a: IdArg| posting::get_voucher(ctx.conn, a.id)),
        command("ledger_vouchers_reverse", Access::Write, "红字冲销凭证", |ctx: &Ctx, a: ReverseArg| -> Result<_> {
            posting::reverse_voucher(ctx.conn, a.id, a.date, &a.reason, ctx.user.id, ctx.now)
        }),
        // Plain-language entry.
        command("ledger_entry_categories", Access::Read, "收支记账的收入与支出类别", |ctx: &Ctx, _: NoArgs| entry::categories(ctx.conn)),
        command("ledger_entry_preview", Access::Read, "预览收支记账将生成的凭证", |ctx: &Ctx, a: entry::EntryArgs| {
            entry::preview(ctx.conn, &a, ctx.user.id)
        }),
        command("ledger_entry_post", Access::Write, "收支记账（收入、支出、提现、存现）", |ctx: &Ctx, a: entry::EntryArgs| {
            entry::post(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        // Attachments.
        command("ledger_attachments_add", Access::Write, "上传附件（票据照片、扫描件、PDF）", |ctx: &Ctx, a: attachments::AddAttachment| {
            attachments::add(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        command("ledger_attachments_list", Access::Read, "附件列表", |ctx: &Ctx, a: attachments::AttachmentOwner| attachments::list(ctx.conn, &a)),
        command("ledger_attachments_get", Access::Read, "查看附件", |ctx: &Ctx, a: attachments::AttachmentId| attachments::get(ctx.conn, a.id)),
        command("ledger_attachments_delete", Access::Write, "删除草稿的附件", |ctx: &Ctx, a: attachments::AttachmentId| -> Result<_> {
            let m = attachments::delete(ctx.conn, a.id)?;
            ctx.record_before(&m);
            Ok(m)
        }),
        // Periods and month close.
        command("ledger_period_status", Access::Read, "月份结账状态与检查", |ctx: &Ctx, a: periods::PeriodArg| period_status(ctx, &a.period)),
        command("ledger_period_list", Access::Read, "全年各月结账状态", |ctx: &Ctx, a: YearArg| periods::list(ctx.conn, a.year)),
        command("ledger_period_events", Access::Read, "结账与反结账记录", |ctx: &Ctx, a: OptPeriodArg| periods::events(ctx.conn, a.period.as_deref())),
        command("ledger_period_set_bank_statement", Access::Write, "录入银行对账单余额", |ctx: &Ctx, a: periods::SetBankStatement| -> Result<_> {
            ctx.record_before(&period_status(ctx, &a.period)?);
            periods::set_bank_statement(ctx.conn, &a)?;
            period_status(ctx, &a.period)
        }),
        command("ledger_bank_reconciliation", Access::Read, "银行对账（本月银行存款分录勾对）", |ctx: &Ctx, a: periods::PeriodArg| {
            periods::bank_reconciliation(ctx.conn, &a.period)
        }),
        command("ledger_bank_tick", Access::Write, "勾对银行存款分录", |ctx: &Ctx, a: periods::BankTick| periods::bank_tick(ctx.conn, &a, ctx.now)),
        command("ledger_period_close", Access::Write, "月末结账", |ctx: &Ctx, a: periods::PeriodArg| {
            periods::close(ctx.conn, &a.period, outside_blockers(ctx, &a.period)?, ctx.user.id, ctx.now)
        }),
        command("ledger_period_reopen", Access::Approve, "反结账（工会主席）", |ctx: &Ctx, a: periods::Reopen| -> Result<_> {
            ctx.record_before(&period_status(ctx, &a.period)?);
            crate::users::officers::chair_and_auditor(ctx.conn, ctx.user, &a.confirm, "反结账")?;
            let reopened = periods::reopen(ctx.conn, &a, ctx.user.id, ctx.now)?;
            // What the auditor signed off no longer describes a month that may change again.
            signoff::invalidate(ctx.conn, &reopened.period, &format!("反结账：{}", a.reason.trim()), ctx.now)?;
            period_status(ctx, &reopened.period)
        }),
    ]
}

/// Why a month cannot close for reasons outside the ledger: the audit committee's sign-off
/// (when the book requires it) must be there and still match the books.
fn outside_blockers(ctx: &Ctx, period: &str) -> Result<Vec<String>> {
    Ok(signoff::close_blocker(ctx.conn, period.trim())?.into_iter().collect())
}

/// The month's close checklist: the ledger's own checks plus the outside blockers.
fn period_status(ctx: &Ctx, period: &str) -> Result<periods::PeriodStatus> {
    let st = periods::status(ctx.conn, period)?;
    let outside = outside_blockers(ctx, &st.period)?;
    Ok(periods::with_blockers(st, outside))
}
