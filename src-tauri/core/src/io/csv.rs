//! CSV reading: UTF-8 (with or without BOM) or GBK/GB18030, as Chinese Excel saves it.

use super::table::{Table, TableRow};
use crate::error::{CoreError, Result};

/// Decode text bytes: valid UTF-8 (a BOM is dropped) is taken as UTF-8; anything else is
/// decoded as GB18030, the superset of GBK that Chinese Windows and Excel write.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            text.into_owned()
        }
    }
}

/// Read CSV bytes into a table. The delimiter is a comma, or a tab when the first line has
/// more tabs than commas. Row numbers are Excel's: one per record, counting blank lines, so
/// a cell with a line break inside quotes does not shift the numbering.
pub fn read_csv(bytes: &[u8]) -> Result<Table> {
    let text = decode_text(bytes);
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches('\t').count() > first_line.matches(',').count() { b'\t' } else { b',' };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Newlines inside quoted cells so far: the csv reader counts them as lines, Excel does not.
    let mut embedded_newlines = 0usize;
    // Newlines before the current record, counted incrementally (linear in the file size).
    let (mut newlines_before, mut scanned) = (0usize, 0usize);
    for record in reader.records() {
        let record = record.map_err(|e| CoreError::invalid(format!("CSV 文件格式不正确：{e}")))?;
        // The reader's line counter skips blank lines; the byte offset does not.
        let mut byte = record.position().map(|p| p.byte() as usize).unwrap_or(0).min(text.len());
        // …and a record's position is where the reader resumed, before any blank lines it skipped.
        while byte < text.len() && matches!(text.as_bytes()[byte], b'\r' | b'\n') {
            byte += 1;
        }
        newlines_before += text.as_bytes()[scanned.min(byte)..byte].iter().filter(|&&b| b == b'\n').count();
        scanned = scanned.max(byte);
        let line = 1 + newlines_before;
        let row = line.saturating_sub(embedded_newlines).max(1);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        embedded_newlines += cells.iter().map(|c| c.matches('\n').count()).sum::<usize>();
        let r = TableRow { row, cells };
        if !r.is_blank() {
            rows.push(r);
        }
    }
    Ok(Table { rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_a_bom_and_gbk_decode_to_the_same_text() {
        let text = "日期,摘要\n2026-01-05,收会费\n";
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode_text(&bom), text);
        assert_eq!(decode_text(&gbk), text);
        assert_eq!(decode_text(text.as_bytes()), text);
    }

    #[test]
    fn rows_keep_their_excel_numbers_across_blank_lines_and_quoted_line_breaks() {
        let t = read_csv("a,b\n\n\"x\ny\",2\nlast,3\n".as_bytes()).unwrap();
        let nums: Vec<usize> = t.rows.iter().map(|r| r.row).collect();
        assert_eq!(nums, vec![1, 3, 4]);
        assert_eq!(t.rows[1].cells[0], "x\ny");
    }

    #[test]
    fn tab_separated_text_is_recognised() {
        let t = read_csv("日期\t摘要\n2026-01-05\t收会费\n".as_bytes()).unwrap();
        assert_eq!(t.rows[1].cells, vec!["2026-01-05", "收会费"]);
    }
}
