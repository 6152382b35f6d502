//! The chart of accounts of 工会会计制度 (财会〔2021〕7号) for grassroots unions: the 24
//! first-level accounts of the grassroots list and the standard sub-accounts the regulation
//! names (domain.md §2.2–2.4), plus user-defined sub-accounts.

use crate::error::{CoreError, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum AccountClass {
    Asset,
    Liability,
    NetAssets,
    Income,
    Expense,
}

impl AccountClass {
    pub fn as_str(&self) -> &'static str {
        match self {
            AccountClass::Asset => "asset",
            AccountClass::Liability => "liability",
            AccountClass::NetAssets => "net_assets",
            AccountClass::Income => "income",
            AccountClass::Expense => "expense",
        }
    }
    pub fn parse(s: &str) -> AccountClass {
        match s {
            "asset" => AccountClass::Asset,
            "liability" => AccountClass::Liability,
            "net_assets" => AccountClass::NetAssets,
            "income" => AccountClass::Income,
            _ => AccountClass::Expense,
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            AccountClass::Asset => "资产",
            AccountClass::Liability => "负债",
            AccountClass::NetAssets => "净资产",
            AccountClass::Income => "收入",
            AccountClass::Expense => "支出",
        }
    }
    /// Assets and expenses grow on the debit side (借), the rest on the credit side (贷).
    /// 163 累计折旧 is the one contra-asset, set explicitly in the preset.
    pub fn default_side(&self) -> Side {
        match self {
            AccountClass::Asset | AccountClass::Expense => Side::Debit,
            _ => Side::Credit,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Debit,
    Credit,
}

impl Side {
    pub fn as_str(&self) -> &'static str {
        match self {
            Side::Debit => "debit",
            Side::Credit => "credit",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            Side::Debit => "借",
            Side::Credit => "贷",
        }
    }
}

/// (code, name, class, parent) — the standard preset. Names exactly as in the regulation.
const PRESET: &[(&str, &str, AccountClass, Option<&str>)] = {
    use AccountClass::*;
    &[
        ("101", "库存现金", Asset, None),
        ("102", "银行存款", Asset, None),
        ("131", "应收上级经费", Asset, None),
        ("135", "其他应收款", Asset, None),
        ("141", "库存物品", Asset, None),
        ("162", "固定资产", Asset, None),
        ("163", "累计折旧", Asset, None),
        ("182", "待处理财产损溢", Asset, None),
        ("211", "应付上级经费", Liability, None),
        ("215", "其他应付款", Liability, None),
        ("301", "资产基金", NetAssets, None),
        ("321", "工会资金结转", NetAssets, None),
        ("322", "工会资金结余", NetAssets, None),
        ("401", "会费收入", Income, None),
        ("402", "拨缴经费收入", Income, None),
        ("403", "上级补助收入", Income, None),
        ("40301", "一般性转移支付补助", Income, Some("403")),
        ("40302", "专项转移支付补助", Income, Some("403")),
        ("405", "行政补助收入", Income, None),
        ("408", "其他收入", Income, None),
        ("501", "职工活动支出", Expense, None),
        ("50101", "职工教育支出", Expense, Some("501")),
        ("50102", "文体活动支出", Expense, Some("501")),
        ("50103", "宣传活动支出", Expense, Some("501")),
        ("50104", "劳模职工疗休养支出", Expense, Some("501")),
        ("50105", "会员活动支出", Expense, Some("501")),
        ("50106", "其他活动支出", Expense, Some("501")),
        ("503", "职工服务支出", Expense, None),
        ("50301", "劳动和技能竞赛活动支出", Expense, Some("503")),
        ("50302", "建家活动支出", Expense, Some("503")),
        ("50303", "职工创新活动支出", Expense, Some("503")),
        ("50304", "职工书屋活动支出", Expense, Some("503")),
        ("50305", "其他服务支出", Expense, Some("503")),
        ("504", "维权支出", Expense, None),
        ("50401", "劳动关系协调支出", Expense, Some("504")),
        ("50402", "劳动保护支出", Expense, Some("504")),
        ("50403", "法律援助支出", Expense, Some("504")),
        ("50404", "困难职工帮扶支出", Expense, Some("504")),
        ("50405", "送温暖支出", Expense, Some("504")),
        ("50406", "其他维权支出", Expense, Some("504")),
        ("505", "业务支出", Expense, None),
        ("50501", "培训支出", Expense, Some("505")),
        ("50502", "会议支出", Expense, Some("505")),
        ("50503", "专项业务支出", Expense, Some("505")),
        ("50504", "其他业务支出", Expense, Some("505")),
        ("507", "资本性支出", Expense, None),
        ("50701", "房屋建筑物购建", Expense, Some("507")),
        ("50702", "办公设备购置", Expense, Some("507")),
        ("50703", "专用设备购置", Expense, Some("507")),
        ("50704", "交通工具购置", Expense, Some("507")),
        ("50705", "大型修缮", Expense, Some("507")),
        ("50706", "信息网络购建", Expense, Some("507")),
        ("50707", "其他资本性支出", Expense, Some("507")),
        ("510", "其他支出", Expense, None),
    ]
};

/// Number of first-level accounts in the grassroots list (the regulation names 24).
pub const FIRST_LEVEL_COUNT: usize = 24;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Account {
    pub code: String,
    pub name: String,
    pub class: AccountClass,
    pub normal_side: Side,
    pub parent_code: Option<String>,
    pub is_standard: bool,
    pub is_leaf: bool,
    pub active: bool,
    pub chart_version: String,
    /// Pinyin initials of the name, for the account picker (e.g. "hyhdzc" for 会员活动支出).
    pub pinyin: String,
    /// Full display name with the code, e.g. "50105 会员活动支出".
    pub display: String,
    pub level: usize,
}

pub fn seed_chart(conn: &Connection) -> Result<()> {
    let existing: i64 = conn.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?;
    if existing > 0 {
        return Ok(());
    }
    let mut stmt = conn.prepare(
        "INSERT INTO accounts (code, name, class, normal_side, parent_code, is_standard, active, chart_version, pinyin)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, 1, ?6, ?7)",
    )?;
    for (code, name, class, parent) in PRESET {
        let side = if *code == "163" { Side::Credit } else { class.default_side() };
        stmt.execute(params![code, name, class.as_str(), side.as_str(), parent, crate::book::CHART_2021_GRASSROOTS, super::pinyin::initials(name)])?;
    }
    Ok(())
}

const ACCOUNT_SELECT: &str = "SELECT a.code, a.name, a.class, a.normal_side, a.parent_code, a.is_standard, a.active, a.chart_version, a.pinyin,
    NOT EXISTS (SELECT 1 FROM accounts c WHERE c.parent_code = a.code) AS is_leaf FROM accounts a";

fn row_to_account(r: &rusqlite::Row) -> rusqlite::Result<Account> {
    let code: String = r.get(0)?;
    let name: String = r.get(1)?;
    let level = match code.len() {
        3 => 1,
        5 => 2,
        n => (n - 1) / 2,
    };
    Ok(Account {
        display: format!("{code} {name}"),
        level,
        code,
        name,
        class: AccountClass::parse(&r.get::<_, String>(2)?),
        normal_side: if r.get::<_, String>(3)? == "debit" { Side::Debit } else { Side::Credit },
        parent_code: r.get(4)?,
        is_standard: r.get::<_, i64>(5)? == 1,
        active: r.get::<_, i64>(6)? == 1,
        chart_version: r.get(7)?,
        pinyin: r.get(8)?,
        is_leaf: r.get(9)?,
    })
}

pub fn list_accounts(conn: &Connection) -> Result<Vec<Account>> {
    let mut stmt = conn.prepare(&format!("{ACCOUNT_SELECT} ORDER BY a.code"))?;
    let rows = stmt.query_map([], row_to_account)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get_account(conn: &Connection, code: &str) -> Result<Account> {
    conn.query_row(&format!("{ACCOUNT_SELECT} WHERE a.code = ?1"), [code.trim()], row_to_account)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("会计科目 {code}")))
}

/// A leaf account that may take postings, or a clear reason why not.
pub fn postable_account(conn: &Connection, code: &str) -> Result<Account> {
    let acc = get_account(conn, code).map_err(|_| CoreError::validation("account", format!("科目编码 {code} 不存在")))?;
    if !acc.is_leaf {
        return Err(CoreError::validation("account", format!("{} 有明细科目，只能记到明细科目", acc.display)));
    }
    if !acc.active {
        return Err(CoreError::validation("account", format!("{} 已停用", acc.display)));
    }
    Ok(acc)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct NewSubAccount {
    pub parent_code: String,
    /// Optional; the next free two-digit code under the parent is used when absent.
    #[serde(default)]
    pub code: Option<String>,
    pub name: String,
}

/// Add a user sub-account (e.g. 10201 工商银行某某支行). An account that already carries
/// postings or an opening balance cannot get children: its balance would be stranded.
pub fn add_sub_account(conn: &Connection, req: &NewSubAccount) -> Result<Account> {
    let parent = get_account(conn, &req.parent_code)?;
    let name = req.name.trim();
    if name.is_empty() {
        return Err(CoreError::validation("name", "科目名称不能为空"));
    }
    if super::account_has_entries(conn, &parent.code)? {
        return Err(CoreError::invalid(format!("{} 已有记账或期初余额，不能再增设明细科目", parent.display)));
    }
    let code = match req.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => {
            if !(c.len() == parent.code.len() + 2 && c.starts_with(&parent.code) && c.chars().all(|ch| ch.is_ascii_digit())) {
                return Err(CoreError::validation("code", format!("明细科目编码应为 {} 后加两位数字", parent.code)));
            }
            c.to_string()
        }
        None => {
            let max: Option<String> = conn.query_row(
                "SELECT MAX(code) FROM accounts WHERE parent_code = ?1",
                [&parent.code],
                |r| r.get(0),
            )?;
            let next = max.map(|m| m[parent.code.len()..].parse::<u32>().unwrap_or(0) + 1).unwrap_or(1);
            if next > 99 {
                return Err(CoreError::invalid("该科目下明细科目已满 99 个"));
            }
            format!("{}{:02}", parent.code, next)
        }
    };
    if get_account(conn, &code).is_ok() {
        return Err(CoreError::Conflict(format!("科目编码 {code} 已存在")));
    }
    conn.execute(
        "INSERT INTO accounts (code, name, class, normal_side, parent_code, is_standard, active, chart_version, pinyin)
         VALUES (?1, ?2, ?3, ?4, ?5, 0, 1, ?6, ?7)",
        params![code, name, parent.class.as_str(), parent.normal_side.as_str(), parent.code, parent.chart_version, super::pinyin::initials(name)],
    )?;
    get_account(conn, &code)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct RenameAccount {
    pub code: String,
    pub name: String,
}

/// Rename a user-defined account. Standard names are fixed by the regulation.
pub fn rename_account(conn: &Connection, req: &RenameAccount) -> Result<Account> {
    let acc = get_account(conn, &req.code)?;
    if acc.is_standard {
        return Err(CoreError::invalid(format!("{} 是制度规定的标准科目，不能改名", acc.display)));
    }
    let name = req.name.trim();
    if name.is_empty() {
        return Err(CoreError::validation("name", "科目名称不能为空"));
    }
    conn.execute("UPDATE accounts SET name = ?1, pinyin = ?2 WHERE code = ?3", params![name, super::pinyin::initials(name), acc.code])?;
    get_account(conn, &acc.code)
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct SetAccountActive {
    pub code: String,
    pub active: bool,
}

pub fn set_account_active(conn: &Connection, req: &SetAccountActive) -> Result<Account> {
    let acc = get_account(conn, &req.code)?;
    conn.execute("UPDATE accounts SET active = ?1 WHERE code = ?2", params![req.active as i64, acc.code])?;
    get_account(conn, &acc.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preset_has_the_24_first_level_accounts_of_the_grassroots_list() {
        let first: Vec<_> = PRESET.iter().filter(|p| p.3.is_none()).collect();
        assert_eq!(first.len(), FIRST_LEVEL_COUNT);
        for (code, _, _, parent) in PRESET {
            if let Some(p) = parent {
                assert!(code.starts_with(p));
                assert!(PRESET.iter().any(|q| q.0 == *p));
            }
        }
    }
}
