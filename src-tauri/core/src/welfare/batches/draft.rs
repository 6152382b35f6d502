//! Creating, editing and discarding a draft batch (its header: kind, name, date, form,
//! payment, account, default amount), and the rule that an edit sends a submitted or
//! approved batch back to draft.

use crate::welfare::rules;
use super::import::{import, FileInput, ImportArgs};
use super::model::{effective_status, get, load_row, Batch, Row};
use super::recipients::{add_by_rule, add_recipients, AddByRule, AddRecipients, RecipientInput};
use crate::error::{CoreError, Result};
use crate::ledger::entry::first_leaf_under;
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Deserialize;

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

pub(super) fn check_amount(field: &str, m: Money) -> Result<()> {
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
    let pay_from = crate::ledger::parse_via(Some(&a.pay_from), "bank").map_err(|_| {
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
pub(super) fn editable(conn: &Connection, id: i64, now: &str) -> Result<Row> {
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
        crate::workflow::approval::withdraw(conn, crate::workflow::approval::KIND_WELFARE_BATCH, id)?;
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
