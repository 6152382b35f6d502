//! The notice as one self-contained HTML page: inline CSS, A4 portrait, Chinese serif body
//! with sans headings, laid out like a notice for the board. It prints on one page for a
//! typical month. An open month gets a large diagonal 草稿 across the page.
//!
//! Rendered from [`NoticeData`] only, so the page and `notice_data` never disagree.

use super::{NoticeData, NoticeLine, NoticeTotal};
use crate::money::Money;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn amt(m: Money) -> String {
    m.format_thousands()
}

fn opt_amt(m: Option<Money>) -> String {
    m.map(amt).unwrap_or_else(|| "—".into())
}

fn pct(p: &Option<String>) -> String {
    p.as_ref().map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())
}

fn cn_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// "1月8日" within the notice's year, "2025年12月20日" otherwise.
fn short_date(x: NaiveDate, to: &str) -> String {
    if to.starts_with(&format!("{:04}", x.year())) {
        format!("{}月{}日", x.month(), x.day())
    } else {
        cn_date(x)
    }
}

fn span_text(d: &NoticeData) -> String {
    let first = crate::book::parse_month(&d.from).ok();
    let last = crate::book::parse_month(&d.to).ok().map(|f| f + chrono::Months::new(1) - chrono::Duration::days(1));
    match (first, last) {
        (Some(f), Some(l)) => format!("{}至{}月{}日", cn_date(f), l.month(), l.day()),
        _ => d.period_label.clone(),
    }
}

const CSS: &str = r#"
@page { size: A4 portrait; margin: 10mm 14mm 9mm 14mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; }
body {
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "宋体", serif;
  font-size: 10pt; line-height: 1.4; color: #111;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.sheet { position: relative; width: 182mm; margin: 0 auto; }
@media screen {
  body { background: #e9e9e9; padding: 8mm 0; }
  .sheet { background: #fff; padding: 10mm 14mm 9mm; width: 210mm; min-height: 297mm; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
}
h1, h2, th, .num, .union {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimHei", sans-serif;
}
header { text-align: center; border-bottom: 2.4pt double #b3161b; padding-bottom: 1.6mm; margin-bottom: 2mm; }
.union { font-size: 13pt; letter-spacing: .1em; font-weight: 500; }
h1 { font-size: 20pt; letter-spacing: .16em; margin: .4mm 0 1mm; color: #b3161b; font-weight: 700; }
.meta { display: flex; justify-content: space-between; font-size: 9pt; color: #333; }
.draft-tag { color: #b3161b; font-weight: 700; }
.lead { text-indent: 2em; margin: 0 0 .6mm; font-size: 9.8pt; }
h2 { font-size: 11pt; margin: 1.8mm 0 .8mm; font-weight: 700; }
.compact table { font-size: 8.8pt; line-height: 1.15; }
.compact td.num { font-size: 8.7pt; }
.compact td.purpose { font-size: 8pt; }
.dense table { font-size: 8.2pt; line-height: 1.08; }
.dense th, .dense td { padding-top: .05mm; padding-bottom: .05mm; }
.dense .sigs, .dense .issuer { margin-top: 1.4mm; }
.dense .fp { margin: 1mm 0 1.2mm; }
.dense .foot { margin-top: 1.4mm; padding-top: 1mm; }
.dense td.num { font-size: 8.1pt; }
.dense td.purpose { font-size: 7.6pt; }
.dense .lead { display: none; }
.dense h2 { margin: 1.2mm 0 .5mm; font-size: 10.5pt; }
.dense header { margin-bottom: 1.2mm; }
.dense .upper, .dense .note { margin-top: .3mm; }
tr { break-inside: avoid; }
h2 small { font-weight: 400; font-size: 8.6pt; color: #444; margin-left: .4em; }
table { width: 100%; border-collapse: collapse; font-size: 9.3pt; line-height: 1.22; table-layout: fixed; }
th, td { border: .6pt solid #555; padding: .3mm 1.4mm; vertical-align: middle; }
th { background: #f1ece4; font-weight: 600; font-size: 9pt; text-align: center; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; font-size: 9.2pt; }
td.c { text-align: center; }
tr.cat td { font-weight: 700; }
tr.cat td.num { font-weight: 600; }
tr.sub td.name { padding-left: 5mm; }
.then { padding-left: 3em; }
tr.total td { font-weight: 700; background: #faf6ef; }
td.purpose { font-size: 8.4pt; color: #333; line-height: 1.2; }
.upper { font-size: 8.8pt; margin: .6mm 0 0; }
.upper b { font-weight: 600; }
.note { font-size: 8.4pt; color: #333; margin: .6mm 0 0; line-height: 1.35; }
.cols { display: flex; gap: 5mm; align-items: flex-start; }
.cols > div { flex: 1; min-width: 0; }
.cols > div.narrow { flex: .8; }
.plain { margin: 0; font-size: 9.6pt; }
.foot { margin-top: 2.4mm; border-top: .6pt solid #777; padding-top: 1.6mm; }
.foot p { margin: 0 0 .6mm; font-size: 9.4pt; }
.fp { display: flex; align-items: center; gap: 3mm; border: .8pt solid #b3161b; padding: 1.2mm 2.4mm; margin: 1.6mm 0 2mm; }
.fp-label { font-size: 9pt; color: #b3161b; white-space: nowrap; font-weight: 700; }
.fp-code { font-size: 14pt; font-weight: 700; letter-spacing: .08em; white-space: nowrap; font-family: "DejaVu Sans Mono", "Noto Sans Mono", "Consolas", monospace; }
.fp-note { font-size: 8.2pt; color: #333; line-height: 1.35; }
.sigs { display: flex; justify-content: space-between; margin-top: 2.4mm; font-size: 10pt; }
.sig { white-space: nowrap; }
.sig .line { display: inline-block; width: 22mm; border-bottom: .6pt solid #333; margin-left: 1mm; }
.sig .who { font-weight: 600; }
.issuer { text-align: right; margin-top: 3mm; }
.issuer .date { margin-left: 6mm; }
.watermark {
  position: fixed; left: 50%; top: 48%; transform: translate(-50%, -50%) rotate(-32deg);
  font-family: "Noto Sans CJK SC", "Microsoft YaHei", "SimHei", sans-serif;
  font-size: 170pt; font-weight: 900; letter-spacing: .25em; color: rgba(190, 20, 20, .13);
  white-space: nowrap; pointer-events: none; z-index: 10;
}
@media screen { .watermark { position: absolute; top: 45%; } }
"#;

fn line_rows(out: &mut String, lines: &[NoticeLine], with_budget: bool) {
    for l in lines {
        let class = if l.level <= 1 { "cat" } else { "sub" };
        let _ = write!(out, r#"<tr class="{class}"><td class="name">{}</td>"#, esc(&l.name));
        if with_budget {
            let _ = write!(out, r#"<td class="purpose">{}</td>"#, esc(&l.purpose));
        }
        let _ = write!(out, r#"<td class="num">{}</td><td class="num">{}</td>"#, amt(l.current), amt(l.ytd));
        if with_budget {
            let _ = write!(out, r#"<td class="num">{}</td><td class="num">{}</td>"#, opt_amt(l.budget), pct(&l.execution));
        }
        out.push_str("</tr>\n");
    }
}

fn total_row(out: &mut String, label: &str, t: &NoticeTotal, with_budget: bool) {
    let _ = write!(out, r#"<tr class="total"><td class="name">{label}</td>"#);
    if with_budget {
        out.push_str("<td></td>");
    }
    let _ = write!(out, r#"<td class="num">{}</td><td class="num">{}</td>"#, amt(t.current), amt(t.ytd));
    if with_budget {
        let _ = write!(out, r#"<td class="num">{}</td><td class="num">{}</td>"#, opt_amt(t.budget), pct(&t.execution));
    }
    out.push_str("</tr>\n");
}

/// The page.
pub fn render(d: &NoticeData) -> String {
    let cur = esc(&d.current_label);
    let prev = esc(&d.previous_label);
    let mut h = String::with_capacity(16 * 1024);
    let _ = write!(
        h,
        r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}{draft}</title>
<style>{CSS}</style></head>
<body><div class="sheet{compact}" data-period="{period}" data-draft="{is_draft}">
"#,
        title = esc(&d.title),
        draft = if d.is_draft { "（草稿）" } else { "" },
        period = esc(&d.period),
        is_draft = d.is_draft,
        // Many lines (a year, or a busy month): smaller type so the page still fits.
        compact = match d.spending.len() + d.payouts.len() {
            0..=20 => "",
            21..=28 => " compact",
            _ => " compact dense",
        },
    );
    if d.is_draft {
        h.push_str("<div class=\"watermark\" aria-hidden=\"true\">草稿</div>\n");
    }
    // Title block.
    let _ = write!(
        h,
        r#"<header><div class="union">{union}</div><h1>{label} 财务收支公示</h1>
<div class="meta"><span>公示期间：{span}</span>{tag}<span>金额单位：元</span></div></header>
<p class="lead">根据《基层工会经费收支管理办法》，现将{label}工会经费收支情况公示如下，请全体会员监督。</p>
"#,
        union = esc(&d.union_name),
        label = esc(&d.period_label),
        span = esc(&span_text(d)),
        tag = if d.is_draft { "<span class=\"draft-tag\">草稿 · 尚未结账</span>" } else { "" },
    );

    // 一、收入 (left) and 二、资金结余 (right).
    let _ = write!(
        h,
        r#"<div class="cols"><div>
<h2>一、收入情况</h2>
<table class="income"><colgroup><col style="width:44%"><col style="width:27%"><col style="width:29%"></colgroup>
<thead><tr><th>收入项目</th><th class="num">{cur}</th><th class="num">本年累计</th></tr></thead><tbody>
"#
    );
    line_rows(&mut h, &d.income, false);
    total_row(&mut h, "收入合计", &d.income_total, false);
    let _ = write!(
        h,
        "</tbody></table>\n<p class=\"upper\">{cur}收入（大写）：<b>{}</b></p>\n</div><div>\n",
        esc(&d.income_total.current_upper)
    );
    let b = &d.balances;
    let _ = write!(
        h,
        r#"<h2>二、资金结余</h2>
<table class="balances"><colgroup><col style="width:58%"><col style="width:42%"></colgroup>
<thead><tr><th>项目</th><th class="num">金额</th></tr></thead><tbody>
<tr class="cat"><td class="name">{prev}结余</td><td class="num">{o}</td></tr>
<tr class="sub"><td class="name">其中：库存现金</td><td class="num">{oc}</td></tr>
<tr class="sub"><td class="name"><span class="then">银行存款</span></td><td class="num">{ob}</td></tr>
<tr class="cat"><td class="name">加：{cur}收入</td><td class="num">{i}</td></tr>
<tr class="cat"><td class="name">减：{cur}支出</td><td class="num">{s}</td></tr>
"#,
        o = amt(b.opening),
        oc = amt(b.opening_cash),
        ob = amt(b.opening_bank),
        i = amt(b.income),
        s = amt(b.spending),
    );
    if !b.other.is_zero() {
        let _ = writeln!(h, r#"<tr class="cat"><td class="name">往来款项净额<sup>注</sup></td><td class="num">{}</td></tr>"#, amt(b.other));
    }
    let _ = write!(
        h,
        r#"<tr class="total"><td class="name">{cur}结余</td><td class="num">{c}</td></tr>
<tr class="sub"><td class="name">其中：库存现金</td><td class="num">{cc}</td></tr>
<tr class="sub"><td class="name"><span class="then">银行存款</span></td><td class="num">{cb}</td></tr>
</tbody></table>
<p class="upper">{cur}结余（大写）：<b>{cu}</b></p>
"#,
        c = amt(b.closing),
        cc = amt(b.closing_cash),
        cb = amt(b.closing_bank),
        cu = esc(&b.closing_upper),
    );
    if !b.other.is_zero() {
        let _ = writeln!(
            h,
            "<p class=\"note\">注：收付的代收代付款、应付上级工会经费等，不属于本会收入支出。</p>"
        );
    }
    h.push_str("</div></div>\n");

    // 三、支出
    let _ = write!(
        h,
        r#"<h2>三、支出情况</h2>
<table class="spending"><colgroup><col style="width:21%"><col style="width:25%"><col style="width:13%"><col style="width:14%"><col style="width:15%"><col style="width:12%"></colgroup>
<thead><tr><th>支出项目</th><th>用途</th><th class="num">{cur}</th><th class="num">本年累计</th><th class="num">年度预算</th><th class="num">执行率</th></tr></thead><tbody>
"#
    );
    line_rows(&mut h, &d.spending, true);
    total_row(&mut h, "支出合计", &d.spending_total, true);
    let _ = write!(
        h,
        "</tbody></table>\n<p class=\"upper\">{cur}支出合计（大写）：<b>{}</b></p>\n",
        esc(&d.spending_total.current_upper)
    );
    let a = &d.budget_approval;
    let mut approvals = Vec::new();
    if let Some(x) = a.committee_date {
        approvals.push(format!("经工会委员会{}审议通过", short_date(x, &d.to)));
    }
    if let Some(x) = a.audit_date {
        approvals.push(format!("经审会{}审查", short_date(x, &d.to)));
    }
    if let Some(x) = a.upper_date {
        approvals.push(format!("上级工会{}批复", short_date(x, &d.to)));
    }
    let budget_note = if d.spending_total.budget.is_none() {
        format!("{}年度预算尚未录入，“年度预算”“执行率”两栏暂缺。", &d.to[..4])
    } else if approvals.is_empty() {
        format!("{}年度预算尚待审议；执行率 = 本年累计 ÷ 年度预算（含预算调整）。", &d.to[..4])
    } else {
        format!("{}年度预算{}；执行率 = 本年累计 ÷ 年度预算（含调整）。", &d.to[..4], approvals.join("、"))
    };
    let _ = writeln!(h, "<p class=\"note\">注：{}</p>", esc(&budget_note));

    // 四、慰问发放 and 五、会费收缴.
    let _ = writeln!(h, "<h2>四、{cur}慰问及帮扶发放<small>（只公示人数与金额；受助人名单及签收表存档，供经审会查阅）</small></h2>");
    if d.payouts.is_empty() {
        let _ = writeln!(h, "<p class=\"plain\">{cur}无慰问、帮扶发放。</p>");
    } else {
        h.push_str("<table class=\"payouts\"><colgroup><col style=\"width:46%\"><col style=\"width:20%\"><col style=\"width:14%\"><col style=\"width:20%\"></colgroup><thead><tr><th>发放项目</th><th>类别</th><th class=\"num\">人数</th><th class=\"num\">金额</th></tr></thead><tbody>\n");
        for p in &d.payouts {
            let _ = writeln!(
                h,
                "<tr><td class=\"name\">{}</td><td class=\"c\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&p.batch),
                esc(&p.kind),
                p.head_count,
                amt(p.total)
            );
        }
        let _ = writeln!(
            h,
            "<tr class=\"total\"><td class=\"name\">合计</td><td></td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr></tbody></table>",
            d.payouts_head_count,
            amt(d.payouts_total)
        );
    }
    let du = &d.dues;
    let _ = write!(
        h,
        r#"<h2>五、会费收缴</h2>
<table class="dues"><thead><tr><th class="num">应缴会员</th><th class="num">已缴清会员</th><th class="num">应缴会费</th><th class="num">其中已缴</th><th class="num">{cur}实收会费</th></tr></thead>
<tbody><tr><td class="num">{liable} {unit}</td><td class="num">{paid_members} {unit}</td><td class="num">{charged}</td><td class="num">{paid}</td><td class="num">{collected}</td></tr></tbody></table>
"#,
        liable = du.liable,
        paid_members = du.paid_members,
        unit = du.unit,
        charged = amt(du.charged),
        paid = amt(du.paid),
        collected = amt(du.collected),
    );

    // Footer: window, contact, fingerprint, signatures.
    let _ = write!(
        h,
        r#"<div class="foot">
<p>公示期：{from}至{until}（{days}天）。{contact}</p>
<div class="fp"><span class="fp-label">账簿指纹</span><span class="fp-code">{fp}</span><span class="fp-note">{note}</span></div>
<div class="sigs"><span class="sig">经办人：<span class="who">{p}</span><span class="line"></span></span><span class="sig">工会主席：<span class="who">{c}</span><span class="line"></span></span><span class="sig">经审会主任：<span class="who">{a}</span><span class="line"></span></span></div>
<div class="issuer">{union}（盖章）<span class="date">{published}</span></div>
</div>
</div></body></html>
"#,
        from = cn_date(d.published_on),
        until = cn_date(d.window_until),
        days = d.window_days,
        contact = esc(&d.contact),
        fp = esc(&d.fingerprint),
        note = esc(&d.fingerprint_note),
        p = esc(&d.signatures.preparer),
        c = esc(&d.signatures.chair),
        a = esc(&d.signatures.audit_director),
        union = esc(&d.union_name),
        published = cn_date(d.published_on),
    );
    h
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(esc(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
