//! Member commands exposed to the UI and the command line.

//!
//! A change to the roll that moves money elsewhere is composed here, above both modules:
//! a wage change, an edit or a membership event re-prices the member's unpaid dues
//! (`dues::charges`), and a hardship file shows the aid welfare paid while it was open.

use super::{events, groups, hardship, import, roll, stats};
use crate::command::{command, Access, Command, Ctx, NoArgs};
use crate::dues::charges::{self, Charge};
use crate::error::Result;
use crate::money::Money;
use crate::welfare::history::{self, PayoutItem};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct IdArg {
    pub id: i64,
}

#[derive(Debug, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct OptDate {
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

pub fn commands() -> Vec<Command> {
    vec![
        command("members_list", Access::Read, "会员名册（搜索、筛选、排序）", |ctx: &Ctx, f: roll::MemberFilter| {
            roll::list(ctx.conn, &f, ctx.today())
        }),
        command("members_get", Access::Read, "会员详情", |ctx: &Ctx, a: IdArg| roll::get_on(ctx.conn, a.id, ctx.today())),
        command("members_reveal_id", Access::Read, "查看会员完整身份证号", |ctx: &Ctx, a: IdArg| roll::reveal_id(ctx.conn, a.id)),
        command("members_create", Access::Write, "新增会员", |ctx: &Ctx, a: roll::MemberInput| {
            roll::create(ctx.conn, &a, ctx.today(), ctx.now)
        }),
        command("members_update", Access::Write, "修改会员信息", |ctx: &Ctx, a: roll::MemberUpdate| -> Result<_> {
            ctx.record_before(&roll::get_on(ctx.conn, a.id, ctx.today())?);
            roll::update(ctx.conn, &a, ctx.today(), ctx.now)?;
            charges::refresh_unpaid_for_member(ctx.conn, a.id, ctx.now)?;
            roll::get_on(ctx.conn, a.id, ctx.today())
        }),
        command("members_delete", Access::Write, "删除会员（仅限无会费和发放记录）", |ctx: &Ctx, a: IdArg| -> Result<_> {
            let m = roll::delete(ctx.conn, a.id, ctx.today())?;
            ctx.record_before(&m);
            Ok(serde_json::json!({ "deleted": a.id }))
        }),
        command("members_add_event", Access::Write, "登记会籍变动（入会、转入、调出、退休、退会、去世、失业/下岗）", |ctx: &Ctx, a: events::AddEvent| -> Result<_> {
            ctx.record_before(&events::events_of(ctx.conn, a.member_id)?);
            events::add_event(ctx.conn, &a, ctx.now)?;
            charges::refresh_unpaid_for_member(ctx.conn, a.member_id, ctx.now)?;
            roll::get_on(ctx.conn, a.member_id, ctx.today())
        }),
        command("members_delete_event", Access::Write, "删除误登记的会籍变动", |ctx: &Ctx, a: IdArg| -> Result<_> {
            let member_id = events::member_of_event(ctx.conn, a.id)?;
            ctx.record_before(&events::events_of(ctx.conn, member_id)?);
            events::delete_event(ctx.conn, a.id, ctx.now)?;
            charges::refresh_unpaid_for_member(ctx.conn, member_id, ctx.now)?;
            roll::get_on(ctx.conn, member_id, ctx.today())
        }),
        command("members_set_wage", Access::Write, "设置会员工资基数（可追溯，已缴月份生成补缴）", |ctx: &Ctx, a: roll::SetWage| -> Result<_> {
            ctx.record_before(&roll::wages_of(ctx.conn, a.member_id)?);
            let from = roll::set_wage(ctx.conn, &a, ctx.now)?;
            // For past months already charged, unpaid charges are recomputed and paid or
            // part-paid ones get a 补缴 (back) charge for the difference.
            let (recomputed, back_charges) = charges::apply_wage_change(ctx.conn, a.member_id, &from, ctx.now)?;
            Ok(SetWageResult { member: roll::get_on(ctx.conn, a.member_id, ctx.today())?, recomputed, back_charges })
        }),
        command("members_stats", Access::Read, "会员人数、入会率、本年新增与减少", |ctx: &Ctx, a: OptDate| {
            stats::stats(ctx.conn, a.date.unwrap_or(ctx.today()))
        }),
        command("members_headcount_list", Access::Read, "在册职工人数的历次设置", |ctx: &Ctx, _: NoArgs| stats::headcount_history(ctx.conn)),
        command("members_set_headcount", Access::Write, "设置在册职工人数（用于入会率）", |ctx: &Ctx, a: stats::SetHeadcount| -> Result<_> {
            ctx.record_before(&stats::headcount_history(ctx.conn)?);
            stats::set_headcount(ctx.conn, &a)
        }),
        // Groups.
        command("members_groups_list", Access::Read, "工会小组列表", |ctx: &Ctx, _: NoArgs| groups::list(ctx.conn)),
        command("members_groups_add", Access::Write, "新增工会小组", |ctx: &Ctx, a: groups::NewGroup| groups::add(ctx.conn, &a, ctx.now)),
        command("members_groups_rename", Access::Write, "重命名工会小组", |ctx: &Ctx, a: groups::RenameGroup| -> Result<_> {
            ctx.record_before(&groups::get(ctx.conn, a.id)?);
            groups::rename(ctx.conn, &a)
        }),
        command("members_groups_delete", Access::Write, "删除空的工会小组", |ctx: &Ctx, a: IdArg| -> Result<_> {
            let g = groups::delete(ctx.conn, a.id)?;
            ctx.record_before(&g);
            Ok(serde_json::json!({ "deleted": a.id }))
        }),
        // Hardship files.
        command("members_hardship_list", Access::Read, "困难职工档案", |ctx: &Ctx, a: hardship::ListArgs| {
            with_aid_all(ctx.conn, hardship::list(ctx.conn, &a)?)
        }),
        command("members_hardship_due_for_review", Access::Read, "到期需复核的困难职工档案", |ctx: &Ctx, a: OptDate| {
            with_aid_all(ctx.conn, hardship::due_for_review(ctx.conn, a.date.unwrap_or(ctx.today()))?)
        }),
        command("members_hardship_open", Access::Write, "建立困难职工档案", |ctx: &Ctx, a: hardship::OpenFile| {
            with_aid(ctx.conn, hardship::open(ctx.conn, &a, ctx.now)?)
        }),
        command("members_hardship_update", Access::Write, "更新困难职工档案", |ctx: &Ctx, a: hardship::UpdateFile| -> Result<_> {
            ctx.record_before(&hardship::get(ctx.conn, a.id)?);
            with_aid(ctx.conn, hardship::update(ctx.conn, &a, ctx.now)?)
        }),
        command("members_hardship_close", Access::Write, "关闭困难职工档案（脱困等）", |ctx: &Ctx, a: hardship::CloseFile| -> Result<_> {
            ctx.record_before(&hardship::get(ctx.conn, a.id)?);
            with_aid(ctx.conn, hardship::close(ctx.conn, &a, ctx.now)?)
        }),
        // Import and export.
        command("members_import_preview", Access::Read, "预览会员导入（不写入）", |ctx: &Ctx, a: import::FileArgs| -> Result<_> {
            let bytes = crate::io::decode_base64(&a.data_base64)?;
            import::preview(ctx.conn, &bytes, &a.file_name, ctx.today())
        }),
        command("members_import", Access::Write, "导入会员名册（全部成功或全部不导入）", |ctx: &Ctx, a: import::FileArgs| -> Result<_> {
            let bytes = crate::io::decode_base64(&a.data_base64)?;
            import::import(ctx.conn, &bytes, &a.file_name, ctx.today(), ctx.now)
        }),
        command("members_import_template", Access::Read, "下载会员导入模板", |_: &Ctx, _: NoArgs| import::template()),
        command("members_export_xlsx", Access::Read, "导出会员花名册（Excel）", |ctx: &Ctx, a: import::ExportArgs| {
            import::export_xlsx(ctx.conn, &a, ctx.today())
        }),
    ]
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SetWageResult {
    pub member: roll::Member,
    /// Unpaid charges recomputed with the new base.
    pub recomputed: i64,
    /// 补缴 charges created (or raised) for months already (part-)paid.
    pub back_charges: Vec<Charge>,
}

/// A hardship file with the aid received while it was open (困难帮扶, 送温暖, 金秋助学 —
/// from welfare's payout history).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "HardshipFile")]
pub struct HardshipFileWithAid {
    #[serde(flatten)]
    pub file: hardship::HardshipFile,
    pub aid_received: Vec<PayoutItem>,
    pub aid_total: Money,
}

fn with_aid(conn: &Connection, file: hardship::HardshipFile) -> Result<HardshipFileWithAid> {
    let aid_received = history::aid_received(conn, file.member_id, Some(file.identified_on), file.closed_on)?;
    let aid_total = aid_received.iter().map(|a| a.amount).sum();
    Ok(HardshipFileWithAid { file, aid_received, aid_total })
}

fn with_aid_all(conn: &Connection, files: Vec<hardship::HardshipFile>) -> Result<Vec<HardshipFileWithAid>> {
    files.into_iter().map(|f| with_aid(conn, f)).collect()
}
