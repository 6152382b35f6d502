//! The member roll: ID checks, masking, status events, groups, 入会率, hardship files, roles.

mod common;

use common::*;
use serde_json::{json, Value};
use union_ledger_core::App;

/// A valid 18-character ID: area, birth date (YYYYMMDD), three-digit sequence (odd = 男),
/// and the GB 11643 check character computed here.
fn id_for(area: &str, birth: &str, seq: u32) -> String {
    let body = format!("{area}{birth}{seq:03}");
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.bytes().zip(w).map(|(b, w)| (b - b'0') as u32 * w).sum();
    let c = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][(sum % 11) as usize];
    format!("{body}{c}")
}

fn create(app: &mut App, v: Value) -> Result<Value, union_ledger_core::CoreError> {
    app.call("members_create", v)
}

#[test]
fn a_valid_id_fills_gender_and_birth_date_and_is_shown_masked_until_revealed() {
    let (_d, mut app) = book();
    let id = id_for("321088", "19800501", 123);
    let m = create(&mut app, json!({"name": "张三", "id_number": id, "join_date": "2010-07-01", "wage": "5678.90"})).unwrap();
    assert_eq!(m["member_no"], "0001");
    assert_eq!(m["gender"], "男");
    assert_eq!(m["birth_date"], "1980-05-01");
    assert_eq!(m["id_number"], format!("3210**********{}", &id[14..]));
    assert_eq!(m["wage_base"], "5678.90");
    assert_eq!(m["status"], "active");
    assert_eq!(m["events"][0]["event"], "join");
    let list = app.call("members_list", json!({})).unwrap();
    assert_eq!(list[0]["id_number"], m["id_number"]);
    assert!(!list.to_string().contains(&id), "full ID leaked in the list");
    let r = app.call("members_reveal_id", json!({"id": m["id"]})).unwrap();
    assert_eq!(r["id_number"], id);
    // Sending the masked number back on update keeps the stored one.
    let mut upd = json!({"id": m["id"], "name": "张三", "id_number": m["id_number"], "join_date": "2010-07-01", "phone": "13800000000"});
    upd["gender"] = json!("男");
    let u = app.call("members_update", upd).unwrap();
    assert_eq!(u["phone"], "13800000000");
    assert_eq!(app.call("members_reveal_id", json!({"id": m["id"]})).unwrap()["id_number"], id);
    // …and is still checked against gender and birth date, and still fills the birth date.
    assert_eq!(u["birth_date"], "1980-05-01");
    let mut bad = json!({"id": m["id"], "name": "张三", "id_number": m["id_number"], "join_date": "2010-07-01"});
    bad["gender"] = json!("女");
    let e = app.call("members_update", bad).unwrap_err();
    assert!(e.to_string().contains("性别为男"), "{e}");
    let bad = json!({"id": m["id"], "name": "张三", "id_number": m["id_number"], "join_date": "2010-07-01", "birth_date": "1985-01-01"});
    let e = app.call("members_update", bad).unwrap_err();
    assert!(e.to_string().contains("出生日期"), "{e}");
}

#[test]
fn a_wrong_check_character_or_a_mismatched_gender_or_birth_date_is_refused() {
    let (_d, mut app) = book();
    let id = id_for("321088", "19800501", 123);
    let last = id.chars().last().unwrap();
    let wrong = format!("{}{}", &id[..17], if last == '1' { '2' } else { '1' });
    let e = create(&mut app, json!({"name": "甲", "id_number": wrong, "join_date": "2010-07-01"})).unwrap_err();
    assert!(e.to_string().contains("校验位"), "{e}");
    let e = create(&mut app, json!({"name": "甲", "gender": "女", "id_number": id, "join_date": "2010-07-01"})).unwrap_err();
    assert!(e.to_string().contains("性别为男"), "{e}");
    let e = create(&mut app, json!({"name": "甲", "birth_date": "1980-05-02", "id_number": id, "join_date": "2010-07-01"})).unwrap_err();
    assert!(e.to_string().contains("出生日期"), "{e}");
    let e = create(&mut app, json!({"name": "甲", "gender": "男", "join_date": "2099-01-01"})).unwrap_err();
    assert!(e.to_string().contains("晚于今天"), "{e}");
    create(&mut app, json!({"name": "甲", "id_number": id, "join_date": "2010-07-01"})).unwrap();
    let e = create(&mut app, json!({"name": "乙", "id_number": id.to_lowercase(), "join_date": "2010-07-01"})).unwrap_err();
    assert!(e.to_string().contains("已登记在会员 0001 甲"), "{e}");
    assert_eq!(count(&app, "members"), 1);
}

#[test]
fn search_filters_and_sorts_and_pinyin_initials_find_a_name() {
    let (_d, mut app) = book();
    let g = app.call("members_groups_add", json!({"name": "机关小组"})).unwrap();
    create(&mut app, json!({"name": "王小明", "gender": "男", "join_date": "2015-01-01", "group_id": g["id"], "wage": "3000"})).unwrap();
    create(&mut app, json!({"name": "李红", "gender": "女", "join_date": "2016-01-01", "wage": "6000", "card_no": "GH77"})).unwrap();
    let found = app.call("members_list", json!({"search": "wxm"})).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["name"], "王小明");
    assert_eq!(found[0]["group"], "机关小组");
    assert_eq!(app.call("members_list", json!({"search": "GH77"})).unwrap()[0]["name"], "李红");
    assert_eq!(app.call("members_list", json!({"group_id": g["id"]})).unwrap().as_array().unwrap().len(), 1);
    let by_wage = app.call("members_list", json!({"sort": "wage_base", "desc": true})).unwrap();
    assert_eq!(by_wage[0]["name"], "李红");
    assert_eq!(app.call("members_groups_list", json!({})).unwrap()[0]["members"], 1);
    let e = app.call("members_groups_delete", json!({"id": g["id"]})).unwrap_err();
    assert!(e.to_string().contains("还有 1 名会员"), "{e}");
}

#[test]
fn status_follows_dated_events_and_impossible_events_are_refused() {
    let (_d, mut app) = book();
    let m = create(&mut app, json!({"name": "老赵", "gender": "男", "join_date": "1990-03-01", "wage": "4000"})).unwrap();
    let r = app.call("members_add_event", json!({"member_id": m["id"], "event": "retire", "date": "2026-06-15"})).unwrap();
    assert_eq!(r["status"], "retired");
    assert_eq!(r["status_date"], "2026-06-15");
    assert_eq!(r["in_membership"], true);
    let e = app.call("members_add_event", json!({"member_id": m["id"], "event": "退休", "date": "2026-07-01"})).unwrap_err();
    assert!(e.to_string().contains("不能登记"), "{e}");
    let r = app.call("members_add_event", json!({"member_id": m["id"], "event": "去世", "date": "2026-09-01"})).unwrap();
    assert_eq!(r["status"], "deceased");
    assert_eq!(r["in_membership"], false);
    let left = app.call("members_list", json!({"status": "left"})).unwrap();
    assert_eq!(left.as_array().unwrap().len(), 1);
    let ev_id = r["events"][2]["id"].clone();
    let r = app.call("members_delete_event", json!({"id": ev_id})).unwrap();
    assert_eq!(r["status"], "retired");
}

#[test]
fn join_rate_counts_working_members_over_the_dated_headcount() {
    let (_d, mut app) = book();
    for i in 0..20 {
        create(&mut app, json!({"name": format!("会员{i}"), "gender": "男", "join_date": "2020-01-01"})).unwrap();
    }
    let late = create(&mut app, json!({"name": "新人", "gender": "女", "join_date": "2026-03-01"})).unwrap();
    let old = create(&mut app, json!({"name": "退休者", "gender": "女", "join_date": "2000-01-01"})).unwrap();
    app.call("members_add_event", json!({"member_id": old["id"], "event": "retire", "date": "2025-12-31"})).unwrap();
    app.call("members_add_event", json!({"member_id": late["id"], "event": "transfer_out", "date": "2026-10-01"})).unwrap();
    app.call("members_set_headcount", json!({"effective_from": "2026-01-01", "headcount": 21})).unwrap();
    let s = app.call("members_stats", json!({"date": "2026-10-31"})).unwrap();
    assert_eq!(s["members"], 20);
    assert_eq!(s["retained"], 1);
    assert_eq!(s["headcount"], 21);
    assert_eq!(s["join_rate"], "95.2");
    assert_eq!(s["new_this_year"], 1);
    assert_eq!(s["left_this_year"], 1);
    let before = app.call("members_stats", json!({"date": "2025-06-30"})).unwrap();
    assert_eq!(before["headcount"], Value::Null);
    assert_eq!(before["join_rate"], Value::Null);
}

#[test]
fn hardship_files_open_come_due_for_review_and_close_but_never_show_in_the_roll() {
    let (_d, mut app) = book();
    let m = create(&mut app, json!({"name": "困难户", "gender": "女", "join_date": "2015-01-01"})).unwrap();
    let f = app
        .call("members_hardship_open", json!({"member_id": m["id"], "level": "特困", "reason": "大病致困", "identified_on": "2025-09-01"}))
        .unwrap();
    assert_eq!(f["next_review_on"], "2026-09-01");
    let e = app.call("members_hardship_open", json!({"member_id": m["id"], "level": "困难", "reason": "x", "identified_on": "2025-10-01"})).unwrap_err();
    assert!(e.to_string().contains("未关闭"), "{e}");
    let due = app.call("members_hardship_due_for_review", json!({"date": "2026-10-01"})).unwrap();
    assert_eq!(due.as_array().unwrap().len(), 1);
    let list = app.call("members_list", json!({})).unwrap().to_string();
    assert!(!list.contains("大病") && !list.contains("特困"), "{list}");
    as_user(&mut app, AUDITOR);
    assert_eq!(app.call("members_hardship_list", json!({"open_only": true})).unwrap().as_array().unwrap().len(), 1);
    as_user(&mut app, TREASURER);
    app.call("members_hardship_close", json!({"id": f["id"], "closed_on": "2026-10-10", "close_reason": "已脱困"})).unwrap();
    assert_eq!(app.call("members_hardship_list", json!({"open_only": true})).unwrap().as_array().unwrap().len(), 0);
    assert_eq!(app.call("members_hardship_list", json!({})).unwrap()[0]["open"], false);
}

#[test]
fn a_member_without_records_can_be_deleted_but_one_with_dues_cannot() {
    let (_d, mut app) = book();
    let a = create(&mut app, json!({"name": "甲", "gender": "男", "join_date": "2020-01-01", "wage": "3000"})).unwrap();
    let b = create(&mut app, json!({"name": "乙", "gender": "男", "join_date": "2020-01-01", "children": [{"name": "小乙", "birth_date": "2015-06-01"}]})).unwrap();
    assert_eq!(b["children"][0]["name"], "小乙");
    app.call("members_delete", json!({"id": b["id"]})).unwrap();
    app.call("dues_charge_month", json!({"month": "2026-10"})).unwrap();
    let e = app.call("members_delete", json!({"id": a["id"]})).unwrap_err();
    assert!(e.to_string().contains("有会费或发放记录的会员不能删除"), "{e}");
    assert_eq!(app.call("members_get", json!({"id": a["id"]})).unwrap()["can_delete"], false);
}

#[test]
fn the_auditor_cannot_write_members_or_dues() {
    let (_d, mut app) = book();
    let m = create(&mut app, json!({"name": "甲", "gender": "男", "join_date": "2020-01-01", "wage": "3000"})).unwrap();
    app.call("dues_charge_month", json!({"month": "2026-10"})).unwrap();
    let before = (count(&app, "members"), count(&app, "dues_charges"), count(&app, "change_log"));
    as_user(&mut app, AUDITOR);
    for (name, args) in [
        ("members_create", json!({"name": "乙", "gender": "男", "join_date": "2020-01-01"})),
        ("members_update", json!({"id": m["id"], "name": "改", "gender": "男", "join_date": "2020-01-01"})),
        ("members_add_event", json!({"member_id": m["id"], "event": "retire", "date": "2026-10-01"})),
        ("members_set_wage", json!({"member_id": m["id"], "effective_from": "2026-01", "wage": "9000"})),
        ("members_delete", json!({"id": m["id"]})),
        ("members_import", json!({"file_name": "a.csv", "data_base64": ""})),
        ("members_hardship_open", json!({"member_id": m["id"], "level": "困难", "reason": "x", "identified_on": "2026-01-01"})),
        ("dues_settings_set", json!({"rate": "0.01"})),
        ("dues_charge_month", json!({"month": "2026-09"})),
        ("dues_pay_batch", json!({"month": "2026-10", "date": "2026-10-25"})),
        ("dues_pay_member", json!({"member_id": m["id"], "amount": "15", "date": "2026-10-25", "via": "cash"})),
    ] {
        let e = app.call(name, args).unwrap_err();
        assert_eq!(e.code(), "permission_denied", "{name}: {e}");
    }
    assert_eq!(before, (count(&app, "members"), count(&app, "dues_charges"), count(&app, "change_log")));
    // Reading is fine.
    app.call("members_list", json!({})).unwrap();
    app.call("dues_summary", json!({"month": "2026-10"})).unwrap();
}
