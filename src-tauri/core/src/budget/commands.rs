//! Budget commands exposed to the UI and the command line.

use super::{import, AdjustInput, SetApproval, SetLines};
use crate::command::{command, Access, Command, Ctx};
use crate::error::Result;
use crate::io::decode_base64;
use serde::Deserialize;

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct YearArg {
    pub year: i32,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct ReportArgs {
    pub year: i32,
    /// Count actuals up to this month ("YYYY-MM"); default December.
    #[serde(default)]
    pub through: Option<String>,
}

pub fn commands() -> Vec<Command> {
    vec![
        command("budget_get", Access::Read, "年度预算：各科目预算、调整记录与审批日期", |ctx: &Ctx, a: YearArg| super::get(ctx.conn, a.year)),
        command("budget_set_lines", Access::Write, "录入年度预算（审议通过前）", |ctx: &Ctx, a: SetLines| -> Result<_> {
            ctx.record_before(&super::get(ctx.conn, a.year)?);
            super::set_lines(ctx.conn, &a)
        }),
        command("budget_adjust", Access::Write, "预算调整（写明原因）", |ctx: &Ctx, a: AdjustInput| {
            super::adjust(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        command("budget_set_approval", Access::Write, "记录预算审批日期（工会委员会、经审会、上级工会）", |ctx: &Ctx, a: SetApproval| -> Result<_> {
            ctx.record_before(&super::approval(ctx.conn, a.year)?);
            super::set_approval(ctx.conn, &a)
        }),
        command("budget_import_preview", Access::Read, "预览预算导入（不写入）", |ctx: &Ctx, a: import::ImportArgs| {
            import::preview(ctx.conn, a.year, &decode_base64(&a.data_base64)?, &a.file_name)
        }),
        command("budget_import", Access::Write, "导入年度预算（整表替换，全部成功或全部不导入）", |ctx: &Ctx, a: import::ImportArgs| -> Result<_> {
            ctx.record_before(&super::get(ctx.conn, a.year)?);
            import::import(ctx.conn, a.year, &decode_base64(&a.data_base64)?, &a.file_name)
        }),
        command("report_budget", Access::Read, "预算执行情况：各科目预算、每月实际、本年累计与执行率", |ctx: &Ctx, a: ReportArgs| {
            super::report(ctx.conn, a.year, a.through.as_deref())
        }),
    ]
}
