//! Welfare payouts: selection rules, allowance arithmetic, breaches and the chair's override,
//! always-enforced rules, posting through the gateway, import of recipients, reversal,
//! sign-for sheets, history and hardship files.

mod common;

use common::*;
use serde_json::{json, Value};
use union_ledger_core::error::CoreError;
use union_ledger_core::App;

fn member(app: &mut App, name: &str, gender: &str, birth: &str, extra: Value) -> i64 {
    let mut args = json!({"name": name, "gender": gender, "birth_date": birth, "join_date": "2015-01-01"});
    if let (Some(a), Some(e)) = (args.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            a.insert(k.clone(), v.clone());
        }
    }
    app.call("members_create", args).unwrap()["id"].as_i64().unwrap()
}

fn ids(v: &Value) -> Vec<i64> {
    let mut out: Vec<i64> = v["recipients"].as_array().unwrap().iter().map(|r| r["member_id"].as_i64().unwrap()).collect();
    out.sort();
    out
}

fn create(app: &mut App, args: Value) -> Value {
    app.call("welfare_create", args).unwrap()
}

fn festival(app: &mut App, name: &str, date: &str, rule: &str, amount: &str) -> Value {
    create(app, json!({"kind": "节日慰问", "name": name, "date": date, "form": "实物", "pay_from": "bank", "goods": "大米、食用油", "rule": rule, "default_amount": amount}))
}

fn post(app: &mut App, id: i64) -> Result<Value, CoreError> {
    app.call("welfare_post", json!({"id": id}))
}

fn lines(app: &App, voucher_id: i64) -> Vec<(String, i64, i64)> {
    let mut stmt = app
        .conn()
        .prepare("SELECT account_code, debit_fen, credit_fen FROM journal_lines WHERE voucher_id = ?1 ORDER BY line_no")
        .unwrap();
    stmt.query_map([voucher_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(|r| r.unwrap()).collect()
}

fn b64(bytes: &[u8]) -> String {
    data_encoding::BASE64.encode(bytes)
}

fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// 甲 woman with a child of 10; 乙 man born in March; 丙 woman, retired; 丁 man in group 二组
/// with an open hardship file; 戊 woman who left in 2025; 己 man who joins in 2026-09.
struct Roll {
    jia: i64,
    yi: i64,
    bing: i64,
    ding: i64,
    wu: i64,
    ji: i64,
}

fn roll(app: &mut App) -> Roll {
    let g2 = app.call("members_groups_add", json!({"name": "二组"})).unwrap()["id"].as_i64().unwrap();
    let jia = member(app, "甲", "女", "1985-07-10", json!({"children": [{"name": "小甲", "birth_date": "2016-02-01"}]}));
    let yi = member(app, "乙", "男", "1980-03-15", json!({"children": [{"name": "大乙", "birth_date": "2010-01-01"}]}));
    let bing = member(app, "丙", "女", "1960-05-01", json!({}));
    app.call("members_add_event", json!({"member_id": bing, "event": "退休", "date": "2020-06-30"})).unwrap();
    let ding = member(app, "丁", "男", "1975-03-02", json!({"group_id": g2}));
    app.call("members_hardship_open", json!({"member_id": ding, "level": "困难", "reason": "家人重病", "identified_on": "2025-12-01"})).unwrap();
    let wu = member(app, "戊", "女", "1990-03-20", json!({}));
    app.call("members_add_event", json!({"member_id": wu, "event": "调出", "date": "2025-10-31"})).unwrap();
    let ji = app
        .call("members_create", json!({"name": "己", "gender": "男", "birth_date": "1995-03-03", "join_date": "2026-09-01"}))
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    Roll { jia, yi, bing, ding, wu, ji }
}

#[test]
fn each_selection_rule_picks_the_members_it_names_on_the_batch_date() {
    let (_d, mut app) = book();
    let r = roll(&mut app);
    let pick = |app: &mut App, rule: &str, arg: Option<&str>| -> Vec<i64> {
        let v = app.call("welfare_candidates", json!({"rule": rule, "arg": arg, "date": "2026-03-06"})).unwrap();
        let mut out: Vec<i64> = v.as_array().unwrap().iter().map(|m| m["id"].as_i64().unwrap()).collect();
        out.sort();
        out
    };
    // 在会 only: not the retiree, not the one who left, not the one who joins later.
    assert_eq!(pick(&mut app, "all", None), vec![r.jia, r.yi, r.ding]);
    assert_eq!(pick(&mut app, "women", None), vec![r.jia]);
    // 甲's child is 10 on 1 June 2026; 乙's child turns 16 — too old.
    assert_eq!(pick(&mut app, "children", None), vec![r.jia]);
    // Birthdays in March (default: the batch month): 乙 and 丁, not 戊 (left) nor 己 (not yet a member).
    assert_eq!(pick(&mut app, "birthday", None), vec![r.yi, r.ding]);
    assert_eq!(pick(&mut app, "birthday", Some("7")), vec![r.jia]);
    assert_eq!(pick(&mut app, "retirees", None), vec![r.bing]);
    assert_eq!(pick(&mut app, "hardship", None), vec![r.ding]);
    assert_eq!(pick(&mut app, "group", Some("二组")), vec![r.ding]);
    // On a later date the new member is in.
    let v = app.call("welfare_candidates", json!({"rule": "all", "date": "2026-10-01"})).unwrap();
    assert!(v.as_array().unwrap().iter().any(|m| m["id"] == r.ji));
    let _ = r.wu;
    // A rule adds to a batch; adding again skips those already listed.
    let b = create(&mut app, json!({"kind": "womens_day", "name": "2026年三八节慰问", "date": "2026-03-06", "form": "goods", "pay_from": "bank", "rule": "women", "default_amount": "200"}));
    assert_eq!(ids(&b), vec![r.jia]);
    assert_eq!(b["total"], "200.00");
    assert_eq!(b["account_code"], "50105");
    let again = app.call("welfare_add_by_rule", json!({"batch_id": b["id"], "rule": "women"})).unwrap();
    assert_eq!(again["added"], 0);
    assert_eq!(again["skipped"][0]["reason"], "已在名单中");
    // By hand: a member who has left is refused, with the reason.
    let e = app.call("welfare_add_recipients", json!({"batch_id": b["id"], "recipients": [{"member_id": r.wu, "amount": "200"}]})).unwrap_err();
    assert!(e.to_string().contains("不是会员"), "{e}");
    let b = app.call("welfare_add_recipients", json!({"batch_id": b["id"], "recipients": [{"member_id": r.bing, "amount": "150"}]})).unwrap();
    assert_eq!(b["total"], "350.00");
    let b = app.call("welfare_remove_recipients", json!({"batch_id": b["id"], "member_ids": [r.bing]})).unwrap();
    assert_eq!(ids(&b), vec![r.jia]);
}

#[test]
fn festival_allowance_adds_up_across_batches_in_a_year_and_starts_again_the_next_year() {
    // 江苏 (the test book's province): the preloaded festival cap is 1,800 a year.
    let (_d, mut app) = book_starting("2025-01");
    let r = roll(&mut app);
    let old = festival(&mut app, "2025年国庆慰问", "2025-12-20", "all", "1000");
    post(&mut app, old["id"].as_i64().unwrap()).unwrap();
    let spring = festival(&mut app, "2026年春节慰问", "2026-02-10", "all", "800");
    // Last year's 1,000 does not count in 2026.
    let jia = spring["recipients"].as_array().unwrap().iter().find(|x| x["member_id"] == r.jia).unwrap().clone();
    assert_eq!((jia["cap"].clone(), jia["used_this_year"].clone(), jia["left"].clone(), jia["left_after"].clone()), (json!("1800.00"), json!("0.00"), json!("1800.00"), json!("1000.00")));
    assert_eq!(spring["rule"]["province"], "江苏");
    post(&mut app, spring["id"].as_i64().unwrap()).unwrap();
    // 三八 gifts count against the same allowance.
    let womens = create(&mut app, json!({"kind": "womens_day", "name": "2026年三八节慰问", "date": "2026-03-06", "form": "goods", "pay_from": "bank", "rule": "women", "default_amount": "200"}));
    post(&mut app, womens["id"].as_i64().unwrap()).unwrap();
    let mid = festival(&mut app, "2026年中秋慰问", "2026-09-20", "all", "800");
    let rec = |b: &Value, id: i64| b["recipients"].as_array().unwrap().iter().find(|x| x["member_id"] == id).unwrap().clone();
    // 甲: 800 + 200 used, 800 left, this batch takes it to exactly 0 — no breach.
    assert_eq!(rec(&mid, r.jia)["used_this_year"], "1000.00");
    assert_eq!(rec(&mid, r.jia)["left_after"], "0.00");
    assert!(rec(&mid, r.jia)["breach"].is_null());
    // 乙: 800 used; fine too.
    assert_eq!(rec(&mid, r.yi)["left"], "1000.00");
    assert!(mid["breaches"].as_array().unwrap().is_empty());
    post(&mut app, mid["id"].as_i64().unwrap()).unwrap();
    // 国庆 with 100 more: 甲 is over by 100 (1,900 > 1,800), 乙 is not (1,700).
    let oct = festival(&mut app, "2026年国庆慰问", "2026-09-30", "all", "100");
    assert_eq!(rec(&oct, r.jia)["left_after"], "-100.00");
    assert!(rec(&oct, r.jia)["breach"].as_str().unwrap().contains("超过江苏"));
    assert!(rec(&oct, r.yi)["breach"].is_null());
    assert_eq!(oct["breaches"].as_array().unwrap().len(), 1);
    assert_eq!(oct["can_post"], false);
    // The member history agrees.
    let h = app.call("welfare_member_history", json!({"member_id": r.jia, "year": 2026})).unwrap();
    assert_eq!(h["total"], "1800.00");
    let fest = h["by_kind"].as_array().unwrap().iter().find(|k| k["kind"] == "festival").unwrap();
    assert_eq!((fest["total"].clone(), fest["used"].clone(), fest["left"].clone()), (json!("1600.00"), json!("1800.00"), json!("0.00")));
    let h25 = app.call("welfare_member_history", json!({"member_id": r.jia, "year": 2025})).unwrap();
    assert_eq!(h25["total"], "1000.00");
}

#[test]
fn a_breach_blocks_posting_until_the_chair_overrides_with_a_reason_which_is_kept() {
    let (_d, mut app) = book();
    let r = roll(&mut app);
    let b = create(&mut app, json!({"kind": "womens_day", "name": "2026年三八节慰问", "date": "2026-03-06", "form": "实物", "pay_from": "bank", "goods": "洗护用品", "rule": "women", "default_amount": "200"}));
    let id = b["id"].as_i64().unwrap();
    // Make 甲 over the 1,800 cap: 1,700 paid earlier this year.
    let early = create(&mut app, json!({"kind": "festival", "name": "2026年元旦春节慰问", "date": "2026-01-20", "form": "goods", "pay_from": "bank", "recipients": [{"member_id": r.jia, "amount": "1700"}]}));
    post(&mut app, early["id"].as_i64().unwrap()).unwrap();
    let vouchers = count(&app, "journal_vouchers");
    // Blocked: no voucher, batch still a draft.
    let e = post(&mut app, id).unwrap_err();
    assert_eq!(e.code(), "validation");
    assert_eq!(e.details()["field"], "override");
    assert!(e.to_string().contains("须由工会主席批准"), "{e}");
    assert_eq!(count(&app, "journal_vouchers"), vouchers);
    // The treasurer cannot override alone.
    let e = app.call("welfare_post", json!({"id": id, "override_reason": "我说可以"})).unwrap_err();
    assert_eq!(e.code(), "permission_denied", "{e}");
    let e = app.call("welfare_override", json!({"id": id, "reason": "x", "confirm_password": "wrong"})).unwrap_err();
    assert_eq!(e.code(), "auth_failed");
    // Nor can the auditor, even with a reason.
    as_user(&mut app, AUDITOR);
    let e = app.call("welfare_post", json!({"id": id, "override_reason": "审计同意"})).unwrap_err();
    assert_eq!(e.code(), "permission_denied");
    assert_eq!(count(&app, "welfare_overrides"), 0);
    // The chair overrides and posts in one step.
    as_user(&mut app, CHAIR);
    let out = app.call("welfare_post", json!({"id": id, "override_reason": "甲今年承担了三八节活动组织工作，经工会委员会研究同意"})).unwrap();
    assert_eq!(out["batch"]["status"], "posted");
    let vid = out["voucher"]["id"].as_i64().unwrap();
    assert_eq!(lines(&app, vid), vec![("50105".into(), 20000, 0), ("102".into(), 0, 20000)]);
    let approved_by: Option<String> = app
        .conn()
        .query_row("SELECT u.name FROM journal_vouchers v JOIN users u ON u.id = v.approved_by WHERE v.id = ?1", [vid], |r| r.get(0))
        .unwrap();
    assert_eq!(approved_by.as_deref(), Some(CHAIR));
    // The override is listed for the audit committee.
    as_user(&mut app, AUDITOR);
    let list = app.call("welfare_overrides", json!({"year": 2026})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["chair_name"], CHAIR);
    assert!(list[0]["reason"].as_str().unwrap().contains("工会委员会研究同意"));
    assert!(list[0]["breaches"][0]["message"].as_str().unwrap().contains("甲"));
    assert_eq!(list[0]["voucher"], "2026-03 记-001");
    // The report marks the batch as overridden.
    let rep = app.call("report_welfare", json!({"year": 2026})).unwrap();
    let row = rep["batches"].as_array().unwrap().iter().find(|b| b["id"] == id).unwrap();
    assert_eq!(row["overridden"], true);
    // The annual audit report and the monthly notice take their welfare lines from here.
    let audit = app.call("report_audit", json!({"year": 2026})).unwrap();
    assert_eq!(audit["welfare"]["available"], true);
    assert_eq!(audit["welfare"]["total"], "1900.00");
    assert_eq!(audit["overrides"]["rows"].as_array().unwrap().len(), 1);
    assert_eq!(audit["overrides"]["rows"][0]["by"], CHAIR);
    let notice = app.call("notice_data", json!({"period": "2026-03"})).unwrap();
    assert_eq!(notice["payouts"][0]["batch"], "2026年三八节慰问");
    assert_eq!(notice["payouts"][0]["head_count"], 1);
    assert!(!notice.to_string().contains("甲"), "no names on the notice");
}

#[test]
fn the_chair_can_override_at_the_treasurers_desk_and_an_edit_afterwards_voids_it() {
    let (_d, mut app) = book();
    let r = roll(&mut app);
    // Cash for a festival gift: a breach the chair may override.
    let b = create(&mut app, json!({"kind": "festival", "name": "2026年端午慰问", "date": "2026-06-10", "form": "现金", "pay_from": "cash", "recipients": [{"member_id": r.jia, "amount": "100"}]}));
    let id = b["id"].as_i64().unwrap();
    assert_eq!(b["breaches"][0]["rule"], "cash");
    let o = app.call("welfare_override", json!({"id": id, "reason": "食堂停业，经研究发放现金", "confirm_user": CHAIR, "confirm_password": PASSWORD})).unwrap();
    assert_eq!(o["chair_name"], CHAIR);
    assert_eq!(app.call("welfare_get", json!({"id": id})).unwrap()["can_post"], true);
    // Changing the amount voids the override: the chair approved that batch, not this one.
    app.call("welfare_set_amounts", json!({"batch_id": id, "amount": "150"})).unwrap();
    let b = app.call("welfare_get", json!({"id": id})).unwrap();
    assert!(b["override"].is_null());
    assert!(post(&mut app, id).is_err());
    app.call("welfare_override", json!({"id": id, "reason": "同意 150 元", "confirm_password": PASSWORD})).unwrap();
    let out = post(&mut app, id).unwrap();
    assert_eq!(lines(&app, out["voucher"]["id"].as_i64().unwrap()), vec![("50105".into(), 15000, 0), ("101".into(), 0, 15000)]);
    // Both overrides stay on record.
    assert_eq!(app.call("welfare_overrides", json!({})).unwrap().as_array().unwrap().len(), 2);
}

#[test]
fn shopping_cards_and_vouchers_are_refused_and_write_nothing() {
    let (_d, mut app) = book();
    roll(&mut app);
    let before = count(&app, "welfare_batches");
    for (form, goods) in [("购物卡", ""), ("代金券", ""), ("实物", "超市购物卡 200 元")] {
        let e = app
            .call("welfare_create", json!({"kind": "festival", "name": "2026年中秋慰问", "date": "2026-09-20", "form": form, "goods": goods, "pay_from": "bank", "rule": "all", "default_amount": "200"}))
            .unwrap_err();
        assert!(e.to_string().contains("购物卡或代金券"), "{e}");
    }
    assert_eq!(count(&app, "welfare_batches"), before);
    // Not even the chair can make a card acceptable: there is no such form to post.
    let b = festival(&mut app, "2026年中秋慰问", "2026-09-20", "all", "200");
    let e = app
        .call("welfare_update", json!({"id": b["id"], "kind": "festival", "name": "2026年中秋慰问", "date": "2026-09-20", "form": "购物卡", "pay_from": "bank"}))
        .unwrap_err();
    assert_eq!(e.code(), "validation");
}

#[test]
fn hardship_aid_goes_only_to_members_with_an_open_file_and_shows_in_that_file() {
    let (_d, mut app) = book();
    let r = roll(&mut app);
    let b = create(&mut app, json!({"kind": "困难帮扶", "name": "2026年春节困难职工帮扶", "date": "2026-01-25", "form": "现金", "pay_from": "cash", "rule": "all", "default_amount": "1000"}));
    // Only 丁 has a file; the others are skipped by the rule, and refused by hand.
    assert_eq!(ids(&b), vec![r.ding]);
    assert_eq!(b["account_code"], "50404");
    let e = app.call("welfare_add_recipients", json!({"batch_id": b["id"], "recipients": [{"member_id": r.jia}]})).unwrap_err();
    assert!(e.to_string().contains("困难职工档案"), "{e}");
    post(&mut app, b["id"].as_i64().unwrap()).unwrap();
    let files = app.call("members_hardship_list", json!({})).unwrap();
    assert_eq!(files[0]["aid_total"], "1000.00");
    assert_eq!(files[0]["aid_received"][0]["batch_name"], "2026年春节困难职工帮扶");
    assert_eq!(app.call("welfare_member_aid", json!({"member_id": r.ding})).unwrap().as_array().unwrap().len(), 1);
    // A file closed before the batch date makes the member ineligible — and the chair cannot override that.
    let fid = files[0]["id"].as_i64().unwrap();
    app.call("members_hardship_close", json!({"id": fid, "closed_on": "2026-05-31", "close_reason": "已脱困"})).unwrap();
    let later = create(&mut app, json!({"kind": "hardship", "name": "2026年中秋帮扶", "date": "2026-09-20", "form": "cash", "pay_from": "cash", "rule": "all", "default_amount": "500"}));
    assert!(ids(&later).is_empty());
    as_user(&mut app, CHAIR);
    let e = app.call("welfare_post", json!({"id": later["id"], "override_reason": "特殊情况"})).unwrap_err();
    assert!(e.to_string().contains("不能由主席批准放行") || e.to_string().contains("名单是空的"), "{e}");
}

#[test]
fn the_voucher_equals_the_batch_total_with_each_its_own_amount() {
    let (_d, mut app) = book();
    let r = roll(&mut app);
    let b = create(&mut app, json!({"kind": "sick", "name": "2026年4月住院慰问", "date": "2026-04-15", "form": "cash", "pay_from": "cash",
        "recipients": [{"member_id": r.jia, "amount": "500", "note": "住院"}, {"member_id": r.yi, "amount": "300.50"}]}));
    let b = app.call("welfare_set_amounts", json!({"batch_id": b["id"], "items": [{"member_id": r.yi, "amount": "333.33"}]})).unwrap();
    assert_eq!(b["total"], "833.33");
    assert_eq!(b["total_in_words"], "捌佰叁拾叁元叁角叁分");
    let out = post(&mut app, b["id"].as_i64().unwrap()).unwrap();
    let vid = out["voucher"]["id"].as_i64().unwrap();
    assert_eq!(lines(&app, vid), vec![("50105".into(), 83333, 0), ("101".into(), 0, 83333)]);
    let (summary, source, source_ref): (String, String, String) = app
        .conn()
        .query_row("SELECT summary, source, source_ref FROM journal_vouchers WHERE id = ?1", [vid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    assert_eq!(summary, "2026年4月住院慰问（生病住院慰问，2人）");
    assert_eq!((source.as_str(), source_ref), ("welfare", format!("batch:{}", b["id"])));
    // A posted batch is fixed.
    let e = app.call("welfare_set_amounts", json!({"batch_id": b["id"], "amount": "1"})).unwrap_err();
    assert_eq!(e.code(), "conflict");
    assert!(app.conn().execute("UPDATE welfare_recipients SET amount_fen = 1", []).is_err(), "trigger keeps posted recipients");
    // The sign-for sheet carries the same totals, in figures and in words.
    let s = app.call("welfare_sign_sheet", json!({"id": b["id"]})).unwrap();
    assert_eq!(s["title"], "2026年4月住院慰问领取签收表");
    assert_eq!(s["rows"].as_array().unwrap().len(), 2);
    assert_eq!(s["rows"][0]["content"], "现金 500.00 元");
    assert_eq!((s["total"].clone(), s["total_in_words"].clone()), (json!("833.33"), json!("捌佰叁拾叁元叁角叁分")));
    let x = app.call("welfare_sign_sheet_xlsx", json!({"id": b["id"]})).unwrap();
    let bytes = data_encoding::BASE64.decode(x["data_base64"].as_str().unwrap().as_bytes()).unwrap();
    let t = union_ledger_core::io::read_table(&bytes, "s.xlsx").unwrap();
    assert_eq!(t.rows[0].cells[0], "2026年4月住院慰问领取签收表");
    assert!(t.rows.iter().any(|r| r.cells.iter().any(|c| c.contains("捌佰叁拾叁元叁角叁分"))));
}

#[test]
fn recipient_import_errors_name_their_rows_and_leave_the_book_unchanged() {
    let (_d, mut app) = book();
    let r = roll(&mut app);
    let _ = r;
    let batches = count(&app, "welfare_batches");
    let file = xlsx(&[
        &["姓名", "会员号", "金额", "备注"],
        &["甲", "", "200", ""],
        &["无名氏", "", "200", ""],
        &["乙", "", "abc", ""],
        &["戊", "", "200", "已调出"],
        &["甲", "", "100", "重复"],
        &["", "9999", "100", ""],
        &["丙", "", "-5", ""],
    ]);
    let args = json!({"kind": "womens_day", "name": "2026年三八节慰问", "date": "2026-03-06", "form": "goods", "pay_from": "bank",
        "import": {"file_name": "领取人.xlsx", "data_base64": b64(&file)}});
    let e = app.call("welfare_create", args).unwrap_err();
    let CoreError::RowErrors(rows) = &e else { panic!("{e}") };
    let at = |row: usize| rows.iter().filter(|x| x.row == row).map(|x| x.message.clone()).collect::<Vec<_>>().join("；");
    assert!(at(3).contains("不在会员名册中"), "{rows:?}");
    assert!(at(4).contains("不是有效的金额"), "{rows:?}");
    assert!(at(5).contains("不是会员"), "{rows:?}");
    assert!(at(6).contains("与第 2 行重复"), "{rows:?}");
    assert!(at(7).contains("9999"), "{rows:?}");
    assert!(at(8).contains("应大于零"), "{rows:?}");
    assert!(at(2).is_empty());
    assert_eq!(count(&app, "welfare_batches"), batches, "all or nothing: not even the batch");
    assert_eq!(count(&app, "welfare_recipients"), 0);
    // The same checks as a preview on a draft, and a clean file imports.
    let b = create(&mut app, json!({"kind": "womens_day", "name": "2026年三八节慰问", "date": "2026-03-06", "form": "goods", "pay_from": "bank"}));
    let p = app.call("welfare_import_preview", json!({"batch_id": b["id"], "file_name": "a.xlsx", "data_base64": b64(&file)})).unwrap();
    assert_eq!(p["ok"], false);
    assert!(p["errors"].as_array().unwrap().len() >= 6);
    let csv = "会员号,金额,备注\n0001,200,\n0003,180.5,退休\n";
    let b = app.call("welfare_import", json!({"batch_id": b["id"], "file_name": "a.csv", "data_base64": b64(csv.as_bytes())})).unwrap();
    assert_eq!(b["total"], "380.50");
    assert_eq!(b["recipients"][1]["source"], "import");
}

#[test]
fn reversing_a_batch_reverses_its_voucher_and_gives_the_allowance_back() {
    let (_d, mut app) = book();
    let r = roll(&mut app);
    let b = festival(&mut app, "2026年春节慰问", "2026-02-10", "all", "1800");
    let id = b["id"].as_i64().unwrap();
    let out = post(&mut app, id).unwrap();
    let vid = out["voucher"]["id"].as_i64().unwrap();
    let next = festival(&mut app, "2026年端午慰问", "2026-06-10", "women", "100");
    assert_eq!(next["breaches"].as_array().unwrap().len(), 1, "甲 has used the whole allowance");
    let rev = app.call("welfare_reverse", json!({"id": id, "date": "2026-02-20", "reason": "物品未到货，改期发放"})).unwrap();
    assert_eq!(rev["status"], "reversed");
    assert_eq!(rev["reversed_reason"], "物品未到货，改期发放");
    let rv = rev["reversal_voucher"]["id"].as_i64().unwrap();
    assert_eq!(lines(&app, rv), vec![("50105".into(), -540000, 0), ("102".into(), 0, -540000)]);
    let reversed_by: i64 = app.conn().query_row("SELECT id FROM journal_vouchers WHERE reverses_id = ?1", [vid], |r| r.get(0)).unwrap();
    assert_eq!(reversed_by, rv);
    let next = app.call("welfare_get", json!({"id": next["id"]})).unwrap();
    assert!(next["breaches"].as_array().unwrap().is_empty());
    assert_eq!(next["recipients"][0]["left"], "1800.00");
    assert!(app.call("welfare_reverse", json!({"id": id, "date": "2026-02-21", "reason": "again"})).is_err());
    // The ledger refuses to reverse a welfare voucher on its own (the batch would still claim
    // the payout); the batch is reversed from welfare, which reverses its voucher.
    let b2 = festival(&mut app, "2026年清明慰问", "2026-04-03", "all", "300");
    let out2 = post(&mut app, b2["id"].as_i64().unwrap()).unwrap();
    let e = app.call("ledger_vouchers_reverse", json!({"id": out2["voucher"]["id"], "date": "2026-04-10", "reason": "重复发放"})).unwrap_err();
    assert!(e.to_string().contains("慰问发放"), "{e}");
    let marked = app.call("welfare_reverse", json!({"id": b2["id"], "date": "2026-04-10", "reason": "重复发放"})).unwrap();
    assert_eq!(marked["status"], "reversed");
    let h = app.call("welfare_member_history", json!({"member_id": r.jia, "year": 2026})).unwrap();
    assert_eq!(h["total"], "0.00");
    let rep = app.call("report_welfare", json!({"year": 2026})).unwrap();
    assert_eq!(rep["totals"]["amount"], "0.00");
}

#[test]
fn with_approval_required_a_batch_is_submitted_and_approved_before_posting() {
    let (_d, mut app) = book();
    let r = roll(&mut app);
    app.conn()
        .execute("INSERT INTO book_settings (key, value) VALUES ('approval_required', '1') ON CONFLICT(key) DO UPDATE SET value = '1'", [])
        .unwrap();
    let b = create(&mut app, json!({"kind": "birthday", "name": "2026年3月生日慰问", "date": "2026-03-01", "form": "ticket", "goods": "蛋糕券", "pay_from": "bank", "rule": "birthday", "default_amount": "150"}));
    let id = b["id"].as_i64().unwrap();
    assert_eq!(ids(&b), vec![r.yi, r.ding]);
    assert!(post(&mut app, id).unwrap_err().to_string().contains("审批"));
    app.call("welfare_submit", json!({"id": id})).unwrap();
    assert!(app.call("welfare_approve", json!({"id": id})).is_err(), "the treasurer cannot approve");
    as_user(&mut app, CHAIR);
    app.call("welfare_reject", json!({"id": id, "note": "金额请按 100 元"})).unwrap();
    as_user(&mut app, TREASURER);
    let b = app.call("welfare_set_amounts", json!({"batch_id": id, "amount": "100"})).unwrap();
    assert_eq!(b["status"], "draft");
    app.call("welfare_submit", json!({"id": id})).unwrap();
    as_user(&mut app, CHAIR);
    let b = app.call("welfare_approve", json!({"id": id, "note": "同意"})).unwrap();
    assert_eq!(b["status"], "approved");
    as_user(&mut app, TREASURER);
    let out = post(&mut app, id).unwrap();
    assert_eq!(out["batch"]["approved_by_name"], CHAIR);
    assert_eq!(out["batch"]["total"], "200.00");
}

#[test]
fn a_submitted_batch_waits_in_the_chairs_one_queue_and_is_approved_from_there() {
    let (_d, mut app) = book();
    let r = roll(&mut app);
    app.conn()
        .execute("INSERT INTO book_settings (key, value) VALUES ('approval_required', '1') ON CONFLICT(key) DO UPDATE SET value = '1'", [])
        .unwrap();
    let b = create(&mut app, json!({"kind": "birthday", "name": "2026年3月生日慰问", "date": "2026-03-01", "form": "ticket", "goods": "蛋糕券", "pay_from": "bank", "rule": "birthday", "default_amount": "100"}));
    let id = b["id"].as_i64().unwrap();
    assert_eq!(ids(&b), vec![r.yi, r.ding]);
    app.call("welfare_submit", json!({"id": id})).unwrap();
    as_user(&mut app, CHAIR);
    let q = app.call("audit_approval_queue", json!({})).unwrap();
    let item = q.as_array().unwrap().iter().find(|i| i["kind"] == "welfare_batch").expect("the batch is in the queue").clone();
    assert_eq!(item["ref_id"], id);
    assert_eq!(item["amount"], "200.00");
    assert_eq!(item["detail"]["name"], "2026年3月生日慰问");
    let aid = item["id"].clone();
    app.call("audit_approval_approve", json!({"id": aid, "note": "同意"})).unwrap();
    assert!(app.call("audit_approval_queue", json!({})).unwrap().as_array().unwrap().is_empty());
    as_user(&mut app, TREASURER);
    assert_eq!(app.call("welfare_get", json!({"id": id})).unwrap()["status"], "approved");
    let out = post(&mut app, id).unwrap();
    assert_eq!(out["batch"]["approved_by_name"], CHAIR);
    let hist = app.call("audit_approval_list", json!({"kind": "welfare_batch"})).unwrap();
    assert_eq!(hist[0]["status"], "posted");
}

#[test]
fn spending_rules_are_listed_with_sources_and_editable_by_date() {
    let (_d, mut app) = book();
    let all = app.call("welfare_rules_list", json!({})).unwrap();
    let sd: Vec<&Value> = all.as_array().unwrap().iter().filter(|r| r["province"] == "山东" && r["item"] == "festival").collect();
    assert_eq!(sd.len(), 2);
    assert_eq!(sd[1]["cap"], "2000.00");
    assert!(all.as_array().unwrap().iter().all(|r| !r["source"].as_str().unwrap().is_empty()));
    let sc = all.as_array().unwrap().iter().find(|r| r["province"] == "四川" && r["item"] == "festival").unwrap();
    assert_eq!(sc["cap"], "2100.00");
    // A new standard from a date: the old one still applies before it.
    roll(&mut app);
    let added = app
        .call("welfare_rules_add", json!({"province": "江苏", "item": "festival", "effective_from": "2026-07-01", "cap": "2000", "source": "某市总工会 2026 年通知"}))
        .unwrap();
    let before = festival(&mut app, "2026年端午慰问", "2026-06-10", "women", "100");
    let after = festival(&mut app, "2026年中秋慰问", "2026-09-20", "women", "100");
    assert_eq!(before["recipients"][0]["cap"], "1800.00");
    assert_eq!(after["recipients"][0]["cap"], "2000.00");
    assert!(app.call("welfare_rules_add", json!({"province": "江苏", "item": "festival", "effective_from": "2026-07-01", "cap": "1", "source": "x"})).is_err());
    let e = app.call("welfare_rules_add", json!({"province": "江苏", "item": "festival", "effective_from": "2027-01-01", "cap": "1"})).unwrap_err();
    assert!(e.to_string().contains("出处"));
    let upd = app
        .call("welfare_rules_update", json!({"id": added["id"], "province": "江苏", "item": "festival", "effective_from": "2026-07-01", "cap": "1900", "source": "某市总工会 2026 年通知"}))
        .unwrap();
    assert_eq!(upd["cap"], "1900.00");
    as_user(&mut app, AUDITOR);
    assert_eq!(app.call("welfare_rules_add", json!({"province": "江苏", "item": "birthday", "effective_from": "2027-01-01", "cap": "1", "source": "x"})).unwrap_err().code(), "permission_denied");
}
