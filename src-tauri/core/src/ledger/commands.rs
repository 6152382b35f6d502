//! Ledger commands exposed to the UI and the command line.

use super::chart;
use crate::api::registry::{command, Access, Command, Ctx, NoArgs};
use crate::error::Result;

pub fn commands() -> Vec<Command> {
    vec![
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
    ]
}
