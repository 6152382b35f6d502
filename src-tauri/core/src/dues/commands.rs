//! Dues commands exposed to the UI and the command line.

use super::{arrears, charges, payments, rate};
use crate::command::{command, Access, Command, Ctx, NoArgs};
use crate::error::Result;
use serde::Deserialize;

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct MemberArg {
    pub member_id: i64,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct PaymentArg {
    pub payment_id: i64,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct IdArg {
    pub id: i64,
}

pub fn commands() -> Vec<Command> {
    vec![
        command("dues_settings_get", Access::Read, "会费比例与舍入方式", |ctx: &Ctx, _: NoArgs| rate::settings(ctx.conn)),
        command("dues_settings_set", Access::Write, "设置会费比例与舍入方式", |ctx: &Ctx, a: rate::SettingsUpdate| -> Result<_> {
            ctx.record_before(&rate::settings(ctx.conn)?);
            rate::set_settings(ctx.conn, &a)
        }),
        command("dues_charge_month", Access::Write, "生成（或重新生成）某月应缴会费", |ctx: &Ctx, a: charges::MonthArg| {
            charges::charge_month(ctx.conn, &a.month, ctx.now)
        }),
        command("dues_charges", Access::Read, "应缴会费明细（按月或按会员）", |ctx: &Ctx, a: charges::ChargeFilter| charges::list(ctx.conn, &a)),
        command("dues_outstanding", Access::Read, "会员欠缴的会费（缴费时从最早的月份冲抵）", |ctx: &Ctx, a: MemberArg| {
            charges::outstanding(ctx.conn, a.member_id)
        }),
        command("dues_pay_batch", Access::Write, "工资代扣：收取某月全部未缴会费（一张凭证）", |ctx: &Ctx, a: payments::PayBatch| {
            payments::pay_batch(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        command("dues_pay_member", Access::Write, "收取个人会费（现金或转账）", |ctx: &Ctx, a: payments::PayMember| {
            payments::pay_member(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        command("dues_payment_reverse", Access::Write, "撤销一笔会费收款（冲销其凭证，相应月份恢复为未缴）", |ctx: &Ctx, a: payments::ReversePayment| {
            payments::reverse_payment(ctx.conn, &a, ctx.user.id, ctx.now)
        }),
        command("dues_payments", Access::Read, "会费收款记录", |ctx: &Ctx, a: payments::PaymentFilter| payments::list_payments(ctx.conn, &a)),
        command("dues_month_payments", Access::Read, "某月会费的收款（不论收款日期；已撤销的标出、不计入合计）", |ctx: &Ctx, a: payments::MonthPaymentsArgs| {
            payments::month_payments(ctx.conn, &a.month)
        }),
        command("dues_payment_get", Access::Read, "一笔会费收款及其冲抵明细", |ctx: &Ctx, a: IdArg| payments::get_payment(ctx.conn, a.id)),
        command("dues_receipt", Access::Read, "会费收据（打印）", |ctx: &Ctx, a: PaymentArg| payments::receipt(ctx.conn, a.payment_id)),
        command("dues_arrears", Access::Read, "欠缴会费名单（连续 6 个月未缴者标出）", |ctx: &Ctx, a: arrears::ArrearsArgs| {
            arrears::arrears(ctx.conn, &a.as_of_month)
        }),
        command("dues_statement", Access::Read, "会员年度会费明细（打印）", |ctx: &Ctx, a: arrears::StatementArgs| {
            arrears::statement(ctx.conn, a.member_id, a.year)
        }),
        command("dues_summary", Access::Read, "月度会费汇总：应缴人数、应缴、已缴、欠缴", |ctx: &Ctx, a: arrears::MonthArgs| {
            arrears::summary(ctx.conn, &a.month)
        }),
        command("report_dues", Access::Read, "会费报表（命令行 report dues）", |ctx: &Ctx, a: arrears::MonthArgs| {
            arrears::report_dues(ctx.conn, &a.month)
        }),
    ]
}
