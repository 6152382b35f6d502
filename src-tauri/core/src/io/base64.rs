//! File contents sent over IPC as base64 (uploads, imports).

use crate::error::{CoreError, Result};

/// Decode standard base64; a "data:…;base64," prefix and whitespace are tolerated.
pub fn decode_base64(b64: &str) -> Result<Vec<u8>> {
    let b64 = b64.trim();
    let b64 = b64.split_once(";base64,").map(|(_, d)| d).unwrap_or(b64);
    let clean: String = b64.chars().filter(|c| !c.is_whitespace()).collect();
    data_encoding::BASE64.decode(clean.as_bytes()).map_err(|_| CoreError::validation("data_base64", "文件内容不是有效的 base64 编码"))
}
