//! A draft batch's recipients: picked by a selection rule (with a preview of the
//! candidates), added or removed by hand, and their amounts.

use crate::welfare::eligibility;
use super::draft::{check_amount, editable};
use super::model::{get, Batch};
use crate::error::{CoreError, Result};
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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

pub(super) fn insert_recipient(conn: &Connection, batch_id: i64, member_id: i64, fen: i64, note: &str, source: &str) -> Result<()> {
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
