//! What was paid: a member's welfare in a year (by kind, with allowance used), totals per kind
//! for a year, the `report welfare` JSON, aid shown in a hardship file, and the chair's
//! overrides for the audit committee.
//!
//! Only batches that stand count: posted and not reversed (in the batch or in the ledger).

use super::eligibility::{kinds_of_item, paid_in_year, voucher_stands};
use super::rules;
use crate::error::Result;
use crate::members::date_col;
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One payout to one member.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct PayoutItem {
    pub batch_id: i64,
    pub batch_name: String,
    pub kind: String,
    pub kind_label: &'static str,
    pub date: NaiveDate,
    pub form_label: &'static str,
    pub goods: String,
    pub amount: Money,
    pub note: String,
    pub voucher_id: Option<i64>,
}

/// Live payouts to a member, optionally limited to kinds and a date range, oldest first.
pub fn payouts_of_member(
    conn: &Connection,
    member_id: i64,
    kinds: Option<&[&str]>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<PayoutItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.id, b.name, b.kind, b.date, b.form, b.goods, r.amount_fen, r.note, b.voucher_id
         FROM welfare_recipients r JOIN welfare_batches b ON b.id = r.batch_id
         WHERE r.member_id = ?1 AND b.status = 'posted' AND (?2 IS NULL OR b.date >= ?2) AND (?3 IS NULL OR b.date <= ?3)
         ORDER BY b.date, b.id",
    )?;
    let rows = stmt
        .query_map(params![member_id, from.map(|d| d.to_string()), to.map(|d| d.to_string())], |r| {
            let kind: String = r.get(2)?;
            let form: String = r.get(4)?;
            Ok(PayoutItem {
                batch_id: r.get(0)?,
                batch_name: r.get(1)?,
                kind_label: rules::kind_label(&kind),
                kind,
                date: date_col(r.get(3)?),
                form_label: rules::form_label(&form),
                goods: r.get(5)?,
                amount: Money::from_fen(r.get(6)?),
                note: r.get(7)?,
                voucher_id: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for p in rows {
        if kinds.is_some_and(|k| !k.contains(&p.kind.as_str())) {
            continue;
        }
        if voucher_stands(conn, p.voucher_id)? {
            out.push(p);
        }
    }
    Ok(out)
}

/// Aid (困难帮扶, 送温暖, 金秋助学) a member received between two dates — the "history of aid
/// received" of a hardship file.
pub fn aid_received(conn: &Connection, member_id: i64, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<PayoutItem>> {
    payouts_of_member(conn, member_id, Some(rules::AID_KINDS), from, to)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct KindTotal {
    pub kind: String,
    pub kind_label: &'static str,
    pub total: Money,
    /// The rule item and the cap in force at year end (None without one).
    pub item: Option<&'static str>,
    pub cap: Option<Money>,
    pub per: Option<String>,
    /// Year caps: amount used of the item (all kinds of the item) and left.
    pub used: Option<Money>,
    pub left: Option<Money>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct MemberHistory {
    pub member_id: i64,
    pub member_no: String,
    pub name: String,
    pub year: i32,
    pub province: String,
    pub items: Vec<PayoutItem>,
    pub by_kind: Vec<KindTotal>,
    pub total: Money,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct MemberYear {
    pub member_id: i64,
    pub year: i32,
}

fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (NaiveDate::from_ymd_opt(year, 1, 1).expect("date"), NaiveDate::from_ymd_opt(year, 12, 31).expect("date"))
}

/// A member's welfare in a year, by kind, with the allowance used and left under each cap.
pub fn member_history(conn: &Connection, a: &MemberYear) -> Result<MemberHistory> {
    let (from, to) = year_bounds(a.year);
    let e = crate::members::roster::entry_on(conn, a.member_id, to)?;
    let items = payouts_of_member(conn, a.member_id, None, Some(from), Some(to))?;
    let province = crate::book::settings(conn)?.province;
    let mut totals: BTreeMap<String, Money> = BTreeMap::new();
    for p in &items {
        *totals.entry(p.kind.clone()).or_insert(Money::ZERO) += p.amount;
    }
    let mut by_kind = Vec::new();
    for k in rules::KINDS.iter().filter(|k| totals.contains_key(k.code)) {
        let total = totals[k.code];
        let rule = match k.item {
            Some(item) => rules::applicable(conn, &province, item, to)?,
            None => None,
        };
        let (used, left) = match (&rule, k.item) {
            (Some(r), Some(item)) if r.per == "year" => {
                let kinds = kinds_of_item(item);
                let used: Money = items.iter().filter(|p| kinds.contains(&p.kind.as_str())).map(|p| p.amount).sum();
                (Some(used), Some(r.cap - used))
            }
            _ => (None, None),
        };
        by_kind.push(KindTotal {
            kind: k.code.to_string(),
            kind_label: k.label,
            total,
            item: k.item,
            cap: rule.as_ref().map(|r| r.cap),
            per: rule.as_ref().map(|r| r.per.clone()),
            used,
            left,
        });
    }
    Ok(MemberHistory {
        member_id: a.member_id,
        member_no: e.member_no,
        name: e.name,
        year: a.year,
        province,
        total: items.iter().map(|p| p.amount).sum(),
        items,
        by_kind,
    })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct YearArg {
    pub year: i32,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReportBatch {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub kind_label: &'static str,
    pub date: NaiveDate,
    pub form: String,
    pub form_label: &'static str,
    pub account_code: String,
    pub recipients: i64,
    pub total: Money,
    pub voucher: Option<String>,
    pub overridden: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReportMember {
    pub member_id: i64,
    pub member_no: String,
    pub name: String,
    pub payouts: i64,
    pub total: Money,
    /// kind → amount
    pub by_kind: BTreeMap<String, Money>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReportKind {
    pub kind: String,
    pub kind_label: &'static str,
    pub batches: i64,
    /// Distinct members who received this kind.
    pub headcount: i64,
    pub total: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReportTotals {
    pub batches: i64,
    pub payouts: i64,
    pub members: i64,
    pub amount: Money,
}

/// `report welfare --year YYYY`: per batch, per member and per kind, live batches only.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct WelfareReport {
    pub year: i32,
    pub batches: Vec<ReportBatch>,
    pub members: Vec<ReportMember>,
    pub kinds: Vec<ReportKind>,
    pub totals: ReportTotals,
}

pub fn report(conn: &Connection, year: i32) -> Result<WelfareReport> {
    let mut stmt = conn.prepare(
        "SELECT b.id, b.name, b.kind, b.date, b.form, b.account_code, b.voucher_id,
                EXISTS (SELECT 1 FROM welfare_overrides o WHERE o.batch_id = b.id)
         FROM welfare_batches b WHERE b.status = 'posted' AND substr(b.date, 1, 4) = ?1 ORDER BY b.date, b.id",
    )?;
    let rows = stmt
        .query_map([format!("{year:04}")], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<i64>>(6)?,
                r.get::<_, bool>(7)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let roster: BTreeMap<i64, crate::members::roster::RosterEntry> =
        crate::members::roster::roster_on(conn, year_bounds(year).1)?.into_iter().map(|e| (e.id, e)).collect();
    let mut batches = Vec::new();
    let mut members: BTreeMap<i64, ReportMember> = BTreeMap::new();
    let mut kinds: BTreeMap<String, (i64, std::collections::BTreeSet<i64>, Money)> = BTreeMap::new();
    let mut payouts = 0;
    let mut rstmt = conn.prepare_cached("SELECT member_id, amount_fen FROM welfare_recipients WHERE batch_id = ?1")?;
    for (id, name, kind, date, form, account, voucher_id, overridden) in rows {
        if !voucher_stands(conn, voucher_id)? {
            continue;
        }
        let recips = rstmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
        let total = Money::from_fen(recips.iter().map(|r| r.1).sum());
        let k = kinds.entry(kind.clone()).or_insert((0, Default::default(), Money::ZERO));
        k.0 += 1;
        k.2 += total;
        for (m, fen) in &recips {
            k.1.insert(*m);
            payouts += 1;
            let e = roster.get(m);
            let rm = members.entry(*m).or_insert_with(|| ReportMember {
                member_id: *m,
                member_no: e.map(|e| e.member_no.clone()).unwrap_or_default(),
                name: e.map(|e| e.name.clone()).unwrap_or_default(),
                payouts: 0,
                total: Money::ZERO,
                by_kind: BTreeMap::new(),
            });
            rm.payouts += 1;
            rm.total += Money::from_fen(*fen);
            *rm.by_kind.entry(kind.clone()).or_insert(Money::ZERO) += Money::from_fen(*fen);
        }
        let voucher = match voucher_id {
            Some(v) => {
                let v = crate::ledger::get_voucher(conn, v)?;
                Some(format!("{} {}", v.period, v.display_number))
            }
            None => None,
        };
        batches.push(ReportBatch {
            id,
            name,
            kind_label: rules::kind_label(&kind),
            kind,
            date: date_col(date),
            form_label: rules::form_label(&form),
            form,
            account_code: account,
            recipients: recips.len() as i64,
            total,
            voucher,
            overridden,
        });
    }
    let mut members: Vec<ReportMember> = members.into_values().collect();
    members.sort_by(|a, b| a.member_no.cmp(&b.member_no));
    let kinds: Vec<ReportKind> = rules::KINDS
        .iter()
        .filter_map(|k| {
            kinds.get(k.code).map(|(n, heads, total)| ReportKind {
                kind: k.code.to_string(),
                kind_label: k.label,
                batches: *n,
                headcount: heads.len() as i64,
                total: *total,
            })
        })
        .collect();
    let totals = ReportTotals {
        batches: batches.len() as i64,
        payouts,
        members: members.len() as i64,
        amount: batches.iter().map(|b| b.total).sum(),
    };
    Ok(WelfareReport { year, batches, members, kinds, totals })
}

/// Per-kind totals for a year (the history view's summary).
pub fn year_summary(conn: &Connection, year: i32) -> Result<Vec<ReportKind>> {
    Ok(report(conn, year)?.kinds)
}

/// How much of this year's allowance each member has used for an item (for the UI).
pub fn allowance_used(conn: &Connection, item: &str, year: i32) -> Result<BTreeMap<i64, Money>> {
    Ok(paid_in_year(conn, &kinds_of_item(item), year, None)?.into_iter().collect())
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct OverrideFilter {
    #[serde(default)]
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct OverrideListItem {
    pub id: i64,
    pub batch_id: i64,
    pub batch_name: String,
    pub batch_date: NaiveDate,
    pub kind_label: &'static str,
    pub batch_status: String,
    pub voucher: Option<String>,
    pub reason: String,
    pub breaches: Vec<super::eligibility::Breach>,
    pub chair_name: String,
    pub recorded_by_name: String,
    pub at: String,
}

/// Every override the chair recorded (for the audit committee), newest first.
pub fn overrides(conn: &Connection, f: &OverrideFilter) -> Result<Vec<OverrideListItem>> {
    let mut stmt = conn.prepare(
        "SELECT o.id, o.batch_id, b.name, b.date, b.kind, b.status, b.voucher_id, o.reason, o.breaches, cu.name, ru.name, o.at
         FROM welfare_overrides o JOIN welfare_batches b ON b.id = o.batch_id
         JOIN users cu ON cu.id = o.chair_id JOIN users ru ON ru.id = o.recorded_by
         WHERE (?1 IS NULL OR substr(b.date, 1, 4) = ?1) ORDER BY o.at DESC, o.id DESC",
    )?;
    let rows = stmt
        .query_map([f.year.map(|y| format!("{y:04}"))], |r| {
            let kind: String = r.get(4)?;
            let breaches: String = r.get(8)?;
            Ok((
                OverrideListItem {
                    id: r.get(0)?,
                    batch_id: r.get(1)?,
                    batch_name: r.get(2)?,
                    batch_date: date_col(r.get(3)?),
                    kind_label: rules::kind_label(&kind),
                    batch_status: r.get(5)?,
                    voucher: None,
                    reason: r.get(7)?,
                    breaches: serde_json::from_str(&breaches).unwrap_or_default(),
                    chair_name: r.get(9)?,
                    recorded_by_name: r.get(10)?,
                    at: r.get(11)?,
                },
                r.get::<_, Option<i64>>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (mut o, v) in rows {
        if let Some(v) = v {
            let v = crate::ledger::get_voucher(conn, v)?;
            o.voucher = Some(format!("{} {}", v.period, v.display_number));
            if v.reversed_by_id.is_some() {
                o.batch_status = "reversed".into();
            }
        }
        out.push(o);
    }
    Ok(out)
}

/// A posted batch in totals only (for the public notice: never names).
#[derive(Debug, Clone, Serialize)]
pub struct BatchTotal {
    pub id: i64,
    pub name: String,
    pub kind_label: &'static str,
    pub date: NaiveDate,
    pub head_count: i64,
    pub total: Money,
}

/// Live batches dated from `from` to `to` (inclusive), oldest first.
pub fn posted_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<BatchTotal>> {
    let mut stmt = conn.prepare(
        "SELECT b.id, b.name, b.kind, b.date, b.voucher_id, COUNT(r.id), COALESCE(SUM(r.amount_fen), 0)
         FROM welfare_batches b LEFT JOIN welfare_recipients r ON r.batch_id = b.id
         WHERE b.status = 'posted' AND b.date >= ?1 AND b.date <= ?2 GROUP BY b.id ORDER BY b.date, b.id",
    )?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (id, name, kind, date, voucher, n, fen) in rows {
        if voucher_stands(conn, voucher)? {
            out.push(BatchTotal { id, name, kind_label: rules::kind_label(&kind), date: date_col(date), head_count: n, total: Money::from_fen(fen) });
        }
    }
    Ok(out)
}
