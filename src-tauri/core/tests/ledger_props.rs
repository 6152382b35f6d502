//! Property tests of the posting gateway: any set of balanced vouchers gives a balancing
//! trial balance, and posting then reversing nets every account to zero.

use chrono::NaiveDate;
use proptest::prelude::*;
use rusqlite::Connection;
use union_ledger_core::ledger::posting::{self, LineInput, VoucherInput};
use union_ledger_core::{book, db, ledger, Money};

const LEAVES: &[&str] = &["101", "102", "135", "211", "322", "401", "402", "40301", "40302", "408", "50101", "50105", "50404", "50502", "510"];

fn fresh() -> Connection {
    let conn = db::open_in_memory().unwrap();
    let req: book::InitBook = serde_json::from_value(serde_json::json!({
        "union_name": "某工会", "unit_name": "某单位", "start_month": "2026-01", "province": "江苏",
        "treasurer": {"name": "会计", "password": "secret1"}, "chair": {"name": "主席", "password": "secret1"},
        "auditor": {"name": "经审", "password": "secret1"}
    }))
    .unwrap();
    book::init(&conn, &req, "2026-01-01T00:00:00").unwrap();
    ledger::seed_chart(&conn).unwrap();
    conn
}

/// (month, debit lines, credit lines) as (index into LEAVES, fen).
type RandomVoucher = (u32, Vec<(usize, i64)>, Vec<(usize, i64)>);

/// A balanced voucher: some debit lines, and credit lines splitting the same total.
fn voucher() -> impl Strategy<Value = RandomVoucher> {
    (1u32..=12, prop::collection::vec((0..LEAVES.len(), 1i64..5_000_000), 1..4), prop::collection::vec(0..LEAVES.len(), 1..4)).prop_map(
        |(month, debits, credit_accounts)| {
            let total: i64 = debits.iter().map(|d| d.1).sum();
            let n = credit_accounts.len() as i64;
            let credits = credit_accounts
                .iter()
                .enumerate()
                .map(|(i, &a)| (a, if i as i64 == n - 1 { total - (total / n) * (n - 1) } else { total / n }))
                .filter(|c| c.1 > 0)
                .collect();
            (month, debits, credits)
        },
    )
}

fn input(month: u32, debits: &[(usize, i64)], credits: &[(usize, i64)]) -> VoucherInput {
    let mut lines: Vec<LineInput> = debits
        .iter()
        .map(|&(a, f)| LineInput { account_code: LEAVES[a].into(), debit: Money::from_fen(f), credit: Money::ZERO, member_id: None, memo: String::new() })
        .collect();
    lines.extend(credits.iter().map(|&(a, f)| LineInput {
        account_code: LEAVES[a].into(),
        debit: Money::ZERO,
        credit: Money::from_fen(f),
        member_id: None,
        memo: String::new(),
    }));
    VoucherInput {
        date: NaiveDate::from_ymd_opt(2026, month, 15).unwrap(),
        summary: "随机凭证".into(),
        attachments_count: 0,
        source: "manual".into(),
        source_ref: None,
        lines,
        prepared_by: Some(1),
        approved_by: None,
        reverses_id: None,
    }
}

fn per_account(conn: &Connection) -> Vec<(String, i64)> {
    let mut stmt = conn.prepare("SELECT account_code, SUM(debit_fen - credit_fen) FROM journal_lines GROUP BY account_code ORDER BY account_code").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn random_balanced_vouchers_always_give_a_balancing_trial_balance(vs in prop::collection::vec(voucher(), 1..12)) {
        let conn = fresh();
        for (m, d, c) in &vs {
            posting::post_voucher(&conn, &input(*m, d, c), 1, "2026-01-01T00:00:00").unwrap();
        }
        let (d, c): (i64, i64) = conn.query_row("SELECT SUM(debit_fen), SUM(credit_fen) FROM journal_lines", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        prop_assert_eq!(d, c);
        for p in 1..=12 {
            let period = format!("2026-{p:02}");
            let (d, c): (i64, i64) = conn.query_row("SELECT COALESCE(SUM(debit_fen), 0), COALESCE(SUM(credit_fen), 0) FROM journal_lines WHERE period = ?1", [&period], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
            prop_assert_eq!(d, c, "{}", period);
            let numbers: Vec<i64> = conn.prepare("SELECT number FROM journal_vouchers WHERE period = ?1 ORDER BY number").unwrap()
                .query_map([&period], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
            prop_assert_eq!(numbers.clone(), (1..=numbers.len() as i64).collect::<Vec<_>>());
        }
        prop_assert_eq!(ledger::chain::verify(&conn).unwrap().first_bad, None);
    }

    #[test]
    fn posting_then_reversing_nets_every_account_to_zero(vs in prop::collection::vec(voucher(), 1..8)) {
        let conn = fresh();
        let mut ids = Vec::new();
        for (m, d, c) in &vs {
            ids.push(posting::post_voucher(&conn, &input(*m, d, c), 1, "2026-01-01T00:00:00").unwrap().id);
        }
        for id in ids {
            let r = posting::reverse_voucher(&conn, id, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(), "测试", 1, "2026-12-31T00:00:00").unwrap();
            prop_assert_eq!(r.reverses_id, Some(id));
        }
        for (code, net) in per_account(&conn) {
            prop_assert_eq!(net, 0, "{}", code);
        }
        prop_assert_eq!(ledger::chain::verify(&conn).unwrap().first_bad, None);
    }
}
