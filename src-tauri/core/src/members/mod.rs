//! Members (会员名册): the roll, union groups (工会小组), dated status events, wage base
//! history, children, hardship files (困难职工档案), the employee headcount for 入会率, and
//! import/export of the roll.
//!
//! Privacy (domain §6): ID numbers leave this module masked unless `members_reveal_id` is
//! called; hardship level and reason appear only in the hardship commands.

pub mod commands;
pub mod dues_facts;
pub mod events;
pub mod groups;
pub mod hardship;
pub mod idcard;
pub mod import;
pub mod roll;
pub mod roster;
pub mod stats;

pub use roll::{list, Member, MemberFilter, MemberListItem};

use crate::error::{CoreError, Result};
use chrono::{Datelike, NaiveDate};

/// "2026-10" of a date.
pub fn month_of(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// "2026-10" + n months (n may be negative). `month` must be YYYY-MM.
pub fn add_months(month: &str, n: i32) -> String {
    let y: i32 = month[..4].parse().unwrap_or(2000);
    let m: i32 = month[5..7].parse().unwrap_or(1);
    let idx = y * 12 + (m - 1) + n;
    format!("{:04}-{:02}", idx.div_euclid(12), idx.rem_euclid(12) + 1)
}

/// Check "YYYY-MM" (a full date is cut to its month) and return it normalised.
pub fn check_month(field: &str, s: &str) -> Result<String> {
    let s = s.trim();
    let m = if s.len() >= 10 { &s[..7] } else { s };
    crate::book::parse_month(m)
        .map(month_of)
        .map_err(|_| CoreError::validation(field, format!("月份“{s}”格式不正确，应为 YYYY-MM，例如 2026-10")))
}

/// Last day of a month "YYYY-MM".
pub fn month_last_day(month: &str) -> NaiveDate {
    let next = add_months(month, 1);
    crate::book::parse_month(&next).expect("valid month") - chrono::Duration::days(1)
}

/// "2026年10月"
pub fn month_label(month: &str) -> String {
    let y = &month[..4];
    let m: u32 = month[5..7].parse().unwrap_or(1);
    format!("{y}年{m}月")
}

pub(crate) fn date_col(s: String) -> NaiveDate {
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").unwrap_or_default()
}

/// A date as typed (2026-10-05, 2026/10/5, 2026年10月5日, an Excel serial …).
pub fn parse_date_text(s: &str) -> std::result::Result<NaiveDate, String> {
    crate::io::dates::parse_date(s)
}

/// An optional date field given as text ("" or null = none).
pub(crate) fn opt_date(field: &str, label: &str, s: &Option<String>) -> Result<Option<NaiveDate>> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(t) => parse_date_text(t).map(Some).map_err(|e| CoreError::validation(field, format!("{label}：{e}"))),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn month_arithmetic_wraps_years() {
        assert_eq!(super::add_months("2026-12", 1), "2027-01");
        assert_eq!(super::add_months("2026-01", -1), "2025-12");
        assert_eq!(super::add_months("2026-05", -17), "2024-12");
        assert_eq!(super::month_last_day("2024-02").to_string(), "2024-02-29");
    }
}
