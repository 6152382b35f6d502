//! What a payout is (its kind, form and default expense account) and the spending rules
//! table: caps per province, item and effective date, each with its source.
//!
//! Rules that are always enforced live in [`super::eligibility`]; this file holds the
//! vocabulary and the editable table.

use crate::error::{CoreError, Result};
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// One payout kind: (code, label, default expense account, rule item it counts against,
/// whether it is a gift where cash is not allowed).
pub struct Kind {
    pub code: &'static str,
    pub label: &'static str,
    pub account: &'static str,
    pub item: Option<&'static str>,
    pub no_cash: bool,
}

/// Payout kinds. Accounts per the 2021 chart (domain §2.4): festival, birthday, weddings and
/// funerals, retirement and hospital visits → 50105 会员活动支出; hardship grants → 50404;
/// 送温暖 / 金秋助学 / 夏送清凉 → 50405; prizes of sports and cultural events → 50102.
/// 三八妇女节 gifts count against the festival allowance (as most provincial rules treat them).
pub const KINDS: &[Kind] = &[
    Kind { code: "festival", label: "节日慰问", account: "50105", item: Some("festival"), no_cash: true },
    Kind { code: "womens_day", label: "三八妇女节慰问", account: "50105", item: Some("festival"), no_cash: true },
    Kind { code: "birthday", label: "生日慰问", account: "50105", item: Some("birthday"), no_cash: true },
    Kind { code: "wedding", label: "结婚慰问", account: "50105", item: Some("wedding"), no_cash: false },
    Kind { code: "childbirth", label: "生育慰问", account: "50105", item: Some("childbirth"), no_cash: false },
    Kind { code: "sick", label: "生病住院慰问", account: "50105", item: Some("sick"), no_cash: false },
    Kind { code: "death_member", label: "会员去世慰问", account: "50105", item: Some("death_member"), no_cash: false },
    Kind { code: "death_relative", label: "直系亲属去世慰问", account: "50105", item: Some("death_relative"), no_cash: false },
    Kind { code: "retirement", label: "退休慰问", account: "50105", item: Some("retirement"), no_cash: false },
    Kind { code: "hardship", label: "困难帮扶", account: "50404", item: Some("hardship"), no_cash: false },
    Kind { code: "warmth", label: "送温暖", account: "50405", item: None, no_cash: false },
    Kind { code: "study_aid", label: "金秋助学", account: "50405", item: None, no_cash: false },
    Kind { code: "summer", label: "夏送清凉（防暑降温）", account: "50405", item: None, no_cash: false },
    Kind { code: "sports_prize", label: "文体活动奖品", account: "50102", item: None, no_cash: false },
    Kind { code: "other", label: "其他", account: "50106", item: None, no_cash: false },
];

/// Kinds that are aid (帮扶) and so appear in a member's hardship file.
pub const AID_KINDS: &[&str] = &["hardship", "warmth", "study_aid"];

/// Statutory festivals (domain §1.4), offered as the occasion of a festival batch.
pub const FESTIVALS: &[&str] = &["元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆"];

/// Rule items: (code, label).
pub const ITEMS: &[(&str, &str)] = &[
    ("festival", "节日慰问品（含三八节）"),
    ("birthday", "生日慰问"),
    ("wedding", "结婚慰问"),
    ("childbirth", "生育慰问"),
    ("sick", "生病住院慰问"),
    ("death_member", "会员去世慰问"),
    ("death_relative", "直系亲属去世慰问"),
    ("retirement", "退休慰问"),
    ("hardship", "困难帮扶"),
];

/// Forms a payout may take: (code, label).
pub const FORMS: &[(&str, &str)] = &[("goods", "实物"), ("cash", "现金"), ("ticket", "电影票/提货券等")];

pub fn kind(code: &str) -> Result<&'static Kind> {
    let c = code.trim();
    KINDS
        .iter()
        .find(|k| k.code == c || k.label == c)
        .or_else(|| match c {
            "三八" | "三八节" | "妇女节" => KINDS.iter().find(|k| k.code == "womens_day"),
            "节日" => KINDS.iter().find(|k| k.code == "festival"),
            "生日" => KINDS.iter().find(|k| k.code == "birthday"),
            "住院" | "生病" => KINDS.iter().find(|k| k.code == "sick"),
            "退休" => KINDS.iter().find(|k| k.code == "retirement"),
            "助学" => KINDS.iter().find(|k| k.code == "study_aid"),
            "夏送清凉" | "防暑降温" => KINDS.iter().find(|k| k.code == "summer"),
            "文体奖品" | "奖品" => KINDS.iter().find(|k| k.code == "sports_prize"),
            _ => None,
        })
        .ok_or_else(|| {
            CoreError::validation(
                "kind",
                format!("未知的慰问类型“{c}”（可选：{}）", KINDS.iter().map(|k| k.label).collect::<Vec<_>>().join("、")),
            )
        })
}

pub fn kind_label(code: &str) -> &'static str {
    KINDS.iter().find(|k| k.code == code).map(|k| k.label).unwrap_or("")
}

pub fn item_label(code: &str) -> &'static str {
    ITEMS.iter().find(|(c, _)| *c == code).map(|(_, l)| *l).unwrap_or("")
}

pub fn form_label(code: &str) -> &'static str {
    FORMS.iter().find(|(c, _)| *c == code).map(|(_, l)| *l).unwrap_or("")
}

/// Words that name a shopping card or a cash voucher, refused in any form or goods text.
const CARD_WORDS: &[&str] = &["购物卡", "代金券", "储值卡", "充值卡", "礼品卡", "消费卡", "提货卡", "商场卡", "超市卡", "shopping_card", "voucher"];

pub const CARD_REFUSAL: &str =
    "工会经费不得购买、发放购物卡或代金券（全总 2014 年通知及各省实施办法），请改为实物或指定商品的提货凭证（如电影票、蛋糕券）";

/// The form code for what the user typed. Shopping cards and vouchers are refused outright.
pub fn parse_form(s: &str) -> Result<&'static str> {
    let s = s.trim();
    if CARD_WORDS.iter().any(|w| s.contains(w)) || s == "卡" || s == "券" {
        return Err(CoreError::validation("form", CARD_REFUSAL));
    }
    let found = FORMS.iter().find(|(c, l)| *c == s || *l == s).map(|(c, _)| *c).or(match s {
        "实物" | "物品" | "慰问品" => Some("goods"),
        "现金" | "慰问金" | "转账" => Some("cash"),
        "电影票" | "票券" | "电影票等" | "提货券" | "蛋糕券" | "门票" => Some("ticket"),
        _ => None,
    });
    found.ok_or_else(|| CoreError::validation("form", format!("未知的发放形式“{s}”（可选：实物、现金、电影票/提货券等）")))
}

/// Refuse a goods description that is really a shopping card.
pub fn check_goods_text(goods: &str) -> Result<()> {
    if CARD_WORDS.iter().any(|w| goods.contains(w)) {
        return Err(CoreError::validation("goods", CARD_REFUSAL));
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Rule {
    pub id: i64,
    pub province: String,
    pub item: String,
    pub item_label: &'static str,
    pub effective_from: NaiveDate,
    pub cap: Money,
    /// "year": per member per calendar year; "event": per payout.
    pub per: String,
    pub per_label: &'static str,
    pub source: String,
    pub note: String,
    pub active: bool,
}

fn per_label(per: &str) -> &'static str {
    if per == "year" {
        "每人每年"
    } else {
        "每人每次"
    }
}

const SELECT: &str = "SELECT id, province, item, effective_from, cap_fen, per, source, note, active FROM welfare_rules";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Rule> {
    let item: String = r.get(2)?;
    let per: String = r.get(5)?;
    Ok(Rule {
        id: r.get(0)?,
        province: r.get(1)?,
        item_label: item_label(&item),
        item,
        effective_from: crate::members::date_col(r.get(3)?),
        cap: Money::from_fen(r.get(4)?),
        per_label: per_label(&per),
        per,
        source: r.get(6)?,
        note: r.get(7)?,
        active: r.get::<_, i64>(8)? == 1,
    })
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct RuleFilter {
    /// One province; default all.
    #[serde(default)]
    pub province: Option<String>,
}

pub fn list(conn: &Connection, f: &RuleFilter) -> Result<Vec<Rule>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE (?1 IS NULL OR province = ?1) ORDER BY province, item, effective_from"
    ))?;
    let p = f.province.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let rows = stmt.query_map([p], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<Rule> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("慰问标准（编号 {id}）")))
}

/// The rule in force for an item in a province on a date: the active one with the latest
/// effective date on or before it.
pub fn applicable(conn: &Connection, province: &str, item: &str, date: NaiveDate) -> Result<Option<Rule>> {
    Ok(conn
        .query_row(
            &format!(
                "{SELECT} WHERE province = ?1 AND item = ?2 AND effective_from <= ?3 AND active = 1
                 ORDER BY effective_from DESC LIMIT 1"
            ),
            params![province, item, date.to_string()],
            row,
        )
        .optional()?)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct RuleInput {
    pub province: String,
    pub item: String,
    pub effective_from: NaiveDate,
    pub cap: Money,
    /// "year" (default) or "event".
    #[serde(default)]
    pub per: Option<String>,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub source: String,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub note: String,
    #[serde(default)]
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct RuleUpdate {
    pub id: i64,
    #[serde(flatten)]
    pub input: RuleInput,
}

struct Checked {
    province: String,
    item: &'static str,
    per: &'static str,
    cap_fen: i64,
    source: String,
    note: String,
}

fn check(a: &RuleInput) -> Result<Checked> {
    let province = a.province.trim().to_string();
    if !crate::book::PROVINCES.contains(&province.as_str()) {
        return Err(CoreError::validation("province", format!("未知的省份“{province}”")));
    }
    let item = ITEMS
        .iter()
        .find(|(c, l)| *c == a.item.trim() || *l == a.item.trim())
        .map(|(c, _)| *c)
        .ok_or_else(|| CoreError::validation("item", format!("未知的慰问项目“{}”", a.item.trim())))?;
    let per = match a.per.as_deref().map(str::trim).unwrap_or("year") {
        "year" | "每人每年" | "" => "year",
        "event" | "每人每次" | "每次" => "event",
        other => return Err(CoreError::validation("per", format!("限额口径应为 year（每人每年）或 event（每人每次），不能是“{other}”"))),
    };
    if a.cap.is_negative() || a.cap.decimal().normalize().scale() > 2 {
        return Err(CoreError::validation("cap", "限额应为不小于零、最多两位小数的金额"));
    }
    let source = a.source.trim().to_string();
    if source.is_empty() {
        return Err(CoreError::validation("source", "请注明标准的出处（文件名称、文号或网址）"));
    }
    Ok(Checked { province, item, per, cap_fen: a.cap.fen(), source, note: a.note.trim().to_string() })
}

fn clash(conn: &Connection, c: &Checked, date: NaiveDate, id: Option<i64>) -> Result<()> {
    let other: Option<i64> = conn
        .query_row(
            "SELECT id FROM welfare_rules WHERE province = ?1 AND item = ?2 AND effective_from = ?3 AND id IS NOT ?4",
            params![c.province, c.item, date.to_string(), id],
            |r| r.get(0),
        )
        .optional()?;
    if other.is_some() {
        return Err(CoreError::Conflict(format!(
            "{}“{}”自 {date} 起的标准已经存在，请修改那一条",
            c.province,
            item_label(c.item)
        )));
    }
    Ok(())
}

pub fn add(conn: &Connection, a: &RuleInput) -> Result<Rule> {
    let c = check(a)?;
    clash(conn, &c, a.effective_from, None)?;
    conn.execute(
        "INSERT INTO welfare_rules (province, item, effective_from, cap_fen, per, source, note, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![c.province, c.item, a.effective_from.to_string(), c.cap_fen, c.per, c.source, c.note, a.active.unwrap_or(true) as i64],
    )?;
    get(conn, conn.last_insert_rowid())
}

/// Correct a rule. A new standard from a later date should be added as a new row instead,
/// so batches already checked against the old one keep their meaning.
pub fn update(conn: &Connection, u: &RuleUpdate) -> Result<Rule> {
    get(conn, u.id)?;
    let c = check(&u.input)?;
    clash(conn, &c, u.input.effective_from, Some(u.id))?;
    conn.execute(
        "UPDATE welfare_rules SET province = ?2, item = ?3, effective_from = ?4, cap_fen = ?5, per = ?6, source = ?7, note = ?8,
             active = ?9 WHERE id = ?1",
        params![
            u.id,
            c.province,
            c.item,
            u.input.effective_from.to_string(),
            c.cap_fen,
            c.per,
            c.source,
            c.note,
            u.input.active.unwrap_or(true) as i64
        ],
    )?;
    get(conn, u.id)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct KindInfo {
    pub code: &'static str,
    pub label: &'static str,
    pub account: &'static str,
    pub item: Option<&'static str>,
    pub no_cash: bool,
    pub aid: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Vocabulary {
    pub kinds: Vec<KindInfo>,
    pub forms: Vec<(&'static str, &'static str)>,
    pub items: Vec<(&'static str, &'static str)>,
    pub festivals: Vec<&'static str>,
    pub selection_rules: Vec<(&'static str, &'static str)>,
    /// Refused forms, with the reason.
    pub refused_forms: Vec<&'static str>,
    pub refusal: &'static str,
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        kinds: KINDS
            .iter()
            .map(|k| KindInfo { code: k.code, label: k.label, account: k.account, item: k.item, no_cash: k.no_cash, aid: AID_KINDS.contains(&k.code) })
            .collect(),
        forms: FORMS.to_vec(),
        items: ITEMS.to_vec(),
        festivals: FESTIVALS.to_vec(),
        selection_rules: super::eligibility::SELECTION_RULES.to_vec(),
        refused_forms: vec!["购物卡", "代金券"],
        refusal: CARD_REFUSAL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shopping_cards_are_refused_in_any_spelling() {
        assert!(parse_form("购物卡").is_err());
        assert!(parse_form("超市购物卡").is_err());
        assert!(parse_form("代金券").is_err());
        assert_eq!(parse_form("实物").unwrap(), "goods");
        assert_eq!(parse_form("电影票等").unwrap(), "ticket");
        assert!(check_goods_text("大米、食用油").is_ok());
        assert!(check_goods_text("超市储值卡 200 元").is_err());
    }

    #[test]
    fn every_kind_has_an_account_in_the_2021_chart() {
        for k in KINDS {
            assert!(k.account.starts_with("50"), "{}", k.code);
        }
        assert_eq!(kind("三八").unwrap().code, "womens_day");
    }
}
