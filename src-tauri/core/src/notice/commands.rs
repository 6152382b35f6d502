//! Notice commands exposed to the UI and the command line.

use super::{NoticeArgs, SettingsUpdate};
use crate::command::{command, Access, Command, Ctx, NoArgs};
use crate::error::Result;

pub fn commands() -> Vec<Command> {
    vec![
        command("notice_data", Access::Read, "财务收支公示的全部数字（月、季度或年），均取自账簿", |ctx: &Ctx, a: NoticeArgs| {
            super::data(ctx.conn, &a, ctx.today())
        }),
        command("notice_html", Access::Read, "财务收支公示（A4 网页，可打印或另存）", |ctx: &Ctx, a: NoticeArgs| {
            super::html_page(ctx.conn, &a, ctx.today())
        }),
        command("notice_settings_get", Access::Read, "公示的签字人、公示期与联系方式", |ctx: &Ctx, _: NoArgs| super::settings(ctx.conn)),
        command("notice_settings_set", Access::Admin, "设置公示的签字人、公示期与联系方式", |ctx: &Ctx, a: SettingsUpdate| -> Result<_> {
            ctx.record_before(&super::settings(ctx.conn)?);
            super::set_settings(ctx.conn, &a)
        }),
    ]
}
