//! Who may receive a payout, and what a batch breaks.
//!
//! Selection rules pick recipients from the roll as it stood on the batch date. The checks
//! then sort every problem into one of two kinds:
//!
//! - **Blockers** — never overridable: a recipient who is not a member on the batch date;
//!   hardship aid (困难帮扶) to a member without an open hardship file; a zero amount; an
//!   empty batch. (Shopping cards and vouchers are refused even earlier: such a batch cannot
//!   be saved.) These rules protect the union's money from going outside the union or to the
//!   wrong purpose; no signature makes that right, so the fix is to correct the batch (or
//!   open the hardship file first).
//! - **Breaches** — provincial spending rules that the chair may override with a written
//!   reason (domain §1.6: caps differ by province and are often "一般不超过"): a per-member
//!   cap exceeded (this year's allowance, or the per-event cap), and cash for a festival,
//!   三八 or birthday gift (every provincial rule found forbids it, but it is provincial, and
//!   Shanxi allows 慰问金). The override is stored and listed for the audit committee.

use super::rules::{self, Rule};
use crate::error::{CoreError, Result};
use crate::members::roster::{roster_on, RosterEntry};
use crate::money::Money;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Selection rules: (code, label).
pub const SELECTION_RULES: &[(&str, &str)] = &[
    ("all", "全体在会会员"),
    ("women", "女会员（三八节）"),
    ("children", "有 14 岁以下子女的会员（6 月 1 日）"),
    ("birthday", "某月过生日的会员"),
    ("retirees", "退休会员（保留会籍）"),
    ("hardship", "建有困难职工档案的会员"),
    ("group", "某个工会小组的在会会员"),
];

/// Whether a child born on `birth` is under 14 on 1 June of `year` (六一).
pub fn child_under_14_on_june_1(birth: NaiveDate, year: i32) -> bool {
    let june1 = NaiveDate::from_ymd_opt(year, 6, 1).expect("date");
    let fourteenth = NaiveDate::from_ymd_opt(birth.year() + 14, birth.month(), birth.day())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(birth.year() + 14, 3, 1).expect("date")); // 29 Feb → 1 Mar
    birth <= june1 && fourteenth > june1
}

/// Members picked by a rule on `date`, in member-number order.
/// `arg`: the month (1–12) for "birthday" (default the batch's month); the group id or name
/// for "group".
pub fn select(conn: &Connection, rule: &str, arg: Option<&str>, date: NaiveDate) -> Result<Vec<RosterEntry>> {
    let rule = rule.trim();
    let arg = arg.map(str::trim).filter(|s| !s.is_empty());
    let roster = roster_on(conn, date)?;
    let active = |e: &RosterEntry| e.status == Some("active");
    let picked: Vec<RosterEntry> = match rule {
        "all" | "全体" | "全体会员" => roster.into_iter().filter(active).collect(),
        "women" | "女会员" | "女职工" => roster.into_iter().filter(|e| active(e) && e.gender == "女").collect(),
        "children" | "六一" | "子女" => roster
            .into_iter()
            .filter(|e| active(e) && e.children_birth_dates.iter().any(|b| child_under_14_on_june_1(*b, date.year())))
            .collect(),
        "birthday" | "生日" => {
            let month: u32 = match arg {
                None => date.month(),
                Some(a) => a
                    .trim_end_matches('月')
                    .parse()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(|| CoreError::validation("rule_arg", format!("生日月份应为 1–12，不能是“{a}”")))?,
            };
            roster.into_iter().filter(|e| active(e) && e.birth_date.is_some_and(|b| b.month() == month)).collect()
        }
        "retirees" | "退休" | "退休会员" => roster.into_iter().filter(|e| e.status == Some("retired")).collect(),
        "hardship" | "困难职工" => roster.into_iter().filter(|e| e.in_membership && e.hardship_open).collect(),
        "group" | "小组" | "工会小组" => {
            let a = arg.ok_or_else(|| CoreError::validation("rule_arg", "请指定工会小组（编号或名称）"))?;
            let groups = crate::members::groups::list(conn)?;
            let g = groups
                .iter()
                .find(|g| g.id.to_string() == a || g.name == a)
                .ok_or_else(|| CoreError::validation("rule_arg", format!("找不到工会小组“{a}”")))?;
            roster.into_iter().filter(|e| active(e) && e.group_id == Some(g.id)).collect()
        }
        other => {
            return Err(CoreError::validation(
                "rule",
                format!(
                    "未知的选人规则“{other}”（可选：{}）",
                    SELECTION_RULES.iter().map(|(c, l)| format!("{c} {l}")).collect::<Vec<_>>().join("、")
                ),
            ))
        }
    };
    Ok(picked)
}

/// Why a member cannot receive this kind of payout on this date (a blocker), if at all.
pub fn recipient_blocker(kind: &str, e: &RosterEntry) -> Option<String> {
    let member_ok = e.in_membership || (kind == "death_member" && e.status == Some("deceased"));
    if !member_ok {
        return Some(format!(
            "{}（{}）在发放日不是会员（{}），工会经费只能发给会员",
            e.name, e.member_no, e.status_label
        ));
    }
    if kind == "hardship" && !e.hardship_open {
        return Some(format!("{}（{}）没有在发放日有效的困难职工档案，困难帮扶只能发给建档的困难职工，请先建档", e.name, e.member_no));
    }
    None
}

/// A batch as the checks see it.
pub struct BatchFacts<'a> {
    pub id: Option<i64>,
    pub kind: &'a str,
    pub date: NaiveDate,
    pub form: &'a str,
    /// (member_id, amount)
    pub recipients: &'a [(i64, Money)],
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RecipientCheck {
    pub member_id: i64,
    /// The cap in force (None: no rule for this province and item).
    pub cap: Option<Money>,
    /// Paid to this member this year in other posted batches of the same item (year caps).
    pub used_this_year: Money,
    /// Allowance left before this batch (cap − used), None without a cap.
    pub left: Option<Money>,
    /// Allowance left after this batch (may be negative = over the cap).
    pub left_after: Option<Money>,
    /// Over the cap (overridable by the chair).
    pub breach: Option<String>,
    /// Not allowed at all (not overridable).
    pub blocker: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, ts_rs::TS)]
pub struct Breach {
    /// "cap" | "cash"
    pub rule: String,
    pub member_id: Option<i64>,
    pub member_name: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub province: String,
    /// The spending rule in force for this kind, province and date.
    pub rule: Option<Rule>,
    pub recipients: Vec<RecipientCheck>,
    /// Overridable by the chair with a written reason.
    pub breaches: Vec<Breach>,
    /// Never overridable; fix the batch.
    pub blockers: Vec<String>,
}

/// Whether a posted batch's voucher still stands (not reversed in the ledger).
pub(crate) fn voucher_stands(conn: &Connection, voucher_id: Option<i64>) -> Result<bool> {
    match voucher_id {
        None => Ok(false),
        Some(v) => Ok(crate::ledger::get_voucher(conn, v)?.reversed_by_id.is_none()),
    }
}

/// Per member, what live (posted, not reversed) batches of these kinds paid in `year`,
/// leaving out batch `except`.
pub fn paid_in_year(conn: &Connection, kinds: &[&str], year: i32, except: Option<i64>) -> Result<HashMap<i64, Money>> {
    let placeholders = (0..kinds.len()).map(|i| format!("?{}", i + 3)).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT b.id, b.voucher_id, r.member_id, r.amount_fen FROM welfare_recipients r JOIN welfare_batches b ON b.id = r.batch_id
         WHERE b.status = 'posted' AND substr(b.date, 1, 4) = ?1 AND b.id IS NOT ?2 AND b.kind IN ({placeholders})"
    );
    let mut args: Vec<rusqlite::types::Value> = vec![format!("{year:04}").into(), except.into()];
    args.extend(kinds.iter().map(|k| rusqlite::types::Value::from(k.to_string())));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(args), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stands: HashMap<i64, bool> = HashMap::new();
    let mut out: HashMap<i64, Money> = HashMap::new();
    for (batch, voucher, member, fen) in rows {
        let live = match stands.get(&batch) {
            Some(s) => *s,
            None => {
                let s = voucher_stands(conn, voucher)?;
                stands.insert(batch, s);
                s
            }
        };
        if live {
            *out.entry(member).or_insert(Money::ZERO) += Money::from_fen(fen);
        }
    }
    Ok(out)
}

/// Kinds counted against a rule item.
pub fn kinds_of_item(item: &str) -> Vec<&'static str> {
    rules::KINDS.iter().filter(|k| k.item == Some(item)).map(|k| k.code).collect()
}

/// Check a batch: allowance left per recipient, breaches and blockers.
pub fn assess(conn: &Connection, b: &BatchFacts) -> Result<Assessment> {
    let province = crate::book::settings(conn)?.province;
    let kind = rules::kind(b.kind)?;
    let rule = match kind.item {
        Some(item) => rules::applicable(conn, &province, item, b.date)?,
        None => None,
    };
    let used = match (&rule, kind.item) {
        (Some(r), Some(item)) if r.per == "year" => paid_in_year(conn, &kinds_of_item(item), b.date.year(), b.id)?,
        _ => HashMap::new(),
    };
    let roster: HashMap<i64, RosterEntry> = roster_on(conn, b.date)?.into_iter().map(|e| (e.id, e)).collect();
    let mut checks = Vec::with_capacity(b.recipients.len());
    let mut breaches = Vec::new();
    let mut blockers = Vec::new();
    if b.recipients.is_empty() {
        blockers.push("发放名单是空的，请先选择领取人".to_string());
    }
    if kind.no_cash && b.form == "cash" {
        breaches.push(Breach {
            rule: "cash".into(),
            member_id: None,
            member_name: None,
            message: format!("{}不应发放现金（各省实施办法均要求发放实物或提货凭证）", kind.label),
        });
    }
    for (member_id, amount) in b.recipients {
        let entry = roster.get(member_id);
        let name = entry.map(|e| e.name.clone()).unwrap_or_default();
        let mut blocker = match entry {
            None => Some(format!("会员（编号 {member_id}）不存在")),
            Some(e) => recipient_blocker(kind.code, e),
        };
        if blocker.is_none() && !amount.is_positive() {
            blocker = Some(format!("{name}的发放金额为零，请填写金额或从名单中移除"));
        }
        let u = used.get(member_id).copied().unwrap_or(Money::ZERO);
        let (cap, left, left_after, breach) = match &rule {
            None => (None, None, None, None),
            Some(r) if r.per == "year" => {
                let left = r.cap - u;
                let after = left - *amount;
                let breach = after.is_negative().then(|| {
                    format!(
                        "{name}本年{}已领 {} 元，本次 {} 元，合计超过{}{}每人每年 {} 元的标准 {} 元",
                        rules::item_label(&r.item),
                        u.format_thousands(),
                        amount.format_thousands(),
                        r.province,
                        if r.item == "festival" { "节日慰问" } else { "" },
                        r.cap.format_thousands(),
                        after.abs().format_thousands()
                    )
                });
                (Some(r.cap), Some(left), Some(after), breach)
            }
            Some(r) => {
                let after = r.cap - *amount;
                let breach = after.is_negative().then(|| {
                    format!(
                        "{name}本次 {} 元，超过{}{}每人每次 {} 元的标准",
                        amount.format_thousands(),
                        r.province,
                        rules::item_label(&r.item),
                        r.cap.format_thousands()
                    )
                });
                (Some(r.cap), Some(r.cap), Some(after), breach)
            }
        };
        if let Some(m) = &breach {
            breaches.push(Breach { rule: "cap".into(), member_id: Some(*member_id), member_name: Some(name.clone()), message: m.clone() });
        }
        if let Some(m) = &blocker {
            blockers.push(m.clone());
        }
        checks.push(RecipientCheck { member_id: *member_id, cap, used_this_year: u, left, left_after, breach, blocker });
    }
    Ok(Assessment { province, rule, recipients: checks, breaches, blockers })
}

/// The recipient check for a member about to be added by hand or import: a blocker message.
pub fn check_new_recipient(conn: &Connection, kind: &str, date: NaiveDate, member_id: i64) -> Result<Option<String>> {
    let e = crate::members::roster::entry_on(conn, member_id, date)?;
    Ok(recipient_blocker(kind, &e))
}

/// Members already in a batch.
pub(crate) fn members_in_batch(conn: &Connection, batch_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT member_id FROM welfare_recipients WHERE batch_id = ?1")?;
    let v = stmt.query_map(params![batch_id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_child_counts_for_june_first_until_the_day_before_its_fourteenth_birthday() {
        assert!(child_under_14_on_june_1(d("2012-06-02"), 2026)); // 14 on 2026-06-02
        assert!(!child_under_14_on_june_1(d("2012-06-01"), 2026)); // 14 that very day
        assert!(!child_under_14_on_june_1(d("2012-01-01"), 2026));
        assert!(child_under_14_on_june_1(d("2026-05-31"), 2026));
        assert!(!child_under_14_on_june_1(d("2026-06-02"), 2026)); // not yet born
    }
}
