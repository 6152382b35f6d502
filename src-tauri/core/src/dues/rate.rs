//! The dues rule (domain §3.1): wage base × rate (default 0.5%), the part of the wage under
//! 10 元 not counted, rounded half up to 分 / 角 / 元 per setting; exempt members owe nothing,
//! fixed-amount members owe their amount.

use crate::book::{get_setting, put_setting};
use crate::error::{CoreError, Result};
use crate::money::Money;
use rust_decimal::{Decimal, RoundingStrategy};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

pub const DEFAULT_RATE: &str = "0.005";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Rounding {
    Fen,
    Jiao,
    Yuan,
}

impl Rounding {
    pub fn parse(s: &str) -> Result<Rounding> {
        match s.trim() {
            "fen" | "分" => Ok(Rounding::Fen),
            "jiao" | "角" => Ok(Rounding::Jiao),
            "yuan" | "元" => Ok(Rounding::Yuan),
            other => Err(CoreError::validation("rounding", format!("舍入方式应为 fen（分）、jiao（角）或 yuan（元），不能是“{other}”"))),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::Fen => "fen",
            Rounding::Jiao => "jiao",
            Rounding::Yuan => "yuan",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Rounding::Fen => "四舍五入到分",
            Rounding::Jiao => "四舍五入到角",
            Rounding::Yuan => "四舍五入到元",
        }
    }
    fn dp(self) -> u32 {
        match self {
            Rounding::Fen => 2,
            Rounding::Jiao => 1,
            Rounding::Yuan => 0,
        }
    }
}

/// How a member's dues are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Standard,
    Exempt,
    Fixed(Money),
}

impl Rule {
    pub fn from_db(rule: &str, fixed_fen: Option<i64>) -> Rule {
        match rule {
            "exempt" => Rule::Exempt,
            "fixed" => Rule::Fixed(Money::from_fen(fixed_fen.unwrap_or(0))),
            _ => Rule::Standard,
        }
    }
}

/// The wage counted for dues: the part under 10 元 dropped (5,678.90 → 5,670).
pub fn counted_base(base: Money) -> Money {
    let tens = (base.decimal() / Decimal::TEN).floor() * Decimal::TEN;
    Money::from_decimal(tens.max(Decimal::ZERO)).unwrap_or(Money::ZERO)
}

/// Dues on a wage base: counted base × rate, rounded half up.
pub fn standard_due(base: Money, rate: Decimal, rounding: Rounding) -> Money {
    let raw = counted_base(base).decimal() * rate;
    let rounded = raw.round_dp_with_strategy(rounding.dp(), RoundingStrategy::MidpointAwayFromZero);
    Money::from_decimal(rounded.round_dp(2)).unwrap_or(Money::ZERO)
}

/// What a member owes for a month in which he is liable. None when a standard member has
/// no wage base.
pub fn due(rule: Rule, base: Option<Money>, s: &DuesSettings) -> Option<Money> {
    match rule {
        Rule::Exempt => Some(Money::ZERO),
        Rule::Fixed(m) => Some(m),
        Rule::Standard => base.map(|b| standard_due(b, s.rate, s.rounding)),
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct DuesSettings {
    /// "0.005"
    #[ts(type = "string")]
    pub rate: Decimal,
    /// "0.5" (percent)
    pub rate_percent: String,
    pub rounding: Rounding,
    pub rounding_label: &'static str,
}

pub fn settings(conn: &Connection) -> Result<DuesSettings> {
    let rate = get_setting(conn, "dues_rate")?.unwrap_or_else(|| DEFAULT_RATE.to_string());
    let rate = Decimal::from_str(&rate).unwrap_or_else(|_| Decimal::from_str(DEFAULT_RATE).expect("rate"));
    let rounding = match get_setting(conn, "dues_rounding")? {
        Some(r) => Rounding::parse(&r).unwrap_or(Rounding::Fen),
        None => Rounding::Fen,
    };
    Ok(DuesSettings {
        rate,
        rate_percent: (rate * Decimal::ONE_HUNDRED).normalize().to_string(),
        rounding,
        rounding_label: rounding.label(),
    })
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[ts(rename = "DuesSettingsUpdate")]
pub struct SettingsUpdate {
    /// A fraction ("0.005") or a percent ("0.5%").
    #[serde(default)]
    pub rate: Option<String>,
    #[serde(default)]
    pub rounding: Option<String>,
}

pub fn parse_rate(s: &str) -> Result<Decimal> {
    let t = s.trim();
    let bad = || CoreError::validation("rate", format!("会费比例“{t}”不正确，应写成 0.005 或 0.5%"));
    let d = match t.strip_suffix('%').or_else(|| t.strip_suffix('％')) {
        Some(p) => Decimal::from_str(p.trim()).map_err(|_| bad())? / Decimal::ONE_HUNDRED,
        None => Decimal::from_str(t).map_err(|_| bad())?,
    };
    if d <= Decimal::ZERO || d > Decimal::from_str("0.1").expect("0.1") {
        return Err(CoreError::validation("rate", format!("会费比例“{t}”不合理（应大于 0、不超过 10%）")));
    }
    if d.normalize().scale() > 6 {
        return Err(CoreError::validation("rate", "会费比例最多 6 位小数"));
    }
    Ok(d.normalize())
}

pub fn set_settings(conn: &Connection, u: &SettingsUpdate) -> Result<DuesSettings> {
    if let Some(r) = &u.rate {
        put_setting(conn, "dues_rate", &parse_rate(r)?.to_string())?;
    }
    if let Some(r) = &u.rounding {
        put_setting(conn, "dues_rounding", Rounding::parse(r)?.as_str())?;
    }
    settings(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }
    fn s(rounding: Rounding) -> DuesSettings {
        DuesSettings { rate: Decimal::from_str("0.005").unwrap(), rate_percent: "0.5".into(), rounding, rounding_label: "" }
    }

    #[test]
    fn the_dues_arithmetic_table() {
        use Rounding::*;
        // (wage, rounding, expected)
        let table = [
            ("5678.90", Fen, "28.35"),  // 5,670 × 0.5%
            ("5678.90", Jiao, "28.40"), // 28.35 → 28.4 (half up)
            ("5678.90", Yuan, "28.00"),
            ("5609.99", Fen, "28.00"),  // 5,600
            ("5610.00", Fen, "28.05"),
            ("3333.33", Fen, "16.65"),  // 3,330 × 0.5%
            ("3330.00", Jiao, "16.70"), // 16.65 → 16.7
            ("3390.00", Yuan, "17.00"), // 16.95 → 17
            ("3290.00", Yuan, "16.00"), // 16.45 → 16
            ("9.99", Fen, "0.00"),      // under 10 元: nothing counted
            ("0", Fen, "0.00"),
            ("12345.67", Fen, "61.70"), // 12,340 × 0.5%
            ("4510", Fen, "22.55"),
            ("4510", Jiao, "22.60"),
        ];
        for (wage, rounding, expected) in table {
            assert_eq!(standard_due(m(wage), s(rounding).rate, rounding).to_string(), expected, "{wage} {rounding:?}");
        }
        assert_eq!(counted_base(m("5678.90")).to_string(), "5670.00");
    }

    #[test]
    fn exempt_owes_nothing_and_fixed_owes_its_amount_whatever_the_wage() {
        let st = s(Rounding::Fen);
        assert_eq!(due(Rule::Exempt, Some(m("8000")), &st), Some(Money::ZERO));
        assert_eq!(due(Rule::Fixed(m("10")), Some(m("8000")), &st), Some(m("10")));
        assert_eq!(due(Rule::Fixed(m("10")), None, &st), Some(m("10")));
        assert_eq!(due(Rule::Standard, None, &st), None);
        assert_eq!(due(Rule::Standard, Some(m("4000")), &st), Some(m("20")));
    }

    #[test]
    fn the_rate_is_a_fraction_or_a_percent_within_reason() {
        assert_eq!(parse_rate("0.5%").unwrap().to_string(), "0.005");
        assert_eq!(parse_rate("0.005").unwrap().to_string(), "0.005");
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("50%").is_err());
        assert!(parse_rate("abc").is_err());
    }
}
