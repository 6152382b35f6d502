//! 年度经费审查报告: figures from the books, the committee's texts per year, A4 HTML.

mod common;

use common::*;
use serde_json::json;

#[test]
fn the_annual_report_draft_carries_the_years_figures_queries_texts_and_fingerprint() {
    let (_d, mut app) = book();
    app.call("ledger_entry_post", json!({"kind": "income", "date": "2026-01-05", "category": "allocation", "amount": "10000", "via": "bank"})).unwrap();
    let e = app.call("ledger_entry_post", json!({"kind": "expense", "date": "2026-02-06", "category": "50105", "amount": "1,234.56", "via": "bank", "summary": "春节慰问"})).unwrap();
    as_user(&mut app, AUDITOR);
    let q = app.call("audit_review_mark", json!({"voucher_id": e["id"], "status": "query", "comment": "缺签收表"})).unwrap();
    as_user(&mut app, TREASURER);
    app.call("audit_review_answer", json!({"query_id": q["open_query"]["id"], "answer": "已补"})).unwrap();
    as_user(&mut app, AUDITOR);
    app.call("audit_review_close_query", json!({"query_id": q["open_query"]["id"]})).unwrap();

    // Only the auditor writes the texts.
    as_user(&mut app, TREASURER);
    assert_eq!(app.call("audit_report_texts_save", json!({"year": 2026, "findings": "x"})).unwrap_err().code(), "permission_denied");
    as_user(&mut app, AUDITOR);
    app.call("audit_report_texts_save", json!({"year": 2026, "findings": "1. 个别支出凭证未附签收表<已整改>", "suggestions": "加强票据管理"})).unwrap();
    let t = app.call("audit_report_texts_save", json!({"year": 2026, "overview": "依据《中国工会章程》进行审查"})).unwrap();
    assert_eq!(t["suggestions"], "加强票据管理", "fields not given stay");
    assert_eq!(t["updated_by_name"], AUDITOR);

    let r = app.call("report_audit", json!({"year": 2026})).unwrap();
    assert!(r["title"].as_str().unwrap().ends_with("2026年度经费审查报告"));
    let is = &r["income_spending"];
    assert_eq!(is["income_total"], "10000.00");
    assert_eq!(is["spending_total"], "1234.56");
    assert_eq!(is["surplus"], "8765.44");
    let line = is["spending"].as_array().unwrap().iter().find(|l| l["code"] == "50105").unwrap();
    assert_eq!(line["actual"], "1234.56");
    assert!(line["budget"].is_null());
    assert_eq!(is["budget_available"], false);
    assert_eq!(r["dues"]["months"].as_array().unwrap().len(), 12);
    // Filled by the welfare module: no payouts this year, so empty with a note.
    assert_eq!(r["welfare"]["available"], true);
    assert!(r["welfare"]["note"].as_str().unwrap().contains("慰问"));
    assert_eq!(r["overrides"]["available"], true);
    assert!(r["overrides"]["rows"].as_array().unwrap().is_empty());
    assert_eq!(r["reviews"]["queries_raised"], 1);
    assert_eq!(r["reviews"]["queries_closed"], 1);
    assert_eq!(r["reviews"]["reviewed"], 1);
    assert_eq!(r["reviews"]["unreviewed"], 1);
    assert_eq!(r["approvals"]["spending_vouchers"], 1);
    assert_eq!(r["signoffs"].as_array().unwrap().len(), 12);
    let v = app.call("audit_verify", json!({})).unwrap();
    assert_eq!(r["verification"]["ok"], true);
    assert_eq!(r["verification"]["fingerprint"], v["fingerprint"]);
    assert_eq!(r["texts"]["overview"], "依据《中国工会章程》进行审查");

    let h = app.call("report_audit_html", json!({"year": 2026})).unwrap();
    assert_eq!(h["file_name"], "2026年度经费审查报告.html");
    let html = h["html"].as_str().unwrap();
    assert!(html.contains("size:A4 portrait"));
    assert!(html.contains("2026年度经费审查报告"));
    assert!(html.contains("1,234.56"));
    assert!(html.contains("&lt;已整改&gt;"), "texts are escaped");
    assert!(html.contains(v["fingerprint"].as_str().unwrap()));
    assert!(html.contains("缺签收表"));
}

#[test]
fn a_year_before_the_book_started_is_refused() {
    let (_d, mut app) = book();
    let err = app.call("report_audit", json!({"year": 2025})).unwrap_err();
    assert!(err.to_string().contains("早于建账月份"), "{err}");
}
