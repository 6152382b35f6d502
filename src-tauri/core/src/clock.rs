//! The one clock. Every business date — a default voucher date, "is this month over", the
//! notice's publication date, the sample book's "up to last month" — comes from here.
//!
//! `UNION_LEDGER_TODAY=YYYY-MM-DD` pins the *date* for the window and the command line; the
//! time of day keeps running from the real clock, so timeouts, back-offs and the order of
//! change-log rows still behave. Tests pin the date explicitly ([`Clock::pinned`]) so no
//! result depends on the day the tests run.

use crate::error::{CoreError, Result};
use chrono::{NaiveDate, NaiveDateTime};

/// The environment variable that pins today's date.
pub const TODAY_ENV: &str = "UNION_LEDGER_TODAY";

/// Where "today" comes from: the machine's calendar, or a pinned date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clock {
    pinned: Option<NaiveDate>,
}

impl Clock {
    /// The machine's own calendar.
    pub fn system() -> Clock {
        Clock { pinned: None }
    }

    /// A clock whose date is always `date` (the time of day still runs).
    pub fn pinned(date: NaiveDate) -> Clock {
        Clock { pinned: Some(date) }
    }

    /// The clock the environment asks for: `UNION_LEDGER_TODAY` if set, else the system's.
    /// A malformed value is refused rather than silently ignored.
    pub fn from_env() -> Result<Clock> {
        match std::env::var(TODAY_ENV) {
            Ok(v) if !v.trim().is_empty() => Ok(Clock::pinned(parse_pinned(&v)?)),
            _ => Ok(Clock::system()),
        }
    }

    pub fn is_pinned(&self) -> bool {
        self.pinned.is_some()
    }

    pub fn today(&self) -> NaiveDate {
        self.pinned.unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Today's date with the real time of day.
    pub fn now(&self) -> NaiveDateTime {
        let real = chrono::Local::now().naive_local();
        match self.pinned {
            Some(d) => d.and_time(real.time()),
            None => real,
        }
    }

    /// Local time as stored in the book, e.g. "2026-11-23T09:30:00".
    pub fn now_string(&self) -> String {
        self.now().format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// The date part of a stored time ("2026-11-23T09:30:00" → 2026-11-23): a write knows
/// "today" from the time it was called with.
pub fn date_of(now: &str) -> NaiveDate {
    now.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).expect("a stored time starts with YYYY-MM-DD")
}

fn parse_pinned(v: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
        .map_err(|_| CoreError::validation(TODAY_ENV, format!("环境变量 {TODAY_ENV} 应为 YYYY-MM-DD 格式的日期（收到“{}”）", v.trim())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_clock_keeps_its_date_and_runs_its_time() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let c = Clock::pinned(d);
        assert_eq!(c.today(), d);
        assert_eq!(c.now().date(), d);
        assert!(c.now_string().starts_with("2024-02-29T"));
    }

    #[test]
    fn a_malformed_pin_is_refused_in_plain_words() {
        let e = parse_pinned("2026-13-01").unwrap_err().to_string();
        assert!(e.contains("YYYY-MM-DD"), "{e}");
    }
}
