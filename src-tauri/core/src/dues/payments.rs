//! Payments: the payroll-deduction batch (会费代扣, one voucher for a whole month) and
//! individual cash or bank payments (oldest month first, partial allowed, one voucher each),
//! and the receipt (收据).

use super::charges::{self, Charge};
use super::{parse_via, via_label};
use crate::error::{CoreError, Result};
use crate::ledger::entry::first_leaf_under;
use crate::ledger::posting::{self, LineInput, VoucherInput};
use crate::members::{check_month, date_col, month_label};
use crate::money::Money;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Allocation {
    pub charge_id: i64,
    pub member_id: i64,
    pub month: String,
    pub kind: String,
    pub kind_label: &'static str,
    pub amount: Money,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct VoucherRef {
    pub id: i64,
    pub period: String,
    pub number: i64,
    /// "记-001"
    pub display_number: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Payment {
    pub id: i64,
    /// batch | member
    pub kind: String,
    pub member_id: Option<i64>,
    pub member_no: Option<String>,
    pub member_name: Option<String>,
    /// The batch's month.
    pub month: Option<String>,
    pub date: NaiveDate,
    pub via: String,
    pub via_label: &'static str,
    pub amount: Money,
    pub receipt_no: Option<String>,
    pub voucher: VoucherRef,
    pub note: String,
    /// Months covered, oldest first ("2026-08", …).
    pub months: Vec<String>,
    /// Members covered (1 for an individual payment).
    pub members: i64,
    /// Allocations to charges; empty for a batch in lists (see dues_payment_get).
    pub allocations: Vec<Allocation>,
    pub created_at: String,
    /// Set once the payment has been undone (撤销): its voucher reversed, its charges unpaid again.
    pub reversed: Option<PaymentReversal>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct PaymentReversal {
    pub date: NaiveDate,
    pub reason: String,
    pub voucher: VoucherRef,
}

const PAYMENT_SELECT: &str = "SELECT p.id, p.kind, p.member_id, m.member_no, m.name, p.month, p.date, p.via, p.amount_fen, p.receipt_no,
        p.voucher_id, v.period, v.number, p.note, p.created_at,
        (SELECT COUNT(DISTINCT c.member_id) FROM dues_allocations a JOIN dues_charges c ON c.id = a.charge_id WHERE a.payment_id = p.id),
        rv.date, rv.reason, rv.reversal_voucher_id, rvv.period, rvv.number
    FROM dues_payments p LEFT JOIN members m ON m.id = p.member_id JOIN journal_vouchers v ON v.id = p.voucher_id
    LEFT JOIN dues_payment_reversals rv ON rv.payment_id = p.id
    LEFT JOIN journal_vouchers rvv ON rvv.id = rv.reversal_voucher_id";

fn row_to_payment(r: &rusqlite::Row) -> rusqlite::Result<Payment> {
    let via: String = r.get(7)?;
    let number: i64 = r.get(12)?;
    Ok(Payment {
        id: r.get(0)?,
        kind: r.get(1)?,
        member_id: r.get(2)?,
        member_no: r.get(3)?,
        member_name: r.get(4)?,
        month: r.get(5)?,
        date: date_col(r.get(6)?),
        via_label: via_label(&via),
        via,
        amount: Money::from_fen(r.get(8)?),
        receipt_no: r.get(9)?,
        voucher: VoucherRef { id: r.get(10)?, period: r.get(11)?, number, display_number: posting::display_number(number) },
        note: r.get(13)?,
        created_at: r.get(14)?,
        members: r.get(15)?,
        months: Vec::new(),
        allocations: Vec::new(),
        reversed: match r.get::<_, Option<String>>(16)? {
            None => None,
            Some(date) => {
                let number: i64 = r.get(20)?;
                Some(PaymentReversal {
                    date: date_col(date),
                    reason: r.get(17)?,
                    voucher: VoucherRef { id: r.get(18)?, period: r.get(19)?, number, display_number: posting::display_number(number) },
                })
            }
        },
    })
}

fn allocations_of(conn: &Connection, payment_id: i64) -> Result<Vec<Allocation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.charge_id, c.member_id, c.month, c.kind, a.amount_fen FROM dues_allocations a JOIN dues_charges c ON c.id = a.charge_id
         WHERE a.payment_id = ?1 ORDER BY c.month, c.kind DESC, c.seq, c.member_id",
    )?;
    let rows = stmt
        .query_map([payment_id], |r| {
            let kind: String = r.get(3)?;
            Ok(Allocation {
                charge_id: r.get(0)?,
                member_id: r.get(1)?,
                month: r.get(2)?,
                kind_label: charges::kind_label(&kind),
                kind,
                amount: Money::from_fen(r.get(4)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn months_of(conn: &Connection, payment_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT c.month FROM dues_allocations a JOIN dues_charges c ON c.id = a.charge_id WHERE a.payment_id = ?1 ORDER BY c.month",
    )?;
    let rows = stmt.query_map([payment_id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(rows)
}

/// A payment with its months and allocations.
pub fn get_payment(conn: &Connection, id: i64) -> Result<Payment> {
    let mut p = conn
        .query_row(&format!("{PAYMENT_SELECT} WHERE p.id = ?1"), [id], row_to_payment)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("缴费记录 {id}")))?;
    p.months = months_of(conn, id)?;
    p.allocations = allocations_of(conn, id)?;
    Ok(p)
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct PaymentFilter {
    /// Payments dated in this month (YYYY-MM) — by payment date; the payments that settled a
    /// month's dues are [`month_payments`].
    #[serde(default)]
    pub month: Option<String>,
    #[serde(default)]
    pub member_id: Option<i64>,
}

/// Payments, newest first, with months (allocations only for individual payments).
pub fn list_payments(conn: &Connection, f: &PaymentFilter) -> Result<Vec<Payment>> {
    let mut sql = format!("{PAYMENT_SELECT} WHERE 1 = 1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(m) = &f.month {
        args.push(format!("{}%", check_month("month", m)?).into());
        sql.push_str(&format!(" AND p.date LIKE ?{}", args.len()));
    }
    if let Some(id) = f.member_id {
        args.push(id.into());
        sql.push_str(&format!(
            " AND (p.member_id = ?{n} OR EXISTS (SELECT 1 FROM dues_allocations a JOIN dues_charges c ON c.id = a.charge_id
                   WHERE a.payment_id = p.id AND c.member_id = ?{n}))",
            n = args.len()
        ));
    }
    sql.push_str(" ORDER BY p.date DESC, p.id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query_map(rusqlite::params_from_iter(args), row_to_payment)?.collect::<rusqlite::Result<Vec<_>>>()?;
    for p in &mut rows {
        p.months = months_of(conn, p.id)?;
        if p.kind == "member" {
            p.allocations = allocations_of(conn, p.id)?;
        }
    }
    Ok(rows)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct MonthPaymentsArgs {
    /// The dues month (YYYY-MM) whose charges the payments settled.
    pub month: String,
}

/// One payment as seen from a dues month: the whole payment (its own date, amount, months,
/// voucher, reversal) and the part of it that went to this month's charges.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct MonthPayment {
    #[serde(flatten)]
    pub payment: Payment,
    /// Allocated to this month's charges (regular and 补缴); the rest went to other months.
    pub for_month: Money,
    /// Members of this month whose charges it paid.
    pub for_month_members: i64,
}

/// The payments that settled a month's dues, whenever they were paid.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct MonthPayments {
    pub month: String,
    /// Newest payment first; undone payments stay in the list, marked `reversed`.
    pub payments: Vec<MonthPayment>,
    /// Σ for_month over payments not undone — equal to the month's paid total (dues_summary.paid).
    pub total: Money,
    /// Payments in the list that were undone (their share is not in `total`).
    pub reversed_count: i64,
}

/// 本月会费的收款: every payment with an allocation to one of `month`'s charges, whatever its
/// own date (a November charge paid on 2 December is listed under November), newest first.
/// Undone payments are listed as in [`list_payments`], marked reversed and left out of the total.
pub fn month_payments(conn: &Connection, month: &str) -> Result<MonthPayments> {
    let month = check_month("month", month)?;
    let mut share = conn.prepare(
        "SELECT a.payment_id, SUM(a.amount_fen), COUNT(DISTINCT c.member_id)
           FROM dues_allocations a JOIN dues_charges c ON c.id = a.charge_id
          WHERE c.month = ?1 GROUP BY a.payment_id",
    )?;
    let shares: std::collections::HashMap<i64, (i64, i64)> = share
        .query_map([&month], |r| Ok((r.get::<_, i64>(0)?, (r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(&format!(
        "{PAYMENT_SELECT} WHERE p.id IN (SELECT a.payment_id FROM dues_allocations a JOIN dues_charges c ON c.id = a.charge_id WHERE c.month = ?1)
         ORDER BY p.date DESC, p.id DESC"
    ))?;
    let rows = stmt.query_map([&month], row_to_payment)?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut payments = Vec::with_capacity(rows.len());
    let mut total = 0i64;
    let mut reversed_count = 0i64;
    for mut p in rows {
        p.months = months_of(conn, p.id)?;
        if p.kind == "member" {
            p.allocations = allocations_of(conn, p.id)?;
        }
        let (fen, members) = shares.get(&p.id).copied().unwrap_or((0, 0));
        if p.reversed.is_some() {
            reversed_count += 1;
        } else {
            total += fen;
        }
        payments.push(MonthPayment { payment: p, for_month: Money::from_fen(fen), for_month_members: members });
    }
    Ok(MonthPayments { month, payments, total: Money::from_fen(total), reversed_count })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct ReversePayment {
    pub payment_id: i64,
    /// Date of the reversing voucher; its month must be open.
    pub date: NaiveDate,
    pub reason: String,
}

/// 撤销收款: reverse the payment's voucher through the ledger (红字冲销, linked to the
/// original) and hand the allocated amounts back to the charges as unpaid, in the caller's
/// transaction. The payment row stays, marked reversed, so the history stays complete.
pub fn reverse_payment(conn: &Connection, a: &ReversePayment, user_id: i64, now: &str) -> Result<Payment> {
    let payment = get_payment(conn, a.payment_id)?;
    if let Some(r) = &payment.reversed {
        return Err(CoreError::Conflict(format!(
            "这笔会费收款已于 {} 撤销（冲销凭证 {} {}），不能重复撤销",
            r.date, r.voucher.period, r.voucher.display_number
        )));
    }
    let reason = a.reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "请写明撤销原因"));
    }
    let reversal = posting::reverse_voucher_of_module(conn, payment.voucher.id, a.date, reason, user_id, now)?;
    conn.execute(
        "INSERT INTO dues_payment_reversals (payment_id, reversal_voucher_id, date, reason, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![payment.id, reversal.id, a.date.to_string(), reason, user_id, now],
    )?;
    let mut upd = conn.prepare_cached(
        "UPDATE dues_charges SET paid_fen = paid_fen - ?2, updated_at = ?3 WHERE id = ?1 AND paid_fen >= ?2",
    )?;
    for al in &payment.allocations {
        if upd.execute(params![al.charge_id, al.amount.fen(), now])? != 1 {
            return Err(CoreError::Internal(format!("会费记录 {} 的已缴金额不足以撤销", al.charge_id)));
        }
    }
    get_payment(conn, payment.id)
}

fn money_account(conn: &Connection, via: &str) -> Result<String> {
    Ok(first_leaf_under(conn, if via == "cash" { "101" } else { "102" })?.code)
}

#[allow(clippy::too_many_arguments)]
fn record_payment(
    conn: &Connection,
    kind: &str,
    member_id: Option<i64>,
    month: Option<&str>,
    date: NaiveDate,
    via: &str,
    amount: Money,
    receipt_no: Option<String>,
    voucher_id: i64,
    note: &str,
    allocations: &[(i64, i64)],
    user_id: i64,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO dues_payments (kind, member_id, month, date, via, amount_fen, receipt_no, voucher_id, note, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![kind, member_id, month, date.to_string(), via, amount.fen(), receipt_no, voucher_id, note, user_id, now],
    )?;
    let pid = conn.last_insert_rowid();
    let mut ins = conn.prepare_cached("INSERT INTO dues_allocations (payment_id, charge_id, amount_fen) VALUES (?1, ?2, ?3)")?;
    let mut upd = conn.prepare_cached(
        "UPDATE dues_charges SET paid_fen = paid_fen + ?2, updated_at = ?3 WHERE id = ?1 AND paid_fen + ?2 <= due_fen",
    )?;
    for (charge_id, fen) in allocations {
        ins.execute(params![pid, charge_id, fen])?;
        if upd.execute(params![charge_id, fen, now])? != 1 {
            return Err(CoreError::Internal(format!("会费记录 {charge_id} 超额分配")));
        }
    }
    Ok(pid)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct PayBatch {
    pub month: String,
    pub date: NaiveDate,
    /// 'bank' (default) or 'cash'.
    #[serde(default)]
    pub via: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PayResult {
    pub payment: Payment,
    pub voucher: VoucherRef,
}

/// 会费代扣: mark every unpaid charge of the month paid and post one voucher
/// (Dr 102 银行存款 / Cr 401 会费收入).
pub fn pay_batch(conn: &Connection, a: &PayBatch, user_id: i64, now: &str) -> Result<PayResult> {
    let month = check_month("month", &a.month)?;
    let via = parse_via(a.via.as_deref(), "bank")?;
    let mut stmt = conn.prepare(
        "SELECT id, member_id, due_fen - paid_fen FROM dues_charges WHERE month = ?1 AND paid_fen < due_fen ORDER BY member_id, kind DESC, seq",
    )?;
    let rows = stmt
        .query_map([&month], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if rows.is_empty() {
        let any: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM dues_charges WHERE month = ?1)", [&month], |r| r.get(0))?;
        return Err(CoreError::Conflict(if any {
            format!("{}的会费已全部收齐，没有未缴的会费", month_label(&month))
        } else {
            format!("{}还没有生成应缴会费，请先生成本月会费", month_label(&month))
        }));
    }
    let total = Money::from_fen(rows.iter().map(|r| r.2).sum());
    let mut members: Vec<i64> = rows.iter().map(|r| r.1).collect();
    members.dedup();
    let how = if via == "bank" { "工资代扣" } else { "集中收取现金" };
    let summary = format!("收取{}会费（{how}，{}人）", month_label(&month), members.len());
    let voucher = posting::post_voucher(
        conn,
        &VoucherInput {
            date: a.date,
            summary,
            attachments_count: 0,
            source: "dues".into(),
            source_ref: Some(format!("batch:{month}")),
            lines: vec![
                LineInput { account_code: money_account(conn, via)?, debit: total, credit: Money::ZERO, member_id: None, memo: String::new() },
                LineInput {
                    account_code: first_leaf_under(conn, "401")?.code,
                    debit: Money::ZERO,
                    credit: total,
                    member_id: None,
                    memo: format!("{}会费{}", month_label(&month), how),
                },
            ],
            prepared_by: Some(user_id),
            approved_by: None,
            reverses_id: None,
        },
        user_id,
        now,
    )?;
    let allocations: Vec<(i64, i64)> = rows.iter().map(|r| (r.0, r.2)).collect();
    let note = a.note.as_deref().unwrap_or("").trim().to_string();
    let pid = record_payment(conn, "batch", None, Some(&month), a.date, via, total, None, voucher.id, &note, &allocations, user_id, now)?;
    let payment = get_payment(conn, pid)?;
    Ok(PayResult { voucher: payment.voucher.clone(), payment })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct PayMember {
    pub member_id: i64,
    pub amount: Money,
    pub date: NaiveDate,
    /// 'cash' or 'bank'.
    pub via: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// "2026年8月", "2026年8月—10月", "2025年12月—2026年2月"
pub fn months_text(months: &[String]) -> String {
    match (months.first(), months.last()) {
        (None, _) | (_, None) => String::new(),
        (Some(a), Some(b)) if a == b => month_label(a),
        (Some(a), Some(b)) if a[..4] == b[..4] => {
            let m: u32 = b[5..7].parse().unwrap_or(1);
            format!("{}—{m}月", month_label(a))
        }
        (Some(a), Some(b)) => format!("{}—{}", month_label(a), month_label(b)),
    }
}

fn next_receipt_no(conn: &Connection, year: i32) -> Result<String> {
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) FROM dues_payments WHERE receipt_no LIKE ?1",
        [format!("{year}-%")],
        |r| r.get(0),
    )?;
    Ok(format!("{year}-{:04}", n + 1))
}

/// An individual payment: covers the member's unpaid charges oldest first (补缴 in their
/// month's order), partial allowed, more than owed refused; posts one voucher
/// (Dr 101 现金 or 102 银行存款 / Cr 401 会费收入 with the member on the credit line).
pub fn pay_member(conn: &Connection, a: &PayMember, user_id: i64, now: &str) -> Result<PayResult> {
    crate::members::roll::ensure_exists(conn, a.member_id)?;
    let via = parse_via(Some(&a.via), "cash")?;
    if !a.amount.is_positive() {
        return Err(CoreError::validation("amount", "缴款金额必须大于零"));
    }
    if a.amount.decimal().normalize().scale() > 2 {
        return Err(CoreError::validation("amount", "金额最多两位小数"));
    }
    let owed: Vec<Charge> = charges::outstanding_of(conn, a.member_id)?;
    let total_owed: Money = owed.iter().map(|c| c.outstanding).sum();
    let crate::members::dues_facts::DuesFacts { member_no, name, .. } = crate::members::dues_facts::facts_of(conn, a.member_id)?;
    if total_owed.is_zero() {
        return Err(CoreError::Conflict(format!("{name}没有欠缴的会费（如要预收，请先生成以后月份的会费）")));
    }
    if a.amount > total_owed {
        return Err(CoreError::validation(
            "amount",
            format!(
                "缴款金额 {} 元超过{name}欠缴合计 {} 元，不能多收（如要预收，请先生成以后月份的会费）",
                a.amount.format_thousands(),
                total_owed.format_thousands()
            ),
        ));
    }
    let mut left = a.amount.fen();
    let mut allocations = Vec::new();
    let mut months: Vec<String> = Vec::new();
    for c in &owed {
        if left == 0 {
            break;
        }
        let take = left.min(c.outstanding.fen());
        allocations.push((c.id, take));
        if !months.contains(&c.month) {
            months.push(c.month.clone());
        }
        left -= take;
    }
    months.sort();
    let summary = format!("收取{name}会费（{}）", months_text(&months));
    let voucher = posting::post_voucher(
        conn,
        &VoucherInput {
            date: a.date,
            summary,
            attachments_count: 0,
            source: "dues".into(),
            source_ref: Some(format!("member:{}", a.member_id)),
            lines: vec![
                LineInput { account_code: money_account(conn, via)?, debit: a.amount, credit: Money::ZERO, member_id: None, memo: String::new() },
                LineInput {
                    account_code: first_leaf_under(conn, "401")?.code,
                    debit: Money::ZERO,
                    credit: a.amount,
                    member_id: Some(a.member_id),
                    memo: format!("会员 {member_no} {name}"),
                },
            ],
            prepared_by: Some(user_id),
            approved_by: None,
            reverses_id: None,
        },
        user_id,
        now,
    )?;
    let receipt_no = next_receipt_no(conn, a.date.year())?;
    let note = a.note.as_deref().unwrap_or("").trim().to_string();
    let pid = record_payment(
        conn,
        "member",
        Some(a.member_id),
        None,
        a.date,
        via,
        a.amount,
        Some(receipt_no),
        voucher.id,
        &note,
        &allocations,
        user_id,
        now,
    )?;
    let payment = get_payment(conn, pid)?;
    Ok(PayResult { voucher: payment.voucher.clone(), payment })
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReceiptItem {
    pub month: String,
    pub kind_label: &'static str,
    pub amount: Money,
}

/// What a printed 收据 shows.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Receipt {
    pub payment_id: i64,
    pub title: String,
    pub union_name: String,
    pub receipt_no: String,
    pub date: NaiveDate,
    pub member_no: String,
    pub member_name: String,
    pub group: Option<String>,
    pub months: Vec<String>,
    /// "2026年8月—10月"
    pub months_text: String,
    pub items: Vec<ReceiptItem>,
    pub purpose: String,
    pub amount: Money,
    /// 大写金额
    pub amount_in_words: String,
    pub via: String,
    pub via_label: &'static str,
    pub treasurer_name: String,
    pub voucher: VoucherRef,
}

pub fn receipt(conn: &Connection, payment_id: i64) -> Result<Receipt> {
    let p = get_payment(conn, payment_id)?;
    if p.kind != "member" {
        return Err(CoreError::invalid("工资代扣的批量缴费不开个人收据；请查看其记账凭证"));
    }
    let s = crate::book::settings(conn)?;
    let group = match p.member_id {
        Some(id) => crate::members::dues_facts::group_of(conn, id)?,
        None => None,
    };
    let months_text = months_text(&p.months);
    Ok(Receipt {
        payment_id,
        title: "会费收据".into(),
        union_name: s.union_name,
        receipt_no: p.receipt_no.clone().unwrap_or_default(),
        date: p.date,
        member_no: p.member_no.clone().unwrap_or_default(),
        member_name: p.member_name.clone().unwrap_or_default(),
        group,
        items: p.allocations.iter().map(|a| ReceiptItem { month: a.month.clone(), kind_label: a.kind_label, amount: a.amount }).collect(),
        purpose: format!("缴纳{months_text}工会会费"),
        months: p.months.clone(),
        months_text,
        amount: p.amount,
        amount_in_words: p.amount.to_chinese_upper(),
        via_label: p.via_label,
        via: p.via,
        treasurer_name: s.treasurer_name,
        voucher: p.voucher,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn month_ranges_read_naturally() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(super::months_text(&v(&["2026-10"])), "2026年10月");
        assert_eq!(super::months_text(&v(&["2026-08", "2026-10"])), "2026年8月—10月");
        assert_eq!(super::months_text(&v(&["2025-12", "2026-02"])), "2025年12月—2026年2月");
    }
}
