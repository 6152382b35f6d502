//! Monthly charges (应缴会费): generation per month (idempotent; only unpaid charges ever
//! change), and 补缴 (back) charges after a retroactive wage rise.

use super::rate::{self, DuesSettings, Rule};
use crate::error::{CoreError, Result};
use crate::members::{check_month, dues_facts, events};
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Charge {
    pub id: i64,
    pub member_id: i64,
    pub member_no: String,
    pub member_name: String,
    pub month: String,
    /// regular | back (补缴)
    pub kind: String,
    pub kind_label: &'static str,
    pub seq: i64,
    pub base: Money,
    pub due: Money,
    pub paid: Money,
    pub outstanding: Money,
}

pub fn kind_label(kind: &str) -> &'static str {
    if kind == "back" {
        "补缴"
    } else {
        "月度会费"
    }
}

pub(crate) const CHARGE_SELECT: &str = "SELECT c.id, c.member_id, m.member_no, m.name, c.month, c.kind, c.seq, c.base_fen, c.due_fen, c.paid_fen
    FROM dues_charges c JOIN members m ON m.id = c.member_id";

pub(crate) fn row_to_charge(r: &rusqlite::Row) -> rusqlite::Result<Charge> {
    let kind: String = r.get(5)?;
    let due = Money::from_fen(r.get(8)?);
    let paid = Money::from_fen(r.get(9)?);
    Ok(Charge {
        id: r.get(0)?,
        member_id: r.get(1)?,
        member_no: r.get(2)?,
        member_name: r.get(3)?,
        month: r.get(4)?,
        kind_label: kind_label(&kind),
        kind,
        seq: r.get(6)?,
        base: Money::from_fen(r.get(7)?),
        due,
        paid,
        outstanding: due - paid,
    })
}

pub fn get_charge(conn: &Connection, id: i64) -> Result<Charge> {
    conn.query_row(&format!("{CHARGE_SELECT} WHERE c.id = ?1"), [id], row_to_charge)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("会费记录 {id}")))
}

/// Everything needed to say what one member owes in a month.
struct MemberBasis {
    rule: Rule,
    events: Vec<(String, NaiveDate)>,
}

fn basis(conn: &Connection, member_id: i64) -> Result<MemberBasis> {
    let f = dues_facts::facts_of(conn, member_id)?;
    Ok(MemberBasis { rule: Rule::from_db(&f.dues_rule, f.fixed_dues_fen), events: dues_facts::events_of_member(conn, member_id)? })
}

fn wage_in(conn: &Connection, member_id: i64, month: &str) -> Result<Option<i64>> {
    dues_facts::wage_in_force(conn, member_id, month)
}

/// (base, due) in 分 a member owes for a month, or None when nothing is owed (not in
/// membership as a paying member, exempt, or no wage base).
fn target(b: &MemberBasis, wage_fen: Option<i64>, month: &str, s: &DuesSettings) -> Option<(i64, i64)> {
    if !events::active_in_month(&b.events, month) {
        return None;
    }
    let base = wage_fen.map(Money::from_fen);
    let due = rate::due(b.rule, base, s)?;
    if due.is_zero() {
        return None;
    }
    Some((wage_fen.unwrap_or(0), due.fen()))
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoWage {
    pub member_id: i64,
    pub member_no: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ChargeMonthResult {
    pub month: String,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    /// Unpaid charges dropped because the member no longer owes that month.
    pub removed: i64,
    /// Members charged for the month (regular charges).
    pub liable: i64,
    /// Everything due for the month (regular and 补缴).
    pub total_due: Money,
    /// Paying members without a wage base: nothing charged; set their wage and regenerate.
    pub no_wage: Vec<NoWage>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct MonthArg {
    pub month: String,
}

/// Generate (or regenerate) a month's regular charges for every liable member. Unpaid
/// charges follow the current wage, rule and status; paid or part-paid ones never change.
pub fn charge_month(conn: &Connection, month: &str, now: &str) -> Result<ChargeMonthResult> {
    let month = check_month("month", month)?;
    let s = rate::settings(conn)?;
    let mut events_by = dues_facts::events_by_member(conn)?;
    let wages = dues_facts::wages_in_force(conn, &month)?;
    let mut existing: HashMap<i64, (i64, i64, i64, i64)> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT member_id, id, base_fen, due_fen, paid_fen FROM dues_charges WHERE month = ?1 AND kind = 'regular'")?;
        for r in stmt.query_map([&month], |r| Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))))? {
            let (id, c) = r?;
            existing.insert(id, c);
        }
    }
    let mut out = ChargeMonthResult {
        month: month.clone(),
        created: 0,
        updated: 0,
        unchanged: 0,
        removed: 0,
        liable: 0,
        total_due: Money::ZERO,
        no_wage: Vec::new(),
    };
    let rows = dues_facts::all_facts(conn)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO dues_charges (member_id, month, kind, seq, base_fen, due_fen, paid_fen, created_at, updated_at)
         VALUES (?1, ?2, 'regular', 0, ?3, ?4, 0, ?5, ?5)",
    )?;
    for f in rows {
        let (id, no, name) = (f.member_id, f.member_no, f.name);
        let b = MemberBasis { rule: Rule::from_db(&f.dues_rule, f.fixed_dues_fen), events: events_by.remove(&id).unwrap_or_default() };
        let wage = wages.get(&id).copied();
        let t = target(&b, wage, &month, &s);
        if t.is_none() && b.rule == Rule::Standard && wage.is_none() && events::active_in_month(&b.events, &month) {
            out.no_wage.push(NoWage { member_id: id, member_no: no, name });
        }
        match (existing.get(&id), t) {
            (None, None) => {}
            (None, Some((base, due))) => {
                insert.execute(params![id, month, base, due, now])?;
                out.created += 1;
            }
            (Some(&(_, _, _, paid)), _) if paid > 0 => out.unchanged += 1,
            (Some(&(cid, _, _, _)), None) => {
                conn.execute("DELETE FROM dues_charges WHERE id = ?1 AND paid_fen = 0", [cid])?;
                out.removed += 1;
            }
            (Some(&(cid, base0, due0, _)), Some((base, due))) => {
                if base0 == base && due0 == due {
                    out.unchanged += 1;
                } else {
                    conn.execute(
                        "UPDATE dues_charges SET base_fen = ?2, due_fen = ?3, updated_at = ?4 WHERE id = ?1 AND paid_fen = 0",
                        params![cid, base, due, now],
                    )?;
                    out.updated += 1;
                }
            }
        }
    }
    let (liable, total): (i64, i64) = conn.query_row(
        "SELECT COUNT(DISTINCT member_id), COALESCE(SUM(due_fen), 0) FROM dues_charges WHERE month = ?1",
        [&month],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    out.liable = liable;
    out.total_due = Money::from_fen(total);
    Ok(out)
}

/// Recompute a member's unpaid regular charges after a change to his rule, status or join
/// date (charges no longer owed are dropped). Never creates charges; never touches paid ones.
pub fn refresh_unpaid_for_member(conn: &Connection, member_id: i64, now: &str) -> Result<i64> {
    let s = rate::settings(conn)?;
    let b = basis(conn, member_id)?;
    let mut stmt = conn.prepare(
        "SELECT id, month, base_fen, due_fen FROM dues_charges WHERE member_id = ?1 AND kind = 'regular' AND paid_fen = 0",
    )?;
    let rows = stmt
        .query_map([member_id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut changed = 0;
    for (id, month, base0, due0) in rows {
        match target(&b, wage_in(conn, member_id, &month)?, &month, &s) {
            None => {
                conn.execute("DELETE FROM dues_charges WHERE id = ?1", [id])?;
                changed += 1;
            }
            Some((base, due)) if base != base0 || due != due0 => {
                conn.execute(
                    "UPDATE dues_charges SET base_fen = ?2, due_fen = ?3, updated_at = ?4 WHERE id = ?1",
                    params![id, base, due, now],
                )?;
                changed += 1;
            }
            Some(_) => {}
        }
    }
    Ok(changed)
}

/// After a wage change effective from `from`: for every month from then on that already has
/// a regular charge, recompute it if unpaid; if it is (part-)paid, charge the rise as 补缴
/// (raising an unpaid back charge first). A fall never refunds; it only lowers unpaid charges.
/// Returns (unpaid charges recomputed, back charges created or raised).
pub fn apply_wage_change(conn: &Connection, member_id: i64, from: &str, now: &str) -> Result<(i64, Vec<Charge>)> {
    let s = rate::settings(conn)?;
    let b = basis(conn, member_id)?;
    let mut stmt = conn.prepare(
        "SELECT id, month, base_fen, due_fen, paid_fen FROM dues_charges
         WHERE member_id = ?1 AND kind = 'regular' AND month >= ?2 ORDER BY month",
    )?;
    let rows = stmt
        .query_map(params![member_id, from], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?, r.get::<_, i64>(4)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (mut recomputed, mut back) = (0, Vec::new());
    for (id, month, base0, due0, paid) in rows {
        let Some((base, due)) = target(&b, wage_in(conn, member_id, &month)?, &month, &s) else { continue };
        if paid == 0 {
            if base != base0 || due != due0 {
                conn.execute(
                    "UPDATE dues_charges SET base_fen = ?2, due_fen = ?3, updated_at = ?4 WHERE id = ?1",
                    params![id, base, due, now],
                )?;
                recomputed += 1;
            }
            continue;
        }
        let total: i64 = conn.query_row(
            "SELECT COALESCE(SUM(due_fen), 0) FROM dues_charges WHERE member_id = ?1 AND month = ?2",
            params![member_id, month],
            |r| r.get(0),
        )?;
        let diff = due - total;
        if diff == 0 {
            continue;
        }
        let open_back: Option<(i64, i64)> = conn
            .query_row(
                "SELECT id, due_fen FROM dues_charges WHERE member_id = ?1 AND month = ?2 AND kind = 'back' AND paid_fen = 0
                 ORDER BY seq DESC LIMIT 1",
                params![member_id, month],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match open_back {
            Some((bid, bdue)) => {
                let new_due = bdue + diff;
                if new_due <= 0 {
                    conn.execute("DELETE FROM dues_charges WHERE id = ?1", [bid])?;
                } else {
                    conn.execute(
                        "UPDATE dues_charges SET base_fen = ?2, due_fen = ?3, updated_at = ?4 WHERE id = ?1",
                        params![bid, base, new_due, now],
                    )?;
                    back.push(get_charge(conn, bid)?);
                }
            }
            None if diff > 0 => {
                let seq: i64 = conn.query_row(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM dues_charges WHERE member_id = ?1 AND month = ?2 AND kind = 'back'",
                    params![member_id, month],
                    |r| r.get(0),
                )?;
                conn.execute(
                    "INSERT INTO dues_charges (member_id, month, kind, seq, base_fen, due_fen, paid_fen, created_at, updated_at)
                     VALUES (?1, ?2, 'back', ?3, ?4, ?5, 0, ?6, ?6)",
                    params![member_id, month, seq, base, diff, now],
                )?;
                back.push(get_charge(conn, conn.last_insert_rowid())?);
            }
            None => {}
        }
    }
    Ok((recomputed, back))
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct ChargeFilter {
    #[serde(default)]
    pub month: Option<String>,
    #[serde(default)]
    pub member_id: Option<i64>,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub unpaid_only: bool,
}

pub fn list(conn: &Connection, f: &ChargeFilter) -> Result<Vec<Charge>> {
    let mut sql = format!("{CHARGE_SELECT} WHERE 1 = 1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(m) = &f.month {
        args.push(check_month("month", m)?.into());
        sql.push_str(&format!(" AND c.month = ?{}", args.len()));
    }
    if let Some(id) = f.member_id {
        args.push(id.into());
        sql.push_str(&format!(" AND c.member_id = ?{}", args.len()));
    }
    if f.unpaid_only {
        sql.push_str(" AND c.paid_fen < c.due_fen");
    }
    sql.push_str(" ORDER BY m.member_no, c.month, c.kind DESC, c.seq");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), row_to_charge)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A member's unpaid charges, oldest first (regular before 补缴 within a month): the order a
/// payment covers them in.
pub fn outstanding_of(conn: &Connection, member_id: i64) -> Result<Vec<Charge>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{CHARGE_SELECT} WHERE c.member_id = ?1 AND c.paid_fen < c.due_fen ORDER BY c.month, c.kind DESC, c.seq"
    ))?;
    let rows = stmt.query_map([member_id], row_to_charge)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Outstanding {
    pub member_id: i64,
    pub member_no: String,
    pub name: String,
    pub charges: Vec<Charge>,
    pub total: Money,
}

pub fn outstanding(conn: &Connection, member_id: i64) -> Result<Outstanding> {
    let dues_facts::DuesFacts { member_no, name, .. } = dues_facts::facts_of(conn, member_id)?;
    let charges = outstanding_of(conn, member_id)?;
    let total = charges.iter().map(|c| c.outstanding).sum();
    Ok(Outstanding { member_id, member_no, name, charges, total })
}
