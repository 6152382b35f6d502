//! The hledger oracle: a year of pseudo-random balanced vouchers, exported as an hledger
//! journal and balanced by hledger itself, must agree with our trial balance to the fen.

mod common;
mod reports_support;

use common::*;
use reports_support::*;
use std::collections::HashMap;
use std::process::Command;
use union_ledger_core::ledger::reports::hledger::export_hledger;
use union_ledger_core::ledger::chart::Side;
use union_ledger_core::ledger::opening::{self, OpeningLine, SetOpening};
use union_ledger_core::ledger::reports;
use union_ledger_core::Money;

/// A tiny deterministic generator (Knuth's MMIX LCG); no rand dependency.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const LEAVES: &[&str] = &[
    "101", "102", "135", "141", "211", "215", "401", "402", "40301", "40302", "405", "408", "50101", "50102", "50105", "50106",
    "50302", "50404", "50405", "50501", "50502", "50504", "50702", "510",
];

fn hledger_available() -> bool {
    Command::new("hledger").arg("--version").output().map(|o| o.status.success()).unwrap_or(false)
}

#[test]
fn hledger_reads_the_exported_journal_and_agrees_with_the_trial_balance_to_the_fen() {
    assert!(
        hledger_available(),
        "hledger 未安装：这个对照测试需要它。请运行 `apt-get install -y hledger`（测试脚本会安装）后再运行测试。"
    );
    let (dir, app) = book();
    let conn = app.conn();
    let balances = [("101", "5000"), ("102", "100000.55"), ("322", "105000.55")]
        .iter()
        .map(|(c, a)| OpeningLine { account_code: c.to_string(), amount: m(a) })
        .collect();
    opening::set(conn, &SetOpening { balances }).unwrap();

    let mut rng = Lcg(20261015);
    let user = user_id(&app);
    type Lines = Vec<(String, String, String)>;
    let mut vouchers: Vec<(String, Lines)> = Vec::new();
    for _ in 0..360 {
        let day = format!("2026-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
        let n_debit = 1 + rng.below(3) as usize;
        let n_credit = 1 + rng.below(2) as usize;
        let mut lines = Vec::new();
        let mut total = 0i64;
        for _ in 0..n_debit {
            let fen = 1 + rng.below(2_000_000) as i64;
            total += fen;
            lines.push((LEAVES[rng.below(LEAVES.len() as u64) as usize].to_string(), Money::from_fen(fen).to_string(), String::new()));
        }
        // Split the total over the credit lines (each at least 1 fen).
        let mut left = total;
        for k in 0..n_credit {
            let fen = if k + 1 == n_credit || left < 2 { left } else { 1 + rng.below(left as u64 - 1) as i64 };
            left -= fen;
            if fen > 0 {
                lines.push((LEAVES[rng.below(LEAVES.len() as u64) as usize].to_string(), String::new(), Money::from_fen(fen).to_string()));
            }
        }
        vouchers.push((day, lines));
    }
    vouchers.sort_by(|a, b| a.0.cmp(&b.0));
    for (i, (day, lines)) in vouchers.iter().enumerate() {
        let l: Vec<(&str, &str, &str)> = lines.iter().map(|(a, d, c)| (a.as_str(), d.as_str(), c.as_str())).collect();
        post_as(conn, user, day, &format!("测试凭证 {i}"), "manual", &l);
    }

    let text = export_hledger(conn).unwrap();
    assert!(text.contains("期初余额"));
    assert!(text.contains("    资产:102 银行存款    "));
    let file = dir.path().join("book.journal");
    std::fs::write(&file, &text).unwrap();
    let out = Command::new("hledger")
        .arg("-f")
        .arg(&file)
        .args(["bal", "--flat", "--no-total", "-O", "csv"])
        .output()
        .expect("run hledger");
    assert!(out.status.success(), "hledger refused the journal: {}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();

    // hledger: account → debit-positive balance.
    let mut theirs: HashMap<String, Money> = HashMap::new();
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split("\",\"").map(|c| c.trim_matches('"')).collect();
        if cells.len() < 2 {
            continue;
        }
        let code = cells[0].split(':').nth(1).and_then(|r| r.split(' ').next()).unwrap_or("").to_string();
        theirs.insert(code, Money::parse(cells[1]).unwrap_or_else(|e| panic!("hledger amount {:?}: {e}", cells[1])));
    }
    let tb = reports::trial_balance(conn, "2026-01", "2026-12").unwrap();
    assert_eq!(tb.totals.closing_debit, tb.totals.closing_credit);
    let mut compared = 0;
    for a in tb.accounts.iter().filter(|a| a.is_leaf) {
        let ours = if a.normal_side == Side::Debit { a.closing } else { -a.closing };
        let hl = theirs.remove(&a.code).unwrap_or(Money::ZERO);
        assert_eq!(hl, ours, "account {} {}: hledger {hl}, trial balance {ours}", a.code, a.name);
        compared += 1;
    }
    assert!(theirs.values().all(|v| v.is_zero()), "hledger has accounts we do not: {theirs:?}");
    assert!(compared >= 20, "compared {compared} accounts");
    drop(app);
}

#[test]
fn the_hledger_export_writes_one_transaction_per_voucher_with_code_and_name() {
    let (_d, app) = book();
    set_up_chart_and_opening(&app);
    post_q1(&app);
    let text = export_hledger(app.conn()).unwrap();
    assert!(text.contains("2026-01-01 期初余额\n"));
    assert!(text.contains("2026-01-20 (记-003) 发放春节慰问品\n    支出:50105 会员活动支出    2500.00\n    资产:10201 工商银行某某支行    -2500.00\n"), "{text}");
    assert!(text.contains("    资产:163 累计折旧    -2000.00\n"), "credit-side opening balances are negative");
    assert_eq!(text.matches("(记-").count(), 7);
    assert_eq!(count_rows(app.conn(), "journal_vouchers"), 7);
}
