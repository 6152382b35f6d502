//! Welfare commands exposed to the UI and the command line.
//!
//! Posting (`welfare_post`) and the override (`welfare_override`) are open to the treasurer
//! and the chair (`Access::Admin`): the treasurer posts; a breach of the spending rules needs
//! the chair — either logged in, or typing the chair's password on the treasurer's screen
//! (`confirm_user`/`confirm_password`), as on the one office PC. Anyone else is refused.

use super::{batches, eligibility, history, rules};
use crate::command::{command, Access, Command, Ctx, NoArgs};
use crate::error::{CoreError, Result};
use crate::users::{self, Role};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct IdArg {
    pub id: i64,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct MemberArg {
    pub member_id: i64,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct CandidatesArg {
    pub rule: String,
    #[serde(default)]
    pub arg: Option<String>,
    pub date: NaiveDate,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct OverrideArg {
    pub id: i64,
    pub reason: String,
    /// When the logged-in user is not the chair: the chair's name (default: the chair) and password.
    #[serde(default)]
    pub confirm_user: Option<String>,
    #[serde(default)]
    pub confirm_password: Option<String>,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct PostArg {
    pub id: i64,
    /// Record the chair's override with this reason before posting.
    #[serde(default)]
    pub override_reason: Option<String>,
    #[serde(default)]
    pub confirm_user: Option<String>,
    #[serde(default)]
    pub confirm_password: Option<String>,
}

/// The chair who approves an override: the logged-in chair, or the chair whose password was
/// typed in. Anyone else is refused as a permission matter.
fn resolve_chair(ctx: &Ctx, name: Option<&str>, password: Option<&str>) -> Result<i64> {
    if ctx.user.role == Role::Chair {
        return Ok(ctx.user.id);
    }
    let Some(password) = password.filter(|p| !p.is_empty()) else {
        return Err(CoreError::PermissionDenied { action: "批准超标发放（须工会主席）".into(), role: ctx.user.role.label().into() });
    };
    let chair = match name.map(str::trim).filter(|s| !s.is_empty()) {
        Some(n) => users::find_by_name(ctx.conn, n)?.ok_or(CoreError::AuthFailed)?,
        None => users::list(ctx.conn)?
            .into_iter()
            .find(|u| u.role == Role::Chair && u.active)
            .ok_or_else(|| CoreError::NotFound("工会主席用户".into()))?,
    };
    let chair = users::authenticate(ctx.conn, chair.id, password)?;
    if chair.role != Role::Chair {
        return Err(CoreError::PermissionDenied { action: "批准超标发放（须工会主席）".into(), role: chair.role.label().into() });
    }
    Ok(chair.id)
}

pub fn commands() -> Vec<Command> {
    vec![
        command("welfare_vocabulary", Access::Read, "慰问类型、发放形式、选人规则与限额项目", |_: &Ctx, _: NoArgs| -> Result<_> { Ok(rules::vocabulary()) }),
        command("welfare_list", Access::Read, "慰问发放批次列表", |ctx: &Ctx, f: batches::BatchFilter| batches::list(ctx.conn, &f)),
        command("welfare_get", Access::Read, "慰问发放批次详情（含本年剩余额度与超标提示）", |ctx: &Ctx, a: IdArg| batches::get(ctx.conn, a.id)),
        command("welfare_create", Access::Write, "新建慰问发放批次（可同时按规则、名单或文件选人）", |ctx: &Ctx, a: batches::BatchInput| {
            batches::create(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        command("welfare_update", Access::Write, "修改慰问发放批次", |ctx: &Ctx, a: batches::BatchUpdate| -> Result<_> {
            ctx.record_before(&batches::get(ctx.conn, a.id)?);
            batches::update(ctx.conn, &a, ctx.now)
        }),
        command("welfare_delete", Access::Write, "删除未记账的慰问发放批次", |ctx: &Ctx, a: IdArg| -> Result<_> {
            let b = batches::delete(ctx.conn, a.id, ctx.now)?;
            ctx.record_before(&b);
            Ok(serde_json::json!({ "deleted": a.id }))
        }),
        command("welfare_candidates", Access::Read, "按规则预览符合条件的会员", |ctx: &Ctx, a: CandidatesArg| {
            batches::candidates(ctx.conn, &a.rule, a.arg.as_deref(), a.date)
        }),
        command("welfare_add_by_rule", Access::Write, "按规则加入领取人", |ctx: &Ctx, a: batches::AddByRule| batches::add_by_rule(ctx.conn, &a, ctx.now)),
        command("welfare_add_recipients", Access::Write, "逐个加入领取人", |ctx: &Ctx, a: batches::AddRecipients| {
            batches::add_recipients(ctx.conn, &a, ctx.now)
        }),
        command("welfare_remove_recipients", Access::Write, "移除领取人", |ctx: &Ctx, a: batches::RemoveRecipients| -> Result<_> {
            ctx.record_before(&batches::get(ctx.conn, a.batch_id)?);
            batches::remove_recipients(ctx.conn, &a, ctx.now)
        }),
        command("welfare_set_amounts", Access::Write, "设置发放金额（统一金额或逐人）", |ctx: &Ctx, a: batches::SetAmounts| -> Result<_> {
            ctx.record_before(&batches::get(ctx.conn, a.batch_id)?);
            batches::set_amounts(ctx.conn, &a, ctx.now)
        }),
        command("welfare_import_preview", Access::Read, "预览领取人导入（不写入）", |ctx: &Ctx, a: batches::ImportArgs| batches::import_preview(ctx.conn, &a)),
        command("welfare_import", Access::Write, "导入领取人（全部成功或全部不导入）", |ctx: &Ctx, a: batches::ImportArgs| batches::import(ctx.conn, &a, ctx.now)),
        command("welfare_import_template", Access::Read, "下载领取人导入模板", |_: &Ctx, _: NoArgs| batches::import_template()),
        command("welfare_submit", Access::Write, "提交工会主席审批", |ctx: &Ctx, a: IdArg| batches::submit(ctx.conn, a.id, ctx.user.id, ctx.now)),
        command("welfare_approve", Access::Approve, "审批通过慰问发放（工会主席）", |ctx: &Ctx, a: batches::IdNote| {
            batches::decide(ctx.conn, &a, true, ctx.user.id, ctx.now)
        }),
        command("welfare_reject", Access::Approve, "退回慰问发放（工会主席）", |ctx: &Ctx, a: batches::IdNote| {
            batches::decide(ctx.conn, &a, false, ctx.user.id, ctx.now)
        }),
        command("welfare_override", Access::Admin, "工会主席批准超标发放（须写明理由）", |ctx: &Ctx, a: OverrideArg| -> Result<_> {
            let chair = resolve_chair(ctx, a.confirm_user.as_deref(), a.confirm_password.as_deref())?;
            batches::record_override(ctx.conn, a.id, &a.reason, chair, ctx.user.id, ctx.now)
        }),
        command("welfare_post", Access::Admin, "慰问发放记账（一张凭证）", |ctx: &Ctx, a: PostArg| -> Result<_> {
            if let Some(reason) = a.override_reason.as_deref().filter(|r| !r.trim().is_empty()) {
                let chair = resolve_chair(ctx, a.confirm_user.as_deref(), a.confirm_password.as_deref())?;
                batches::record_override(ctx.conn, a.id, reason, chair, ctx.user.id, ctx.now)?;
            }
            batches::post(ctx.conn, a.id, ctx.user.id, ctx.now)
        }),
        command("welfare_reverse", Access::Write, "冲销慰问发放（红字冲销其凭证）", |ctx: &Ctx, a: batches::Reverse| -> Result<_> {
            ctx.record_before(&batches::get(ctx.conn, a.id)?);
            batches::reverse(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        command("welfare_overrides", Access::Read, "超标发放的主席批准记录（供经审会查阅）", |ctx: &Ctx, f: history::OverrideFilter| {
            history::overrides(ctx.conn, &f)
        }),
        command("welfare_sign_sheet", Access::Read, "领取签收表（打印）", |ctx: &Ctx, a: IdArg| batches::sign_sheet(ctx.conn, a.id)),
        command("welfare_sign_sheet_xlsx", Access::Read, "导出领取签收表（Excel）", |ctx: &Ctx, a: IdArg| batches::sign_sheet_xlsx(ctx.conn, a.id)),
        command("welfare_member_history", Access::Read, "会员年度慰问记录（按类型、已用额度）", |ctx: &Ctx, a: history::MemberYear| {
            history::member_history(ctx.conn, &a)
        }),
        command("welfare_member_aid", Access::Read, "会员受助记录（困难帮扶、送温暖、助学）", |ctx: &Ctx, a: MemberArg| {
            history::aid_received(ctx.conn, a.member_id, None, None)
        }),
        command("welfare_year_summary", Access::Read, "年度各类慰问合计", |ctx: &Ctx, a: history::YearArg| history::year_summary(ctx.conn, a.year)),
        command("report_welfare", Access::Read, "慰问发放年报（命令行 report welfare）", |ctx: &Ctx, a: history::YearArg| history::report(ctx.conn, a.year)),
        command("welfare_rules_list", Access::Read, "慰问标准（各省限额及出处）", |ctx: &Ctx, f: rules::RuleFilter| rules::list(ctx.conn, &f)),
        command("welfare_rules_add", Access::Admin, "新增慰问标准", |ctx: &Ctx, a: rules::RuleInput| rules::add(ctx.conn, &a)),
        command("welfare_rules_update", Access::Admin, "修改慰问标准", |ctx: &Ctx, a: rules::RuleUpdate| -> Result<_> {
            ctx.record_before(&rules::get(ctx.conn, a.id)?);
            rules::update(ctx.conn, &a)
        }),
        command("welfare_selection_rules", Access::Read, "选人规则", |_: &Ctx, _: NoArgs| -> Result<_> { Ok(eligibility::SELECTION_RULES.to_vec()) }),
    ]
}
