//! Import of the roll from XLSX or CSV (UTF-8 or GBK), all or nothing, with row-numbered
//! errors in Chinese; the import template; the roster export (花名册).

use super::roll::{self, check_past, parse_gender, Record};
use super::{events, groups, idcard, month_of};
use crate::error::{CoreError, Result, RowError};
use crate::io::table::{map_headers, read_table, TableRow};
use crate::io::xlsx::{write_workbook, Cell, Sheet, SheetRow};
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Template headers, in template order.
pub const TEMPLATE_HEADERS: &[&str] =
    &["姓名", "性别", "身份证号", "出生日期", "入会日期", "工会小组", "月工资", "状态", "手机号", "会员证号", "备注"];

const HEADERS: &[(&str, &[&str])] = &[
    ("name", &["姓名"]),
    ("gender", &["性别"]),
    ("id_number", &["身份证号", "身份证号码", "公民身份号码", "身份证"]),
    ("birth_date", &["出生日期", "出生年月日"]),
    ("join_date", &["入会日期", "入会时间"]),
    ("group", &["工会小组", "小组", "所在小组"]),
    ("wage", &["月工资", "工资", "月基本工资", "缴费基数", "工资基数"]),
    ("status", &["状态", "会员状态"]),
    ("phone", &["手机号", "手机", "电话", "联系电话", "手机号码"]),
    ("card_no", &["会员证号", "会员证编号"]),
    ("notes", &["备注"]),
    ("member_no", &["会员编号", "编号"]),
    ("department", &["部门", "所在部门"]),
    ("status_date", &["状态日期", "变动日期"]),
];

/// Status words accepted in the 状态 column: (word, initial event, later event).
fn map_status(s: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match s {
        "" | "在职" | "在会" | "在岗" | "正常" | "内退" | "入会" => ("join", None),
        "转入" => ("transfer_in", None),
        "退休" | "离休" | "退休（保留会籍）" => ("join", Some("retire")),
        "失业" | "下岗" | "待岗" | "失业/下岗" => ("join", Some("unemployed")),
        "调出" | "转出" | "已调出" => ("join", Some("transfer_out")),
        "退会" | "已退会" => ("join", Some("withdraw")),
        "去世" | "死亡" | "已去世" => ("join", Some("death")),
        _ => return None,
    })
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "MembersImportRow")]
pub struct ImportRow {
    pub row: usize,
    pub member_no: String,
    pub name: String,
    pub gender: String,
    pub birth_date: Option<NaiveDate>,
    /// Masked.
    pub id_number: Option<String>,
    pub join_date: Option<NaiveDate>,
    pub group: String,
    pub new_group: bool,
    pub wage: Option<Money>,
    pub status: String,
    pub status_label: &'static str,
    pub phone: String,
    pub card_no: String,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "MembersImportPreview")]
pub struct ImportPreview {
    pub file_name: String,
    pub count: usize,
    pub rows: Vec<ImportRow>,
    pub new_groups: Vec<String>,
    pub errors: Vec<RowError>,
    pub ok: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportedMember {
    pub id: i64,
    pub member_no: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "MembersImportResult")]
pub struct ImportResult {
    pub imported: usize,
    pub new_groups: Vec<String>,
    pub members: Vec<ImportedMember>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct FileArgs {
    pub file_name: String,
    pub data_base64: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct FileOut {
    pub file_name: String,
    pub data_base64: String,
}

/// A row that passed every check.
struct Parsed {
    row: usize,
    rec: Record,
    group: Option<String>,
    wage: Option<Money>,
    initial: (&'static str, NaiveDate),
    later: Option<(&'static str, NaiveDate)>,
}

/// Parse and check the whole file. Returns the good rows and every error.
fn parse_file(conn: &Connection, bytes: &[u8], file_name: &str, today: NaiveDate) -> Result<(Vec<Parsed>, Vec<ImportRow>, Vec<RowError>)> {
    let table = read_table(bytes, file_name)?;
    let Some((header, body)) = table.split_header() else {
        return Err(CoreError::RowErrors(vec![RowError { row: 1, message: "文件中没有任何内容".into() }]));
    };
    let cols: HashMap<&str, Option<usize>> = map_headers(header, HEADERS).into_iter().collect();
    let mut missing = Vec::new();
    for (key, label) in [("name", "姓名"), ("join_date", "入会日期")] {
        if cols[key].is_none() {
            missing.push(RowError { row: header.row, message: format!("缺少“{label}”列（表头应为：{}）", TEMPLATE_HEADERS.join("、")) });
        }
    }
    if cols["gender"].is_none() && cols["id_number"].is_none() {
        missing.push(RowError { row: header.row, message: "缺少“性别”列".into() });
    }
    if !missing.is_empty() {
        return Err(CoreError::RowErrors(missing));
    }
    let cell = |r: &TableRow, key: &str| -> String { cols[key].map(|c| r.get(c).trim().to_string()).unwrap_or_default() };

    let start_month = crate::book::settings(conn)?.start_month;
    let book_start = crate::book::parse_month(&start_month)?;
    let existing_groups: HashSet<String> = groups::list(conn)?.into_iter().map(|g| g.name).collect();
    let mut used_nos: HashSet<String> = {
        let mut stmt = conn.prepare("SELECT member_no FROM members")?;
        let v = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<HashSet<_>>>()?;
        v
    };
    let mut next_no: u64 = used_nos.iter().filter_map(|s| s.trim().parse::<u64>().ok()).max().unwrap_or(0) + 1;
    let mut ids_in_file: HashMap<String, usize> = HashMap::new();
    let mut nos_in_file: HashMap<String, usize> = HashMap::new();
    let (mut parsed, mut preview, mut errors) = (Vec::new(), Vec::new(), Vec::new());

    for r in body.iter().filter(|r| !r.is_blank()) {
        let row = r.row;
        let mut errs: Vec<String> = Vec::new();
        let name = cell(r, "name");
        if name.is_empty() {
            errs.push("姓名不能为空".into());
        } else if name.chars().count() > 50 {
            errs.push("姓名不能超过 50 个字".into());
        }
        let gender_text = cell(r, "gender");
        let mut gender = if gender_text.is_empty() {
            None
        } else {
            match parse_gender(&gender_text) {
                Ok(g) => Some(g),
                Err(e) => {
                    errs.push(e);
                    None
                }
            }
        };
        let date_field = |label: &str, text: &str, errs: &mut Vec<String>| -> Option<NaiveDate> {
            if text.is_empty() {
                return None;
            }
            match super::parse_date_text(text) {
                Ok(d) => match check_past(label, d, today) {
                    Ok(()) => Some(d),
                    Err(e) => {
                        errs.push(e);
                        None
                    }
                },
                Err(e) => {
                    errs.push(format!("{label}：{e}"));
                    None
                }
            }
        };
        let mut birth_date = date_field("出生日期", &cell(r, "birth_date"), &mut errs);
        let join_text = cell(r, "join_date");
        let join_date = date_field("入会日期", &join_text, &mut errs);
        if join_text.is_empty() {
            errs.push("入会日期不能为空".into());
        }
        let id_text = cell(r, "id_number");
        let mut id_number = None;
        if !id_text.is_empty() {
            match idcard::parse(&id_text) {
                Err(e) => errs.push(e),
                Ok(info) => {
                    let birth_given = birth_date.is_some() || cell(r, "birth_date").is_empty();
                    errs.extend(idcard::cross_check(&info, gender, if birth_given { birth_date } else { None }));
                    gender.get_or_insert(info.gender);
                    birth_date.get_or_insert(info.birth_date);
                    if let Some(first) = ids_in_file.get(&info.number) {
                        errs.push(format!("身份证号与第 {first} 行重复"));
                    } else {
                        ids_in_file.insert(info.number.clone(), row);
                    }
                    let in_book: Option<String> = conn
                        .query_row("SELECT member_no || ' ' || name FROM members WHERE id_number = ?1", [&info.number], |r| r.get(0))
                        .optional()?;
                    if let Some(who) = in_book {
                        errs.push(format!("身份证号已登记在会员 {who} 名下"));
                    }
                    id_number = Some(info.number);
                }
            }
        }
        if gender.is_none() && gender_text.is_empty() {
            errs.push("性别不能为空（填“男”或“女”）".into());
        }
        if let (Some(b), Some(j)) = (birth_date, join_date) {
            if j <= b {
                errs.push(format!("入会日期 {j} 早于出生日期 {b}"));
            }
        }
        let wage_text = cell(r, "wage");
        let wage = if wage_text.is_empty() {
            None
        } else {
            match Money::parse(&wage_text) {
                Ok(m) if m.is_negative() => {
                    errs.push(format!("月工资“{wage_text}”不能为负数"));
                    None
                }
                Ok(m) => Some(m),
                Err(_) => {
                    errs.push(format!("月工资“{wage_text}”不是有效的金额"));
                    None
                }
            }
        };
        let status_text = cell(r, "status");
        let status = map_status(&status_text);
        if status.is_none() {
            errs.push(format!("未知状态“{status_text}”（可填：在职、在会、退休、失业、下岗、转入、调出、退会、去世）"));
        }
        let status_date = date_field("状态日期", &cell(r, "status_date"), &mut errs);
        let member_no_text = cell(r, "member_no");
        let member_no = if member_no_text.is_empty() {
            while used_nos.contains(&format!("{next_no:04}")) {
                next_no += 1;
            }
            let no = format!("{next_no:04}");
            next_no += 1;
            no
        } else {
            if let Some(first) = nos_in_file.get(&member_no_text) {
                errs.push(format!("会员编号 {member_no_text} 与第 {first} 行重复"));
            } else if used_nos.contains(&member_no_text) {
                errs.push(format!("会员编号 {member_no_text} 已被使用"));
            }
            nos_in_file.insert(member_no_text.clone(), row);
            member_no_text
        };
        used_nos.insert(member_no.clone());
        let group = Some(cell(r, "group")).filter(|g| !g.is_empty());
        if group.as_ref().is_some_and(|g| g.chars().count() > 50) {
            errs.push("工会小组名称不能超过 50 个字".into());
        }

        let (initial_kind, later_kind) = status.unwrap_or(("join", None));
        let mut initial = None;
        let mut later = None;
        if let Some(j) = join_date {
            initial = Some((initial_kind, if initial_kind == "transfer_in" { status_date.unwrap_or(j) } else { j }));
            if let Some(k) = later_kind {
                // Without a 状态日期 the status is taken to hold since before the book began.
                let d = status_date.unwrap_or_else(|| (book_start - chrono::Duration::days(1)).max(j));
                if d < j {
                    errs.push(format!("状态日期 {d} 早于入会日期 {j}"));
                }
                later = Some((k, d));
            }
        }
        let status_code = events::status_after(later_kind.unwrap_or(initial_kind));
        preview.push(ImportRow {
            row,
            member_no: member_no.clone(),
            name: name.clone(),
            gender: gender.unwrap_or("").to_string(),
            birth_date,
            id_number: id_number.as_deref().map(idcard::mask),
            join_date,
            group: group.clone().unwrap_or_default(),
            new_group: group.as_ref().is_some_and(|g| !existing_groups.contains(g)),
            wage,
            status: status_code.to_string(),
            status_label: events::status_label(status_code),
            phone: cell(r, "phone"),
            card_no: cell(r, "card_no"),
            notes: cell(r, "notes"),
        });
        if !errs.is_empty() {
            errors.extend(errs.into_iter().map(|message| RowError { row, message }));
            continue;
        }
        let (Some(gender), Some(join_date), Some(initial)) = (gender, join_date, initial) else { continue };
        parsed.push(Parsed {
            row,
            rec: Record {
                member_no,
                name,
                gender: gender.to_string(),
                birth_date,
                id_number,
                phone: cell(r, "phone"),
                group_id: None,
                department: cell(r, "department"),
                join_date,
                card_no: cell(r, "card_no"),
                dues_rule: "standard".into(),
                fixed_fen: None,
                notes: cell(r, "notes"),
            },
            group,
            wage,
            initial,
            later,
        });
    }
    if preview.is_empty() && errors.is_empty() {
        errors.push(RowError { row: header.row + 1, message: "表头以下没有会员数据".into() });
    }
    Ok((parsed, preview, errors))
}

fn new_groups_of(preview: &[ImportRow]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in preview.iter().filter(|r| r.new_group) {
        if !out.contains(&r.group) {
            out.push(r.group.clone());
        }
    }
    out
}

/// What the import would do, with every error; writes nothing.
pub fn preview(conn: &Connection, bytes: &[u8], file_name: &str, today: NaiveDate) -> Result<ImportPreview> {
    let (_, rows, errors) = match parse_file(conn, bytes, file_name, today) {
        Ok(x) => x,
        Err(CoreError::RowErrors(errors)) => (Vec::new(), Vec::new(), errors),
        Err(e) => return Err(e),
    };
    Ok(ImportPreview {
        file_name: file_name.to_string(),
        count: rows.len(),
        new_groups: new_groups_of(&rows),
        ok: errors.is_empty() && !rows.is_empty(),
        rows,
        errors,
    })
}

/// Import the roll: every row or none (CoreError::RowErrors names each bad row). The caller
/// runs this inside a transaction.
pub fn import(conn: &Connection, bytes: &[u8], file_name: &str, today: NaiveDate, now: &str) -> Result<ImportResult> {
    let (parsed, rows, errors) = parse_file(conn, bytes, file_name, today)?;
    if !errors.is_empty() {
        return Err(CoreError::RowErrors(errors));
    }
    let new_groups = new_groups_of(&rows);
    let mut members = Vec::with_capacity(parsed.len());
    for mut p in parsed {
        if let Some(g) = &p.group {
            p.rec.group_id = Some(groups::find_or_create(conn, g, now)?);
        }
        let wage = p.wage.map(|w| (month_of(p.rec.join_date), w.fen()));
        let id = roll::insert(conn, &p.rec, p.initial, wage, now).map_err(|e| row_error(p.row, e))?;
        if let Some((kind, date)) = p.later {
            conn.execute(
                "INSERT INTO member_events (member_id, event, date, note, initial, created_at) VALUES (?1, ?2, ?3, '导入', 0, ?4)",
                rusqlite::params![id, kind, date.to_string(), now],
            )?;
            events::refresh_status(conn, id, now).map_err(|e| row_error(p.row, e))?;
        }
        members.push(ImportedMember { id, member_no: p.rec.member_no, name: p.rec.name });
    }
    Ok(ImportResult { imported: members.len(), new_groups, members })
}

fn row_error(row: usize, e: CoreError) -> CoreError {
    CoreError::RowErrors(vec![RowError { row, message: e.to_string() }])
}

/// A valid example ID (the check character computed), for the template.
fn example_id() -> String {
    let body = "32108819800501123";
    format!("{body}{}", idcard::check_char(body).expect("17 digits"))
}

/// The import template: the headers in row 1 and one example row.
pub fn template() -> Result<FileOut> {
    use rust_xlsxwriter::{Format, Workbook};
    let xe = |e: rust_xlsxwriter::XlsxError| CoreError::Internal(format!("生成 Excel 文件失败：{e}"));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("会员名册").map_err(xe)?;
    let head = Format::new().set_bold().set_background_color(rust_xlsxwriter::Color::RGB(0xEEEEEE));
    let text = Format::new().set_num_format("@");
    let example = [
        "张三",
        "男",
        &example_id(),
        "1980-05-01",
        "2010-07-01",
        "第一小组",
        "5678.90",
        "在职",
        "13800000000",
        "GH0001",
        "示例行，导入前请删除",
    ];
    let widths = [10.0, 6.0, 22.0, 12.0, 12.0, 14.0, 10.0, 8.0, 14.0, 12.0, 24.0];
    for (c, h) in TEMPLATE_HEADERS.iter().enumerate() {
        let c = c as u16;
        ws.set_column_width(c, widths[c as usize]).map_err(xe)?;
        ws.set_column_format(c, &text).map_err(xe)?;
        ws.write_string_with_format(0, c, *h, &head).map_err(xe)?;
        ws.write_string_with_format(1, c, example[c as usize], &text).map_err(xe)?;
    }
    let bytes = wb.save_to_buffer().map_err(xe)?;
    Ok(FileOut { file_name: "会员导入模板.xlsx".into(), data_base64: data_encoding::BASE64.encode(&bytes) })
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
pub struct ExportArgs {
    /// Full ID numbers instead of masked ones.
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub include_id: bool,
    #[serde(flatten)]
    pub filter: roll::MemberFilter,
}

/// The roster (花名册) as XLSX; ID numbers masked unless asked.
pub fn export_xlsx(conn: &Connection, a: &ExportArgs, today: NaiveDate) -> Result<FileOut> {
    let members = roll::list(conn, &a.filter, today)?;
    let full_ids: HashMap<i64, String> = if a.include_id {
        let mut stmt = conn.prepare("SELECT id, id_number FROM members WHERE id_number IS NOT NULL")?;
        let v = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        v
    } else {
        HashMap::new()
    };
    let s = crate::book::settings(conn)?;
    let opt = |d: Option<NaiveDate>| d.map(|d| Cell::text(d.to_string())).unwrap_or(Cell::Blank);
    let rows: Vec<SheetRow> = members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let id = if a.include_id { full_ids.get(&m.id).cloned() } else { m.id_number.clone() };
            SheetRow::new(vec![
                Cell::Int(i as i64 + 1),
                Cell::text(&m.member_no),
                Cell::text(&m.name),
                Cell::text(&m.gender),
                opt(m.birth_date),
                id.map(Cell::text).unwrap_or(Cell::Blank),
                Cell::text(m.group.clone().unwrap_or_default()),
                Cell::text(&m.department),
                Cell::text(m.join_date.to_string()),
                Cell::text(&m.card_no),
                m.wage_base.map(Cell::Amount).unwrap_or(Cell::Blank),
                Cell::text(m.status_label),
                Cell::text(&m.phone),
            ])
        })
        .collect();
    let heads = ["序号", "会员编号", "姓名", "性别", "出生日期", "身份证号", "工会小组", "部门", "入会日期", "会员证号", "月工资", "状态", "手机号"];
    let sheet = Sheet {
        name: "会员花名册".into(),
        title: "会员花名册".into(),
        subtitle: format!("{}　　{} 　共 {} 人", s.union_name, today, members.len()),
        headers: vec![heads.iter().map(|h| (h.to_string(), 1)).collect()],
        widths: vec![6.0, 10.0, 10.0, 6.0, 12.0, 22.0, 14.0, 12.0, 12.0, 12.0, 11.0, 16.0, 14.0],
        rows,
        footer: vec![],
        landscape: true,
    };
    let bytes = write_workbook(&[sheet])?;
    Ok(FileOut { file_name: format!("会员花名册-{today}.xlsx"), data_base64: data_encoding::BASE64.encode(&bytes) })
}
