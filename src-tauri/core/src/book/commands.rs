//! Settings commands.

use crate::users::officers::{self, Confirm};
use crate::command::{command, Access, Command, Ctx, NoArgs};
use crate::book;

pub fn commands() -> Vec<Command> {
    vec![
        command("book_settings_get", Access::Read, "查看单位信息与设置", |ctx: &Ctx, _: NoArgs| book::settings(ctx.conn)),
        command("book_settings_update", Access::Admin, "修改单位信息", |ctx: &Ctx, a: book::SettingsUpdate| {
            ctx.record_before(&book::settings(ctx.conn)?);
            book::update_settings(ctx.conn, &a)
        }),
        command(
            "book_settings_set_controls",
            Access::Approve,
            "开关内控设置：支出须主席审批、结账须经审签字（工会主席）",
            |ctx: &Ctx, a: book::Controls| {
                ctx.record_before(&book::settings(ctx.conn)?);
                if a.weakens() {
                    let confirm = Confirm { confirm_user: a.confirm_user.clone(), confirm_password: a.confirm_password.clone() };
                    officers::chair_and_auditor(ctx.conn, ctx.user, &confirm, "关闭内控设置")?;
                }
                book::set_controls(ctx.conn, &a)
            },
        ),
    ]
}
