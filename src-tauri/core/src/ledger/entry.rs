//! Plain-language entry (收支记账) for a treasurer who is not an accountant: 收入, 支出 and
//! 提现/存现 in everyday words. Each writes one balanced voucher through the posting gateway;
//! the preview shows exactly the voucher that will be posted.

use super::chart::{self, Account, AccountClass};
use super::posting::{self, LineInput, PostedVoucher, VoucherInput};
use crate::error::{CoreError, Result};
use crate::money::Money;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// Income categories in plain words: (category, account code, label).
pub const INCOME_CATEGORIES: &[(&str, &str, &str)] = &[
    ("dues", "401", "会费收入"),
    ("allocation", "402", "拨缴经费收入"),
    ("upper_general", "40301", "上级补助收入（一般性转移支付）"),
    ("upper_special", "40302", "上级补助收入（专项转移支付）"),
    ("admin_subsidy", "405", "行政补助收入"),
    ("other", "408", "其他收入"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Income,
    Expense,
    Transfer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Cash,
    Bank,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct EntryArgs {
    pub kind: EntryKind,
    pub date: NaiveDate,
    /// income: dues | allocation | upper_general | upper_special | admin_subsidy | other (or an
    /// income leaf code); expense: an expense leaf code such as "50105"; transfer: withdraw | deposit.
    pub category: String,
    pub amount: Money,
    #[serde(default)]
    pub via: Option<Via>,
    #[serde(default)]
    pub cash_account: Option<String>,
    #[serde(default)]
    pub bank_account: Option<String>,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub summary: String,
    /// Payer (income) or payee (expense).
    #[serde(default)]
    pub counterparty: Option<String>,
    #[serde(default)]
    #[ts(optional, as = "Option<_>")]
    pub attachments_count: i64,
    /// A draft whose uploaded files (receipts) go with the voucher.
    #[serde(default)]
    pub draft_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PreviewLine {
    pub account_code: String,
    pub account_name: String,
    pub debit: Money,
    pub credit: Money,
    pub memo: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct EntryPreview {
    /// Exactly what `ledger_entry_post` will hand to the posting gateway.
    pub voucher: VoucherInput,
    pub period: String,
    pub lines: Vec<PreviewLine>,
    pub total_debit: Money,
    pub total_credit: Money,
    pub total_in_words: String,
    /// Why it cannot be posted as it stands (empty = ready).
    pub problems: Vec<String>,
    pub can_post: bool,
    /// True when `ledger_entry_post` will not post but submit a draft to the chair (spending with
    /// approval on); `approval_note` says so in plain words.
    pub needs_approval: bool,
    pub approval_note: Option<String>,
}

/// What `ledger_entry_post` did: posted the voucher, or (spending with approval on) saved it as a
/// draft and submitted it to the chair. Serialized with `"outcome": "posted" | "submitted"`;
/// a posted outcome carries the voucher's fields at the top level as before.
// One value per command call, serialized at once: boxing a variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum EntryOutcome {
    Posted(PostedVoucher),
    Submitted { draft: super::drafts::Draft, message: String },
}

impl EntryOutcome {
    pub fn posted(self) -> Option<PostedVoucher> {
        match self {
            EntryOutcome::Posted(v) => Some(v),
            EntryOutcome::Submitted { .. } => None,
        }
    }
}

/// The first active leaf at or under `code` (e.g. 10201 when the user split 102 by bank).
pub fn first_leaf_under(conn: &Connection, code: &str) -> Result<Account> {
    chart::list_accounts(conn)?
        .into_iter()
        .find(|a| a.is_leaf && a.active && a.code.starts_with(code))
        .ok_or_else(|| CoreError::validation("account", format!("科目 {code} 下没有可用的明细科目")))
}

/// A leaf at or under `root`: the explicit choice when given, else the first one.
fn money_account(conn: &Connection, root: &str, explicit: Option<&str>, label: &str) -> Result<Account> {
    match explicit.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => {
            if !code.starts_with(root) {
                return Err(CoreError::validation("account", format!("{code} 不是{label}科目")));
            }
            chart::postable_account(conn, code)
        }
        None => first_leaf_under(conn, root),
    }
}

fn income_account(conn: &Connection, category: &str) -> Result<Account> {
    let category = category.trim();
    if let Some((_, code, _)) = INCOME_CATEGORIES.iter().find(|c| c.0 == category) {
        return first_leaf_under(conn, code);
    }
    match chart::get_account(conn, category) {
        Ok(a) if a.class == AccountClass::Income => chart::postable_account(conn, &a.code),
        _ => Err(CoreError::validation("category", format!("未知的收入类别“{category}”"))),
    }
}

fn expense_account(conn: &Connection, category: &str) -> Result<Account> {
    let code = category.trim();
    match chart::get_account(conn, code) {
        Ok(a) if a.class == AccountClass::Expense => chart::postable_account(conn, &a.code),
        _ => Err(CoreError::validation("category", format!("“{code}”不是支出科目，请从支出类别中选择"))),
    }
}

/// Build the voucher an entry will post (no writing).
pub fn build(conn: &Connection, a: &EntryArgs, user_id: i64) -> Result<VoucherInput> {
    if !a.amount.is_positive() {
        return Err(CoreError::validation("amount", "金额必须大于零"));
    }
    if a.amount.decimal().normalize().scale() > 2 {
        return Err(CoreError::validation("amount", "金额最多两位小数"));
    }
    let cp = a.counterparty.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let via = a.via.unwrap_or(Via::Bank);
    let cash_or_bank = |v: Via| -> Result<Account> {
        match v {
            Via::Cash => money_account(conn, "101", a.cash_account.as_deref(), "库存现金"),
            Via::Bank => money_account(conn, "102", a.bank_account.as_deref(), "银行存款"),
        }
    };
    let line = |acc: &Account, debit: Money, credit: Money, memo: String| LineInput {
        account_code: acc.code.clone(),
        debit,
        credit,
        member_id: None,
        memo,
    };
    let amt = a.amount;
    let (default_summary, lines) = match a.kind {
        EntryKind::Income => {
            let inc = income_account(conn, &a.category)?;
            let money = cash_or_bank(via)?;
            let memo = cp.map(|c| format!("付款人：{c}")).unwrap_or_default();
            let s = match cp {
                Some(c) => format!("收到{c}{}", inc.name),
                None => format!("收到{}", inc.name),
            };
            (s, vec![line(&money, amt, Money::ZERO, memo.clone()), line(&inc, Money::ZERO, amt, memo)])
        }
        EntryKind::Expense => {
            let exp = expense_account(conn, &a.category)?;
            let money = cash_or_bank(via)?;
            let memo = cp.map(|c| format!("收款人：{c}")).unwrap_or_default();
            let s = match cp {
                Some(c) => format!("支付{c} {}", exp.name),
                None => format!("支付{}", exp.name),
            };
            (s, vec![line(&exp, amt, Money::ZERO, memo.clone()), line(&money, Money::ZERO, amt, memo)])
        }
        EntryKind::Transfer => {
            let cash = cash_or_bank(Via::Cash)?;
            let bank = cash_or_bank(Via::Bank)?;
            match a.category.trim() {
                "withdraw" => ("从银行提取现金".to_string(), vec![line(&cash, amt, Money::ZERO, String::new()), line(&bank, Money::ZERO, amt, String::new())]),
                "deposit" => ("将现金存入银行".to_string(), vec![line(&bank, amt, Money::ZERO, String::new()), line(&cash, Money::ZERO, amt, String::new())]),
                other => return Err(CoreError::validation("category", format!("提现/存现的类别应为 withdraw 或 deposit（收到“{other}”）"))),
            }
        }
    };
    let summary = if a.summary.trim().is_empty() { default_summary } else { a.summary.trim().to_string() };
    let files = match a.draft_id {
        Some(id) => {
            super::drafts::get(conn, id)?;
            conn.query_row("SELECT COUNT(*) FROM attachments WHERE draft_id = ?1", [id], |r| r.get::<_, i64>(0))?
        }
        None => 0,
    };
    Ok(VoucherInput {
        date: a.date,
        summary,
        attachments_count: a.attachments_count.max(files),
        source: "entry".to_string(),
        source_ref: None,
        lines,
        prepared_by: Some(user_id),
        approved_by: None,
        reverses_id: None,
    })
}

pub fn preview(conn: &Connection, a: &EntryArgs, user_id: i64) -> Result<EntryPreview> {
    let voucher = build(conn, a, user_id)?;
    let mut problems = Vec::new();
    if let Err(e) = posting::validate_voucher(conn, &voucher) {
        problems.push(e.to_string());
    }
    let needs_approval = needs_approval(conn, &voucher)?;
    let lines = voucher
        .lines
        .iter()
        .map(|l| PreviewLine {
            account_name: chart::get_account(conn, &l.account_code).map(|a| a.name).unwrap_or_default(),
            account_code: l.account_code.clone(),
            debit: l.debit,
            credit: l.credit,
            memo: l.memo.clone(),
        })
        .collect();
    let total_debit: Money = voucher.lines.iter().map(|l| l.debit).sum();
    let total_credit: Money = voucher.lines.iter().map(|l| l.credit).sum();
    Ok(EntryPreview {
        period: posting::period_of(voucher.date),
        lines,
        total_debit,
        total_credit,
        total_in_words: total_debit.to_chinese_upper(),
        can_post: problems.is_empty(),
        problems,
        approval_note: needs_approval.then(|| SUBMITTED_MESSAGE.to_string()),
        needs_approval,
        voucher,
    })
}

pub const SUBMITTED_MESSAGE: &str = "已提交工会主席审批；批准后请在“凭证”中记账";

/// With approval on, spending goes through a draft the chair approves, not straight in.
fn needs_approval(conn: &Connection, v: &VoucherInput) -> Result<bool> {
    Ok(super::drafts::spends(v) && super::drafts::approval_required(conn)?)
}

/// 收支记账. Income and transfers post at once. Spending posts at once too unless the book
/// requires the chair's approval: then it becomes a draft submitted to the chair (the receipts
/// of `draft_id`, if given, go with it) and the treasurer posts it once approved.
pub fn post(conn: &Connection, a: &EntryArgs, user_id: i64, now: &str) -> Result<EntryOutcome> {
    let voucher = build(conn, a, user_id)?;
    if needs_approval(conn, &voucher)? {
        posting::validate_voucher(conn, &voucher)?;
        let d = super::drafts::save_voucher_input(conn, &voucher, a.draft_id, user_id, now)?;
        let draft = super::drafts::submit(conn, d.id, user_id, now)?;
        return Ok(EntryOutcome::Submitted { draft, message: SUBMITTED_MESSAGE.to_string() });
    }
    let v = posting::post_voucher(conn, &voucher, user_id, now)?;
    if let Some(draft_id) = a.draft_id {
        conn.execute("UPDATE attachments SET voucher_id = ?1, draft_id = NULL WHERE draft_id = ?2", params![v.id, draft_id])?;
        // The draft only carried the receipts: discard it unless it holds real lines.
        let has_lines: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM draft_lines WHERE draft_id = ?1 AND (account_code <> '' OR debit_fen <> 0 OR credit_fen <> 0))",
            [draft_id],
            |r| r.get(0),
        )?;
        if !has_lines {
            conn.execute("DELETE FROM draft_vouchers WHERE id = ?1", [draft_id])?;
        }
    }
    Ok(EntryOutcome::Posted(v))
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct IncomeCategory {
    pub category: String,
    pub label: String,
    /// The leaf account it posts to.
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExpenseCategory {
    pub code: String,
    pub name: String,
    /// e.g. "50105 会员活动支出"
    pub display: String,
    /// e.g. "职工活动支出"
    pub group: String,
    pub pinyin: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct MoneyAccount {
    pub code: String,
    pub name: String,
    pub display: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Categories {
    pub income: Vec<IncomeCategory>,
    pub expense: Vec<ExpenseCategory>,
    pub cash_accounts: Vec<MoneyAccount>,
    pub bank_accounts: Vec<MoneyAccount>,
    pub transfer: Vec<IncomeCategory>,
}

pub fn categories(conn: &Connection) -> Result<Categories> {
    let accounts = chart::list_accounts(conn)?;
    let name_of = |code: &str| accounts.iter().find(|a| a.code == code).map(|a| a.name.clone()).unwrap_or_default();
    let mut income = Vec::new();
    for (cat, code, label) in INCOME_CATEGORIES {
        if let Ok(leaf) = first_leaf_under(conn, code) {
            income.push(IncomeCategory { category: cat.to_string(), label: label.to_string(), code: leaf.code, name: leaf.name });
        }
    }
    let expense = accounts
        .iter()
        .filter(|a| a.class == AccountClass::Expense && a.is_leaf && a.active)
        .map(|a| ExpenseCategory {
            code: a.code.clone(),
            name: a.name.clone(),
            display: a.display.clone(),
            group: name_of(&a.code[..3]),
            pinyin: a.pinyin.clone(),
        })
        .collect();
    let money = |root: &str| -> Vec<MoneyAccount> {
        accounts
            .iter()
            .filter(|a| a.is_leaf && a.active && a.code.starts_with(root))
            .map(|a| MoneyAccount { code: a.code.clone(), name: a.name.clone(), display: a.display.clone() })
            .collect()
    };
    Ok(Categories {
        income,
        expense,
        cash_accounts: money("101"),
        bank_accounts: money("102"),
        transfer: vec![
            IncomeCategory { category: "withdraw".into(), label: "提现（银行→现金）".into(), code: "101".into(), name: name_of("101") },
            IncomeCategory { category: "deposit".into(), label: "存现（现金→银行）".into(), code: "102".into(), name: name_of("102") },
        ],
    })
}
