//! Dashboard command exposed to the UI and the command line.

use super::DashboardArgs;
use crate::command::{command, Access, Command, Ctx};

pub fn commands() -> Vec<Command> {
    vec![command("dashboard", Access::Read, "首页：本年收支、预算执行、资金余额、会员与会费、待办事项", |ctx: &Ctx, a: DashboardArgs| {
        super::dashboard(ctx.conn, &a, ctx.today())
    })]
}
