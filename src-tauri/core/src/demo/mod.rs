//! 示例账套 (sample book): a realistic book for a newcomer to explore, or a large one for
//! benchmarks. Everything goes through the registered commands — the same code the UI and
//! the command line run — with a fixed call time per step, so a seed gives the same book.
//!
//! The months are entered with the chair-approval control switched off (the sample book's own
//! setting, written directly: no second officer is there to confirm) and switched back on at
//! the end, so new entries in the demo book
//! follow the usual controls. Sign-off is real: with `signoff_required` on, the auditor marks
//! every voucher of a month reviewed and signs the month off before it is closed.

// Amounts in fen are written yuan_fen: 2_000_00 is 2,000.00 元.
#![allow(clippy::inconsistent_digit_grouping)]

pub mod commands;

use crate::command::Ctx;
use crate::error::{CoreError, Result};
use crate::users::{Role, User};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Debug, Default, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(deny_unknown_fields)]
pub struct DemoArgs {
    /// Number of members (default 40).
    #[serde(default)]
    pub members: Option<u32>,
    /// Number of years ending with the `until` month's year (default 1).
    #[serde(default)]
    pub years: Option<u32>,
    #[serde(default)]
    pub seed: Option<u64>,
    /// Last month to enter and close ("YYYY-MM"); default the month before today.
    #[serde(default)]
    pub until: Option<String>,
}

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct DemoSummary {
    pub members: u32,
    pub first_month: String,
    pub until: String,
    pub months_closed: u32,
    pub welfare_batches: u32,
    pub entries: u32,
}

/// splitmix64: a tiny deterministic generator, enough for sample data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "志强", "玉兰", "海燕", "晓东", "文博"];
const GROUPS: &[&str] = &["机关小组", "工程一组", "工程二组", "运行小组", "后勤小组", "财务小组", "泵站小组", "水政小组"];

/// A valid GB 11643 citizen ID number (region 321088, the given birth date and sequence).
pub fn id_number(birth: NaiveDate, seq: u32, male: bool) -> String {
    let seq = (seq % 500) * 2 + if male { 1 } else { 0 };
    let body = format!("321088{}{:03}", birth.format("%Y%m%d"), seq);
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.chars().zip(weights).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
    let check = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][(sum % 11) as usize];
    format!("{body}{check}")
}

/// The default last month of a sample book: the month before `today` (by the one clock).
pub fn default_until(t: NaiveDate) -> String {
    let prev = month_start(t.year(), t.month()).pred_opt().expect("date");
    format!("{}-{:02}", prev.year(), prev.month())
}

fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

fn month_start(y: i32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, 1).expect("valid month")
}

fn parse_month(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
        .map_err(|_| CoreError::validation("until", "月份格式应为 YYYY-MM"))
}

struct Runner<'a> {
    ctx: &'a Ctx<'a>,
    treasurer: User,
    entries: u32,
}

impl Runner<'_> {
    fn as_user(&self, user: &User, date: NaiveDate, name: &str, args: Value) -> Result<Value> {
        let now = format!("{}T10:00:00", date.format("%Y-%m-%d"));
        self.ctx
            .run_command(user, &now, name, args)
            .map_err(|e| CoreError::Internal(format!("示例账套：{name} 失败（{date}）：{e}")))
    }
    fn t(&self, date: NaiveDate, name: &str, args: Value) -> Result<Value> {
        let u = self.treasurer.clone();
        self.as_user(&u, date, name, args)
    }
    fn entry(&mut self, kind: &str, date: NaiveDate, category: &str, fen: i64, via: &str, summary: &str) -> Result<()> {
        self.entries += 1;
        self.t(
            date,
            "ledger_entry_post",
            json!({"kind": kind, "date": date.to_string(), "category": category, "amount": yuan(fen), "via": via, "summary": summary}),
        )?;
        Ok(())
    }
}

fn first_user(conn: &rusqlite::Connection, role: Role) -> Result<User> {
    crate::users::list(conn)?
        .into_iter()
        .find(|u| u.role == role && u.active)
        .ok_or_else(|| CoreError::Conflict(format!("示例账套需要一位{}账户", role.label())))
}

/// Load the sample book. Only into a freshly initialised book with nothing entered yet.
pub fn load(ctx: &Ctx, a: DemoArgs) -> Result<DemoSummary> {
    let conn = ctx.conn;
    let used: i64 = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM journal_vouchers) + (SELECT COUNT(*) FROM draft_vouchers)
              + (SELECT COUNT(*) FROM members) + (SELECT COUNT(*) FROM member_groups)
              + (SELECT COUNT(*) FROM welfare_batches) + (SELECT COUNT(*) FROM opening_balances)",
        [],
        |r| r.get(0),
    )?;
    if used > 0 {
        return Err(CoreError::Conflict("示例账套只能载入到刚建立、尚未录入任何数据的空账套中；本账套已有数据，未作任何改动".into()));
    }
    let n_members = a.members.unwrap_or(40);
    if !(5..=20000).contains(&n_members) {
        return Err(CoreError::validation("members", "会员人数应在 5 到 20000 之间"));
    }
    let years = a.years.unwrap_or(1);
    if !(1..=30).contains(&years) {
        return Err(CoreError::validation("years", "年数应在 1 到 30 之间"));
    }
    let until = match &a.until {
        Some(s) => parse_month(s)?,
        None => parse_month(&default_until(ctx.today()))?,
    };
    let settings = crate::book::settings(conn)?;
    let book_start = parse_month(&settings.start_month)?;
    let wanted = month_start(until.year() - years as i32 + 1, 1);
    let first = wanted.max(book_start);
    if first > until {
        return Err(CoreError::validation("until", "账套启用月份晚于示例数据的截止月份，无法载入示例账套"));
    }
    let mut rng = Rng(a.seed.unwrap_or(1) ^ 0x005E_ED0F_DE40);
    let mut r = Runner { ctx, treasurer: first_user(conn, Role::Treasurer)?, entries: 0 };
    let d0 = first;

    // Controls off while the history is entered, restored at the end.
    let (approval, signoff) = (settings.approval_required, settings.signoff_required);
    // (The sample book's own setting, written directly: no second officer types a password here.)
    crate::book::set_controls(conn, &crate::book::Controls { approval_required: Some(false), ..Default::default() })?;
    let auditor = first_user(conn, Role::Auditor)?;

    // Opening balances.
    let n = n_members as i64;
    let bank0 = 2_000_00 * n + rng.range(0, 99_999);
    let cash0 = 3_000_00 + rng.range(0, 99_99);
    r.t(d0, "ledger_opening_set", json!({"balances": [
        {"account_code": "101", "amount": yuan(cash0)}, {"account_code": "102", "amount": yuan(bank0)},
        {"account_code": "322", "amount": yuan(cash0 + bank0)}]}))?;

    // Groups and the roll.
    let n_groups = ((n_members / 10) as usize).clamp(2, GROUPS.len());
    let mut groups = Vec::new();
    for g in &GROUPS[..n_groups] {
        groups.push(r.t(d0, "members_groups_add", json!({"name": g}))?["id"].clone());
    }
    let mut ids = Vec::new();
    let mut wages_fen = 0i64;
    let join_before = d0.pred_opt().expect("date");
    for i in 0..n_members {
        let male = rng.chance(55);
        let name = format!(
            "{}{}{}",
            SURNAMES[rng.below(SURNAMES.len() as u64) as usize],
            GIVEN[rng.below(GIVEN.len() as u64) as usize],
            if n_members > 200 { format!("{}", i + 1) } else { String::new() }
        );
        let retiree = i % 13 == 5;
        let age_y = if retiree { rng.range(58, 66) } else { rng.range(23, 57) } as i32;
        let birth = NaiveDate::from_ymd_opt(d0.year() - age_y, rng.range(1, 12) as u32, rng.range(1, 28) as u32).expect("date");
        let join = NaiveDate::from_ymd_opt(birth.year() + rng.range(22, 25) as i32, rng.range(1, 12) as u32, 1).expect("date").min(join_before);
        let wage = rng.range(38, 120) * 100_00;
        let mut m = json!({
            "name": name, "gender": if male { "男" } else { "女" }, "birth_date": birth.to_string(),
            "id_number": id_number(birth, i, male), "group_id": groups[i as usize % groups.len()],
            "join_date": join.to_string(), "phone": format!("139{:08}", rng.below(100_000_000)),
        });
        if !retiree {
            wages_fen += wage;
            m["wage"] = json!(yuan(wage));
            m["wage_effective_from"] = json!(format!("{}-{:02}", d0.year(), d0.month()));
            if age_y < 45 && rng.chance(40) {
                let cb = NaiveDate::from_ymd_opt(d0.year() - rng.range(1, 15) as i32, rng.range(1, 12) as u32, rng.range(1, 28) as u32).expect("date");
                m["children"] = json!([{"name": format!("{}小{}", &name.chars().next().unwrap(), GIVEN[rng.below(GIVEN.len() as u64) as usize]), "birth_date": cb.to_string()}]);
            }
        }
        let id = r.t(d0, "members_create", m)?["id"].clone();
        if retiree {
            r.t(d0, "members_add_event", json!({"member_id": id, "event": "retire", "date": join_before.to_string()}))?;
        } else {
            ids.push(id);
        }
    }
    r.t(d0, "members_set_headcount", json!({"effective_from": d0.to_string(), "headcount": n + n / 10 + 1}))?;
    let hardship_member = ids[rng.below(ids.len() as u64) as usize].clone();
    r.t(d0, "members_hardship_open", json!({"member_id": hardship_member, "level": "困难", "reason": "家属患重病，家庭收入低", "identified_on": join_before.to_string()}))?;

    // Income per quarter: 拨缴经费 ≈ 2% of wages, 60% kept, three months.
    let allocation_q = wages_fen * 2 / 100 * 60 / 100 * 3;
    let mut summary = DemoSummary { members: n_members, first_month: String::new(), until: String::new(), months_closed: 0, welfare_batches: 0, entries: 0 };
    summary.first_month = format!("{}-{:02}", first.year(), first.month());
    summary.until = format!("{}-{:02}", until.year(), until.month());

    let mut month = first;
    while month <= until {
        let (y, m) = (month.year(), month.month());
        let period = format!("{y}-{m:02}");
        let day = |d: u32| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        if m == 1 || month == first {
            budget(&mut r, y, n, allocation_q)?;
        }
        r.t(day(3), "dues_charge_month", json!({"month": period}))?;
        r.t(day(25), "dues_pay_batch", json!({"month": period, "date": day(25).to_string()}))?;
        if m % 3 == 1 {
            r.entry("income", day(10), "allocation", allocation_q, "bank", &format!("收到行政拨缴工会经费（{}季度）", ["一", "二", "三", "四"][(m / 3) as usize]))?;
        }
        if m == 6 {
            r.entry("income", day(21), "other", rng.range(20_00, 300_00), "bank", "银行存款利息")?;
        }
        if m == 2 && rng.chance(70) {
            r.entry("income", day(12), "upper_special", 50_00 * n, "bank", "上级工会送温暖专项补助")?;
        }
        r.entry("transfer", day(6), "withdraw", 1_000_00, "bank", "提取备用金")?;
        r.entry("expense", day(28), "50106", rng.range(200_00, 600_00), "cash", "会员活动茶点")?;
        match m {
            3 | 10 => r.entry("expense", day(15), "50102", 30_00 * n + rng.range(0, 500_00), "bank", if m == 3 { "春季健步走活动" } else { "职工秋季登山活动" })?,
            4 => r.entry("expense", day(16), "50501", rng.range(800_00, 2_000_00), "bank", "工会干部业务培训")?,
            5 => r.entry("expense", day(20), "50302", rng.range(2_000_00, 5_000_00), "bank", "职工之家添置健身器材")?,
            _ => {}
        }
        if m % 3 == 0 {
            r.entry("expense", day(18), "50502", rng.range(300_00, 900_00), "bank", "召开工会委员会会议")?;
            r.entry("expense", day(26), "50504", 1_200_00, "bank", "兼职工会干部补贴")?;
        }
        // Payouts.
        let mut batch = |r: &mut Runner, kind: &str, name: String, d: NaiveDate, form: &str, goods: &str, rule: &str, amount: i64| -> Result<()> {
            let mut arg = json!({"rule": rule, "date": d.to_string()});
            if rule == "birthday" {
                arg["arg"] = json!(m.to_string());
            }
            if r.t(d, "welfare_candidates", arg)?.as_array().map_or(0, |a| a.len()) == 0 {
                return Ok(());
            }
            let b = r.t(d, "welfare_create", json!({"kind": kind, "name": name, "date": d.to_string(), "form": form, "pay_from": "bank",
                "goods": goods, "rule": rule, "default_amount": yuan(amount)}))?;
            r.t(d, "welfare_post", json!({"id": b["id"]}))?;
            summary.welfare_batches += 1;
            Ok(())
        };
        batch(&mut r, "birthday", format!("{y}年{m}月会员生日慰问"), day(8), "实物", "生日蛋糕", "birthday", 200_00)?;
        match m {
            1 => batch(&mut r, "festival", format!("{y}年春节慰问"), day(20), "实物", "大米、食用油", "all", 300_00)?,
            3 => batch(&mut r, "womens_day", format!("{y}年三八节慰问"), day(6), "实物", "洗护用品", "women", 100_00)?,
            7 => batch(&mut r, "summer", format!("{y}年夏送清凉"), day(12), "实物", "防暑降温饮品", "all", 80_00)?,
            9 => batch(&mut r, "festival", format!("{y}年中秋慰问"), day(20), "实物", "月饼、水果", "all", 300_00)?,
            12 => batch(&mut r, "hardship", format!("{y}年困难职工帮扶"), day(10), "现金", "", "hardship", 2_000_00)?,
            _ => {}
        }
        // Close the month.
        let last = (month_start(if m == 12 { y + 1 } else { y }, if m == 12 { 1 } else { m + 1 })).pred_opt().expect("date");
        let st = r.t(last, "ledger_period_status", json!({"period": period}))?;
        r.t(last, "ledger_period_set_bank_statement", json!({"period": period, "balance": st["bank_book_balance"]}))?;
        if signoff {
            // The auditor reviews every voucher of the month and signs it off, as in real use.
            let vouchers = r.t(last, "ledger_vouchers_list", json!({"period": period}))?;
            for v in vouchers.as_array().into_iter().flatten() {
                r.as_user(&auditor, last, "audit_review_mark", json!({"voucher_id": v["id"], "status": "reviewed"}))?;
            }
            r.as_user(&auditor, last, "audit_review_signoff", json!({"period": period, "note": "本月凭证已全部审核"}))?;
        }
        r.t(last, "ledger_period_close", json!({"period": period}))?;
        summary.months_closed += 1;
        month = last.succ_opt().expect("date");
    }
    crate::book::set_controls(conn, &crate::book::Controls { approval_required: Some(approval), ..Default::default() })?;
    summary.entries = r.entries;
    Ok(summary)
}

fn budget(r: &mut Runner, y: i32, n: i64, allocation_q: i64) -> Result<()> {
    let d = NaiveDate::from_ymd_opt(y, 1, 5).expect("date");
    let lines = [
        ("402", allocation_q * 4),
        ("401", n * 30_00 * 12),
        ("50102", 30_00 * n * 2 + 1_000_00),
        ("50105", (300_00 * 2 + 100_00 + 200_00) * n),
        ("50106", 6_000_00),
        ("50302", 5_000_00),
        ("50404", 4_000_00),
        ("50405", 100_00 * n),
        ("50501", 2_000_00),
        ("50502", 4_000_00),
        ("50504", 4_800_00),
    ];
    let lines: Vec<Value> = lines.iter().map(|(c, f)| json!({"account_code": c, "amount": yuan(*f)})).collect();
    r.t(d, "budget_set_lines", json!({"year": y, "replace": true, "lines": lines}))?;
    r.t(d, "budget_set_approval", json!({"year": y, "committee_date": format!("{y}-01-08"), "audit_date": format!("{y}-01-09"), "upper_date": format!("{y}-01-20")}))?;
    Ok(())
}
