//! Pinyin initials for the account picker, so a treasurer can type "hyhd" for 会员活动支出.

use pinyin::ToPinyin;

pub fn initials(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c.to_pinyin() {
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
