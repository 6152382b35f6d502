//! XLSX: reading the first sheet of a workbook (calamine) into a [`Table`], and writing
//! report sheets (rust_xlsxwriter) with a title, Chinese headers and amounts as numbers in
//! "#,##0.00".

use super::table::{Table, TableRow};
use crate::error::{CoreError, Result};
use crate::money::Money;
use calamine::{Data, Reader};
use rust_decimal::prelude::*;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

/// Read the first worksheet into rows of strings with Excel row numbers.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table> {
    let cursor = std::io::Cursor::new(bytes.to_vec());
    let mut book = calamine::open_workbook_auto_from_rs(cursor)
        .map_err(|e| CoreError::invalid(format!("无法读取 Excel 文件（请确认是 .xlsx 格式）：{e}")))?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| CoreError::invalid(format!("无法读取第一个工作表：{e}")))?,
        None => return Err(CoreError::invalid("Excel 文件中没有工作表")),
    };
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let mut out: Vec<String> = vec![String::new(); col0 as usize];
        out.extend(cells.iter().map(cell_text));
        let r = TableRow { row: row0 as usize + i + 1, cells: out };
        if !r.is_blank() {
            rows.push(r);
        }
    }
    Ok(Table { rows })
}

/// A cell as a person reads it.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            if hh == 0 && mm == 0 && ss == 0 {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}")
            }
        }
        Data::DateTime(dt) => float_text(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#错误:{e}"),
    }
}

/// A spreadsheet number in plain decimal notation, to the 15 significant digits Excel keeps,
/// so a computed 0.1+0.2 reads "0.3" and 1234.5 reads "1234.5". This is the import boundary:
/// the string is then parsed exactly (e.g. by [`Money::parse`]), never used as a float.
pub fn float_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    match Decimal::from_f64_retain(f) {
        Some(d) => d.round_sf(15).unwrap_or(d).normalize().to_string(),
        None => f.to_string(),
    }
}

/// One cell of a report sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Written as a number with the "#,##0.00" format.
    Amount(Money),
    Int(i64),
    Blank,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

#[derive(Debug, Clone, Default)]
pub struct SheetRow {
    pub cells: Vec<Cell>,
    /// Totals rows (合计) are bold.
    pub bold: bool,
}

impl SheetRow {
    pub fn new(cells: Vec<Cell>) -> SheetRow {
        SheetRow { cells, bold: false }
    }
    pub fn bold(cells: Vec<Cell>) -> SheetRow {
        SheetRow { cells, bold: true }
    }
}

/// A report laid out for print: a centred title, a line with the union and period, header
/// rows (the last one is the column header; earlier ones may group columns), body rows and
/// an optional footer (signatures).
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub title: String,
    pub subtitle: String,
    /// Header rows; each is a list of (text, colspan).
    pub headers: Vec<Vec<(String, u16)>>,
    pub widths: Vec<f64>,
    pub rows: Vec<SheetRow>,
    pub footer: Vec<String>,
    pub landscape: bool,
}

impl Sheet {
    pub fn columns(&self) -> u16 {
        self.widths.len().max(1) as u16
    }
}

fn xe(e: rust_xlsxwriter::XlsxError) -> CoreError {
    CoreError::Internal(format!("生成 Excel 文件失败：{e}"))
}

/// Write sheets into an XLSX workbook and return its bytes.
pub fn write_workbook(sheets: &[Sheet]) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let title_fmt = Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter);
    let sub_fmt = Format::new().set_align(FormatAlign::Center);
    let head_fmt = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color(rust_xlsxwriter::Color::RGB(0xEEEEEE));
    let text_fmt = Format::new().set_border(FormatBorder::Thin);
    let text_bold = text_fmt.clone().set_bold();
    let amount_fmt = Format::new().set_num_format("#,##0.00").set_border(FormatBorder::Thin);
    let amount_bold = amount_fmt.clone().set_bold();
    let int_fmt = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Center);

    for sheet in sheets {
        let ws = wb.add_worksheet();
        let name: String = sheet.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        ws.set_name(if name.is_empty() { "Sheet1".to_string() } else { name }).map_err(xe)?;
        ws.set_paper_size(9); // A4
        if sheet.landscape {
            ws.set_landscape();
        }
        let last_col = sheet.columns() - 1;
        for (i, w) in sheet.widths.iter().enumerate() {
            ws.set_column_width(i as u16, *w).map_err(xe)?;
        }
        let mut row: u32 = 0;
        if last_col > 0 {
            ws.merge_range(0, 0, 0, last_col, &sheet.title, &title_fmt).map_err(xe)?;
            ws.merge_range(1, 0, 1, last_col, &sheet.subtitle, &sub_fmt).map_err(xe)?;
        } else {
            ws.write_string_with_format(0, 0, &sheet.title, &title_fmt).map_err(xe)?;
            ws.write_string_with_format(1, 0, &sheet.subtitle, &sub_fmt).map_err(xe)?;
        }
        ws.set_row_height(0, 28).map_err(xe)?;
        row += 2;
        for header in &sheet.headers {
            let mut col: u16 = 0;
            for (text, span) in header {
                let span = (*span).max(1);
                if span > 1 {
                    ws.merge_range(row, col, row, col + span - 1, text, &head_fmt).map_err(xe)?;
                } else {
                    ws.write_string_with_format(row, col, text, &head_fmt).map_err(xe)?;
                }
                col += span;
            }
            row += 1;
        }
        let header_rows = row;
        for r in &sheet.rows {
            for (c, cell) in r.cells.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) => {
                        ws.write_string_with_format(row, c, s, if r.bold { &text_bold } else { &text_fmt }).map_err(xe)?;
                    }
                    Cell::Amount(m) => {
                        // Display-only conversion, the one place a float is allowed: Excel stores
                        // numbers as f64. The value has at most two decimals and is far below
                        // 2^53 fen, so the nearest f64 shows exactly the same fen under "#,##0.00".
                        let f: f64 = m.to_string().parse().unwrap_or(0.0);
                        ws.write_number_with_format(row, c, f, if r.bold { &amount_bold } else { &amount_fmt }).map_err(xe)?;
                    }
                    Cell::Int(i) => {
                        // Counts (row numbers, voucher counts) are small integers: exact in f64.
                        ws.write_number_with_format(row, c, *i as f64, &int_fmt).map_err(xe)?;
                    }
                    Cell::Blank => {
                        ws.write_blank(row, c, &text_fmt).map_err(xe)?;
                    }
                }
            }
            row += 1;
        }
        ws.set_freeze_panes(header_rows, 0).map_err(xe)?;
        row += 1;
        for line in &sheet.footer {
            ws.write_string(row, 0, line).map_err(xe)?;
            row += 1;
        }
    }
    wb.save_to_buffer().map_err(xe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_numbers_read_as_people_see_them() {
        assert_eq!(float_text(1234.5), "1234.5");
        assert_eq!(float_text(0.1 + 0.2), "0.3");
        assert_eq!(float_text(12.345), "12.345");
        assert_eq!(float_text(50105.0), "50105");
        assert_eq!(float_text(-3.0), "-3");
    }

    #[test]
    fn a_written_sheet_reads_back_with_amounts_as_numbers() {
        let sheet = Sheet {
            name: "测试".into(),
            title: "科目余额表".into(),
            subtitle: "某工会 2026-01".into(),
            headers: vec![vec![("科目".into(), 1), ("金额".into(), 1)]],
            widths: vec![20.0, 16.0],
            rows: vec![SheetRow::new(vec![Cell::text("银行存款"), Cell::Amount(Money::parse("1234567.89").unwrap())])],
            footer: vec!["制表：王会计".into()],
            landscape: false,
        };
        let bytes = write_workbook(&[sheet]).unwrap();
        let t = read_xlsx(&bytes).unwrap();
        assert_eq!(t.rows[0].row, 1);
        assert_eq!(t.rows[0].cells[0], "科目余额表");
        let body = t.rows.iter().find(|r| r.get(0) == "银行存款").unwrap();
        assert_eq!(body.row, 4);
        assert_eq!(body.get(1), "1234567.89");
    }
}
