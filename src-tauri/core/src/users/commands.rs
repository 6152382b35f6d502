//! User-account commands.

use crate::command::{command, Access, Command, Ctx, NoArgs};
use crate::users;

#[derive(serde::Deserialize, ts_rs::TS)]
pub struct SetActive {
    pub id: i64,
    pub active: bool,
    /// A chair or auditor account needs the chair together with the auditor.
    #[serde(flatten)]
    pub confirm: users::officers::Confirm,
}

pub fn commands() -> Vec<Command> {
    vec![
        command("users_list", Access::Read, "用户列表", |ctx: &Ctx, _: NoArgs| users::list(ctx.conn)),
        command("users_add", Access::Admin, "新增用户", |ctx: &Ctx, a: users::NewUser| users::add(ctx.conn, &a, ctx.user, ctx.now)),
        command("users_set_active", Access::Admin, "启用或停用用户", |ctx: &Ctx, a: SetActive| {
            ctx.record_before(&users::get(ctx.conn, a.id)?);
            users::set_active(ctx.conn, a.id, a.active, ctx.user, &a.confirm)
        }),
        command("users_login_failures", Access::Read, "输错密码的记录（工会主席、经审委员可看）", |ctx: &Ctx, _: NoArgs| -> crate::error::Result<_> {
            if !matches!(ctx.user.role, users::Role::Chair | users::Role::Auditor) {
                return Err(crate::error::CoreError::PermissionDenied { action: "查看输错密码的记录".into(), role: ctx.user.role.label().into() });
            }
            users::logins::failures(ctx.conn, 200)
        }),
        command("users_change_password", Access::SelfService, "修改密码", |ctx: &Ctx, a: users::ChangePassword| {
            users::change_password(ctx.conn, &a, ctx.user)
        }),
    ]
}
