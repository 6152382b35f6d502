//! Member commands exposed to the UI and the command line.

use super::{events, groups, hardship, import, roll, stats};
use crate::api::registry::{command, Access, Command, Ctx, NoArgs};
use crate::error::Result;
use chrono::NaiveDate;
use serde::Deserialize;

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
            roll::update(ctx.conn, &a, ctx.today(), ctx.now)
        }),
        command("members_delete", Access::Write, "删除会员（仅限无会费和发放记录）", |ctx: &Ctx, a: IdArg| -> Result<_> {
            let m = roll::delete(ctx.conn, a.id, ctx.today())?;
            ctx.record_before(&m);
            Ok(serde_json::json!({ "deleted": a.id }))
        }),
        command("members_add_event", Access::Write, "登记会籍变动（入会、转入、调出、退休、退会、去世、失业/下岗）", |ctx: &Ctx, a: events::AddEvent| -> Result<_> {
            ctx.record_before(&events::events_of(ctx.conn, a.member_id)?);
            events::add_event(ctx.conn, &a, ctx.now)
        }),
        command("members_delete_event", Access::Write, "删除误登记的会籍变动", |ctx: &Ctx, a: IdArg| -> Result<_> {
            let member_id: i64 = ctx.conn.query_row("SELECT member_id FROM member_events WHERE id = ?1", [a.id], |r| r.get(0)).unwrap_or(0);
            ctx.record_before(&events::events_of(ctx.conn, member_id)?);
            events::delete_event(ctx.conn, a.id, ctx.now)
        }),
        command("members_set_wage", Access::Write, "设置会员工资基数（可追溯，已缴月份生成补缴）", |ctx: &Ctx, a: roll::SetWage| -> Result<_> {
            ctx.record_before(&roll::wages_of(ctx.conn, a.member_id)?);
            roll::set_wage(ctx.conn, &a, ctx.now)
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
        command("member_groups_list", Access::Read, "工会小组列表", |ctx: &Ctx, _: NoArgs| groups::list(ctx.conn)),
        command("member_groups_add", Access::Write, "新增工会小组", |ctx: &Ctx, a: groups::NewGroup| groups::add(ctx.conn, &a, ctx.now)),
        command("member_groups_rename", Access::Write, "重命名工会小组", |ctx: &Ctx, a: groups::RenameGroup| -> Result<_> {
            ctx.record_before(&groups::get(ctx.conn, a.id)?);
            groups::rename(ctx.conn, &a)
        }),
        command("member_groups_delete", Access::Write, "删除空的工会小组", |ctx: &Ctx, a: IdArg| -> Result<_> {
            let g = groups::delete(ctx.conn, a.id)?;
            ctx.record_before(&g);
            Ok(serde_json::json!({ "deleted": a.id }))
        }),
        // Hardship files.
        command("hardship_list", Access::Read, "困难职工档案", |ctx: &Ctx, a: hardship::ListArgs| hardship::list(ctx.conn, &a)),
        command("hardship_due_for_review", Access::Read, "到期需复核的困难职工档案", |ctx: &Ctx, a: OptDate| {
            hardship::due_for_review(ctx.conn, a.date.unwrap_or(ctx.today()))
        }),
        command("hardship_open", Access::Write, "建立困难职工档案", |ctx: &Ctx, a: hardship::OpenFile| hardship::open(ctx.conn, &a, ctx.now)),
        command("hardship_update", Access::Write, "更新困难职工档案", |ctx: &Ctx, a: hardship::UpdateFile| -> Result<_> {
            ctx.record_before(&hardship::get(ctx.conn, a.id)?);
            hardship::update(ctx.conn, &a, ctx.now)
        }),
        command("hardship_close", Access::Write, "关闭困难职工档案（脱困等）", |ctx: &Ctx, a: hardship::CloseFile| -> Result<_> {
            ctx.record_before(&hardship::get(ctx.conn, a.id)?);
            hardship::close(ctx.conn, &a, ctx.now)
        }),
        // Import and export.
        command("members_import_preview", Access::Read, "预览会员导入（不写入）", |ctx: &Ctx, a: import::FileArgs| -> Result<_> {
            let bytes = import::decode_base64(&a.data_base64)?;
            import::preview(ctx.conn, &bytes, &a.file_name, ctx.today())
        }),
        command("members_import", Access::Write, "导入会员名册（全部成功或全部不导入）", |ctx: &Ctx, a: import::FileArgs| -> Result<_> {
            let bytes = import::decode_base64(&a.data_base64)?;
            import::import(ctx.conn, &bytes, &a.file_name, ctx.today(), ctx.now)
        }),
        command("members_import_template", Access::Read, "下载会员导入模板", |_: &Ctx, _: NoArgs| import::template()),
        command("members_export_xlsx", Access::Read, "导出会员花名册（Excel）", |ctx: &Ctx, a: import::ExportArgs| {
            import::export_xlsx(ctx.conn, &a, ctx.today())
        }),
    ]
}
