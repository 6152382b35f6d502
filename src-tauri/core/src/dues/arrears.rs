//! Arrears (欠缴), the per-member annual statement, the monthly summary and `report dues`.
//! Aggregation happens in SQL.

use super::payments::{self, months_text};
use crate::error::{CoreError, Result};
use crate::members::{add_months, check_month, events, roll};
use crate::money::Money;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// 章程: six consecutive months without dues is deemed leaving.
pub const FLAG_MONTHS: i64 = 6;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct MonthAmount {
    pub month: String,
    pub due: Money,
    pub paid: Money,
    pub outstanding: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ArrearsMember {
    pub member_id: i64,
    pub member_no: String,
    pub name: String,
    pub group: Option<String>,
    pub status: String,
    pub status_label: &'static str,
    pub months: Vec<MonthAmount>,
    /// "2026年5月—10月"
    pub months_text: String,
    pub total: Money,
    /// Longest run of consecutive months with nothing paid.
    pub consecutive_unpaid_months: i64,
    /// consecutive_unpaid_months ≥ 6 (章程: deemed to have left).
    pub flagged: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Arrears {
    pub as_of_month: String,
    pub members: Vec<ArrearsMember>,
    pub total: Money,
    pub flagged_count: i64,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct ArrearsArgs {
    pub as_of_month: String,
}

/// Members with unpaid dues for months up to and including `as_of_month`.
pub fn arrears(conn: &Connection, as_of_month: &str) -> Result<Arrears> {
    let as_of = check_month("as_of_month", as_of_month)?;
    let mut stmt = conn.prepare(
        "WITH owed AS (SELECT DISTINCT member_id, month FROM dues_charges INDEXED BY dues_charges_unpaid
                       WHERE paid_fen < due_fen AND month <= ?1)
         SELECT o.member_id, m.member_no, m.name, g.name, m.status, o.month, SUM(c.due_fen), SUM(c.paid_fen),
                MAX(CASE WHEN c.kind = 'regular' AND c.paid_fen = 0 THEN 1 ELSE 0 END)
         FROM owed o JOIN dues_charges c ON c.member_id = o.member_id AND c.month = o.month
         JOIN members m ON m.id = o.member_id LEFT JOIN member_groups g ON g.id = m.group_id
         GROUP BY o.member_id, o.month
         ORDER BY m.member_no, o.month",
    )?;
    let mut members: Vec<ArrearsMember> = Vec::new();
    let mut runs: Vec<(String, i64, i64)> = Vec::new(); // (last unpaid month, current run, best) per member
    for r in stmt.query_map([&as_of], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, i64>(6)?,
            r.get::<_, i64>(7)?,
            r.get::<_, i64>(8)? == 1,
        ))
    })? {
        let (id, no, name, group, status, month, due, paid, nothing_paid) = r?;
        if members.last().map(|m| m.member_id) != Some(id) {
            members.push(ArrearsMember {
                member_id: id,
                member_no: no,
                name,
                group,
                status_label: events::status_label(&status),
                status,
                months: Vec::new(),
                months_text: String::new(),
                total: Money::ZERO,
                consecutive_unpaid_months: 0,
                flagged: false,
            });
            runs.push((String::new(), 0, 0));
        }
        let m = members.last_mut().expect("member");
        let run = runs.last_mut().expect("run");
        let outstanding = Money::from_fen(due - paid);
        m.total += outstanding;
        if nothing_paid {
            run.1 = if !run.0.is_empty() && add_months(&run.0, 1) == month { run.1 + 1 } else { 1 };
            run.0 = month.clone();
            run.2 = run.2.max(run.1);
        }
        m.months.push(MonthAmount { month, due: Money::from_fen(due), paid: Money::from_fen(paid), outstanding });
    }
    for (m, run) in members.iter_mut().zip(&runs) {
        m.consecutive_unpaid_months = run.2;
        m.flagged = run.2 >= FLAG_MONTHS;
        let months: Vec<String> = m.months.iter().map(|x| x.month.clone()).collect();
        m.months_text = if months.len() > 1 && add_months(&months[0], months.len() as i32 - 1) != *months.last().expect("month") {
            months.iter().map(|x| crate::members::month_label(x)).collect::<Vec<_>>().join("、")
        } else {
            months_text(&months)
        };
    }
    let total = members.iter().map(|m| m.total).sum();
    let flagged_count = members.iter().filter(|m| m.flagged).count() as i64;
    Ok(Arrears { as_of_month: as_of, members, total, flagged_count })
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct StatementMonth {
    pub month: String,
    pub charged: bool,
    pub base: Option<Money>,
    pub due: Money,
    /// The 补缴 part of `due`.
    pub back_due: Money,
    pub paid: Money,
    pub outstanding: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct StatementTotals {
    pub due: Money,
    pub paid: Money,
    pub outstanding: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct StatementPayment {
    pub id: i64,
    pub date: chrono::NaiveDate,
    pub kind: String,
    pub receipt_no: Option<String>,
    pub via_label: &'static str,
    /// The part of the payment for this member.
    pub amount: Money,
    pub months_text: String,
    pub voucher: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Statement {
    pub union_name: String,
    pub year: i32,
    pub member_id: i64,
    pub member_no: String,
    pub name: String,
    pub group: Option<String>,
    pub status_label: &'static str,
    pub months: Vec<StatementMonth>,
    pub totals: StatementTotals,
    /// Unpaid dues of earlier years.
    pub outstanding_before: Money,
    pub payments: Vec<StatementPayment>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct StatementArgs {
    pub member_id: i64,
    pub year: i32,
}

/// A member's dues for one year, month by month (printable 会费缴纳明细).
pub fn statement(conn: &Connection, member_id: i64, year: i32) -> Result<Statement> {
    // The member as at the end of that year, so the statement reads the same on any day.
    let year_end = chrono::NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| CoreError::validation("year", "年份不正确"))?;
    let m = roll::get_on(conn, member_id, year_end)?;
    let mut months = Vec::with_capacity(12);
    let mut stmt = conn.prepare(
        "SELECT MAX(CASE WHEN kind = 'regular' THEN base_fen END), COALESCE(SUM(due_fen), 0),
                COALESCE(SUM(CASE WHEN kind = 'back' THEN due_fen ELSE 0 END), 0), COALESCE(SUM(paid_fen), 0), COUNT(*)
         FROM dues_charges WHERE member_id = ?1 AND month = ?2",
    )?;
    for i in 1..=12 {
        let month = format!("{year:04}-{i:02}");
        let (base, due, back, paid, n): (Option<i64>, i64, i64, i64, i64) =
            stmt.query_row(params![member_id, month], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
        months.push(StatementMonth {
            month,
            charged: n > 0,
            base: base.map(Money::from_fen),
            due: Money::from_fen(due),
            back_due: Money::from_fen(back),
            paid: Money::from_fen(paid),
            outstanding: Money::from_fen(due - paid),
        });
    }
    let totals = StatementTotals {
        due: months.iter().map(|m| m.due).sum(),
        paid: months.iter().map(|m| m.paid).sum(),
        outstanding: months.iter().map(|m| m.outstanding).sum(),
    };
    let before: i64 = conn.query_row(
        "SELECT COALESCE(SUM(due_fen - paid_fen), 0) FROM dues_charges WHERE member_id = ?1 AND month < ?2",
        params![member_id, format!("{year:04}-01")],
        |r| r.get(0),
    )?;
    let mut pstmt = conn.prepare(
        "SELECT a.payment_id, SUM(a.amount_fen) FROM dues_allocations a JOIN dues_charges c ON c.id = a.charge_id
         JOIN dues_payments p ON p.id = a.payment_id
         WHERE c.member_id = ?1 AND p.date LIKE ?2 GROUP BY a.payment_id ORDER BY p.date, p.id",
    )?;
    let parts = pstmt
        .query_map(params![member_id, format!("{year:04}-%")], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut payments_out = Vec::new();
    for (pid, fen) in parts {
        let p = payments::get_payment(conn, pid)?;
        let mine: Vec<String> = {
            let mut v: Vec<String> = p.allocations.iter().filter(|a| a.member_id == member_id).map(|a| a.month.clone()).collect();
            v.sort();
            v.dedup();
            v
        };
        payments_out.push(StatementPayment {
            id: p.id,
            date: p.date,
            kind: p.kind,
            receipt_no: p.receipt_no,
            via_label: p.via_label,
            amount: Money::from_fen(fen),
            months_text: months_text(&mine),
            voucher: format!("{} {}", p.voucher.period, p.voucher.display_number),
        });
    }
    Ok(Statement {
        union_name: crate::book::settings(conn)?.union_name,
        year,
        member_id,
        member_no: m.member_no,
        name: m.name,
        group: m.group,
        status_label: m.status_label,
        months,
        totals,
        outstanding_before: Money::from_fen(before),
        payments: payments_out,
    })
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Summary {
    pub month: String,
    /// Members charged for the month.
    pub liable: i64,
    pub charged: Money,
    pub paid: Money,
    pub outstanding: Money,
    /// Members whose dues for the month are fully paid.
    pub paid_members: i64,
    pub partly_paid_members: i64,
    pub unpaid_members: i64,
    /// Dues received in the month (payments dated in it, whatever months they cover) — what
    /// reached 401 会费收入 this month.
    pub collected_in_month: Money,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct MonthArgs {
    pub month: String,
}

pub fn summary(conn: &Connection, month: &str) -> Result<Summary> {
    let month = check_month("month", month)?;
    let (liable, charged, paid, paid_members, partly, unpaid): (i64, i64, i64, i64, i64, i64) = conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(due), 0), COALESCE(SUM(paid), 0),
                COALESCE(SUM(paid >= due), 0), COALESCE(SUM(paid > 0 AND paid < due), 0), COALESCE(SUM(paid = 0), 0)
         FROM (SELECT member_id, SUM(due_fen) AS due, SUM(paid_fen) AS paid FROM dues_charges WHERE month = ?1 GROUP BY member_id)",
        [&month],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
    )?;
    let collected: i64 = conn.query_row(
        // Payments dated in the month, less payments undone (撤销) in the month: the net that
        // reached 401 会费收入, as the ledger shows it.
        "SELECT (SELECT COALESCE(SUM(amount_fen), 0) FROM dues_payments WHERE date >= ?1 AND date < ?2)
              - (SELECT COALESCE(SUM(p.amount_fen), 0) FROM dues_payment_reversals r JOIN dues_payments p ON p.id = r.payment_id
                 WHERE r.date >= ?1 AND r.date < ?2)",
        params![format!("{month}-01"), format!("{}-01", add_months(&month, 1))],
        |r| r.get(0),
    )?;
    Ok(Summary {
        month,
        liable,
        charged: Money::from_fen(charged),
        paid: Money::from_fen(paid),
        outstanding: Money::from_fen(charged - paid),
        paid_members,
        partly_paid_members: partly,
        unpaid_members: unpaid,
        collected_in_month: Money::from_fen(collected),
    })
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct ReportDuesMember {
    pub member_no: String,
    pub name: String,
    pub base: Money,
    pub due: Money,
    pub paid: Money,
    pub outstanding: Money,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct ReportDuesTotals {
    pub due: Money,
    pub paid: Money,
    pub outstanding: Money,
}

/// `report dues --month YYYY-MM --format json`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct ReportDues {
    pub month: String,
    pub members: Vec<ReportDuesMember>,
    pub totals: ReportDuesTotals,
}

pub fn report_dues(conn: &Connection, month: &str) -> Result<ReportDues> {
    let month = check_month("month", month)?;
    let mut stmt = conn.prepare(
        "SELECT m.member_no, m.name, COALESCE(MAX(CASE WHEN c.kind = 'regular' THEN c.base_fen END), MAX(c.base_fen)),
                SUM(c.due_fen), SUM(c.paid_fen)
         FROM dues_charges c JOIN members m ON m.id = c.member_id
         WHERE c.month = ?1 GROUP BY c.member_id ORDER BY m.member_no",
    )?;
    let members = stmt
        .query_map([&month], |r| {
            let due: i64 = r.get(3)?;
            let paid: i64 = r.get(4)?;
            Ok(ReportDuesMember {
                member_no: r.get(0)?,
                name: r.get(1)?,
                base: Money::from_fen(r.get(2)?),
                due: Money::from_fen(due),
                paid: Money::from_fen(paid),
                outstanding: Money::from_fen(due - paid),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let totals = ReportDuesTotals {
        due: members.iter().map(|m| m.due).sum(),
        paid: members.iter().map(|m| m.paid).sum(),
        outstanding: members.iter().map(|m| m.outstanding).sum(),
    };
    Ok(ReportDues { month, members, totals })
}
