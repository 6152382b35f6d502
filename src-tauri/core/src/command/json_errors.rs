//! serde speaks English ("invalid type: map, expected a string", "unknown variant `gift`");
//! a treasurer reads Chinese. This turns serde_json's errors into plain words, naming the
//! field where serde_path_to_error found it.

/// Deserialize `value` into `T`; on failure, a Chinese sentence naming the field.
pub fn from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = explain(&e.inner().to_string());
        if path.is_empty() || path == "." {
            message
        } else {
            format!("字段 {path}：{message}")
        }
    })
}

/// A JSON text that does not parse, in Chinese, with where it went wrong.
pub fn explain_syntax(e: &serde_json::Error) -> String {
    let at = format!("第 {} 行第 {} 列", e.line(), e.column());
    match e.classify() {
        serde_json::error::Category::Eof => format!("JSON 不完整（{at} 处意外结束），请检查括号和引号是否成对"),
        serde_json::error::Category::Syntax => format!("JSON 语法有误（{at}），请检查逗号、引号和括号"),
        serde_json::error::Category::Io => "读取 JSON 失败".into(),
        serde_json::error::Category::Data => explain(&e.to_string()),
    }
}

/// One serde message in Chinese. Messages our own deserializers write are already Chinese and
/// pass through.
pub fn explain(message: &str) -> String {
    let m = strip_position(message);
    if m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return m.to_string();
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        return format!("缺少必填项 {}", unquote(rest));
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let (name, expected) = split_expected(rest);
        return format!("没有 {} 这一项{}", unquote(name), choices(expected));
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let (name, expected) = split_expected(rest);
        return format!("取值 {} 不在可选范围内{}", unquote(name), choices(expected));
    }
    if let Some(rest) = m.strip_prefix("duplicate field ") {
        return format!("{} 重复出现", unquote(rest));
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (got, expected) = split_expected(rest);
        return format!("类型不对：收到{}，应为{}", kind_of_value(got), kind_expected(expected.unwrap_or("")));
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (got, expected) = split_expected(rest);
        return format!("取值不对：收到{}，应为{}", kind_of_value(got), kind_expected(expected.unwrap_or("")));
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        let (got, expected) = split_expected(rest);
        return format!("个数不对：收到 {} 个，应为{}", got.trim(), kind_expected(expected.unwrap_or("")));
    }
    if m.contains("input contains invalid characters") || m.contains("premature end of input") || m.contains("input is out of range") || m.contains("trailing input") || m.contains("input is not enough for unique date") {
        return "日期或时间格式不对，应为 YYYY-MM-DD".into();
    }
    if m.contains("EOF while parsing") {
        return "JSON 不完整，请检查括号和引号是否成对".into();
    }
    "格式不对".into()
}

fn strip_position(m: &str) -> &str {
    match m.find(" at line ") {
        Some(i) => &m[..i],
        None => m,
    }
}

/// "`gift`, expected one of `a`, `b`" → ("`gift`", Some("one of `a`, `b`")).
fn split_expected(rest: &str) -> (&str, Option<&str>) {
    match rest.find(", expected ") {
        Some(i) => (&rest[..i], Some(&rest[i + ", expected ".len()..])),
        None => (rest, None),
    }
}

/// The first `quoted` name in a serde message ("`x`, there are no fields" → "x").
fn unquote(s: &str) -> String {
    let s = s.trim();
    match s.split('`').nth(1) {
        Some(name) => name.to_string(),
        None => s.to_string(),
    }
}

fn choices(expected: Option<&str>) -> String {
    let Some(e) = expected else { return String::new() };
    let list: Vec<String> = e.split('`').skip(1).step_by(2).map(str::to_string).collect();
    if list.is_empty() {
        String::new()
    } else {
        format!("（可选：{}）", list.join("、"))
    }
}

fn kind_of_value(got: &str) -> String {
    let got = got.trim();
    let (kind, shown) = match got.find(' ') {
        Some(i) => (&got[..i], got[i + 1..].trim()),
        None => (got, ""),
    };
    let word = match kind {
        "map" => "对象",
        "sequence" => "列表",
        "string" => "文字",
        "integer" => "整数",
        "floating" => "小数",
        "boolean" => "真假值",
        "null" | "unit" => "空值",
        "char" => "字符",
        _ => "其他值",
    };
    let shown = shown.trim_start_matches("point ").trim_matches('`');
    if shown.is_empty() {
        word.to_string()
    } else {
        format!("{word} {shown}")
    }
}

fn kind_expected(e: &str) -> String {
    let e = e.trim();
    let lower = e.to_ascii_lowercase();
    let word = if lower.contains("string") || lower.contains("str") && !lower.contains("struct") {
        "文字"
    } else if lower.starts_with("struct") || lower.contains("map") {
        "对象"
    } else if lower.contains("sequence") || lower.contains("tuple") || lower.contains("array") || lower.contains("vec") {
        "列表"
    } else if lower.contains("bool") {
        "true 或 false"
    } else if ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize", "isize", "integer"].iter().any(|t| lower == *t || lower.contains(t)) {
        "整数"
    } else if lower.contains("f32") || lower.contains("f64") || lower.contains("float") {
        "数字"
    } else if lower.contains("date") {
        "日期（YYYY-MM-DD）"
    } else if lower.contains("variant") || lower.contains("enum") {
        "可选值之一"
    } else {
        "正确的格式"
    };
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Args {
        name: String,
        year: i32,
        kind: Option<Kind>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Festival,
        Birthday,
    }

    fn err(v: serde_json::Value) -> String {
        from_value::<Args>(v).unwrap_err()
    }

    #[test]
    fn serde_errors_read_as_chinese_with_the_field() {
        assert_eq!(err(serde_json::json!({"name": {}, "year": 1})), "字段 name：类型不对：收到对象，应为文字");
        assert_eq!(err(serde_json::json!({"name": "a"})), "缺少必填项 year");
        assert_eq!(
            err(serde_json::json!({"name": "a", "year": 1, "kind": "gift"})),
            "字段 kind：取值 gift 不在可选范围内（可选：festival、birthday）"
        );
        assert_eq!(err(serde_json::json!({"name": "a", "year": "x"})), "字段 year：类型不对：收到文字 \"x\"，应为整数");
        assert_eq!(err(serde_json::json!({"name": "a", "year": 1, "bogus": 1})), "字段 bogus：没有 bogus 这一项（可选：name、year、kind）");
        for e in [err(serde_json::json!([])), err(serde_json::json!({"name": 1.5, "year": 1})), err(serde_json::json!({"name": "a", "year": -1.5}))] {
            for english in ["invalid", "expected", "type", "map", "sequence", "float"] {
                assert!(!e.contains(english), "{e}");
            }
        }
    }

    #[test]
    fn broken_json_text_is_explained_with_its_position() {
        let e = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        assert!(explain_syntax(&e).starts_with("JSON 不完整"));
        let e = serde_json::from_str::<serde_json::Value>("{\"a\" 1}").unwrap_err();
        assert!(explain_syntax(&e).starts_with("JSON 语法有误（第 1 行"));
    }
}
