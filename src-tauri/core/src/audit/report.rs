//! 年度经费审查报告 (annual audit report) for the members' congress: the figures (income and
//! spending vs budget, dues collected vs charged, welfare by type, spending-rule overrides,
//! approvals, reviews and queries, monthly sign-offs, verification with fingerprint) come
//! from the books; the committee's text sections (overview, findings, suggestions) are
//! stored per year. [`render_html`] prints it on A4 portrait.
//!
//! Sections whose module is not there yet (budget, welfare, overrides) are present with
//! `available: false` and a note, and are filled by one function each ([`budget_of`],
//! [`welfare_section`], [`overrides_section`]) once that module exists.

use super::{review, signoff, verify};
use crate::workflow::approval;
use crate::error::{CoreError, Result};
use crate::ledger::reports::statements;
use crate::money::Money;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AmountLine {
    pub code: String,
    pub name: String,
    /// 1 = first-level account, 2 = sub-account
    pub level: usize,
    pub actual: Money,
    /// Annual budget (null until the budget module exists).
    pub budget: Option<Money>,
    /// actual ÷ budget as "87.5%" (null without a budget).
    pub execution: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct IncomeSpending {
    pub income: Vec<AmountLine>,
    pub income_total: Money,
    pub spending: Vec<AmountLine>,
    pub spending_total: Money,
    pub surplus: Money,
    pub budget_available: bool,
    pub budget_note: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct DuesMonth {
    pub month: String,
    pub liable: i64,
    pub charged: Money,
    pub paid: Money,
    pub outstanding: Money,
    pub collected_in_month: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct DuesSection {
    pub months: Vec<DuesMonth>,
    pub charged: Money,
    /// Paid against the year's charges.
    pub paid: Money,
    pub outstanding: Money,
    /// Dues received during the year (whatever months they cover).
    pub collected: Money,
    /// paid ÷ charged, "96.0%" (null when nothing was charged).
    pub collection_rate: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct WelfareRow {
    /// e.g. 节日慰问
    pub kind: String,
    pub batches: i64,
    pub headcount: i64,
    pub amount: Money,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct WelfareSection {
    pub available: bool,
    pub note: String,
    pub rows: Vec<WelfareRow>,
    pub total: Money,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct OverrideRow {
    pub date: String,
    pub subject: String,
    pub rule: String,
    pub reason: String,
    pub by: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct OverridesSection {
    pub available: bool,
    pub note: String,
    pub rows: Vec<OverrideRow>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ApprovalSummary {
    pub submitted: i64,
    pub approved: i64,
    pub rejected: i64,
    pub pending: i64,
    /// Posted spending vouchers of the year that carry no approver while approval was on.
    pub spending_vouchers: i64,
    pub spending_without_approver: i64,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReviewSummary {
    pub vouchers: i64,
    pub reviewed: i64,
    pub queried: i64,
    pub unreviewed: i64,
    pub queries_raised: i64,
    pub queries_closed: i64,
    pub queries_pending: i64,
    pub queries: Vec<review::Query>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct MonthSignoff {
    pub period: String,
    pub vouchers: i64,
    pub closed: bool,
    pub signed: bool,
    pub stale: bool,
    pub signed_by_name: Option<String>,
    pub signed_at: Option<String>,
    pub fingerprint: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Verification {
    pub ok: bool,
    pub message: String,
    pub fingerprint: String,
    pub vouchers: i64,
    pub log_entries: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, ts_rs::TS)]
pub struct ReportTexts {
    #[serde(default)]
    pub overview: String,
    #[serde(default)]
    pub findings: String,
    #[serde(default)]
    pub suggestions: String,
    #[serde(default)]
    pub updated_by_name: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AuditReport {
    pub title: String,
    pub year: i32,
    pub union_name: String,
    pub unit_name: String,
    pub audit_director_name: String,
    pub generated_at: String,
    pub income_spending: IncomeSpending,
    pub dues: DuesSection,
    pub welfare: WelfareSection,
    pub overrides: OverridesSection,
    pub approvals: ApprovalSummary,
    pub reviews: ReviewSummary,
    pub signoffs: Vec<MonthSignoff>,
    pub verification: Verification,
    pub texts: ReportTexts,
}

/// part / whole as "52.3%": the budget module's rate (Decimal, half up), never through a float.
fn pct(part: i64, whole: i64) -> Option<String> {
    crate::budget::execution_rate(Money::from_fen(part), Money::from_fen(whole)).map(|r| format!("{r}%"))
}

/// The budget of an account for a year. The budget module does not exist yet: always None.
pub fn budget_of(_conn: &Connection, _year: i32, _code: &str) -> Result<Option<Money>> {
    Ok(None)
}

/// Welfare payouts of the year by type with head-counts (posted batches that stand).
pub fn welfare_section(conn: &Connection, year: i32) -> Result<WelfareSection> {
    let kinds = crate::welfare::history::year_summary(conn, year)?;
    let rows: Vec<WelfareRow> = kinds
        .into_iter()
        .map(|k| WelfareRow { kind: k.kind_label.to_string(), batches: k.batches, headcount: k.headcount, amount: k.total })
        .collect();
    let total = rows.iter().map(|r| r.amount).sum();
    Ok(WelfareSection {
        available: true,
        note: if rows.is_empty() { "本年没有已记账的慰问发放".to_string() } else { String::new() },
        rows,
        total,
    })
}

/// Spending-rule overrides (主席批准超标发放) of the year, from the welfare module.
pub fn overrides_section(conn: &Connection, year: i32) -> Result<OverridesSection> {
    let list = crate::welfare::history::overrides(conn, &crate::welfare::history::OverrideFilter { year: Some(year) })?;
    let rows: Vec<OverrideRow> = list
        .into_iter()
        .map(|o| OverrideRow {
            date: o.at.chars().take(10).collect(),
            subject: format!("{}（{}，{}）", o.batch_name, o.kind_label, o.voucher.unwrap_or_else(|| "未记账".to_string())),
            rule: o.breaches.iter().map(|b| b.message.as_str()).collect::<Vec<_>>().join("；"),
            reason: o.reason,
            by: o.chair_name,
        })
        .collect();
    Ok(OverridesSection {
        available: true,
        note: if rows.is_empty() { "本年没有超出慰问标准的主席批准记录".to_string() } else { String::new() },
        rows,
    })
}

fn check_year(conn: &Connection, year: i32) -> Result<()> {
    if !(1900..=9999).contains(&year) {
        return Err(CoreError::validation("year", format!("年份 {year} 不正确")));
    }
    let start = crate::ledger::posting::start_month(conn)?;
    if format!("{year:04}-12") < start {
        return Err(CoreError::validation("year", format!("{year} 年早于建账月份 {start}")));
    }
    Ok(())
}

fn income_spending(conn: &Connection, year: i32) -> Result<IncomeSpending> {
    let st = statements::income_statement(conn, &format!("{year:04}-12"))?;
    let mut income = Vec::new();
    let mut spending = Vec::new();
    for r in st.rows.iter().filter(|r| r.kind == "account") {
        let Some(code) = r.code.clone() else { continue };
        if r.b.is_zero() && r.indent > 1 {
            continue;
        }
        let budget = budget_of(conn, year, &code)?;
        let line = AmountLine {
            execution: budget.and_then(|b| pct(r.b.fen(), b.fen())),
            budget,
            level: r.indent,
            name: r.item.clone(),
            actual: r.b,
            code: code.clone(),
        };
        if code.starts_with('4') {
            income.push(line);
        } else if code.starts_with('5') {
            spending.push(line);
        }
    }
    Ok(IncomeSpending {
        income,
        income_total: st.income_ytd,
        spending,
        spending_total: st.expense_ytd,
        surplus: st.surplus_ytd,
        budget_available: false,
        budget_note: "预算模块尚未启用：预算数与执行率暂缺，仅列实际发生数".to_string(),
    })
}

fn dues_section(conn: &Connection, year: i32) -> Result<DuesSection> {
    let mut months = Vec::new();
    for m in 1..=12 {
        let s = crate::dues::summary(conn, &format!("{year:04}-{m:02}"))?;
        months.push(DuesMonth {
            month: s.month,
            liable: s.liable,
            charged: s.charged,
            paid: s.paid,
            outstanding: s.outstanding,
            collected_in_month: s.collected_in_month,
        });
    }
    let charged: Money = months.iter().map(|m| m.charged).sum();
    let paid: Money = months.iter().map(|m| m.paid).sum();
    Ok(DuesSection {
        collection_rate: pct(paid.fen(), charged.fen()),
        outstanding: charged - paid,
        collected: months.iter().map(|m| m.collected_in_month).sum(),
        charged,
        paid,
        months,
    })
}

fn approvals(conn: &Connection, year: i32) -> Result<ApprovalSummary> {
    let all = approval::list(conn, &approval::ApprovalFilter { year: Some(year), ..Default::default() })?;
    let n = |f: &dyn Fn(&approval::Approval) -> bool| all.iter().filter(|a| f(a)).count() as i64;
    let y = format!("{year:04}");
    let (spending, without): (i64, i64) = conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(v.approved_by IS NULL), 0) FROM journal_vouchers v
         WHERE substr(v.period, 1, 4) = ?1 AND v.source NOT IN ('closing', 'reversal')
           AND EXISTS (SELECT 1 FROM journal_lines l WHERE l.voucher_id = v.id AND l.account_code LIKE '5%' AND l.debit_fen > 0)",
        [&y],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(ApprovalSummary {
        submitted: n(&|a| a.status != "superseded" && a.status != "withdrawn"),
        approved: n(&|a| a.status == "approved" || a.status == "posted"),
        rejected: n(&|a| a.status == "rejected") + n(&|a| a.status == "superseded" && a.decided_by.is_some()),
        pending: n(&|a| a.status == "submitted"),
        spending_vouchers: spending,
        spending_without_approver: without,
    })
}

fn reviews(conn: &Connection, year: i32) -> Result<ReviewSummary> {
    let y = format!("{year:04}");
    let (vouchers, reviewed, queried): (i64, i64, i64) = conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(r.status = 'reviewed'), 0), COALESCE(SUM(r.status = 'query'), 0)
         FROM journal_vouchers v LEFT JOIN voucher_reviews r ON r.voucher_id = v.id WHERE substr(v.period, 1, 4) = ?1",
        [&y],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let queries = review::queries(conn, &review::QueryFilter { year: Some(year), ..Default::default() })?;
    Ok(ReviewSummary {
        vouchers,
        reviewed,
        queried,
        unreviewed: vouchers - reviewed - queried,
        queries_raised: queries.len() as i64,
        queries_closed: queries.iter().filter(|q| q.status == "closed").count() as i64,
        queries_pending: queries.iter().filter(|q| q.status != "closed").count() as i64,
        queries,
    })
}

fn signoffs(conn: &Connection, year: i32) -> Result<Vec<MonthSignoff>> {
    let start = crate::ledger::posting::start_month(conn)?;
    let mut out = Vec::new();
    for m in 1..=12 {
        let period = format!("{year:04}-{m:02}");
        if period < start {
            continue;
        }
        let st = signoff::status(conn, &period)?;
        let vouchers: i64 = conn.query_row("SELECT COUNT(*) FROM journal_vouchers WHERE period = ?1", [&period], |r| r.get(0))?;
        out.push(MonthSignoff {
            closed: crate::ledger::posting::is_period_closed(conn, &period)?,
            signed: st.signed,
            stale: st.stale,
            signed_by_name: st.current.as_ref().map(|s| s.signed_by_name.clone()),
            signed_at: st.current.as_ref().map(|s| s.signed_at.clone()),
            fingerprint: st.current.as_ref().map(|s| s.fingerprint.clone()),
            vouchers,
            period,
        });
    }
    Ok(out)
}

pub fn texts(conn: &Connection, year: i32) -> Result<ReportTexts> {
    Ok(conn
        .query_row(
            "SELECT t.overview, t.findings, t.suggestions, u.name, t.updated_at FROM audit_report_texts t
             LEFT JOIN users u ON u.id = t.updated_by WHERE t.year = ?1",
            [year],
            |r| {
                Ok(ReportTexts {
                    overview: r.get(0)?,
                    findings: r.get(1)?,
                    suggestions: r.get(2)?,
                    updated_by_name: r.get(3)?,
                    updated_at: r.get(4)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(deny_unknown_fields)]
pub struct SaveTexts {
    pub year: i32,
    #[serde(default)]
    pub overview: Option<String>,
    #[serde(default)]
    pub findings: Option<String>,
    #[serde(default)]
    pub suggestions: Option<String>,
}

pub const TEXT_MAX_CHARS: usize = 20_000;

/// Save the committee's text sections (only the fields given change).
pub fn save_texts(conn: &Connection, a: &SaveTexts, user_id: i64, now: &str) -> Result<ReportTexts> {
    check_year(conn, a.year)?;
    let old = texts(conn, a.year)?;
    let pick = |field: &str, new: &Option<String>, old: &str| -> Result<String> {
        let v = new.as_deref().unwrap_or(old).trim().to_string();
        if v.chars().count() > TEXT_MAX_CHARS {
            return Err(CoreError::validation(field, format!("每节不能超过 {TEXT_MAX_CHARS} 个字")));
        }
        Ok(v)
    };
    let overview = pick("overview", &a.overview, &old.overview)?;
    let findings = pick("findings", &a.findings, &old.findings)?;
    let suggestions = pick("suggestions", &a.suggestions, &old.suggestions)?;
    conn.execute(
        "INSERT INTO audit_report_texts (year, overview, findings, suggestions, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(year) DO UPDATE SET overview = excluded.overview, findings = excluded.findings,
             suggestions = excluded.suggestions, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        params![a.year, overview, findings, suggestions, user_id, now],
    )?;
    texts(conn, a.year)
}

pub fn build(conn: &Connection, year: i32, now: &str) -> Result<AuditReport> {
    check_year(conn, year)?;
    let settings = crate::book::settings(conn)?;
    let v = verify::verify_book(conn)?;
    Ok(AuditReport {
        title: format!("{}{year}年度经费审查报告", settings.union_name),
        year,
        union_name: settings.union_name,
        unit_name: settings.unit_name,
        audit_director_name: settings.audit_director_name,
        generated_at: now.to_string(),
        income_spending: income_spending(conn, year)?,
        dues: dues_section(conn, year)?,
        welfare: welfare_section(conn, year)?,
        overrides: overrides_section(conn, year)?,
        approvals: approvals(conn, year)?,
        reviews: reviews(conn, year)?,
        signoffs: signoffs(conn, year)?,
        verification: Verification {
            ok: v.ok,
            message: v.message,
            fingerprint: v.fingerprint,
            vouchers: v.journal.vouchers,
            log_entries: v.change_log.entries,
        },
        texts: texts(conn, year)?,
    })
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn paragraphs(s: &str, empty: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        return format!("<p class=\"placeholder\">{}</p>", esc(empty));
    }
    s.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("<p>{}</p>", esc(l.trim()))).collect()
}

fn m(x: Money) -> String {
    x.format_thousands()
}

fn opt_m(x: Option<Money>) -> String {
    x.map(m).unwrap_or_else(|| "—".to_string())
}

/// The report as a self-contained HTML page for print (A4 portrait) or export.
pub fn render_html(r: &AuditReport) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
    h.push_str(&format!("<title>{}</title>", esc(&r.title)));
    h.push_str(
        "<style>@page{size:A4 portrait;margin:18mm 16mm}body{font-family:'Noto Serif CJK SC','Songti SC','SimSun',serif;font-size:11pt;color:#000;max-width:178mm;margin:0 auto}\
h1{text-align:center;font-size:18pt;margin:0 0 4pt}h2{font-size:13pt;margin:14pt 0 6pt;border-bottom:1px solid #000}\
.sub{text-align:center;margin-bottom:10pt}table{border-collapse:collapse;width:100%;margin:4pt 0}th,td{border:1px solid #000;padding:2pt 4pt;font-size:10pt}\
th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}.note{font-size:9.5pt;color:#333}.placeholder{color:#888}\
.l2 td:first-child{padding-left:14pt}.sign{margin-top:24pt;display:flex;justify-content:space-between}.fp{font-family:monospace;font-size:12pt}\
tr{page-break-inside:avoid}</style></head><body>",
    );
    h.push_str(&format!("<h1>{}</h1>", esc(&r.title)));
    h.push_str(&format!("<div class=\"sub\">{} · 审查期间 {}年1月—12月</div>", esc(&r.unit_name), r.year));

    h.push_str("<h2>一、审查概况</h2>");
    h.push_str(&paragraphs(&r.texts.overview, "（请填写审查概况：审查依据、范围、方法与过程）"));

    let is = &r.income_spending;
    h.push_str("<h2>二、经费收支情况</h2>");
    let table = |title: &str, lines: &[AmountLine], total: Money| -> String {
        let mut t = format!("<table><tr><th>{}</th><th>本年实际</th><th>本年预算</th><th>执行率</th></tr>", esc(title));
        for l in lines {
            t.push_str(&format!(
                "<tr class=\"l{}\"><td>{} {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                l.level.min(2),
                esc(&l.code),
                esc(&l.name),
                m(l.actual),
                opt_m(l.budget),
                l.execution.clone().unwrap_or_else(|| "—".into())
            ));
        }
        t.push_str(&format!("<tr><th>合计</th><td class=\"n\"><b>{}</b></td><td class=\"n\">—</td><td class=\"n\">—</td></tr></table>", m(total)));
        t
    };
    h.push_str(&table("收入项目", &is.income, is.income_total));
    h.push_str(&table("支出项目", &is.spending, is.spending_total));
    h.push_str(&format!("<p>本年收支差额：<b>{}</b> 元。</p>", m(is.surplus)));
    if !is.budget_available {
        h.push_str(&format!("<p class=\"note\">注：{}</p>", esc(&is.budget_note)));
    }

    let d = &r.dues;
    h.push_str("<h2>三、会费收缴情况</h2>");
    h.push_str(&format!(
        "<p>全年应缴会费 {} 元，已缴 {} 元，欠缴 {} 元，收缴率 {}；本年实际收到会费 {} 元。</p>",
        m(d.charged),
        m(d.paid),
        m(d.outstanding),
        d.collection_rate.clone().unwrap_or_else(|| "—".into()),
        m(d.collected)
    ));

    h.push_str("<h2>四、福利发放情况</h2>");
    if r.welfare.rows.is_empty() {
        h.push_str(&format!("<p class=\"note\">{}</p>", esc(&r.welfare.note)));
    } else {
        h.push_str("<table><tr><th>类别</th><th>批次</th><th>人次</th><th>金额</th></tr>");
        for w in &r.welfare.rows {
            h.push_str(&format!(
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&w.kind),
                w.batches,
                w.headcount,
                m(w.amount)
            ));
        }
        h.push_str(&format!("<tr><th>合计</th><td></td><td></td><td class=\"n\">{}</td></tr></table>", m(r.welfare.total)));
    }
    if r.overrides.rows.is_empty() {
        h.push_str(&format!("<p class=\"note\">超标准审批：{}</p>", esc(&r.overrides.note)));
    } else {
        h.push_str("<table><tr><th>日期</th><th>事项</th><th>规则</th><th>理由</th><th>批准人</th></tr>");
        for o in &r.overrides.rows {
            h.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&o.date),
                esc(&o.subject),
                esc(&o.rule),
                esc(&o.reason),
                esc(&o.by)
            ));
        }
        h.push_str("</table>");
    }

    let a = &r.approvals;
    let rv = &r.reviews;
    h.push_str("<h2>五、审批、审核与质询</h2>");
    h.push_str(&format!(
        "<p>本年提交工会主席审批 {} 项，批准 {} 项，未批准 {} 项，待审批 {} 项；支出凭证 {} 张，其中无审批人记录 {} 张。</p>",
        a.submitted, a.approved, a.rejected, a.pending, a.spending_vouchers, a.spending_without_approver
    ));
    h.push_str(&format!(
        "<p>本年记账凭证 {} 张，已审 {} 张，质询中 {} 张，未审 {} 张；共提出质询 {} 条，已关闭 {} 条，未结 {} 条。</p>",
        rv.vouchers, rv.reviewed, rv.queried, rv.unreviewed, rv.queries_raised, rv.queries_closed, rv.queries_pending
    ));
    if !rv.queries.is_empty() {
        h.push_str("<table><tr><th>凭证</th><th>质询</th><th>答复</th><th>状态</th></tr>");
        for q in &rv.queries {
            h.push_str(&format!(
                "<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&q.period),
                esc(&q.display_number),
                esc(&q.question),
                esc(&q.answer),
                esc(&q.status_label)
            ));
        }
        h.push_str("</table>");
    }
    h.push_str("<table><tr><th>月份</th><th>凭证数</th><th>经审签字</th><th>签字时指纹</th><th>结账</th></tr>");
    for s in &r.signoffs {
        let signed = if s.signed {
            format!("{} {}", s.signed_by_name.clone().unwrap_or_default(), s.signed_at.as_deref().unwrap_or("").get(..10).unwrap_or(""))
        } else if s.stale {
            "签字已失效".to_string()
        } else {
            "未签字".to_string()
        };
        h.push_str(&format!(
            "<tr><td>{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"fp\">{}</td><td>{}</td></tr>",
            esc(&s.period),
            s.vouchers,
            esc(&signed),
            esc(s.fingerprint.as_deref().unwrap_or("")),
            if s.closed { "已结账" } else { "未结账" }
        ));
    }
    h.push_str("</table>");

    let v = &r.verification;
    h.push_str("<h2>六、账簿完整性校验</h2>");
    h.push_str(&format!(
        "<p>校验结果：<b>{}</b>。{}</p><p>账簿指纹：<span class=\"fp\">{}</span>（凭证 {} 张，操作日志 {} 条）</p>",
        if v.ok { "通过" } else { "未通过" },
        esc(&v.message),
        esc(&v.fingerprint),
        v.vouchers,
        v.log_entries
    ));

    h.push_str("<h2>七、审查发现的问题</h2>");
    h.push_str(&paragraphs(&r.texts.findings, "（请填写审查中发现的问题）"));
    h.push_str("<h2>八、意见和建议</h2>");
    h.push_str(&paragraphs(&r.texts.suggestions, "（请填写整改意见和建议）"));

    h.push_str(&format!(
        "<div class=\"sign\"><span>经费审查委员会（签章）</span><span>经审会主任：{}</span><span>日期：　　年　月　日</span></div>",
        esc(&r.audit_director_name)
    ));
    h.push_str(&format!("<p class=\"note\">本报告草稿由工会账本生成于 {}，数据取自账簿。</p>", esc(&r.generated_at)));
    h.push_str("</body></html>");
    h
}
