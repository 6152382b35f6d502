//! The batch as it reads: its statuses, [`Batch`] with its recipients, breaches and the
//! chair's override, [`get`] and [`list`]; and the row helpers the other parts of
//! [`super`] share (a batch's row, its effective status, its recipients, the override's
//! fingerprint).

use crate::welfare::eligibility::{self, assess, Assessment, BatchFacts, Breach};
use crate::welfare::rules::{self, Rule};
use crate::error::{CoreError, Result};
use crate::members::date_col;
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub const STATUSES: &[(&str, &str)] = &[
    ("draft", "草稿"),
    ("submitted", "待主席审批"),
    ("approved", "主席已审批"),
    ("rejected", "主席退回"),
    ("posted", "已记账"),
    ("reversed", "已冲销"),
];

pub fn status_label(s: &str) -> &'static str {
    STATUSES.iter().find(|(c, _)| *c == s).map(|(_, l)| *l).unwrap_or("")
}

fn pay_from_label(p: &str) -> &'static str {
    if p == "cash" {
        "现金"
    } else {
        "银行存款"
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(rename = "WelfareVoucherRef")]
pub struct VoucherRef {
    pub id: i64,
    pub period: String,
    pub number: i64,
    pub display_number: String,
}

fn voucher_ref(conn: &Connection, id: Option<i64>) -> Result<Option<VoucherRef>> {
    match id {
        None => Ok(None),
        Some(id) => {
            let v = crate::ledger::get_voucher(conn, id)?;
            Ok(Some(VoucherRef { id, period: v.period, number: v.number, display_number: v.display_number }))
        }
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Recipient {
    pub member_id: i64,
    pub member_no: String,
    pub name: String,
    pub gender: String,
    pub group: Option<String>,
    pub amount: Money,
    pub note: String,
    /// rule:<name> | hand | import
    pub source: String,
    pub cap: Option<Money>,
    pub used_this_year: Money,
    pub left: Option<Money>,
    pub left_after: Option<Money>,
    pub breach: Option<String>,
    pub blocker: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct OverrideInfo {
    pub id: i64,
    pub batch_id: i64,
    pub reason: String,
    pub breaches: Vec<Breach>,
    pub chair_id: i64,
    pub chair_name: String,
    pub recorded_by_name: String,
    pub at: String,
    /// Still matches the batch as it is (an edit after the override makes it lapse).
    pub valid: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Batch {
    pub id: i64,
    pub kind: String,
    pub kind_label: &'static str,
    pub occasion: String,
    pub name: String,
    pub date: NaiveDate,
    pub form: String,
    pub form_label: &'static str,
    pub goods: String,
    pub supplier: String,
    pub pay_from: String,
    pub pay_from_label: &'static str,
    pub account_code: String,
    pub account_name: String,
    pub default_amount: Option<Money>,
    pub note: String,
    /// draft | submitted | approved | rejected | posted | reversed (a batch whose voucher was
    /// reversed in the ledger reads as reversed).
    pub status: String,
    pub status_label: &'static str,
    pub approval_required: bool,
    pub submitted_by_name: Option<String>,
    pub submitted_at: Option<String>,
    pub approved_by: Option<i64>,
    pub approved_by_name: Option<String>,
    pub approved_at: Option<String>,
    pub approval_note: String,
    pub voucher: Option<VoucherRef>,
    pub posted_by_name: Option<String>,
    pub posted_at: Option<String>,
    pub reversal_voucher: Option<VoucherRef>,
    pub reversed_reason: String,
    pub created_by_name: String,
    pub created_at: String,
    pub updated_at: String,
    pub recipients: Vec<Recipient>,
    pub count: usize,
    pub total: Money,
    pub total_in_words: String,
    pub province: String,
    pub rule: Option<Rule>,
    pub breaches: Vec<Breach>,
    pub blockers: Vec<String>,
    /// The chair's override that covers the current breaches, if any.
    #[serde(rename = "override")]
    pub override_: Option<OverrideInfo>,
    /// Why it cannot be posted now (empty = it can).
    pub post_problems: Vec<String>,
    pub can_post: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BatchListItem {
    pub id: i64,
    pub kind: String,
    pub kind_label: &'static str,
    pub name: String,
    pub date: NaiveDate,
    pub form: String,
    pub form_label: &'static str,
    pub pay_from: String,
    pub account_code: String,
    pub status: String,
    pub status_label: &'static str,
    pub count: i64,
    pub total: Money,
    pub voucher: Option<VoucherRef>,
    pub overrides: i64,
}

pub(super) struct Row {
    pub(super) id: i64,
    pub(super) kind: String,
    pub(super) occasion: String,
    pub(super) name: String,
    pub(super) date: NaiveDate,
    pub(super) form: String,
    pub(super) goods: String,
    pub(super) supplier: String,
    pub(super) pay_from: String,
    pub(super) account_code: String,
    pub(super) default_fen: Option<i64>,
    pub(super) note: String,
    pub(super) status: String,
    pub(super) submitted_by_name: Option<String>,
    pub(super) submitted_at: Option<String>,
    pub(super) approved_by: Option<i64>,
    pub(super) approved_by_name: Option<String>,
    pub(super) approved_at: Option<String>,
    pub(super) approval_note: String,
    pub(super) voucher_id: Option<i64>,
    pub(super) posted_by_name: Option<String>,
    pub(super) posted_at: Option<String>,
    pub(super) reversal_voucher_id: Option<i64>,
    pub(super) reversed_reason: String,
    pub(super) created_by_name: String,
    pub(super) created_at: String,
    pub(super) updated_at: String,
}

const SELECT: &str = "SELECT b.id, b.kind, b.occasion, b.name, b.date, b.form, b.goods, b.supplier, b.pay_from, b.account_code,
        b.default_amount_fen, b.note, b.status, su.name, b.submitted_at, b.approved_by, au.name, b.approved_at, b.approval_note,
        b.voucher_id, pu.name, b.posted_at, b.reversal_voucher_id, b.reversed_reason, cu.name, b.created_at, b.updated_at
    FROM welfare_batches b
    LEFT JOIN users su ON su.id = b.submitted_by LEFT JOIN users au ON au.id = b.approved_by
    LEFT JOIN users pu ON pu.id = b.posted_by LEFT JOIN users cu ON cu.id = b.created_by";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        kind: r.get(1)?,
        occasion: r.get(2)?,
        name: r.get(3)?,
        date: date_col(r.get(4)?),
        form: r.get(5)?,
        goods: r.get(6)?,
        supplier: r.get(7)?,
        pay_from: r.get(8)?,
        account_code: r.get(9)?,
        default_fen: r.get(10)?,
        note: r.get(11)?,
        status: r.get(12)?,
        submitted_by_name: r.get(13)?,
        submitted_at: r.get(14)?,
        approved_by: r.get(15)?,
        approved_by_name: r.get(16)?,
        approved_at: r.get(17)?,
        approval_note: r.get(18)?,
        voucher_id: r.get(19)?,
        posted_by_name: r.get(20)?,
        posted_at: r.get(21)?,
        reversal_voucher_id: r.get(22)?,
        reversed_reason: r.get(23)?,
        created_by_name: r.get::<_, Option<String>>(24)?.unwrap_or_default(),
        created_at: r.get(25)?,
        updated_at: r.get(26)?,
    })
}

pub(super) fn load_row(conn: &Connection, id: i64) -> Result<Row> {
    conn.query_row(&format!("{SELECT} WHERE b.id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("发放批次（编号 {id}）")))
}

/// The status as it stands, and the reversal voucher: a posted batch whose voucher was
/// reversed directly in the ledger reads as reversed.
pub(super) fn effective_status(conn: &Connection, r: &Row) -> Result<(String, Option<i64>)> {
    if r.status == "posted" {
        if let Some(v) = r.voucher_id {
            if let Some(rev) = crate::ledger::get_voucher(conn, v)?.reversed_by_id {
                return Ok(("reversed".into(), Some(rev)));
            }
        }
    }
    Ok((r.status.clone(), r.reversal_voucher_id))
}

pub(super) struct RawRecipient {
    member_id: i64,
    member_no: String,
    name: String,
    gender: String,
    group: Option<String>,
    amount: Money,
    note: String,
    source: String,
}

/// The batch's recipients with their names and groups as on the batch's date, so a batch reads
/// the same whatever day it is opened.
pub(super) fn raw_recipients(conn: &Connection, batch_id: i64, on: NaiveDate) -> Result<Vec<RawRecipient>> {
    // Names and groups come from the members module's roster, not from its tables.
    let mut stmt = conn.prepare_cached(
        "SELECT member_id, amount_fen, note, source FROM welfare_recipients WHERE batch_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([batch_id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let roster: HashMap<i64, crate::members::roster::RosterEntry> =
        crate::members::roster::roster_on(conn, on)?.into_iter().map(|e| (e.id, e)).collect();
    let mut out: Vec<RawRecipient> = rows
        .into_iter()
        .map(|(member_id, fen, note, source)| {
            let e = roster.get(&member_id);
            RawRecipient {
                member_id,
                member_no: e.map(|e| e.member_no.clone()).unwrap_or_default(),
                name: e.map(|e| e.name.clone()).unwrap_or_default(),
                gender: e.map(|e| e.gender.clone()).unwrap_or_default(),
                group: e.and_then(|e| e.group.clone()),
                amount: Money::from_fen(fen),
                note,
                source,
            }
        })
        .collect();
    out.sort_by(|a, b| a.member_no.cmp(&b.member_no));
    Ok(out)
}

/// A stable digest of what the chair's override approves: kind, date, form, account and
/// every recipient with their amount.
pub(super) fn fingerprint(r: &Row, recipients: &[RawRecipient]) -> String {
    let mut pairs: Vec<(i64, i64)> = recipients.iter().map(|x| (x.member_id, x.amount.fen())).collect();
    pairs.sort();
    let mut s = format!("{}|{}|{}|{}|{}|", r.kind, r.date, r.form, r.account_code, r.pay_from);
    for (m, f) in pairs {
        s.push_str(&format!("{m}:{f};"));
    }
    data_encoding::HEXLOWER.encode(&Sha256::digest(s.as_bytes()))
}

pub(super) fn overrides_of(conn: &Connection, batch_id: i64) -> Result<Vec<(OverrideInfo, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.batch_id, o.reason, o.breaches, o.chair_id, cu.name, ru.name, o.at, o.fingerprint
         FROM welfare_overrides o JOIN users cu ON cu.id = o.chair_id JOIN users ru ON ru.id = o.recorded_by
         WHERE o.batch_id = ?1 ORDER BY o.id DESC",
    )?;
    let rows = stmt
        .query_map([batch_id], |r| {
            let breaches: String = r.get(3)?;
            Ok((
                OverrideInfo {
                    id: r.get(0)?,
                    batch_id: r.get(1)?,
                    reason: r.get(2)?,
                    breaches: serde_json::from_str(&breaches).unwrap_or_default(),
                    chair_id: r.get(4)?,
                    chair_name: r.get(5)?,
                    recorded_by_name: r.get(6)?,
                    at: r.get(7)?,
                    valid: false,
                },
                r.get::<_, String>(8)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The latest override that still covers the batch: same fingerprint, and every current
/// breach is one the chair saw.
fn valid_override(conn: &Connection, batch_id: i64, fp: &str, breaches: &[Breach]) -> Result<Option<OverrideInfo>> {
    for (mut o, ofp) in overrides_of(conn, batch_id)? {
        if ofp == fp && breaches.iter().all(|b| o.breaches.contains(b)) {
            o.valid = true;
            return Ok(Some(o));
        }
    }
    Ok(None)
}

pub(super) fn facts_assess(conn: &Connection, r: &Row, recipients: &[RawRecipient]) -> Result<Assessment> {
    let pairs: Vec<(i64, Money)> = recipients.iter().map(|x| (x.member_id, x.amount)).collect();
    assess(conn, &BatchFacts { id: Some(r.id), kind: &r.kind, date: r.date, form: &r.form, recipients: &pairs })
}

pub fn get(conn: &Connection, id: i64) -> Result<Batch> {
    let r = load_row(conn, id)?;
    let raw = raw_recipients(conn, id, r.date)?;
    let (status, reversal) = effective_status(conn, &r)?;
    let settled = matches!(status.as_str(), "posted" | "reversed");
    let a = facts_assess(conn, &r, &raw)?;
    let fp = fingerprint(&r, &raw);
    let override_ = valid_override(conn, id, &fp, &a.breaches)?;
    let approval_required = crate::ledger::drafts::approval_required(conn)?;
    let mut problems = Vec::new();
    if settled {
        problems.push(format!("本批已{}", status_label(&status)));
    } else {
        problems.extend(a.blockers.iter().cloned());
        if !a.breaches.is_empty() && override_.is_none() {
            problems.push(format!("有 {} 处超出慰问标准，须经工会主席批准（写明理由）", a.breaches.len()));
        }
        if approval_required && r.status != "approved" {
            problems.push(match r.status.as_str() {
                "submitted" => "已提交审批，等待工会主席审批".to_string(),
                "rejected" => "工会主席已退回，请修改后重新提交审批".to_string(),
                _ => "本账套要求支出须经工会主席审批：请先提交审批".to_string(),
            });
        }
    }
    let checks: HashMap<i64, &eligibility::RecipientCheck> = a.recipients.iter().map(|c| (c.member_id, c)).collect();
    let recipients: Vec<Recipient> = raw
        .into_iter()
        .map(|x| {
            let c = checks.get(&x.member_id);
            Recipient {
                cap: c.and_then(|c| c.cap),
                used_this_year: c.map(|c| c.used_this_year).unwrap_or(Money::ZERO),
                left: c.and_then(|c| c.left),
                left_after: c.and_then(|c| c.left_after),
                breach: c.and_then(|c| c.breach.clone()),
                blocker: c.and_then(|c| c.blocker.clone()),
                member_id: x.member_id,
                member_no: x.member_no,
                name: x.name,
                gender: x.gender,
                group: x.group,
                amount: x.amount,
                note: x.note,
                source: x.source,
            }
        })
        .collect();
    let total: Money = recipients.iter().map(|x| x.amount).sum();
    let account_name = crate::ledger::chart::get_account(conn, &r.account_code).map(|a| a.name).unwrap_or_default();
    Ok(Batch {
        id: r.id,
        kind_label: rules::kind_label(&r.kind),
        kind: r.kind,
        occasion: r.occasion,
        name: r.name,
        date: r.date,
        form_label: rules::form_label(&r.form),
        form: r.form,
        goods: r.goods,
        supplier: r.supplier,
        pay_from_label: pay_from_label(&r.pay_from),
        pay_from: r.pay_from,
        account_code: r.account_code,
        account_name,
        default_amount: r.default_fen.map(Money::from_fen),
        note: r.note,
        status_label: status_label(&status),
        status,
        approval_required,
        submitted_by_name: r.submitted_by_name,
        submitted_at: r.submitted_at,
        approved_by: r.approved_by,
        approved_by_name: r.approved_by_name,
        approved_at: r.approved_at,
        approval_note: r.approval_note,
        voucher: voucher_ref(conn, r.voucher_id)?,
        posted_by_name: r.posted_by_name,
        posted_at: r.posted_at,
        reversal_voucher: voucher_ref(conn, reversal)?,
        reversed_reason: r.reversed_reason,
        created_by_name: r.created_by_name,
        created_at: r.created_at,
        updated_at: r.updated_at,
        count: recipients.len(),
        total_in_words: total.to_chinese_upper(),
        total,
        recipients,
        province: a.province,
        rule: a.rule,
        breaches: a.breaches,
        blockers: a.blockers,
        override_,
        can_post: problems.is_empty(),
        post_problems: problems,
    })
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct BatchFilter {
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
}

pub fn list(conn: &Connection, f: &BatchFilter) -> Result<Vec<BatchListItem>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE (?1 IS NULL OR substr(b.date, 1, 4) = ?1) AND (?2 IS NULL OR b.kind = ?2) ORDER BY b.date DESC, b.id DESC"
    ))?;
    let year = f.year.map(|y| format!("{y:04}"));
    let kind = match f.kind.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(k) => Some(rules::kind(k)?.code),
        None => None,
    };
    let rows = stmt.query_map(params![year, kind], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for r in rows {
        let (status, _) = effective_status(conn, &r)?;
        if let Some(s) = f.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            if s != status {
                continue;
            }
        }
        let (count, fen): (i64, i64) = conn.query_row(
            "SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM welfare_recipients WHERE batch_id = ?1",
            [r.id],
            |x| Ok((x.get(0)?, x.get(1)?)),
        )?;
        let overrides: i64 = conn.query_row("SELECT COUNT(*) FROM welfare_overrides WHERE batch_id = ?1", [r.id], |x| x.get(0))?;
        out.push(BatchListItem {
            id: r.id,
            kind_label: rules::kind_label(&r.kind),
            kind: r.kind,
            name: r.name,
            date: r.date,
            form_label: rules::form_label(&r.form),
            form: r.form,
            pay_from: r.pay_from,
            account_code: r.account_code,
            status_label: status_label(&status),
            status,
            count,
            total: Money::from_fen(fen),
            voucher: voucher_ref(conn, r.voucher_id)?,
            overrides,
        });
    }
    Ok(out)
}
