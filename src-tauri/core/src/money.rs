//! Money: a `Decimal` newtype that is stored as INTEGER 分 in SQLite and travels as a
//! two-decimal string over IPC and JSON. Never a float.
//!
//! Also here: parsing what a treasurer types ("1,234.5", "￥１２３") and 大写金额.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyParseError {
    #[error("金额不能为空")]
    Empty,
    #[error("“{0}”不是有效的金额")]
    NotANumber(String),
    #[error("金额“{0}”超过两位小数")]
    TooManyDecimals(String),
    #[error("金额“{0}”过大")]
    TooLarge(String),
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn from_fen(fen: i64) -> Money {
        Money(Decimal::new(fen, 2))
    }

    /// Exact conversion to 分. Amounts are always kept at two decimals or fewer, so this
    /// never rounds; a value with more decimals is a programming error upstream.
    pub fn fen(&self) -> i64 {
        let scaled = (self.0 * Decimal::ONE_HUNDRED).normalize();
        debug_assert!(scaled.fract().is_zero(), "money with more than two decimals: {}", self.0);
        scaled.trunc().to_i64().expect("money out of range")
    }

    pub fn from_decimal(d: Decimal) -> Result<Money, MoneyParseError> {
        if d.normalize().scale() > 2 {
            return Err(MoneyParseError::TooManyDecimals(d.to_string()));
        }
        if d.abs() > Decimal::from(1_000_000_000_000i64) {
            return Err(MoneyParseError::TooLarge(d.to_string()));
        }
        Ok(Money(d))
    }

    pub fn decimal(&self) -> Decimal {
        self.0
    }
    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }
    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }
    pub fn is_positive(&self) -> bool {
        self.0.is_sign_positive() && !self.0.is_zero()
    }
    pub fn abs(&self) -> Money {
        Money(self.0.abs())
    }

    /// Parse what a person types: thousands separators, currency signs, full-width digits.
    pub fn parse(input: &str) -> Result<Money, MoneyParseError> {
        let normalized: String = input
            .trim()
            .chars()
            .filter_map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
                '．' | '。' => Some('.'),
                '－' => Some('-'),
                ',' | '，' | ' ' | '¥' | '￥' | '元' => None,
                c => Some(c),
            })
            .collect();
        if normalized.is_empty() {
            return Err(MoneyParseError::Empty);
        }
        let valid_shape = {
            let body = normalized.strip_prefix('-').or_else(|| normalized.strip_prefix('+')).unwrap_or(&normalized);
            let mut parts = body.splitn(2, '.');
            let int = parts.next().unwrap_or("");
            let frac = parts.next();
            !int.is_empty() && int.chars().all(|c| c.is_ascii_digit()) && frac.is_none_or(|f| f.chars().all(|c| c.is_ascii_digit()))
        };
        if !valid_shape {
            return Err(MoneyParseError::NotANumber(input.trim().to_string()));
        }
        let d = Decimal::from_str(&normalized).map_err(|_| MoneyParseError::TooLarge(input.trim().to_string()))?;
        if d.normalize().scale() > 2 {
            return Err(MoneyParseError::TooManyDecimals(input.trim().to_string()));
        }
        Money::from_decimal(d).map_err(|_| MoneyParseError::TooLarge(input.trim().to_string()))
    }

    /// "1,234,567.89" — thousands separators and two decimals, for notices and reports.
    pub fn format_thousands(&self) -> String {
        let s = self.to_string();
        let (sign, body) = s.strip_prefix('-').map(|b| ("-", b)).unwrap_or(("", &s));
        let (int, frac) = body.split_once('.').unwrap_or((body, "00"));
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}{grouped}.{frac}")
    }

    /// 大写金额 as written on vouchers, receipts and notices, e.g. 壹仟贰佰叁拾肆元伍角陆分.
    pub fn to_chinese_upper(&self) -> String {
        chinese_upper(self.fen())
    }
}

const DIGITS: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const SMALL_UNITS: [&str; 4] = ["", "拾", "佰", "仟"];
const BIG_UNITS: [&str; 4] = ["", "万", "亿", "万亿"];

fn chinese_upper(fen: i64) -> String {
    if fen == 0 {
        return "零元整".to_string();
    }
    let sign = if fen < 0 { "负" } else { "" };
    let fen = fen.unsigned_abs();
    let yuan = fen / 100;
    let jiao = (fen / 10 % 10) as usize;
    let fen_digit = (fen % 10) as usize;

    let mut out = String::from(sign);
    if yuan > 0 {
        let digits: Vec<usize> = yuan.to_string().bytes().map(|b| (b - b'0') as usize).collect();
        let n = digits.len();
        let mut pending_zero = false;
        let mut group_has_digit = false;
        for (i, &d) in digits.iter().enumerate() {
            let pos = n - 1 - i;
            if d == 0 {
                pending_zero = true;
            } else {
                if pending_zero {
                    out.push('零');
                }
                pending_zero = false;
                group_has_digit = true;
                out.push_str(DIGITS[d]);
                out.push_str(SMALL_UNITS[pos % 4]);
            }
            if pos.is_multiple_of(4) && pos > 0 {
                if group_has_digit {
                    out.push_str(BIG_UNITS[pos / 4]);
                }
                group_has_digit = false;
                // Zeros at the end of a section are not read (贰拾万伍仟); a zero at the start
                // of the next section is (贰拾万零伍佰).
                pending_zero = false;
            }
        }
        out.push('元');
        match (jiao, fen_digit) {
            (0, 0) => out.push('整'),
            (0, f) => {
                out.push('零');
                out.push_str(DIGITS[f]);
                out.push('分');
            }
            (j, 0) => {
                out.push_str(DIGITS[j]);
                out.push_str("角整");
            }
            (j, f) => {
                out.push_str(DIGITS[j]);
                out.push('角');
                out.push_str(DIGITS[f]);
                out.push('分');
            }
        }
    } else {
        if jiao > 0 {
            out.push_str(DIGITS[jiao]);
            out.push('角');
        }
        if fen_digit > 0 {
            out.push_str(DIGITS[fen_digit]);
            out.push('分');
        } else {
            out.push('整');
        }
    }
    out
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

/// In TypeScript (ui/src/bindings/) money is a plain decimal string, as in the JSON: never a
/// number.
impl ts_rs::TS for Money {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "string".into()
    }
    fn inline(_: &ts_rs::Config) -> String {
        "string".into()
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Strings are the contract; whole JSON integers are accepted for convenience on the
        // command line. Fractional JSON numbers are refused: they went through a float.
        let v = serde_json::Value::deserialize(d)?;
        match v {
            serde_json::Value::String(s) => Money::parse(&s).map_err(serde::de::Error::custom),
            serde_json::Value::Number(n) if n.is_i64() => {
                Ok(Money(Decimal::from(n.as_i64().unwrap_or_default())))
            }
            other => Err(serde::de::Error::custom(format!("金额必须写成字符串，例如 \"12.50\"（收到 {other}）"))),
        }
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0 + o.0)
    }
}
impl Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0 - o.0)
    }
}
impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}
impl AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        self.0 += o.0
    }
}
impl SubAssign for Money {
    fn sub_assign(&mut self, o: Money) {
        self.0 -= o.0
    }
}
impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up(s: &str) -> String {
        Money::parse(s).unwrap().to_chinese_upper()
    }

    #[test]
    fn chinese_uppercase_follows_the_payment_settlement_conventions() {
        assert_eq!(up("0"), "零元整");
        assert_eq!(up("1234.56"), "壹仟贰佰叁拾肆元伍角陆分");
        assert_eq!(up("1000"), "壹仟元整");
        assert_eq!(up("1005"), "壹仟零伍元整");
        assert_eq!(up("1010"), "壹仟零壹拾元整");
        assert_eq!(up("10.5"), "壹拾元伍角整");
        assert_eq!(up("0.5"), "伍角整");
        assert_eq!(up("0.05"), "伍分");
        assert_eq!(up("0.35"), "叁角伍分");
        assert_eq!(up("1.05"), "壹元零伍分");
        assert_eq!(up("1000.05"), "壹仟元零伍分");
        assert_eq!(up("100010"), "壹拾万零壹拾元整");
        assert_eq!(up("100000000"), "壹亿元整");
        assert_eq!(up("100000001"), "壹亿零壹元整");
        assert_eq!(up("100010000"), "壹亿零壹万元整");
        assert_eq!(up("28.35"), "贰拾捌元叁角伍分");
        assert_eq!(up("6000"), "陆仟元整");
        assert_eq!(up("-200"), "负贰佰元整");
        assert_eq!(up("205000"), "贰拾万伍仟元整");
        assert_eq!(up("200500"), "贰拾万零伍佰元整");
        assert_eq!(up("1000000"), "壹佰万元整");
    }

    #[test]
    fn parsing_accepts_what_a_treasurer_types_and_refuses_the_rest() {
        assert_eq!(Money::parse("1,234.5").unwrap().to_string(), "1234.50");
        assert_eq!(Money::parse("￥１２３").unwrap().to_string(), "123.00");
        assert_eq!(Money::parse(" 12 ").unwrap().fen(), 1200);
        assert_eq!(Money::parse("-0.01").unwrap().fen(), -1);
        assert_eq!(Money::parse(""), Err(MoneyParseError::Empty));
        assert!(matches!(Money::parse("12.345"), Err(MoneyParseError::TooManyDecimals(_))));
        assert!(matches!(Money::parse("abc"), Err(MoneyParseError::NotANumber(_))));
        assert!(matches!(Money::parse("1e5"), Err(MoneyParseError::NotANumber(_))));
        assert!(matches!(Money::parse("1.2.3"), Err(MoneyParseError::NotANumber(_))));
    }

    #[test]
    fn fen_round_trips_and_formats_with_thousands() {
        for fen in [0i64, 1, 99, 100, 123456789, -5] {
            assert_eq!(Money::from_fen(fen).fen(), fen);
        }
        assert_eq!(Money::from_fen(123456789).format_thousands(), "1,234,567.89");
        assert_eq!(Money::from_fen(-100000).format_thousands(), "-1,000.00");
        assert_eq!(Money::from_fen(5).format_thousands(), "0.05");
    }

    #[test]
    fn json_takes_strings_and_integers_but_not_floats() {
        let m: Money = serde_json::from_str("\"12.50\"").unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"12.50\"");
        let m: Money = serde_json::from_str("12").unwrap();
        assert_eq!(m.fen(), 1200);
        assert!(serde_json::from_str::<Money>("12.5").is_err());
    }
}
