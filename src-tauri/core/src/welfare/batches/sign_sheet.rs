//! The sign-for sheet (领取签收表): what the printed A4 page shows, and the same as XLSX.

use super::model::{get, VoucherRef};
use crate::error::Result;
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignRow {
    pub no: usize,
    pub member_no: String,
    pub name: String,
    pub group: Option<String>,
    /// What the member receives: the goods, or "现金 200.00 元".
    pub content: String,
    pub amount: Money,
    pub note: String,
}

/// What the printed 领取签收表 shows (A4 portrait).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignSheet {
    pub batch_id: i64,
    pub title: String,
    pub union_name: String,
    pub name: String,
    pub kind_label: &'static str,
    pub occasion: String,
    pub date: NaiveDate,
    pub form_label: &'static str,
    pub goods: String,
    pub supplier: String,
    pub status: String,
    pub status_label: &'static str,
    pub rows: Vec<SignRow>,
    pub count: usize,
    pub total: Money,
    /// 大写金额
    pub total_in_words: String,
    pub treasurer_name: String,
    pub chair_name: String,
    pub voucher: Option<VoucherRef>,
}

pub fn sign_sheet(conn: &Connection, id: i64) -> Result<SignSheet> {
    let b = get(conn, id)?;
    let s = crate::book::settings(conn)?;
    let rows = b
        .recipients
        .iter()
        .enumerate()
        .map(|(i, x)| SignRow {
            no: i + 1,
            member_no: x.member_no.clone(),
            name: x.name.clone(),
            group: x.group.clone(),
            content: match b.form.as_str() {
                "cash" => format!("现金 {} 元", x.amount.format_thousands()),
                _ if !b.goods.is_empty() => b.goods.clone(),
                _ => b.form_label.to_string(),
            },
            amount: x.amount,
            note: x.note.clone(),
        })
        .collect();
    Ok(SignSheet {
        batch_id: id,
        title: format!("{}领取签收表", b.name),
        union_name: s.union_name,
        name: b.name,
        kind_label: b.kind_label,
        occasion: b.occasion,
        date: b.date,
        form_label: b.form_label,
        goods: b.goods,
        supplier: b.supplier,
        status: b.status,
        status_label: b.status_label,
        rows,
        count: b.count,
        total: b.total,
        total_in_words: b.total_in_words,
        treasurer_name: s.treasurer_name,
        chair_name: s.chair_name,
        voucher: b.voucher,
    })
}

pub fn sign_sheet_xlsx(conn: &Connection, id: i64) -> Result<crate::members::import::FileOut> {
    use crate::io::xlsx::{write_workbook, Cell, Sheet, SheetRow};
    let s = sign_sheet(conn, id)?;
    let mut rows: Vec<SheetRow> = s
        .rows
        .iter()
        .map(|r| {
            SheetRow::new(vec![
                Cell::Int(r.no as i64),
                Cell::text(&r.member_no),
                Cell::text(&r.name),
                Cell::text(r.group.clone().unwrap_or_default()),
                Cell::text(&r.content),
                Cell::Amount(r.amount),
                Cell::Blank,
                Cell::text(&r.note),
            ])
        })
        .collect();
    rows.push(SheetRow::bold(vec![
        Cell::text("合计"),
        Cell::Blank,
        Cell::text(format!("{} 人", s.count)),
        Cell::Blank,
        Cell::text(format!("大写：{}", s.total_in_words)),
        Cell::Amount(s.total),
        Cell::Blank,
        Cell::Blank,
    ]));
    let mut subtitle = format!("{}　　发放日期：{}　　形式：{}", s.union_name, s.date, s.form_label);
    if !s.supplier.is_empty() {
        subtitle.push_str(&format!("　　供应商：{}", s.supplier));
    }
    let sheet = Sheet {
        name: "领取签收表".into(),
        title: s.title.clone(),
        subtitle,
        headers: vec![["序号", "会员号", "姓名", "工会小组", "发放内容", "金额（元）", "领取人签名", "备注"]
            .iter()
            .map(|h| (h.to_string(), 1))
            .collect()],
        widths: vec![6.0, 9.0, 10.0, 12.0, 22.0, 12.0, 16.0, 14.0],
        rows,
        footer: vec![
            format!("合计：{} 人，金额 ¥{}（大写：{}）", s.count, s.total.format_thousands(), s.total_in_words),
            format!("经办人：{}　　　　审批人（工会主席）：{}　　　　日期：{}", s.treasurer_name, s.chair_name, s.date),
        ],
        landscape: false,
    };
    let bytes = write_workbook(&[sheet])?;
    Ok(crate::members::import::FileOut { file_name: format!("{}.xlsx", s.title), data_base64: data_encoding::BASE64.encode(&bytes) })
}
