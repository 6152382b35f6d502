//! Report, export and import commands (账簿报表、导出、凭证导入).

use super::export::{self, ExportFile, ExportRequest};
use crate::command::{command, Access, Command, Ctx, NoArgs};
use crate::error::Result;
use crate::io::decode_base64;
use crate::ledger::import as voucher_import;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct RangeArgs {
    pub from: String,
    pub to: String,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub include_zero: bool,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct AccountRangeArgs {
    pub account: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct YearArgs {
    pub year: i32,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct PeriodArgs {
    pub period: String,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct FileArgs {
    pub file_name: String,
    pub data_base64: String,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
#[ts(rename = "VoucherImportArgs")]
pub struct ImportArgs {
    pub file_name: String,
    pub data_base64: String,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub post: bool,
}

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct TextOut {
    pub text: String,
}

pub fn commands() -> Vec<Command> {
    vec![
        command("report_trial_balance", Access::Read, "科目余额表", |ctx: &Ctx, a: RangeArgs| {
            super::trial_balance_opts(ctx.conn, &a.from, &a.to, a.include_zero)
        }),
        command("report_cash_journal", Access::Read, "现金日记账", |ctx: &Ctx, a: RangeArgs| super::cash_journal(ctx.conn, &a.from, &a.to)),
        command("report_bank_journal", Access::Read, "银行存款日记账", |ctx: &Ctx, a: RangeArgs| super::bank_journal(ctx.conn, &a.from, &a.to)),
        command("report_account_ledger", Access::Read, "明细账", |ctx: &Ctx, a: AccountRangeArgs| {
            super::account_ledger(ctx.conn, &a.account, &a.from, &a.to)
        }),
        command("report_general_ledger", Access::Read, "总账", |ctx: &Ctx, a: YearArgs| super::general_ledger(ctx.conn, a.year)),
        command("report_income_statement", Access::Read, "收入支出表（工会02表）", |ctx: &Ctx, a: PeriodArgs| {
            super::income_statement(ctx.conn, &a.period)
        }),
        command("report_balance_sheet", Access::Read, "资产负债表（工会01表）", |ctx: &Ctx, a: PeriodArgs| {
            super::balance_sheet(ctx.conn, &a.period)
        }),
        command("report_export_xlsx", Access::Read, "导出账簿报表为 Excel", |ctx: &Ctx, a: ExportRequest| -> Result<ExportFile> {
            export::export_xlsx(ctx.conn, &a)
        }),
        command("ledger_export_hledger", Access::Read, "导出 hledger 格式的记账凭证", |ctx: &Ctx, _: NoArgs| -> Result<TextOut> {
            Ok(TextOut { text: super::hledger::export_hledger(ctx.conn)? })
        }),
        command("ledger_vouchers_import_preview", Access::Read, "凭证导入预览", |ctx: &Ctx, a: FileArgs| {
            voucher_import::preview_voucher_import(ctx.conn, &decode_base64(&a.data_base64)?, &a.file_name)
        }),
        command("ledger_vouchers_import", Access::Write, "凭证导入", |ctx: &Ctx, a: ImportArgs| {
            voucher_import::import_vouchers(ctx.conn, &decode_base64(&a.data_base64)?, &a.file_name, a.post, ctx.user.id, ctx.now)
        }),
    ]
}
