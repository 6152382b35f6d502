//! 示例账套: a small demo book verifies, balances, is the same for the same seed, and loads
//! only into an empty book.

mod common;

use common::*;
use serde_json::{json, Value};
use union_ledger_core::App;

fn demo(app: &mut App) -> Value {
    app.call("demo_load", json!({"members": 40, "years": 1, "seed": 7, "until": "2026-12"})).unwrap()
}

#[test]
fn demo_book_balances_verifies_and_is_deterministic() {
    let (_d1, mut a) = book_with_controls();
    let s = demo(&mut a);
    assert_eq!(s["months_closed"], 12, "{s}");
    assert!(s["welfare_batches"].as_u64().unwrap() >= 15, "{s}");
    let v = a.call("audit_verify", json!({})).unwrap();
    assert_eq!(v["ok"], true, "{v}");
    let tb = a.call("report_trial_balance", json!({"from": "2026-01", "to": "2026-12"})).unwrap();
    let t = &tb["totals"];
    assert_eq!(t["opening_debit"], t["opening_credit"], "{t}");
    assert_eq!(t["debit"], t["credit"], "{t}");
    assert_eq!(t["closing_debit"], t["closing_credit"], "{t}");
    assert_ne!(t["debit"], "0.00");
    // Controls are back on afterwards.
    let st = a.call("book_settings_get", json!({})).unwrap();
    assert_eq!(st["approval_required"], true);
    assert_eq!(st["signoff_required"], true);
    // Every month was reviewed and signed off by the auditor before it closed.
    // December too: the year-end carry-forward its close adds does not stale the sign-off.
    for p in ["2026-01", "2026-06", "2026-11", "2026-12"] {
        let s = a.call("audit_review_signoff_status", json!({"period": p})).unwrap();
        assert_eq!(s["signed"], true, "{p}: {s}");
    }
    for p in ["2026-01", "2026-12"] {
        assert_eq!(a.call("ledger_period_status", json!({"period": p})).unwrap()["status"], "closed", "{p}");
    }
    assert!(a.call("members_list", json!({})).unwrap().as_array().unwrap().len() >= 40);

    let (_d2, mut b) = book_with_controls();
    demo(&mut b);
    let fp = |app: &mut App| app.call("ledger_period_status", json!({"period": "2026-12"})).unwrap()["chain_fingerprint"].clone();
    let (fa, fb) = (fp(&mut a), fp(&mut b));
    assert!(fa.is_string(), "{fa}");
    assert_eq!(fa, fb, "same seed, same chain");

    let before = count(&a, "journal_vouchers");
    let e = a.call("demo_load", json!({})).unwrap_err();
    assert!(e.to_string().contains("空账套"), "{e}");
    assert_eq!(count(&a, "journal_vouchers"), before);
}
