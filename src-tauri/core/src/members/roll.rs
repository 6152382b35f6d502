//! The roll: create, update, get, list, delete, wage history, children.

use super::events::{self, Event};
use super::{check_month, date_col, idcard, month_of, opt_date};
use crate::error::{CoreError, Result};
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

pub const DUES_RULES: &[(&str, &str)] = &[("standard", "按工资比例"), ("exempt", "免缴"), ("fixed", "定额")];

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Wage {
    pub effective_from: String,
    pub wage: Money,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, ts_rs::TS)]
pub struct Child {
    #[serde(default)]
    pub id: Option<i64>,
    pub name: String,
    pub birth_date: String,
}

/// The open hardship file, in brief (level only; the reason stays in the hardship view).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct HardshipBrief {
    pub id: i64,
    pub level: String,
    pub identified_on: String,
    pub next_review_on: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Member {
    pub id: i64,
    pub member_no: String,
    pub name: String,
    pub gender: String,
    pub birth_date: Option<NaiveDate>,
    /// Masked: 3210**********123X.
    pub id_number: Option<String>,
    pub phone: String,
    pub group_id: Option<i64>,
    pub group: Option<String>,
    pub department: String,
    pub join_date: NaiveDate,
    pub card_no: String,
    /// The wage base in force this month (None if never set).
    pub wage_base: Option<Money>,
    pub dues_rule: String,
    pub dues_rule_label: &'static str,
    pub fixed_amount: Option<Money>,
    pub notes: String,
    pub status: String,
    pub status_label: &'static str,
    pub status_date: NaiveDate,
    pub in_membership: bool,
    pub wages: Vec<Wage>,
    pub children: Vec<Child>,
    pub events: Vec<Event>,
    pub hardship: Option<HardshipBrief>,
    pub hardship_files: i64,
    /// False once the member has dues charges, payments, journal lines or payouts.
    pub can_delete: bool,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct MemberListItem {
    pub id: i64,
    pub member_no: String,
    pub name: String,
    pub gender: String,
    pub birth_date: Option<NaiveDate>,
    pub id_number: Option<String>,
    pub phone: String,
    pub group_id: Option<i64>,
    pub group: Option<String>,
    pub department: String,
    pub join_date: NaiveDate,
    pub card_no: String,
    pub wage_base: Option<Money>,
    pub dues_rule: String,
    pub fixed_amount: Option<Money>,
    pub status: String,
    pub status_label: &'static str,
    pub status_date: NaiveDate,
    pub in_membership: bool,
    pub notes: String,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct ChildInput {
    pub name: String,
    pub birth_date: String,
}

/// The member form. Dates are text as typed; null or "" for none.
#[derive(Debug, Clone, Deserialize, Default, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct MemberInput {
    #[serde(default)]
    pub member_no: Option<String>,
    pub name: String,
    #[serde(default)]
    pub gender: Option<String>,
    #[serde(default)]
    pub birth_date: Option<String>,
    #[serde(default)]
    pub id_number: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub group_id: Option<i64>,
    #[serde(default)]
    pub department: Option<String>,
    pub join_date: String,
    #[serde(default)]
    pub card_no: Option<String>,
    /// Create only: the first wage base, effective from `wage_effective_from` (default the join month).
    #[serde(default)]
    pub wage: Option<Money>,
    #[serde(default)]
    pub wage_effective_from: Option<String>,
    #[serde(default)]
    pub dues_rule: Option<String>,
    #[serde(default)]
    pub fixed_amount: Option<Money>,
    #[serde(default)]
    pub children: Option<Vec<ChildInput>>,
    #[serde(default)]
    pub notes: Option<String>,
    /// Create only: the member came by transfer (转入) on this date; dues start that month.
    #[serde(default)]
    pub transfer_in_date: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct MemberUpdate {
    pub id: i64,
    #[serde(flatten)]
    pub input: MemberInput,
}

/// A validated record ready to write.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub member_no: String,
    pub name: String,
    pub gender: String,
    pub birth_date: Option<NaiveDate>,
    pub id_number: Option<String>,
    pub phone: String,
    pub group_id: Option<i64>,
    pub department: String,
    pub join_date: NaiveDate,
    pub card_no: String,
    pub dues_rule: String,
    pub fixed_fen: Option<i64>,
    pub notes: String,
}

fn text(s: &Option<String>) -> String {
    s.as_deref().unwrap_or("").trim().to_string()
}

/// Gender as 男/女 (also M/F, male/female).
pub fn parse_gender(s: &str) -> std::result::Result<&'static str, String> {
    match s.trim() {
        "男" | "M" | "m" | "male" => Ok("男"),
        "女" | "F" | "f" | "female" => Ok("女"),
        other => Err(format!("性别应为“男”或“女”，不能是“{other}”")),
    }
}

/// Dates of people and events must be real and not in the future.
pub fn check_past(label: &str, d: NaiveDate, today: NaiveDate) -> std::result::Result<(), String> {
    if d > today {
        return Err(format!("{label} {d} 晚于今天"));
    }
    if d < NaiveDate::from_ymd_opt(1900, 1, 1).expect("date") {
        return Err(format!("{label} {d} 不合理"));
    }
    Ok(())
}

/// The next free numeric member number, four digits: "0001", "0002", …
pub fn next_member_no(conn: &Connection) -> Result<String> {
    let mut stmt = conn.prepare("SELECT member_no FROM members")?;
    let max = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .filter_map(|r| r.ok())
        .filter_map(|s| s.trim().parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    Ok(format!("{:04}", max + 1))
}

fn fmt_member_ref(conn: &Connection, id: i64) -> String {
    conn.query_row("SELECT member_no || ' ' || name FROM members WHERE id = ?1", [id], |r| r.get::<_, String>(0))
        .unwrap_or_default()
}

pub(crate) fn validate(conn: &Connection, inp: &MemberInput, existing: Option<i64>, today: NaiveDate) -> Result<Record> {
    let name = inp.name.trim().to_string();
    if name.is_empty() {
        return Err(CoreError::validation("name", "请填写姓名"));
    }
    if name.chars().count() > 50 {
        return Err(CoreError::validation("name", "姓名不能超过 50 个字"));
    }
    let member_no = match inp.member_no.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(no) => no.to_string(),
        None => match existing {
            Some(id) => conn.query_row("SELECT member_no FROM members WHERE id = ?1", [id], |r| r.get(0))?,
            None => next_member_no(conn)?,
        },
    };
    let clash: Option<i64> = conn
        .query_row("SELECT id FROM members WHERE member_no = ?1 AND id IS NOT ?2", params![member_no, existing], |r| r.get(0))
        .optional()?;
    if clash.is_some() {
        return Err(CoreError::validation("member_no", format!("会员编号 {member_no} 已被使用")));
    }
    let mut birth_date = opt_date("birth_date", "出生日期", &inp.birth_date)?;
    if let Some(b) = birth_date {
        check_past("出生日期", b, today).map_err(|e| CoreError::validation("birth_date", e))?;
    }
    let mut gender = match inp.gender.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(g) => Some(parse_gender(g).map_err(|e| CoreError::validation("gender", e))?),
        None => None,
    };
    // The masked number shown by get/list comes back unchanged on every edit: stand the
    // stored number in for it, so gender and birth date are still checked against it.
    let full_id: Option<String> = match inp.id_number.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) if raw.contains('*') => {
            let stored: Option<String> = match existing {
                Some(id) => conn.query_row("SELECT id_number FROM members WHERE id = ?1", [id], |r| r.get(0))?,
                None => None,
            };
            match stored {
                Some(s) if idcard::mask(&s) == raw => Some(s),
                _ => return Err(CoreError::validation("id_number", "请填写完整的身份证号")),
            }
        }
        Some(raw) => Some(raw.to_string()),
    };
    let id_number = match full_id {
        None => None,
        Some(raw) => {
            let info = idcard::parse(&raw).map_err(|e| CoreError::validation("id_number", e))?;
            let problems = idcard::cross_check(&info, gender, birth_date);
            if let Some(p) = problems.into_iter().next() {
                return Err(CoreError::validation("id_number", p));
            }
            gender.get_or_insert(info.gender);
            birth_date.get_or_insert(info.birth_date);
            let clash: Option<i64> = conn
                .query_row("SELECT id FROM members WHERE id_number = ?1 AND id IS NOT ?2", params![info.number, existing], |r| r.get(0))
                .optional()?;
            if let Some(other) = clash {
                return Err(CoreError::validation("id_number", format!("身份证号已登记在会员 {} 名下", fmt_member_ref(conn, other))));
            }
            Some(info.number)
        }
    };
    let gender = gender.ok_or_else(|| CoreError::validation("gender", "请选择性别"))?;
    let join_date = super::parse_date_text(&inp.join_date).map_err(|e| CoreError::validation("join_date", format!("入会日期：{e}")))?;
    check_past("入会日期", join_date, today).map_err(|e| CoreError::validation("join_date", e))?;
    if let Some(b) = birth_date {
        if join_date <= b {
            return Err(CoreError::validation("join_date", "入会日期应晚于出生日期"));
        }
    }
    if let Some(g) = inp.group_id {
        super::groups::ensure_exists(conn, g)?;
    }
    let dues_rule = inp.dues_rule.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or("standard");
    let dues_rule = DUES_RULES
        .iter()
        .find(|(c, l)| *c == dues_rule || *l == dues_rule)
        .map(|(c, _)| c.to_string())
        .ok_or_else(|| CoreError::validation("dues_rule", format!("未知的会费规则“{dues_rule}”（standard 按工资比例 / exempt 免缴 / fixed 定额）")))?;
    let fixed_fen = if dues_rule == "fixed" {
        let m = inp.fixed_amount.ok_or_else(|| CoreError::validation("fixed_amount", "定额缴纳的会员请填写每月会费金额"))?;
        if m.is_negative() {
            return Err(CoreError::validation("fixed_amount", "定额会费不能为负数"));
        }
        Some(m.fen())
    } else {
        None
    };
    let phone = text(&inp.phone);
    if phone.chars().count() > 30 {
        return Err(CoreError::validation("phone", "手机号过长"));
    }
    Ok(Record {
        member_no,
        name,
        gender: gender.to_string(),
        birth_date,
        id_number,
        phone,
        group_id: inp.group_id,
        department: text(&inp.department),
        join_date,
        card_no: text(&inp.card_no),
        dues_rule,
        fixed_fen,
        notes: text(&inp.notes),
    })
}

fn validate_children(children: &[ChildInput], today: NaiveDate) -> Result<Vec<(String, NaiveDate)>> {
    children
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = c.name.trim().to_string();
            if name.is_empty() {
                return Err(CoreError::validation("children", format!("第 {} 个子女请填写姓名", i + 1)));
            }
            let d = super::parse_date_text(&c.birth_date)
                .map_err(|e| CoreError::validation("children", format!("子女“{name}”出生日期：{e}")))?;
            check_past("子女出生日期", d, today).map_err(|e| CoreError::validation("children", e))?;
            Ok((name, d))
        })
        .collect()
}

fn write_children(conn: &Connection, member_id: i64, children: &[(String, NaiveDate)]) -> Result<()> {
    conn.execute("DELETE FROM member_children WHERE member_id = ?1", [member_id])?;
    for (name, d) in children {
        conn.execute(
            "INSERT INTO member_children (member_id, name, birth_date) VALUES (?1, ?2, ?3)",
            params![member_id, name, d.to_string()],
        )?;
    }
    Ok(())
}

/// Insert a validated record with its initial event and first wage. Returns the new id.
pub(crate) fn insert(
    conn: &Connection,
    rec: &Record,
    initial_event: (&str, NaiveDate),
    wage: Option<(String, i64)>,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO members (member_no, name, name_initials, gender, birth_date, id_number, phone, group_id, department,
             join_date, card_no, dues_rule, fixed_dues_fen, notes, status, status_date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'active', ?10, ?15, ?15)",
        params![
            rec.member_no,
            rec.name,
            crate::ledger::pinyin::initials(&rec.name),
            rec.gender,
            rec.birth_date.map(|d| d.to_string()),
            rec.id_number,
            rec.phone,
            rec.group_id,
            rec.department,
            rec.join_date.to_string(),
            rec.card_no,
            rec.dues_rule,
            rec.fixed_fen,
            rec.notes,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO member_events (member_id, event, date, note, initial, created_at) VALUES (?1, ?2, ?3, '', 1, ?4)",
        params![id, initial_event.0, initial_event.1.to_string(), now],
    )?;
    if let Some((from, fen)) = wage {
        conn.execute(
            "INSERT INTO member_wages (member_id, effective_from, wage_fen) VALUES (?1, ?2, ?3)",
            params![id, from, fen],
        )?;
    }
    events::refresh_status(conn, id, now)?;
    Ok(id)
}

pub fn create(conn: &Connection, inp: &MemberInput, today: NaiveDate, now: &str) -> Result<Member> {
    let rec = validate(conn, inp, None, today)?;
    let children = validate_children(inp.children.as_deref().unwrap_or(&[]), today)?;
    let wage = match inp.wage {
        None => None,
        Some(w) if w.is_negative() => return Err(CoreError::validation("wage", "月工资不能为负数")),
        Some(w) => {
            let from = match inp.wage_effective_from.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(m) => check_month("wage_effective_from", m)?,
                None => month_of(rec.join_date),
            };
            Some((from, w.fen()))
        }
    };
    let initial = match opt_date("transfer_in_date", "转入日期", &inp.transfer_in_date)? {
        Some(d) => {
            check_past("转入日期", d, today).map_err(|e| CoreError::validation("transfer_in_date", e))?;
            ("transfer_in", d)
        }
        None => ("join", rec.join_date),
    };
    let id = insert(conn, &rec, initial, wage, now)?;
    write_children(conn, id, &children)?;
    get_on(conn, id, today)
}

pub fn update(conn: &Connection, u: &MemberUpdate, today: NaiveDate, now: &str) -> Result<Member> {
    ensure_exists(conn, u.id)?;
    let rec = validate(conn, &u.input, Some(u.id), today)?;
    conn.execute(
        "UPDATE members SET member_no = ?2, name = ?3, name_initials = ?4, gender = ?5, birth_date = ?6, id_number = ?7,
             phone = ?8, group_id = ?9, department = ?10, join_date = ?11, card_no = ?12, dues_rule = ?13,
             fixed_dues_fen = ?14, notes = ?15, updated_at = ?16
         WHERE id = ?1",
        params![
            u.id,
            rec.member_no,
            rec.name,
            crate::ledger::pinyin::initials(&rec.name),
            rec.gender,
            rec.birth_date.map(|d| d.to_string()),
            rec.id_number,
            rec.phone,
            rec.group_id,
            rec.department,
            rec.join_date.to_string(),
            rec.card_no,
            rec.dues_rule,
            rec.fixed_fen,
            rec.notes,
            now
        ],
    )?;
    // The initial 入会 event follows the join date.
    conn.execute(
        "UPDATE member_events SET date = ?2 WHERE member_id = ?1 AND initial = 1 AND event = 'join'",
        params![u.id, rec.join_date.to_string()],
    )?;
    events::refresh_status(conn, u.id, now)?;
    if let Some(children) = &u.input.children {
        let children = validate_children(children, today)?;
        write_children(conn, u.id, &children)?;
    }
    get_on(conn, u.id, today)
}

pub fn ensure_exists(conn: &Connection, id: i64) -> Result<()> {
    let ok: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM members WHERE id = ?1)", [id], |r| r.get(0))?;
    if ok {
        Ok(())
    } else {
        Err(CoreError::NotFound(format!("会员（编号 {id}）")))
    }
}

/// SQL for the wage base in force in month ?cur (else the earliest one set).
const WAGE_SQL: &str = "COALESCE(
    (SELECT w.wage_fen FROM member_wages w WHERE w.member_id = m.id AND w.effective_from <= :cur ORDER BY w.effective_from DESC LIMIT 1),
    (SELECT w.wage_fen FROM member_wages w WHERE w.member_id = m.id ORDER BY w.effective_from LIMIT 1))";

fn list_select() -> String {
    format!(
        "SELECT m.id, m.member_no, m.name, m.gender, m.birth_date, m.id_number, m.phone, m.group_id, g.name, m.department,
                m.join_date, m.card_no, {WAGE_SQL} AS wage_fen, m.dues_rule, m.fixed_dues_fen, m.status, m.status_date, m.notes
         FROM members m LEFT JOIN member_groups g ON g.id = m.group_id"
    )
}

fn row_to_item(r: &rusqlite::Row) -> rusqlite::Result<MemberListItem> {
    let status: String = r.get(15)?;
    Ok(MemberListItem {
        id: r.get(0)?,
        member_no: r.get(1)?,
        name: r.get(2)?,
        gender: r.get(3)?,
        birth_date: r.get::<_, Option<String>>(4)?.map(date_col),
        id_number: r.get::<_, Option<String>>(5)?.map(|s| idcard::mask(&s)),
        phone: r.get(6)?,
        group_id: r.get(7)?,
        group: r.get(8)?,
        department: r.get(9)?,
        join_date: date_col(r.get(10)?),
        card_no: r.get(11)?,
        wage_base: r.get::<_, Option<i64>>(12)?.map(Money::from_fen),
        dues_rule: r.get(13)?,
        fixed_amount: r.get::<_, Option<i64>>(14)?.map(Money::from_fen),
        status_label: events::status_label(&status),
        in_membership: events::in_membership(&status),
        status,
        status_date: date_col(r.get(16)?),
        notes: r.get(17)?,
    })
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct MemberFilter {
    #[serde(default)]
    pub search: Option<String>,
    #[serde(default)]
    pub group_id: Option<i64>,
    /// A status code (active, retired, unemployed, transferred_out, withdrawn, deceased),
    /// or "member" (在会 and 保留会籍) or "left" (调出, 退会, 去世).
    #[serde(default)]
    pub status: Option<String>,
    /// member_no (default), name, gender, birth_date, phone, group, department, join_date,
    /// card_no, wage_base, dues_rule, status, status_date.
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub desc: bool,
}

/// The roll, filtered and sorted. ID numbers masked; no hardship data.
pub fn list(conn: &Connection, f: &MemberFilter, today: NaiveDate) -> Result<Vec<MemberListItem>> {
    let mut sql = format!("{} WHERE 1 = 1", list_select().replace(":cur", "?1"));
    let mut args: Vec<rusqlite::types::Value> = vec![month_of(today).into()];
    if let Some(s) = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let esc = s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        args.push(format!("%{esc}%").into());
        args.push(format!("%{}%", esc.to_lowercase()).into());
        let a = args.len() - 1;
        sql.push_str(&format!(
            " AND (m.name LIKE ?{a} ESCAPE '\\' OR m.member_no LIKE ?{a} ESCAPE '\\' OR m.phone LIKE ?{a} ESCAPE '\\'
                   OR m.card_no LIKE ?{a} ESCAPE '\\' OR m.name_initials LIKE ?{b} ESCAPE '\\')",
            b = a + 1
        ));
    }
    if let Some(g) = f.group_id {
        args.push(g.into());
        sql.push_str(&format!(" AND m.group_id = ?{}", args.len()));
    }
    match f.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None | Some("all") => {}
        Some("member") => sql.push_str(" AND m.status IN ('active', 'retired', 'unemployed')"),
        Some("left") => sql.push_str(" AND m.status IN ('transferred_out', 'withdrawn', 'deceased')"),
        Some(s) => {
            let code = events::STATUSES
                .iter()
                .find(|(c, l)| *c == s || *l == s)
                .map(|(c, _)| *c)
                .ok_or_else(|| CoreError::validation("status", format!("未知的会员状态“{s}”")))?;
            args.push(code.to_string().into());
            sql.push_str(&format!(" AND m.status = ?{}", args.len()));
        }
    }
    let col = match f.sort.as_deref().unwrap_or("member_no") {
        "member_no" | "" => "m.member_no",
        "name" => "m.name",
        "gender" => "m.gender",
        "birth_date" => "m.birth_date",
        "phone" => "m.phone",
        "group" | "group_id" => "g.name",
        "department" => "m.department",
        "join_date" => "m.join_date",
        "card_no" => "m.card_no",
        "wage_base" | "wage" => "wage_fen",
        "dues_rule" => "m.dues_rule",
        "status" => "m.status",
        "status_date" => "m.status_date",
        other => return Err(CoreError::validation("sort", format!("不能按“{other}”排序"))),
    };
    let dir = if f.desc { "DESC" } else { "ASC" };
    sql.push_str(&format!(" ORDER BY {col} {dir}, m.member_no {dir}"));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), row_to_item)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn wages_of(conn: &Connection, member_id: i64) -> Result<Vec<Wage>> {
    let mut stmt = conn.prepare_cached("SELECT effective_from, wage_fen FROM member_wages WHERE member_id = ?1 ORDER BY effective_from")?;
    let rows = stmt
        .query_map([member_id], |r| Ok(Wage { effective_from: r.get(0)?, wage: Money::from_fen(r.get(1)?) }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Tables outside this module that point at members (dues, journal lines, payouts, …).
fn referencing_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let own = ["members", "member_events", "member_wages", "member_children", "hardship_files"];
    let mut out = Vec::new();
    for t in tables.into_iter().filter(|t| !own.contains(&t.as_str())) {
        let has: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = 'member_id')",
            [&t],
            |r| r.get(0),
        )?;
        if has {
            out.push(t);
        }
    }
    Ok(out)
}

/// Whether a member has dues, journal lines or payouts (and so may never be deleted).
pub fn has_records(conn: &Connection, id: i64) -> Result<bool> {
    for t in referencing_tables(conn)? {
        let found: bool =
            conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM \"{t}\" WHERE member_id = ?1)"), [id], |r| r.get(0))?;
        if found {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn get_on(conn: &Connection, id: i64, today: NaiveDate) -> Result<Member> {
    let sql = format!("{} WHERE m.id = ?2", list_select().replace(":cur", "?1"));
    let item = conn
        .query_row(&sql, params![month_of(today), id], row_to_item)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("会员（编号 {id}）")))?;
    let (created_at, updated_at): (String, String) =
        conn.query_row("SELECT created_at, updated_at FROM members WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let mut stmt = conn.prepare_cached("SELECT id, name, birth_date FROM member_children WHERE member_id = ?1 ORDER BY birth_date, id")?;
    let children = stmt
        .query_map([id], |r| Ok(Child { id: Some(r.get(0)?), name: r.get(1)?, birth_date: r.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let hardship = conn
        .query_row(
            "SELECT id, level, identified_on, next_review_on FROM hardship_files WHERE member_id = ?1 AND closed_on IS NULL",
            [id],
            |r| Ok(HardshipBrief { id: r.get(0)?, level: r.get(1)?, identified_on: r.get(2)?, next_review_on: r.get(3)? }),
        )
        .optional()?;
    let hardship_files: i64 = conn.query_row("SELECT COUNT(*) FROM hardship_files WHERE member_id = ?1", [id], |r| r.get(0))?;
    Ok(Member {
        id: item.id,
        member_no: item.member_no,
        name: item.name,
        gender: item.gender,
        birth_date: item.birth_date,
        id_number: item.id_number,
        phone: item.phone,
        group_id: item.group_id,
        group: item.group,
        department: item.department,
        join_date: item.join_date,
        card_no: item.card_no,
        wage_base: item.wage_base,
        dues_rule_label: DUES_RULES.iter().find(|(c, _)| *c == item.dues_rule).map(|(_, l)| *l).unwrap_or(""),
        dues_rule: item.dues_rule,
        fixed_amount: item.fixed_amount,
        notes: item.notes,
        status: item.status,
        status_label: item.status_label,
        status_date: item.status_date,
        in_membership: item.in_membership,
        wages: wages_of(conn, id)?,
        children,
        events: events::events_of(conn, id)?,
        hardship,
        hardship_files,
        can_delete: !has_records(conn, id)?,
        created_at,
        updated_at,
    })
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RevealedId {
    pub id: i64,
    pub id_number: Option<String>,
}

pub fn reveal_id(conn: &Connection, id: i64) -> Result<RevealedId> {
    ensure_exists(conn, id)?;
    let n: Option<String> = conn.query_row("SELECT id_number FROM members WHERE id = ?1", [id], |r| r.get(0))?;
    Ok(RevealedId { id, id_number: n })
}

pub fn delete(conn: &Connection, id: i64, today: NaiveDate) -> Result<Member> {
    let m = get_on(conn, id, today)?;
    if has_records(conn, id)? {
        return Err(CoreError::Conflict("有会费或发放记录的会员不能删除，请改为登记调出/退会".into()));
    }
    conn.execute("DELETE FROM members WHERE id = ?1", [id])?;
    Ok(m)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct SetWage {
    pub member_id: i64,
    /// YYYY-MM (a full date is cut to its month).
    pub effective_from: String,
    pub wage: Money,
}

/// Set the wage base from a month on; returns that month (YYYY-MM). The dues already charged
/// for it and later months follow in the command (`members_set_wage`), which asks dues to
/// re-price them.
pub fn set_wage(conn: &Connection, a: &SetWage, now: &str) -> Result<String> {
    ensure_exists(conn, a.member_id)?;
    let from = check_month("effective_from", &a.effective_from)?;
    if a.wage.is_negative() {
        return Err(CoreError::validation("wage", "月工资不能为负数"));
    }
    conn.execute(
        "INSERT INTO member_wages (member_id, effective_from, wage_fen) VALUES (?1, ?2, ?3)
         ON CONFLICT(member_id, effective_from) DO UPDATE SET wage_fen = excluded.wage_fen",
        params![a.member_id, from, a.wage.fen()],
    )?;
    conn.execute("UPDATE members SET updated_at = ?2 WHERE id = ?1", params![a.member_id, now])?;
    Ok(from)
}
