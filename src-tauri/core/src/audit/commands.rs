//! Audit commands: browsing and verifying the change log.

use super::changelog;
use crate::api::registry::{command, Access, Command, Ctx, NoArgs};

pub fn commands() -> Vec<Command> {
    vec![
        command("audit_log_list", Access::Read, "查看操作日志（按用户、日期、类别筛选）", |ctx: &Ctx, f: changelog::LogFilter| {
            changelog::list(ctx.conn, &f)
        }),
        command("audit_log_verify", Access::Read, "校验操作日志哈希链", |ctx: &Ctx, _: NoArgs| changelog::verify(ctx.conn)),
    ]
}
