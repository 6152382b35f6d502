//! A table read from an XLSX or CSV file: rows of trimmed strings, each with the 1-based row
//! number Excel shows for it, so importers can say "第 5 行：…".

use crate::error::{CoreError, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// 1-based row number as shown by Excel (the header is normally row 1).
    pub row: usize,
    pub cells: Vec<String>,
}

impl TableRow {
    pub fn get(&self, col: usize) -> &str {
        self.cells.get(col).map(|s| s.as_str()).unwrap_or("")
    }
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Every non-blank row of the file's first sheet, in order. Blank rows are dropped but the
/// numbering of the others is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<TableRow>,
}

impl Table {
    /// The first non-blank row (the header) and the rows after it.
    pub fn split_header(&self) -> Option<(&TableRow, &[TableRow])> {
        let (first, rest) = self.rows.split_first()?;
        Some((first, rest))
    }
}

/// Which kind of file the bytes are: by extension first, then by content (XLSX is a ZIP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Xlsx,
    Csv,
}

pub fn detect_kind(bytes: &[u8], file_name: &str) -> Result<FileKind> {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") || lower.ends_with(".xls") || lower.ends_with(".ods") {
        return Ok(FileKind::Xlsx);
    }
    if lower.ends_with(".csv") || lower.ends_with(".txt") || lower.ends_with(".tsv") {
        return Ok(FileKind::Csv);
    }
    // PK\x03\x04 (zip: xlsx/ods) or the OLE header of an old .xls
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Ok(FileKind::Xlsx);
    }
    if bytes.is_empty() {
        return Err(CoreError::invalid("文件是空的"));
    }
    Ok(FileKind::Csv)
}

/// Read the first worksheet of an XLSX (or XLS/ODS) file, or a CSV file in UTF-8 (with or
/// without BOM) or GBK, into rows of strings with Excel row numbers.
///
/// Cell values become strings the way a person reads them: numbers in plain decimal notation
/// (to Excel's 15 significant digits, so "1234.5" not "1234.4999999"), dates as YYYY-MM-DD.
pub fn read_table(bytes: &[u8], file_name: &str) -> Result<Table> {
    match detect_kind(bytes, file_name)? {
        FileKind::Xlsx => super::xlsx::read_xlsx(bytes),
        FileKind::Csv => super::csv::read_csv(bytes),
    }
}

/// Find the column of each wanted header. `wanted` lists (key, aliases); a header cell matches
/// when, with spaces and a trailing "（元）"/"(元)" removed, it equals one alias.
pub fn map_headers(header: &TableRow, wanted: &[(&'static str, &[&str])]) -> Vec<(&'static str, Option<usize>)> {
    let norm = |s: &str| -> String {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.trim_start_matches('\u{feff}').to_string();
        for suffix in ["（元）", "(元)", "（张）", "(张)", "*"] {
            if let Some(stripped) = s.strip_suffix(suffix) {
                return stripped.to_string();
            }
        }
        s
    };
    let cells: Vec<String> = header.cells.iter().map(|c| norm(c)).collect();
    wanted
        .iter()
        .map(|(key, aliases)| (*key, cells.iter().position(|c| aliases.iter().any(|a| a == c))))
        .collect()
}
