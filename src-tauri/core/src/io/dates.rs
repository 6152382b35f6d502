//! Dates as treasurers write them in spreadsheets.

use chrono::NaiveDate;

/// Parse a date as treasurers write it: 2026-10-05, 2026/10/5, 2026.10.5, 2026年10月5日,
/// 20261005, "2026-10-05 00:00:00", or an Excel date serial (e.g. 46300).
pub fn parse_date(input: &str) -> std::result::Result<NaiveDate, String> {
    let raw = input.trim();
    let s = raw.split([' ', 'T']).next().unwrap_or("").trim();
    let bad = || format!("日期“{raw}”格式不正确，应写成 2026-10-05");
    let missing = || format!("日期“{raw}”不存在");
    if s.is_empty() {
        return Err("日期不能为空".into());
    }
    let s = s.replace(['年', '月'], "-").replace(['日', '号'], "");
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
        let y: i32 = parts[0].parse().map_err(|_| bad())?;
        let m: u32 = parts[1].parse().map_err(|_| bad())?;
        let d: u32 = parts[2].parse().map_err(|_| bad())?;
        if parts[0].len() != 4 {
            return Err(bad());
        }
        return NaiveDate::from_ymd_opt(y, m, d).ok_or_else(missing);
    }
    // An Excel serial possibly written as "46300" or "46300.0".
    let serial_text = s.strip_suffix(".0").unwrap_or(&s);
    if serial_text.chars().all(|c| c.is_ascii_digit()) && !serial_text.is_empty() {
        if serial_text.len() == 8 {
            let (y, m, d) = (&serial_text[0..4], &serial_text[4..6], &serial_text[6..8]);
            return NaiveDate::from_ymd_opt(y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0)).ok_or_else(missing);
        }
        let n: i64 = serial_text.parse().map_err(|_| bad())?;
        if (20_000..=80_000).contains(&n) {
            // Serial 1 = 1900-01-01 with Excel's phantom 1900-02-29; from 61 on, days since 1899-12-30.
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("epoch");
            return epoch.checked_add_days(chrono::Days::new(n as u64)).ok_or_else(bad);
        }
    }
    Err(bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_the_ways_treasurers_write_them() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        for s in ["2026-10-05", "2026/10/5", "2026.10.05", "2026年10月5日", "20261005", "2026-10-05 00:00:00"] {
            assert_eq!(parse_date(s), Ok(d), "{s}");
        }
        assert_eq!(parse_date("46300"), Ok(NaiveDate::from_ymd_opt(2026, 10, 5).unwrap()));
        assert_eq!(parse_date("2026-02-30"), Err("日期“2026-02-30”不存在".to_string()));
        assert!(parse_date("下周一").unwrap_err().contains("格式不正确"));
        assert!(parse_date("26-1-1").is_err());
    }
}
