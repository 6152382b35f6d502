//! The public finance notice (财务收支公示) for a month, a quarter or a year: one data
//! structure ([`NoticeData`]) built only from the books, rendered as JSON (`notice_data`) and
//! as a self-contained A4 HTML page (`notice_html`, see [`html`]) — the same struct, so the two
//! always agree.
//!
//! Where each figure comes from:
//! - income and spending: the 收入支出表 ([`income_statement`]) — posted vouchers, the
//!   year-end 结转 left out; the period's column is the sum of its months' 本月数, 本年累计 is
//!   the last month's;
//! - budget and 执行率: [`crate::budget::report`] through the last month;
//! - balances: 库存现金 (101) and 银行存款 (102) at the end of the month before and of the
//!   last month, as in the 科目余额表. When money moved without being income or spending
//!   (e.g. the upper union's share of the 2% levy still to pay over), the difference is shown
//!   as its own line, so 上月结余 + 收入 − 支出 ± 往来 = 本月结余 always holds to the fen;
//! - dues: [`crate::dues::summary`] per month;
//! - payouts: [`payouts_for`] (welfare batches: totals and head-counts only);
//! - fingerprint: the chain head stored when the last month was closed (current head while open).
//!
//! Privacy (domain §6): nothing here reads ID numbers, phones, illnesses or hardship reasons,
//! and no member is named; if names are ever shown they go through [`mask_name`].

pub mod commands;
pub mod html;

use crate::book;
use crate::error::{CoreError, Result};
use crate::ledger::chart::AccountClass;
use crate::ledger::periods;
use crate::ledger::reports::{income_statement, months, prev_period, IncomeStatement};
use crate::money::Money;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Settings keys of the notice (signature names, publication window, contact).
pub const KEY_PREPARER: &str = "notice_preparer";
pub const KEY_CHAIR: &str = "notice_chair";
pub const KEY_AUDIT_DIRECTOR: &str = "notice_audit_director";
pub const KEY_WINDOW_DAYS: &str = "notice_window_days";
pub const KEY_CONTACT: &str = "notice_contact";
pub const DEFAULT_WINDOW_DAYS: i64 = 7;

/// What span a notice covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    Month,
    Quarter,
    Year,
}

/// A parsed period: "2026-10", "2026-Q3" or "2026".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticePeriod {
    pub kind: NoticeKind,
    pub year: i32,
    /// First and last month, "YYYY-MM".
    pub from: String,
    pub to: String,
    /// "2026年10月", "2026年第三季度", "2026年度"
    pub label: String,
    /// "本月" / "本季度" / "本年"
    pub current_label: &'static str,
    /// "上月" / "上季度" / "上年"
    pub previous_label: &'static str,
}

pub fn parse_period(s: &str) -> Result<NoticePeriod> {
    let s = s.trim();
    let bad = || {
        CoreError::validation("period", format!("公示期间“{s}”格式不正确，应为 YYYY-MM（月）、YYYY-Qn（季度）或 YYYY（年）"))
    };
    let year: i32 = s.get(0..4).and_then(|y| y.parse().ok()).filter(|y| (1900..=9999).contains(y)).ok_or_else(bad)?;
    if s.len() == 4 {
        return Ok(NoticePeriod {
            kind: NoticeKind::Year,
            year,
            from: format!("{year:04}-01"),
            to: format!("{year:04}-12"),
            label: format!("{year}年度"),
            current_label: "本年",
            previous_label: "上年",
        });
    }
    let rest = s.get(4..).ok_or_else(bad)?;
    if let Some(q) = rest.strip_prefix("-Q").or_else(|| rest.strip_prefix("-q")) {
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q)).ok_or_else(bad)?;
        let names = ["一", "二", "三", "四"];
        return Ok(NoticePeriod {
            kind: NoticeKind::Quarter,
            year,
            from: format!("{year:04}-{:02}", q * 3 - 2),
            to: format!("{year:04}-{:02}", q * 3),
            label: format!("{year}年第{}季度", names[(q - 1) as usize]),
            current_label: "本季度",
            previous_label: "上季度",
        });
    }
    let first = book::parse_month(s).map_err(|_| bad())?;
    let p = format!("{year:04}-{:02}", first.month());
    Ok(NoticePeriod {
        kind: NoticeKind::Month,
        year,
        from: p.clone(),
        to: p,
        label: format!("{year}年{}月", first.month()),
        current_label: "本月",
        previous_label: "上月",
    })
}

/// One line of the income or spending table.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeLine {
    pub code: String,
    pub name: String,
    /// 1 = category (first-level account), 2 = sub-item.
    pub level: usize,
    /// 用途 as entered with the budget line (empty if none).
    pub purpose: String,
    /// This month / quarter / year.
    pub current: Money,
    /// 本年累计
    pub ytd: Money,
    /// 年度预算 (adjusted, as of the last month); null without a budget.
    pub budget: Option<Money>,
    /// 执行率 in percent, one decimal ("45.3"); null without a budget.
    pub execution: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeTotal {
    pub current: Money,
    pub ytd: Money,
    pub budget: Option<Money>,
    pub execution: Option<String>,
    /// 大写 of `current`.
    pub current_upper: String,
    /// 大写 of `ytd`.
    pub ytd_upper: String,
}

/// 资金结余: cash and bank, as in the 科目余额表.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeBalances {
    /// 上月结余 = opening_cash + opening_bank
    pub opening: Money,
    pub opening_cash: Money,
    pub opening_bank: Money,
    pub income: Money,
    pub spending: Money,
    /// Money in or out that was neither income nor spending (代收代付、应付上级经费等往来款项),
    /// so that opening + income − spending + other = closing.
    pub other: Money,
    /// 本月结余 = closing_cash + closing_bank
    pub closing: Money,
    pub closing_cash: Money,
    pub closing_bank: Money,
    pub closing_upper: String,
}

/// One welfare payout batch on the notice: totals and head-counts, never names.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct PayoutLine {
    /// The batch's title, e.g. "2026年中秋节慰问".
    pub batch: String,
    /// Its type, e.g. "节日慰问", "困难帮扶", "送温暖".
    pub kind: String,
    pub head_count: i64,
    pub total: Money,
}

/// Welfare payouts made from `from` to `to` (inclusive), one line per posted batch (reversed
/// batches left out). Keeps to domain §6: totals and head-counts only — no names, so hardship
/// aid (困难帮扶, 50404) and 送温暖 (50405) are never identifiable here.
pub fn payouts_for(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<PayoutLine>> {
    Ok(crate::welfare::history::posted_between(conn, from, to)?
        .into_iter()
        .map(|b| PayoutLine { batch: b.name, kind: b.kind_label.to_string(), head_count: b.head_count, total: b.total })
        .collect())
}

/// A name as it may appear on a public notice: the first and last character kept, the middle
/// hidden — 张三 → 张*, 张三丰 → 张*丰, 欧阳小明 → 欧**明.
pub fn mask_name(name: &str) -> String {
    let chars: Vec<char> = name.trim().chars().collect();
    match chars.len() {
        0 => String::new(),
        1 => chars[0].to_string(),
        2 => format!("{}*", chars[0]),
        n => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeDuesMonth {
    pub month: String,
    pub liable: i64,
    pub paid_members: i64,
    pub charged: Money,
    pub paid: Money,
    pub collected: Money,
}

/// 会费收缴. For a quarter or a year the counts are 人次 (member-months).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeDues {
    /// 应缴人数 (人次 over several months)
    pub liable: i64,
    /// 已缴清人数
    pub paid_members: i64,
    /// 应缴金额 for the period's months
    pub charged: Money,
    /// of which paid so far
    pub paid: Money,
    /// 会费实收: payments received in the period (what reached 401 会费收入)
    pub collected: Money,
    /// "人" for a month, "人次" for several
    pub unit: &'static str,
    pub months: Vec<NoticeDuesMonth>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeSignatures {
    /// 经办人（制表）
    pub preparer: String,
    /// 工会主席
    pub chair: String,
    /// 经审会主任
    pub audit_director: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeBudgetApproval {
    pub committee_date: Option<NaiveDate>,
    pub audit_date: Option<NaiveDate>,
    pub upper_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeData {
    /// As asked: "2026-10", "2026-Q3" or "2026".
    pub period: String,
    pub kind: NoticeKind,
    pub from: String,
    pub to: String,
    pub period_label: String,
    /// "<union name> 2026年10月 财务收支公示"
    pub title: String,
    pub union_name: String,
    pub unit_name: String,
    /// Column headings: "本月"/"本季度"/"本年" and "上月"/"上季度"/"上年".
    pub current_label: String,
    pub previous_label: String,
    pub income: Vec<NoticeLine>,
    pub income_total: NoticeTotal,
    pub spending: Vec<NoticeLine>,
    pub spending_total: NoticeTotal,
    /// 本期收支差额 (current) and 本年累计.
    pub surplus: Money,
    pub surplus_ytd: Money,
    pub balances: NoticeBalances,
    pub payouts: Vec<PayoutLine>,
    pub payouts_head_count: i64,
    pub payouts_total: Money,
    pub dues: NoticeDues,
    pub budget_approval: NoticeBudgetApproval,
    pub signatures: NoticeSignatures,
    /// 公示日期
    pub published_on: NaiveDate,
    /// 公示期 in days, and its last day.
    pub window_days: i64,
    pub window_until: NaiveDate,
    /// 异议反馈 contact line.
    pub contact: String,
    /// Fingerprint of the books for the last month ("XXXX-XXXX-XXXX").
    pub fingerprint: String,
    /// How members and the audit committee can check it.
    pub fingerprint_note: String,
    /// True while any month of the period is still open: the page says 草稿 across it.
    pub is_draft: bool,
    /// When the last month was closed (null while open).
    pub closed_at: Option<String>,
}

/// The notice's editable settings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, ts_rs::TS)]
pub struct NoticeSettings {
    /// 经办人 (default: the treasurer)
    pub preparer: String,
    /// 工会主席 (default: the chair)
    pub chair: String,
    /// 经审会主任 (default: the book's 经审会主任 setting, else the auditor)
    pub audit_director: String,
    /// 公示期 in days (default 7)
    pub window_days: i64,
    /// 异议反馈 contact (default: the book's contact)
    pub contact: String,
}

pub fn settings(conn: &Connection) -> Result<NoticeSettings> {
    let s = book::settings(conn)?;
    let get = |k: &str, default: &str| -> Result<String> {
        Ok(book::get_setting(conn, k)?.filter(|v| !v.trim().is_empty()).unwrap_or_else(|| default.to_string()))
    };
    let window_days = book::get_setting(conn, KEY_WINDOW_DAYS)?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_WINDOW_DAYS);
    Ok(NoticeSettings {
        preparer: get(KEY_PREPARER, &s.treasurer_name)?,
        chair: get(KEY_CHAIR, &s.chair_name)?,
        audit_director: get(KEY_AUDIT_DIRECTOR, &s.audit_director_name)?,
        window_days,
        contact: get(KEY_CONTACT, &s.contact)?,
    })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[ts(rename = "NoticeSettingsUpdate")]
pub struct SettingsUpdate {
    pub preparer: Option<String>,
    pub chair: Option<String>,
    pub audit_director: Option<String>,
    pub window_days: Option<i64>,
    pub contact: Option<String>,
}

pub fn set_settings(conn: &Connection, u: &SettingsUpdate) -> Result<NoticeSettings> {
    for (key, label, v) in [
        (KEY_PREPARER, "经办人", &u.preparer),
        (KEY_CHAIR, "工会主席", &u.chair),
        (KEY_AUDIT_DIRECTOR, "经审会主任", &u.audit_director),
    ] {
        if let Some(v) = v {
            if v.trim().chars().count() > 20 {
                return Err(CoreError::validation(key, format!("{label}姓名不能超过 20 个字")));
            }
            book::put_setting(conn, key, v.trim())?;
        }
    }
    if let Some(d) = u.window_days {
        if !(1..=90).contains(&d) {
            return Err(CoreError::validation(KEY_WINDOW_DAYS, "公示期应为 1 到 90 天"));
        }
        book::put_setting(conn, KEY_WINDOW_DAYS, &d.to_string())?;
    }
    if let Some(c) = &u.contact {
        if c.trim().chars().count() > 120 {
            return Err(CoreError::validation(KEY_CONTACT, "联系方式不能超过 120 个字"));
        }
        book::put_setting(conn, KEY_CONTACT, c.trim())?;
    }
    settings(conn)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct NoticeArgs {
    pub period: String,
    /// 公示日期; default: the day the last month was closed, or today while it is open.
    #[serde(default)]
    pub published_on: Option<NaiveDate>,
}

fn last_day(period: &str) -> Result<NaiveDate> {
    Ok(book::parse_month(period)? + chrono::Months::new(1) - chrono::Duration::days(1))
}

/// Sum of "本月数" per account over the months of the period, and 本年累计 at its end.
fn income_expense(conn: &Connection, p: &NoticePeriod) -> Result<(HashMap<String, i64>, IncomeStatement)> {
    let mut current: HashMap<String, i64> = HashMap::new();
    let mut last = None;
    for m in months(&p.from, &p.to) {
        let st = income_statement(conn, &m)?;
        for r in st.rows.iter() {
            if let Some(code) = &r.code {
                *current.entry(code.clone()).or_default() += r.a.fen();
            }
        }
        last = Some(st);
    }
    Ok((current, last.expect("a period has at least one month")))
}

/// Everything on the notice, from the books.
pub fn data(conn: &Connection, args: &NoticeArgs, today: NaiveDate) -> Result<NoticeData> {
    let p = parse_period(&args.period)?;
    let settings = book::settings(conn)?;
    let ns = self::settings(conn)?;
    let start = settings.start_month.clone();
    if p.to < start {
        return Err(CoreError::validation("period", format!("{} 早于建账月份 {start}，账上没有数字", p.label)));
    }
    let chart = crate::ledger::chart::list_accounts(conn)?;
    let (current, last_st) = income_expense(conn, &p)?;
    let ytd: HashMap<String, i64> = last_st.rows.iter().filter_map(|r| r.code.clone().map(|c| (c, r.b.fen()))).collect();
    let budget = crate::budget::report_opts(conn, p.year, Some(&p.to), false)?;

    let cur = |code: &str| current.get(code).copied().unwrap_or(0);
    let yt = |code: &str| ytd.get(code).copied().unwrap_or(0);
    let lines = |class: AccountClass, with_budget: bool| -> Vec<NoticeLine> {
        let mut out = Vec::new();
        for a in chart.iter().filter(|a| a.class == class && a.level <= 2) {
            let b = budget.row(&a.code);
            let has_budget = b.is_some_and(|b| b.budget.is_positive());
            let shown = a.parent_code.is_none() || cur(&a.code) != 0 || yt(&a.code) != 0 || (with_budget && has_budget);
            // A category with a single sub-account carrying everything needs no sub-line.
            if !shown {
                continue;
            }
            out.push(NoticeLine {
                code: a.code.clone(),
                name: a.name.clone(),
                level: a.level,
                purpose: b.map(|b| b.purpose.clone()).unwrap_or_default(),
                current: Money::from_fen(cur(&a.code)),
                ytd: Money::from_fen(yt(&a.code)),
                budget: if with_budget && has_budget { b.map(|b| b.budget) } else { None },
                execution: if with_budget { b.and_then(|b| b.execution.clone()) } else { None },
            });
        }
        out
    };
    let income = lines(AccountClass::Income, false);
    let spending = lines(AccountClass::Expense, true);
    let total = |class: AccountClass, budget_total: Option<&crate::budget::BudgetTotals>| -> NoticeTotal {
        let firsts = chart.iter().filter(|a| a.class == class && a.parent_code.is_none());
        let (c, y): (i64, i64) = firsts.fold((0, 0), |(c, y), a| (c + cur(&a.code), y + yt(&a.code)));
        let (c, y) = (Money::from_fen(c), Money::from_fen(y));
        NoticeTotal {
            current: c,
            ytd: y,
            budget: budget_total.filter(|t| t.budget.is_positive()).map(|t| t.budget),
            execution: budget_total.and_then(|t| t.execution.clone()),
            current_upper: c.to_chinese_upper(),
            ytd_upper: y.to_chinese_upper(),
        }
    };
    let income_total = total(AccountClass::Income, None);
    let spending_total = total(AccountClass::Expense, Some(&budget.expense));
    debug_assert_eq!(income_total.ytd, last_st.income_ytd);

    // Balances: 101 and 102 (with sub-accounts) at the end of the month before and of the last month.
    let before = prev_period(&p.from);
    let bal = |code: &str, period: &str| periods::balance_at_end(conn, code, period);
    let (opening_cash, opening_bank) = (bal("101", &before)?, bal("102", &before)?);
    let (closing_cash, closing_bank) = (bal("101", &p.to)?, bal("102", &p.to)?);
    let opening = opening_cash + opening_bank;
    let closing = closing_cash + closing_bank;
    let other = closing - opening - income_total.current + spending_total.current;

    // Payouts.
    let first_day = book::parse_month(&p.from)?;
    let payouts = payouts_for(conn, first_day, last_day(&p.to)?)?;

    // Dues.
    let mut dm = Vec::new();
    for m in months(&p.from, &p.to) {
        if m < start {
            continue;
        }
        let s = crate::dues::summary(conn, &m)?;
        dm.push(NoticeDuesMonth {
            month: m,
            liable: s.liable,
            paid_members: s.paid_members,
            charged: s.charged,
            paid: s.paid,
            collected: s.collected_in_month,
        });
    }
    let dues = NoticeDues {
        liable: dm.iter().map(|m| m.liable).sum(),
        paid_members: dm.iter().map(|m| m.paid_members).sum(),
        charged: dm.iter().fold(Money::ZERO, |a, m| a + m.charged),
        paid: dm.iter().fold(Money::ZERO, |a, m| a + m.paid),
        collected: dm.iter().fold(Money::ZERO, |a, m| a + m.collected),
        unit: if p.kind == NoticeKind::Month { "人" } else { "人次" },
        months: dm,
    };

    // Closed or draft, and the fingerprint.
    let mut is_draft = false;
    for m in months(&p.from, &p.to) {
        if m >= start && !crate::ledger::is_period_closed(conn, &m)? {
            is_draft = true;
        }
    }
    let (fingerprint, last_closed_at) = periods::fingerprint_of(conn, &p.to)?;
    let closed_at = last_closed_at.filter(|_| !is_draft);
    let published_on = args.published_on.unwrap_or_else(|| {
        closed_at
            .as_deref()
            .and_then(|s| NaiveDate::parse_from_str(s.get(0..10).unwrap_or(""), "%Y-%m-%d").ok())
            .unwrap_or(today)
    });
    let window_until = published_on + chrono::Duration::days(ns.window_days - 1);
    let to_label = {
        let (y, m) = crate::ledger::reports::split_period(&p.to);
        format!("{y}年{m}月")
    };
    let fingerprint_note = if is_draft {
        format!("本稿尚未结账，指纹 {fingerprint} 仅供核对草稿；结账后以正式公示所载指纹为准。")
    } else {
        format!(
            "本公示数字均取自本会账簿。经审会在“工会账本”中运行“校验账套”，核对{to_label}结账指纹与此一致，即可确认公示后账目未被改动。"
        )
    };
    let contact = if ns.contact.trim().is_empty() {
        "如对公示内容有疑问，请在公示期内向工会财务人员或经费审查委员会反映。".to_string()
    } else {
        format!("如对公示内容有疑问，请在公示期内联系：{}。", ns.contact.trim())
    };
    let approval = budget.approval.clone();
    let payouts_head_count = payouts.iter().map(|p| p.head_count).sum();
    let payouts_total = payouts.iter().fold(Money::ZERO, |a, p| a + p.total);
    Ok(NoticeData {
        title: format!("{} {} 财务收支公示", settings.union_name, p.label),
        period: args.period.trim().to_string(),
        kind: p.kind,
        from: p.from.clone(),
        to: p.to.clone(),
        period_label: p.label.clone(),
        union_name: settings.union_name.clone(),
        unit_name: settings.unit_name.clone(),
        current_label: p.current_label.to_string(),
        previous_label: p.previous_label.to_string(),
        surplus: income_total.current - spending_total.current,
        surplus_ytd: income_total.ytd - spending_total.ytd,
        balances: NoticeBalances {
            opening,
            opening_cash,
            opening_bank,
            income: income_total.current,
            spending: spending_total.current,
            other,
            closing,
            closing_cash,
            closing_bank,
            closing_upper: closing.to_chinese_upper(),
        },
        income,
        income_total,
        spending,
        spending_total,
        payouts,
        payouts_head_count,
        payouts_total,
        dues,
        budget_approval: NoticeBudgetApproval {
            committee_date: approval.committee_date,
            audit_date: approval.audit_date,
            upper_date: approval.upper_date,
        },
        signatures: NoticeSignatures { preparer: ns.preparer, chair: ns.chair, audit_director: ns.audit_director },
        published_on,
        window_days: ns.window_days,
        window_until,
        contact,
        fingerprint,
        fingerprint_note,
        is_draft,
        closed_at,
    })
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeHtml {
    pub file_name: String,
    pub html: String,
    pub is_draft: bool,
}

/// The notice as a self-contained A4 HTML page.
pub fn html_page(conn: &Connection, args: &NoticeArgs, today: NaiveDate) -> Result<NoticeHtml> {
    let d = data(conn, args, today)?;
    Ok(NoticeHtml {
        file_name: format!("{}{}.html", d.title.replace(' ', ""), if d.is_draft { "（草稿）" } else { "" }),
        html: html::render(&d),
        is_draft: d.is_draft,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_as_month_quarter_and_year() {
        let m = parse_period("2026-10").unwrap();
        assert_eq!((m.kind, m.from.as_str(), m.to.as_str(), m.label.as_str()), (NoticeKind::Month, "2026-10", "2026-10", "2026年10月"));
        let q = parse_period("2026-Q3").unwrap();
        assert_eq!((q.kind, q.from.as_str(), q.to.as_str(), q.label.as_str()), (NoticeKind::Quarter, "2026-07", "2026-09", "2026年第三季度"));
        let y = parse_period("2026").unwrap();
        assert_eq!((y.from.as_str(), y.to.as_str(), y.label.as_str()), ("2026-01", "2026-12", "2026年度"));
        for bad in ["2026-13", "2026-Q5", "26-10", "", "2026-1", "abcd"] {
            assert!(parse_period(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_are_masked_keeping_the_first_and_last_character() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("张三丰"), "张*丰");
        assert_eq!(mask_name("欧阳小明"), "欧**明");
        assert_eq!(mask_name("王"), "王");
    }
}
