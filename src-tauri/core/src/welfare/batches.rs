//! Payout batches (发放批次): create and edit a draft, pick recipients (by rule, by hand, from
//! a file), amounts, approval, the chair's override, posting through the ledger gateway,
//! reversal, and the sign-for sheet (领取签收表).
//!
//! States: draft → posted → reversed; with the book setting `approval_required` = "1",
//! draft → submitted → approved (or rejected → edited → submitted) → posted. Any edit of a
//! submitted or approved batch sends it back to draft. A posted batch and its recipients are
//! fixed (SQLite triggers); a correction is a reversal.

use super::eligibility::{self, assess, Assessment, BatchFacts, Breach};
use super::rules::{self, Rule};
use crate::error::{CoreError, Result, RowError};
use crate::io::table::{map_headers, read_table};
use crate::ledger::entry::first_leaf_under;
use crate::ledger::posting::{self, LineInput, VoucherInput};
use crate::members::date_col;
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

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

struct Row {
    id: i64,
    kind: String,
    occasion: String,
    name: String,
    date: NaiveDate,
    form: String,
    goods: String,
    supplier: String,
    pay_from: String,
    account_code: String,
    default_fen: Option<i64>,
    note: String,
    status: String,
    submitted_by_name: Option<String>,
    submitted_at: Option<String>,
    approved_by: Option<i64>,
    approved_by_name: Option<String>,
    approved_at: Option<String>,
    approval_note: String,
    voucher_id: Option<i64>,
    posted_by_name: Option<String>,
    posted_at: Option<String>,
    reversal_voucher_id: Option<i64>,
    reversed_reason: String,
    created_by_name: String,
    created_at: String,
    updated_at: String,
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

fn load_row(conn: &Connection, id: i64) -> Result<Row> {
    conn.query_row(&format!("{SELECT} WHERE b.id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("发放批次（编号 {id}）")))
}

/// The status as it stands, and the reversal voucher: a posted batch whose voucher was
/// reversed directly in the ledger reads as reversed.
fn effective_status(conn: &Connection, r: &Row) -> Result<(String, Option<i64>)> {
    if r.status == "posted" {
        if let Some(v) = r.voucher_id {
            if let Some(rev) = crate::ledger::get_voucher(conn, v)?.reversed_by_id {
                return Ok(("reversed".into(), Some(rev)));
            }
        }
    }
    Ok((r.status.clone(), r.reversal_voucher_id))
}

struct RawRecipient {
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
fn raw_recipients(conn: &Connection, batch_id: i64, on: NaiveDate) -> Result<Vec<RawRecipient>> {
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
fn fingerprint(r: &Row, recipients: &[RawRecipient]) -> String {
    let mut pairs: Vec<(i64, i64)> = recipients.iter().map(|x| (x.member_id, x.amount.fen())).collect();
    pairs.sort();
    let mut s = format!("{}|{}|{}|{}|{}|", r.kind, r.date, r.form, r.account_code, r.pay_from);
    for (m, f) in pairs {
        s.push_str(&format!("{m}:{f};"));
    }
    data_encoding::HEXLOWER.encode(&Sha256::digest(s.as_bytes()))
}

fn overrides_of(conn: &Connection, batch_id: i64) -> Result<Vec<(OverrideInfo, String)>> {
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

fn facts_assess(conn: &Connection, r: &Row, recipients: &[RawRecipient]) -> Result<Assessment> {
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

/// A recipient as given by hand or in `welfare_create`.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct RecipientInput {
    pub member_id: i64,
    #[serde(default)]
    pub amount: Option<Money>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A file of recipients (XLSX or CSV: 姓名 or 会员号, 金额, 备注).
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct FileInput {
    pub file_name: String,
    pub data_base64: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct BatchInput {
    pub kind: String,
    pub name: String,
    pub date: NaiveDate,
    pub form: String,
    /// "cash" | "bank" (现金 / 银行).
    pub pay_from: String,
    #[serde(default)]
    pub occasion: Option<String>,
    #[serde(default)]
    pub goods: Option<String>,
    #[serde(default)]
    pub supplier: Option<String>,
    /// Default: the kind's account (50105, 50404, 50405, 50102, 50106).
    #[serde(default)]
    pub account_code: Option<String>,
    /// Amount for each recipient added without one.
    #[serde(default)]
    pub default_amount: Option<Money>,
    #[serde(default)]
    pub note: Option<String>,
    // Create only: recipients in the same transaction.
    #[serde(default)]
    pub rule: Option<String>,
    #[serde(default)]
    pub rule_arg: Option<String>,
    #[serde(default)]
    pub recipients: Option<Vec<RecipientInput>>,
    #[serde(default)]
    pub import: Option<FileInput>,
}

struct Header {
    kind: &'static str,
    occasion: String,
    name: String,
    form: &'static str,
    pay_from: &'static str,
    goods: String,
    supplier: String,
    account_code: String,
    default_fen: Option<i64>,
    note: String,
}

fn check_amount(field: &str, m: Money) -> Result<()> {
    if m.is_negative() {
        return Err(CoreError::validation(field, "金额不能为负数"));
    }
    if m.decimal().normalize().scale() > 2 {
        return Err(CoreError::validation(field, "金额最多两位小数"));
    }
    Ok(())
}

fn check_header(conn: &Connection, a: &BatchInput) -> Result<Header> {
    let kind = rules::kind(&a.kind)?;
    let name = a.name.trim().to_string();
    if name.is_empty() {
        return Err(CoreError::validation("name", "请填写发放名称，例如“2026年春节慰问”"));
    }
    if name.chars().count() > 60 {
        return Err(CoreError::validation("name", "发放名称不能超过 60 个字"));
    }
    let form = rules::parse_form(&a.form)?;
    let goods = a.goods.as_deref().unwrap_or("").trim().to_string();
    rules::check_goods_text(&goods)?;
    rules::check_goods_text(&name).map_err(|_| CoreError::validation("name", rules::CARD_REFUSAL))?;
    let pay_from = crate::dues::parse_via(Some(&a.pay_from), "bank").map_err(|_| {
        CoreError::validation("pay_from", format!("付款方式应为 cash（现金）或 bank（银行），不能是“{}”", a.pay_from.trim()))
    })?;
    let account_code = match a.account_code.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(code) => {
            let acc = crate::ledger::chart::postable_account(conn, code)?;
            if acc.class != crate::ledger::chart::AccountClass::Expense {
                return Err(CoreError::validation("account_code", format!("{} 不是支出科目", acc.display)));
            }
            acc.code
        }
        None => first_leaf_under(conn, kind.account)?.code,
    };
    if let Some(m) = a.default_amount {
        check_amount("default_amount", m)?;
    }
    let occasion = a.occasion.as_deref().unwrap_or("").trim().to_string();
    if occasion.chars().count() > 30 {
        return Err(CoreError::validation("occasion", "节日名称不能超过 30 个字"));
    }
    Ok(Header {
        kind: kind.code,
        occasion,
        name,
        form,
        pay_from,
        goods,
        supplier: a.supplier.as_deref().unwrap_or("").trim().to_string(),
        account_code,
        default_fen: a.default_amount.map(|m| m.fen()),
        note: a.note.as_deref().unwrap_or("").trim().to_string(),
    })
}

/// Create a draft batch; with `rule`, `recipients` or `import` its recipients too, all in the
/// caller's one transaction.
pub fn create(conn: &Connection, a: &BatchInput, user_id: i64, now: &str) -> Result<Batch> {
    let h = check_header(conn, a)?;
    conn.execute(
        "INSERT INTO welfare_batches (kind, occasion, name, date, form, goods, supplier, pay_from, account_code, default_amount_fen, note,
             status, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'draft', ?12, ?13, ?13)",
        params![
            h.kind,
            h.occasion,
            h.name,
            a.date.to_string(),
            h.form,
            h.goods,
            h.supplier,
            h.pay_from,
            h.account_code,
            h.default_fen,
            h.note,
            user_id,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    if let Some(rule) = a.rule.as_deref().filter(|s| !s.trim().is_empty()) {
        add_by_rule(conn, &AddByRule { batch_id: id, rule: rule.to_string(), arg: a.rule_arg.clone(), amount: None }, now)?;
    }
    if let Some(list) = &a.recipients {
        add_recipients(conn, &AddRecipients { batch_id: id, recipients: list.clone() }, now)?;
    }
    if let Some(f) = &a.import {
        import(conn, &ImportArgs { batch_id: id, file_name: f.file_name.clone(), data_base64: f.data_base64.clone() }, now)?;
    }
    get(conn, id)
}

/// Refuse changes to a posted batch; send a submitted/approved one back to draft.
fn editable(conn: &Connection, id: i64, now: &str) -> Result<Row> {
    let r = load_row(conn, id)?;
    let (status, _) = effective_status(conn, &r)?;
    if matches!(status.as_str(), "posted" | "reversed") {
        return Err(CoreError::Conflict(format!("“{}”已记账，不能修改；如需更正请冲销后重新发放", r.name)));
    }
    if r.status != "draft" {
        conn.execute(
            "UPDATE welfare_batches SET status = 'draft', approved_by = NULL, approved_at = NULL, updated_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        crate::audit::approval::withdraw(conn, crate::audit::approval::KIND_WELFARE_BATCH, id)?;
    } else {
        conn.execute("UPDATE welfare_batches SET updated_at = ?2 WHERE id = ?1", params![id, now])?;
    }
    Ok(r)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct BatchUpdate {
    pub id: i64,
    #[serde(flatten)]
    pub input: BatchInput,
}

pub fn update(conn: &Connection, u: &BatchUpdate, now: &str) -> Result<Batch> {
    editable(conn, u.id, now)?;
    let h = check_header(conn, &u.input)?;
    conn.execute(
        "UPDATE welfare_batches SET kind = ?2, occasion = ?3, name = ?4, date = ?5, form = ?6, goods = ?7, supplier = ?8, pay_from = ?9,
             account_code = ?10, default_amount_fen = ?11, note = ?12, updated_at = ?13 WHERE id = ?1",
        params![
            u.id,
            h.kind,
            h.occasion,
            h.name,
            u.input.date.to_string(),
            h.form,
            h.goods,
            h.supplier,
            h.pay_from,
            h.account_code,
            h.default_fen,
            h.note,
            now
        ],
    )?;
    get(conn, u.id)
}

/// Discard a batch that was never posted.
pub fn delete(conn: &Connection, id: i64, now: &str) -> Result<Batch> {
    let b = get(conn, id)?;
    editable(conn, id, now)?;
    let used: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM welfare_overrides WHERE batch_id = ?1)", [id], |r| r.get(0))?;
    if used {
        return Err(CoreError::Conflict("工会主席已对本批作出超标批准，批准记录须留存备查，不能删除本批；可修改后继续使用".into()));
    }
    conn.execute("DELETE FROM welfare_recipients WHERE batch_id = ?1", [id])?;
    conn.execute("DELETE FROM welfare_batches WHERE id = ?1", [id])?;
    Ok(b)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct AddByRule {
    pub batch_id: i64,
    pub rule: String,
    #[serde(default)]
    pub arg: Option<String>,
    /// Amount for each added member (default: the batch's default amount, else 0).
    #[serde(default)]
    pub amount: Option<Money>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Skipped {
    pub member_id: i64,
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AddResult {
    pub added: usize,
    pub skipped: Vec<Skipped>,
    pub batch: Batch,
}

fn insert_recipient(conn: &Connection, batch_id: i64, member_id: i64, fen: i64, note: &str, source: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO welfare_recipients (batch_id, member_id, amount_fen, note, source) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![batch_id, member_id, fen, note, source],
    )?;
    Ok(())
}

/// Add every member a rule picks on the batch date (already listed or not eligible: skipped,
/// with the reason).
pub fn add_by_rule(conn: &Connection, a: &AddByRule, now: &str) -> Result<AddResult> {
    let r = editable(conn, a.batch_id, now)?;
    if let Some(m) = a.amount {
        check_amount("amount", m)?;
    }
    let fen = a.amount.map(|m| m.fen()).or(r.default_fen).unwrap_or(0);
    let picked = eligibility::select(conn, &a.rule, a.arg.as_deref(), r.date)?;
    let already: HashSet<i64> = eligibility::members_in_batch(conn, a.batch_id)?.into_iter().collect();
    let rule_code = eligibility::SELECTION_RULES
        .iter()
        .find(|(c, l)| *c == a.rule.trim() || *l == a.rule.trim())
        .map(|(c, _)| *c)
        .unwrap_or(a.rule.trim());
    let (mut added, mut skipped) = (0, Vec::new());
    for e in picked {
        if already.contains(&e.id) {
            skipped.push(Skipped { member_id: e.id, name: e.name.clone(), reason: "已在名单中".into() });
            continue;
        }
        if let Some(why) = eligibility::recipient_blocker(&r.kind, &e) {
            skipped.push(Skipped { member_id: e.id, name: e.name.clone(), reason: why });
            continue;
        }
        insert_recipient(conn, a.batch_id, e.id, fen, "", &format!("rule:{rule_code}"))?;
        added += 1;
    }
    Ok(AddResult { added, skipped, batch: get(conn, a.batch_id)? })
}

/// Members a rule would pick on a date, without adding them (for the picker's preview).
pub fn candidates(conn: &Connection, rule: &str, arg: Option<&str>, date: NaiveDate) -> Result<Vec<crate::members::roster::RosterEntry>> {
    eligibility::select(conn, rule, arg, date)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct AddRecipients {
    pub batch_id: i64,
    pub recipients: Vec<RecipientInput>,
}

/// Add members by hand. A member who may not receive this payout is refused with the reason.
pub fn add_recipients(conn: &Connection, a: &AddRecipients, now: &str) -> Result<Batch> {
    let r = editable(conn, a.batch_id, now)?;
    let already: HashSet<i64> = eligibility::members_in_batch(conn, a.batch_id)?.into_iter().collect();
    let mut seen = HashSet::new();
    for x in &a.recipients {
        if already.contains(&x.member_id) || !seen.insert(x.member_id) {
            let e = crate::members::roster::entry_on(conn, x.member_id, r.date)?;
            return Err(CoreError::validation("recipients", format!("{}（{}）已在名单中", e.name, e.member_no)));
        }
        if let Some(why) = eligibility::check_new_recipient(conn, &r.kind, r.date, x.member_id)? {
            return Err(CoreError::validation("recipients", why));
        }
        if let Some(m) = x.amount {
            check_amount("amount", m)?;
        }
        let fen = x.amount.map(|m| m.fen()).or(r.default_fen).unwrap_or(0);
        insert_recipient(conn, a.batch_id, x.member_id, fen, x.note.as_deref().unwrap_or("").trim(), "hand")?;
    }
    get(conn, a.batch_id)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct RemoveRecipients {
    pub batch_id: i64,
    pub member_ids: Vec<i64>,
}

pub fn remove_recipients(conn: &Connection, a: &RemoveRecipients, now: &str) -> Result<Batch> {
    editable(conn, a.batch_id, now)?;
    for m in &a.member_ids {
        conn.execute("DELETE FROM welfare_recipients WHERE batch_id = ?1 AND member_id = ?2", params![a.batch_id, m])?;
    }
    get(conn, a.batch_id)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct AmountItem {
    pub member_id: i64,
    #[serde(default)]
    pub amount: Option<Money>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct SetAmounts {
    pub batch_id: i64,
    /// One amount for everyone in the batch (also becomes the default amount).
    #[serde(default)]
    pub amount: Option<Money>,
    /// Or each their own (and/or a note).
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub items: Vec<AmountItem>,
}

pub fn set_amounts(conn: &Connection, a: &SetAmounts, now: &str) -> Result<Batch> {
    editable(conn, a.batch_id, now)?;
    if let Some(m) = a.amount {
        check_amount("amount", m)?;
        conn.execute("UPDATE welfare_recipients SET amount_fen = ?2 WHERE batch_id = ?1", params![a.batch_id, m.fen()])?;
        conn.execute("UPDATE welfare_batches SET default_amount_fen = ?2 WHERE id = ?1", params![a.batch_id, m.fen()])?;
    }
    for it in &a.items {
        if let Some(m) = it.amount {
            check_amount("amount", m)?;
            let n = conn.execute(
                "UPDATE welfare_recipients SET amount_fen = ?3 WHERE batch_id = ?1 AND member_id = ?2",
                params![a.batch_id, it.member_id, m.fen()],
            )?;
            if n == 0 {
                return Err(CoreError::validation("items", format!("会员（编号 {}）不在本批名单中", it.member_id)));
            }
        }
        if let Some(note) = &it.note {
            conn.execute(
                "UPDATE welfare_recipients SET note = ?3 WHERE batch_id = ?1 AND member_id = ?2",
                params![a.batch_id, it.member_id, note.trim()],
            )?;
        }
    }
    get(conn, a.batch_id)
}

// ---------------------------------------------------------------- import

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(rename = "WelfareImportArgs")]
pub struct ImportArgs {
    pub batch_id: i64,
    pub file_name: String,
    pub data_base64: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "WelfareImportRow")]
pub struct ImportRow {
    pub row: usize,
    pub member_id: Option<i64>,
    pub member_no: String,
    pub name: String,
    pub amount: Option<Money>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "WelfareImportPreview")]
pub struct ImportPreview {
    pub file_name: String,
    pub count: usize,
    pub total: Money,
    pub rows: Vec<ImportRow>,
    pub errors: Vec<RowError>,
    pub ok: bool,
}

const IMPORT_HEADERS: &[(&str, &[&str])] = &[
    ("name", &["姓名"]),
    ("member_no", &["会员号", "会员编号", "编号"]),
    ("amount", &["金额", "发放金额", "慰问金额"]),
    ("note", &["备注"]),
];

fn parse_import(conn: &Connection, a: &ImportArgs) -> Result<(Vec<ImportRow>, Vec<RowError>)> {
    let r = load_row(conn, a.batch_id)?;
    let bytes = crate::members::import::decode_base64(&a.data_base64)?;
    let table = read_table(&bytes, &a.file_name)?;
    let Some((header, body)) = table.split_header() else {
        return Err(CoreError::RowErrors(vec![RowError { row: 1, message: "文件中没有任何内容".into() }]));
    };
    let cols: HashMap<&str, Option<usize>> = map_headers(header, IMPORT_HEADERS).into_iter().collect();
    if cols["name"].is_none() && cols["member_no"].is_none() {
        return Err(CoreError::RowErrors(vec![RowError { row: header.row, message: "缺少“姓名”或“会员号”列（表头应为：姓名、会员号、金额、备注）".into() }]));
    }
    if cols["amount"].is_none() && r.default_fen.is_none() {
        return Err(CoreError::RowErrors(vec![RowError { row: header.row, message: "缺少“金额”列（本批也没有设定统一金额）".into() }]));
    }
    let cell = |row: &crate::io::TableRow, key: &str| cols[key].map(|c| row.get(c).trim().to_string()).unwrap_or_default();
    let roster = crate::members::roster::roster_on(conn, r.date)?;
    let already: HashSet<i64> = eligibility::members_in_batch(conn, a.batch_id)?.into_iter().collect();
    let mut seen: HashMap<i64, usize> = HashMap::new();
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    for line in body.iter().filter(|x| !x.is_blank()) {
        let mut errs: Vec<String> = Vec::new();
        let name = cell(line, "name");
        let no = cell(line, "member_no");
        let found: Option<&crate::members::roster::RosterEntry> = if !no.is_empty() {
            match roster.iter().find(|e| e.member_no == no) {
                None => {
                    errs.push(format!("会员号 {no} 不在会员名册中"));
                    None
                }
                Some(e) if !name.is_empty() && e.name != name => {
                    errs.push(format!("会员号 {no} 是{}，与姓名“{name}”不符", e.name));
                    None
                }
                Some(e) => Some(e),
            }
        } else if !name.is_empty() {
            let same: Vec<_> = roster.iter().filter(|e| e.name == name).collect();
            match same.len() {
                0 => {
                    errs.push(format!("“{name}”不在会员名册中"));
                    None
                }
                1 => Some(same[0]),
                n => {
                    errs.push(format!("名册中有 {n} 位“{name}”，请填写会员号"));
                    None
                }
            }
        } else {
            errs.push("姓名和会员号都是空的".into());
            None
        };
        if let Some(e) = found {
            if let Some(why) = eligibility::recipient_blocker(&r.kind, e) {
                errs.push(why);
            }
            if already.contains(&e.id) {
                errs.push(format!("{}已在本批名单中", e.name));
            }
            if let Some(first) = seen.get(&e.id) {
                errs.push(format!("{}与第 {first} 行重复", e.name));
            } else {
                seen.insert(e.id, line.row);
            }
        }
        let amount_text = cell(line, "amount");
        let amount = if amount_text.is_empty() {
            match r.default_fen {
                Some(f) => Some(Money::from_fen(f)),
                None => {
                    errs.push("金额不能为空".into());
                    None
                }
            }
        } else {
            match Money::parse(&amount_text) {
                Ok(m) if !m.is_positive() => {
                    errs.push(format!("金额“{amount_text}”应大于零"));
                    None
                }
                Ok(m) if m.decimal().normalize().scale() > 2 => {
                    errs.push(format!("金额“{amount_text}”超过两位小数"));
                    None
                }
                Ok(m) => Some(m),
                Err(_) => {
                    errs.push(format!("金额“{amount_text}”不是有效的金额"));
                    None
                }
            }
        };
        rows.push(ImportRow {
            row: line.row,
            member_id: found.map(|e| e.id),
            member_no: found.map(|e| e.member_no.clone()).unwrap_or(no),
            name: found.map(|e| e.name.clone()).unwrap_or(name),
            amount,
            note: cell(line, "note"),
        });
        errors.extend(errs.into_iter().map(|message| RowError { row: line.row, message }));
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(RowError { row: header.row + 1, message: "表头以下没有领取人".into() });
    }
    Ok((rows, errors))
}

pub fn import_preview(conn: &Connection, a: &ImportArgs) -> Result<ImportPreview> {
    let (rows, errors) = match parse_import(conn, a) {
        Ok(x) => x,
        Err(CoreError::RowErrors(e)) => (Vec::new(), e),
        Err(e) => return Err(e),
    };
    Ok(ImportPreview {
        file_name: a.file_name.clone(),
        count: rows.len(),
        total: rows.iter().filter_map(|r| r.amount).sum(),
        ok: errors.is_empty() && !rows.is_empty(),
        rows,
        errors,
    })
}

/// Add the file's recipients: every row or none (RowErrors names each bad row).
pub fn import(conn: &Connection, a: &ImportArgs, now: &str) -> Result<Batch> {
    editable(conn, a.batch_id, now)?;
    let (rows, errors) = parse_import(conn, a)?;
    if !errors.is_empty() {
        return Err(CoreError::RowErrors(errors));
    }
    for r in rows {
        let (Some(id), Some(m)) = (r.member_id, r.amount) else { continue };
        insert_recipient(conn, a.batch_id, id, m.fen(), &r.note, "import")?;
    }
    get(conn, a.batch_id)
}

/// The import template: 姓名, 会员号, 金额, 备注.
pub fn import_template() -> Result<crate::members::import::FileOut> {
    let bytes = crate::io::xlsx::write_workbook(&[crate::io::xlsx::Sheet {
        name: "领取人".into(),
        title: "慰问发放领取人".into(),
        subtitle: "填写姓名或会员号（同名时必须填会员号）、金额、备注；导入时请删除本行以上的标题行".into(),
        headers: vec![vec![("姓名".into(), 1), ("会员号".into(), 1), ("金额".into(), 1), ("备注".into(), 1)]],
        widths: vec![12.0, 12.0, 12.0, 30.0],
        rows: vec![],
        footer: vec![],
        landscape: false,
    }])?;
    Ok(crate::members::import::FileOut { file_name: "慰问发放领取人模板.xlsx".into(), data_base64: data_encoding::BASE64.encode(&bytes) })
}

// ---------------------------------------------------------------- approval, override, posting

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct IdNote {
    pub id: i64,
    #[serde(default)]
    pub note: Option<String>,
}

/// Submit for the chair's approval (when the book requires it).
pub fn submit(conn: &Connection, id: i64, user_id: i64, now: &str) -> Result<Batch> {
    let b = get(conn, id)?;
    if !matches!(b.status.as_str(), "draft" | "rejected") {
        return Err(CoreError::Conflict(format!("“{}”{}，不能提交审批", b.name, b.status_label)));
    }
    if let Some(p) = b.blockers.first() {
        return Err(CoreError::invalid(format!("请先改正：{p}")));
    }
    conn.execute(
        "UPDATE welfare_batches SET status = 'submitted', submitted_by = ?2, submitted_at = ?3, approval_note = '', updated_at = ?3 WHERE id = ?1",
        params![id, user_id, now],
    )?;
    // Into the chair's one queue (经审 › 支出审批), beside spending vouchers.
    use crate::audit::approval::{self, Submission, KIND_WELFARE_BATCH};
    approval::submit(conn, &Submission { kind: KIND_WELFARE_BATCH, ref_id: id, title: &b.name, amount: b.total, date: b.date }, user_id, now)?;
    get(conn, id)
}

/// The chair's decision taken in the shared approval queue, mirrored onto the batch.
pub fn set_approval_state(conn: &Connection, id: i64, status: &str, decided_by: Option<i64>, decided_at: Option<&str>, note: &str) -> Result<()> {
    if matches!(status, "approved" | "rejected") {
        conn.execute(
            "UPDATE welfare_batches SET status = ?2, approved_by = ?3, approved_at = ?4, approval_note = ?5, updated_at = ?4 WHERE id = ?1 AND status = 'submitted'",
            params![id, status, decided_by, decided_at, note],
        )?;
    }
    Ok(())
}

/// The chair approves (审批) or rejects a submitted batch.
pub fn decide(conn: &Connection, a: &IdNote, approve: bool, chair_id: i64, now: &str) -> Result<Batch> {
    let b = get(conn, a.id)?;
    if b.status != "submitted" {
        return Err(CoreError::Conflict(format!("“{}”{}，不在待审批状态", b.name, b.status_label)));
    }
    let note = a.note.as_deref().unwrap_or("").trim();
    if !approve && note.is_empty() {
        return Err(CoreError::validation("note", "退回时请写明原因"));
    }
    use crate::audit::approval::{self, KIND_WELFARE_BATCH};
    if let Some(live) = approval::live(conn, KIND_WELFARE_BATCH, a.id)?.filter(|l| l.status == "submitted") {
        // The same decision as from the queue: recorded there, mirrored here.
        if approve {
            approval::approve(conn, live.id, note, chair_id, now)?;
        } else {
            approval::reject(conn, live.id, note, chair_id, now)?;
        }
        return get(conn, a.id);
    }
    conn.execute(
        "UPDATE welfare_batches SET status = ?2, approved_by = ?3, approved_at = ?4, approval_note = ?5, updated_at = ?4 WHERE id = ?1",
        params![a.id, if approve { "approved" } else { "rejected" }, chair_id, now, note],
    )?;
    get(conn, a.id)
}

/// Record the chair's written override of the batch's current breaches.
pub fn record_override(conn: &Connection, id: i64, reason: &str, chair_id: i64, recorded_by: i64, now: &str) -> Result<OverrideInfo> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "请写明批准超标发放的理由"));
    }
    if reason.chars().count() > 500 {
        return Err(CoreError::validation("reason", "理由不能超过 500 个字"));
    }
    let r = load_row(conn, id)?;
    let (status, _) = effective_status(conn, &r)?;
    if matches!(status.as_str(), "posted" | "reversed") {
        return Err(CoreError::Conflict(format!("“{}”已记账", r.name)));
    }
    let raw = raw_recipients(conn, id, r.date)?;
    let a = facts_assess(conn, &r, &raw)?;
    if let Some(b) = a.blockers.first() {
        return Err(CoreError::invalid(format!("以下问题不能由主席批准放行，请先改正：{b}")));
    }
    if a.breaches.is_empty() {
        return Err(CoreError::invalid("本批没有超出慰问标准，无需主席批准超标"));
    }
    conn.execute(
        "INSERT INTO welfare_overrides (batch_id, reason, breaches, fingerprint, chair_id, recorded_by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, reason, serde_json::to_string(&a.breaches).expect("json"), fingerprint(&r, &raw), chair_id, recorded_by, now],
    )?;
    let oid = conn.last_insert_rowid();
    let mut o = overrides_of(conn, id)?.into_iter().map(|(o, _)| o).find(|o| o.id == oid).expect("just inserted");
    o.valid = true;
    Ok(o)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PostResult {
    pub batch: Batch,
    pub voucher: VoucherRef,
}

/// Post the batch: one voucher (Dr the expense account / Cr 现金 or 银行存款) through the
/// ledger gateway, linked both ways (voucher.source_ref = "batch:ID", batch.voucher_id).
pub fn post(conn: &Connection, id: i64, user_id: i64, now: &str) -> Result<PostResult> {
    let b = get(conn, id)?;
    if matches!(b.status.as_str(), "posted" | "reversed") {
        return Err(CoreError::Conflict(format!("“{}”已经{}", b.name, b.status_label)));
    }
    if let Some(p) = b.blockers.first() {
        return Err(CoreError::validation("recipients", p.clone()));
    }
    if !b.breaches.is_empty() && b.override_.is_none() {
        return Err(CoreError::validation(
            "override",
            format!(
                "本批有 {} 处超出慰问标准，须由工会主席批准并写明理由后才能记账：{}",
                b.breaches.len(),
                b.breaches.iter().map(|x| x.message.as_str()).collect::<Vec<_>>().join("；")
            ),
        ));
    }
    if let Some(p) = b.post_problems.first() {
        return Err(CoreError::invalid(p.clone()));
    }
    let money_account = first_leaf_under(conn, if b.pay_from == "cash" { "101" } else { "102" })?.code;
    let what = if b.goods.is_empty() { b.form_label.to_string() } else { b.goods.clone() };
    let mut summary = format!("{}（{}，{}人）", b.name, b.kind_label, b.count);
    if summary.chars().count() > posting::SUMMARY_MAX_CHARS {
        summary = summary.chars().take(posting::SUMMARY_MAX_CHARS).collect();
    }
    let memo: String = format!("{what}{}", if b.supplier.is_empty() { String::new() } else { format!("，供应商：{}", b.supplier) })
        .chars()
        .take(posting::SUMMARY_MAX_CHARS)
        .collect();
    let approver = b.approved_by.or(b.override_.as_ref().map(|o| o.chair_id));
    let voucher = posting::post_voucher(
        conn,
        &VoucherInput {
            date: b.date,
            summary,
            attachments_count: 0,
            source: "welfare".into(),
            source_ref: Some(format!("batch:{id}")),
            lines: vec![
                LineInput { account_code: b.account_code.clone(), debit: b.total, credit: Money::ZERO, member_id: None, memo },
                LineInput { account_code: money_account, debit: Money::ZERO, credit: b.total, member_id: None, memo: String::new() },
            ],
            prepared_by: Some(user_id),
            approved_by: approver,
            reverses_id: None,
        },
        user_id,
        now,
    )?;
    conn.execute(
        "UPDATE welfare_batches SET status = 'posted', voucher_id = ?2, posted_by = ?3, posted_at = ?4, updated_at = ?4 WHERE id = ?1",
        params![id, voucher.id, user_id, now],
    )?;
    crate::audit::approval::mark_posted(conn, crate::audit::approval::KIND_WELFARE_BATCH, id, voucher.id)?;
    let batch = get(conn, id)?;
    Ok(PostResult { voucher: batch.voucher.clone().expect("posted"), batch })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct Reverse {
    pub id: i64,
    pub date: NaiveDate,
    pub reason: String,
}

/// Reverse a posted batch: a red-ink reversal of its voucher through the ledger, and the
/// batch marked reversed — its payouts then no longer count against anyone's allowance.
/// A batch whose voucher was already reversed in the ledger is just marked.
pub fn reverse(conn: &Connection, a: &Reverse, user_id: i64, now: &str) -> Result<Batch> {
    let r = load_row(conn, a.id)?;
    if r.status != "posted" {
        return Err(CoreError::Conflict(format!("“{}”{}，不能冲销", r.name, status_label(&r.status))));
    }
    let voucher_id = r.voucher_id.ok_or_else(|| CoreError::Internal("已记账的发放批次没有凭证".into()))?;
    let reason = a.reason.trim();
    if reason.is_empty() {
        return Err(CoreError::validation("reason", "请写明冲销原因"));
    }
    let rev_id = match crate::ledger::get_voucher(conn, voucher_id)?.reversed_by_id {
        Some(existing) => existing,
        None => posting::reverse_voucher_of_module(conn, voucher_id, a.date, reason, user_id, now)?.id,
    };
    conn.execute(
        "UPDATE welfare_batches SET status = 'reversed', reversal_voucher_id = ?2, reversed_reason = ?3, reversed_at = ?4, updated_at = ?4 WHERE id = ?1",
        params![a.id, rev_id, reason, now],
    )?;
    get(conn, a.id)
}

// ---------------------------------------------------------------- sign-for sheet

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignRow {
    pub no: usize,
    pub member_no: String,
    pub name: String,
    pub group: Option<String>,
    /// What the member receives: the goods, or "现金 200.00 元".
    pub content: String,
    pub amount: Money,
    pub note: String,
}

/// What the printed 领取签收表 shows (A4 portrait).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignSheet {
    pub batch_id: i64,
    pub title: String,
    pub union_name: String,
    pub name: String,
    pub kind_label: &'static str,
    pub occasion: String,
    pub date: NaiveDate,
    pub form_label: &'static str,
    pub goods: String,
    pub supplier: String,
    pub status: String,
    pub status_label: &'static str,
    pub rows: Vec<SignRow>,
    pub count: usize,
    pub total: Money,
    /// 大写金额
    pub total_in_words: String,
    pub treasurer_name: String,
    pub chair_name: String,
    pub voucher: Option<VoucherRef>,
}

pub fn sign_sheet(conn: &Connection, id: i64) -> Result<SignSheet> {
    let b = get(conn, id)?;
    let s = crate::book::settings(conn)?;
    let rows = b
        .recipients
        .iter()
        .enumerate()
        .map(|(i, x)| SignRow {
            no: i + 1,
            member_no: x.member_no.clone(),
            name: x.name.clone(),
            group: x.group.clone(),
            content: match b.form.as_str() {
                "cash" => format!("现金 {} 元", x.amount.format_thousands()),
                _ if !b.goods.is_empty() => b.goods.clone(),
                _ => b.form_label.to_string(),
            },
            amount: x.amount,
            note: x.note.clone(),
        })
        .collect();
    Ok(SignSheet {
        batch_id: id,
        title: format!("{}领取签收表", b.name),
        union_name: s.union_name,
        name: b.name,
        kind_label: b.kind_label,
        occasion: b.occasion,
        date: b.date,
        form_label: b.form_label,
        goods: b.goods,
        supplier: b.supplier,
        status: b.status,
        status_label: b.status_label,
        rows,
        count: b.count,
        total: b.total,
        total_in_words: b.total_in_words,
        treasurer_name: s.treasurer_name,
        chair_name: s.chair_name,
        voucher: b.voucher,
    })
}

pub fn sign_sheet_xlsx(conn: &Connection, id: i64) -> Result<crate::members::import::FileOut> {
    use crate::io::xlsx::{write_workbook, Cell, Sheet, SheetRow};
    let s = sign_sheet(conn, id)?;
    let mut rows: Vec<SheetRow> = s
        .rows
        .iter()
        .map(|r| {
            SheetRow::new(vec![
                Cell::Int(r.no as i64),
                Cell::text(&r.member_no),
                Cell::text(&r.name),
                Cell::text(r.group.clone().unwrap_or_default()),
                Cell::text(&r.content),
                Cell::Amount(r.amount),
                Cell::Blank,
                Cell::text(&r.note),
            ])
        })
        .collect();
    rows.push(SheetRow::bold(vec![
        Cell::text("合计"),
        Cell::Blank,
        Cell::text(format!("{} 人", s.count)),
        Cell::Blank,
        Cell::text(format!("大写：{}", s.total_in_words)),
        Cell::Amount(s.total),
        Cell::Blank,
        Cell::Blank,
    ]));
    let mut subtitle = format!("{}　　发放日期：{}　　形式：{}", s.union_name, s.date, s.form_label);
    if !s.supplier.is_empty() {
        subtitle.push_str(&format!("　　供应商：{}", s.supplier));
    }
    let sheet = Sheet {
        name: "领取签收表".into(),
        title: s.title.clone(),
        subtitle,
        headers: vec![["序号", "会员号", "姓名", "工会小组", "发放内容", "金额（元）", "领取人签名", "备注"]
            .iter()
            .map(|h| (h.to_string(), 1))
            .collect()],
        widths: vec![6.0, 9.0, 10.0, 12.0, 22.0, 12.0, 16.0, 14.0],
        rows,
        footer: vec![
            format!("合计：{} 人，金额 ¥{}（大写：{}）", s.count, s.total.format_thousands(), s.total_in_words),
            format!("经办人：{}　　　　审批人（工会主席）：{}　　　　日期：{}", s.treasurer_name, s.chair_name, s.date),
        ],
        landscape: false,
    };
    let bytes = write_workbook(&[sheet])?;
    Ok(crate::members::import::FileOut { file_name: format!("{}.xlsx", s.title), data_base64: data_encoding::BASE64.encode(&bytes) })
}
