//! 居民身份证号 (GB 11643-1999): 18 characters, the last a check character computed with
//! ISO 7064 MOD 11-2; characters 7–14 are the birth date; the 17th is odd for men and even
//! for women.

use chrono::NaiveDate;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// What an ID number says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdInfo {
    /// Normalised: upper-case X, no spaces.
    pub number: String,
    pub birth_date: NaiveDate,
    /// "男" or "女".
    pub gender: &'static str,
}

/// The check character for the first 17 digits, or None if they are not 17 digits.
pub fn check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17.bytes().zip(WEIGHTS).map(|(b, w)| (b - b'0') as u32 * w).sum();
    Some(CHECK_CHARS[(sum % 11) as usize])
}

/// Trim, drop inner spaces, full-width digits to ASCII, x to X.
pub fn normalize(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            'x' | 'ｘ' | 'Ｘ' => 'X',
            c => c,
        })
        .collect()
}

/// Validate an ID number and read the birth date and gender out of it. Errors are plain
/// Chinese sentences.
pub fn parse(input: &str) -> Result<IdInfo, String> {
    let number = normalize(input);
    if number.chars().count() != 18 {
        return Err(format!("身份证号“{}”应为 18 位（现为 {} 位）", input.trim(), number.chars().count()));
    }
    let (body, last) = number.split_at(17);
    if !body.bytes().all(|b| b.is_ascii_digit()) || !(last == "X" || last.bytes().all(|b| b.is_ascii_digit())) {
        return Err(format!("身份证号“{}”含有无效字符（前 17 位应为数字，最后一位为数字或 X）", input.trim()));
    }
    let expected = check_char(body).expect("17 digits");
    if !last.starts_with(expected) {
        return Err(format!("身份证号“{}”校验位不正确，请核对是否输错", input.trim()));
    }
    let birth_date = NaiveDate::parse_from_str(&body[6..14], "%Y%m%d")
        .map_err(|_| format!("身份证号“{}”中的出生日期 {} 不存在", input.trim(), &body[6..14]))?;
    let gender = if (body.as_bytes()[16] - b'0') % 2 == 1 { "男" } else { "女" };
    Ok(IdInfo { number, birth_date, gender })
}

/// 3210**********123X: the first four and last four characters.
pub fn mask(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() <= 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 8))
}

/// Cross-check an ID against a stated gender and birth date; returns the problems found.
pub fn cross_check(info: &IdInfo, gender: Option<&str>, birth_date: Option<NaiveDate>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(g) = gender {
        if g != info.gender {
            out.push(format!("身份证号显示性别为{}，与填写的性别“{g}”不符", info.gender));
        }
    }
    if let Some(b) = birth_date {
        if b != info.birth_date {
            out.push(format!("身份证号中的出生日期 {} 与填写的出生日期 {b} 不符", info.birth_date));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn make(first17: &str) -> String {
        format!("{first17}{}", check_char(first17).unwrap())
    }

    #[test]
    fn a_known_valid_number_passes_and_yields_birth_date_and_gender() {
        // The GB 11643 example number.
        let info = parse("11010519491231002X").unwrap();
        assert_eq!(info.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31).unwrap());
        assert_eq!(info.gender, "女");
        let id = make("32108819800501123");
        let info = parse(&id.to_lowercase()).unwrap();
        assert_eq!(info.gender, "男");
        assert_eq!(mask(&id), format!("3210**********{}", &id[14..]));
    }

    #[test]
    fn wrong_check_characters_lengths_and_dates_are_refused() {
        assert!(parse("110105194912310021").unwrap_err().contains("校验位"));
        assert!(parse("1101051949123100").unwrap_err().contains("18 位"));
        assert!(parse("11010519491231002Y").unwrap_err().contains("无效字符"));
        let bad_date = make("11010519490230002");
        assert!(parse(&bad_date).unwrap_err().contains("不存在"));
    }
}
