//! Pinyin initials for the account picker, so a treasurer can type "hyhd" for 会员活动支出.

use pinyin::ToPinyin;

/// Characters with several readings, read as they are in account names (银行, 长期).
const ACCOUNTING_READINGS: &[(char, char)] = &[('行', 'h'), ('长', 'c'), ('重', 'z'), ('还', 'h')];

pub fn initials(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c.to_pinyin() {
            _ if ACCOUNTING_READINGS.iter().any(|(h, _)| *h == c) => {
                ACCOUNTING_READINGS.iter().find(|(h, _)| *h == c).map(|(_, i)| *i)
            }
            Some(p) => p.first_letter().chars().next(),
            None if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            None => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn initials_of_account_names() {
        assert_eq!(super::initials("会员活动支出"), "hyhdzc");
        assert_eq!(super::initials("库存现金"), "kcxj");
        assert_eq!(super::initials("工商银行A支行"), "gsyhazh");
    }
}
