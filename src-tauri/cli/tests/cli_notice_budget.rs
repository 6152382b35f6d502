//! The notice and the budget through the command line, on a realistic small book closed
//! through October: `budget import` (all-or-nothing with row errors), `report budget`,
//! `notice --format json` and `notice --out FILE.html` — and the page printed by headless
//! Chromium is exactly one A4 portrait page (skipped with a note when Chromium is missing).

mod common;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin(db: &Path) -> Command {
    let mut c = common::cli();
    c.env("UNION_LEDGER_USER", "王会计").env("UNION_LEDGER_PASSWORD", "secret1").arg("--db").arg(db);
    c
}

fn ok(o: Output) -> Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap_or(Value::Null)
}

fn call(db: &Path, name: &str, args: Value) -> Value {
    ok(bin(db).args(["call", name, "--args", &args.to_string()]).output().unwrap())
}

/// A valid 18-digit ID (GB 11643 check digit) for a birth date and sequence number.
fn id_number(birth: &str, seq: u32, male: bool) -> String {
    let seq = seq * 2 + if male { 1 } else { 0 };
    let body = format!("321088{}{:03}", birth.replace('-', ""), seq % 1000);
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.chars().zip(weights).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
    let check = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][(sum % 11) as usize];
    format!("{body}{check}")
}

fn entry(db: &Path, kind: &str, date: &str, category: &str, amount: &str, via: &str, summary: &str) {
    call(db, "ledger_entry_post", json!({"kind": kind, "date": date, "category": category, "amount": amount, "via": via, "summary": summary}));
}

/// A small union's year to October: opening balances, members and dues, income and spending
/// of most kinds, a budget, each month closed.
pub fn sample_book(dir: &Path) -> PathBuf {
    let db = dir.join("book.sqlite");
    ok(bin(&db)
        .args(["init", "--union-name", "江都区某某水利管理处工会委员会", "--unit-name", "江都区某某水利管理处", "--start", "2026-01"])
        .args(["--province", "江苏", "--treasurer", "王会计:secret1", "--chair", "李主席:secret1", "--auditor", "张经审:secret1"])
        // This book is about the notice, not internal control: no approval or sign-off steps.
        .args(["--no-approval", "--no-signoff"])
        .output()
        .unwrap());
    call(&db, "ledger_opening_set", json!({"balances": [
        {"account_code": "101", "amount": "3280.50"}, {"account_code": "102", "amount": "86540.20"},
        {"account_code": "322", "amount": "89820.70"}]}));
    let header = "姓名,性别,身份证号,出生日期,入会日期,工会小组,月工资,状态,手机号,会员证号,备注\n";
    let names = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "冯二", "陈三", "褚四"];
    let mut csv = header.to_string();
    for (i, n) in names.iter().enumerate() {
        let birth = format!("19{}-0{}-1{}", 70 + i, 1 + i % 9, i % 9);
        let group = if i % 2 == 0 { "一组" } else { "二组" };
        csv += &format!("{n},{},{},{birth},2015-03-01,{group},{},在职,,,\n", if i % 2 == 0 { "男" } else { "女" }, id_number(&birth, i as u32, i % 2 == 0), 4200 + i * 350);
    }
    std::fs::write(dir.join("members.csv"), csv).unwrap();
    ok(bin(&db).args(["members", "import"]).arg(dir.join("members.csv")).output().unwrap());

    let plan: &[(&str, &str, &str, &str, &str, &str)] = &[
        ("income", "2026-01-12", "allocation", "18600", "bank", "收到行政拨缴工会经费（一季度）"),
        ("expense", "2026-01-20", "50105", "9600", "bank", "春节慰问会员"),
        ("income", "2026-02-10", "upper_special", "5000", "bank", "上级工会送温暖专项补助"),
        ("expense", "2026-02-11", "50404", "3000", "bank", "困难职工帮扶"),
        ("expense", "2026-03-08", "50102", "2450", "bank", "三八节女职工健步走"),
        ("income", "2026-04-10", "allocation", "18600", "bank", "收到行政拨缴工会经费（二季度）"),
        ("expense", "2026-04-16", "50501", "1800", "bank", "工会干部业务培训"),
        ("expense", "2026-05-20", "50302", "4200", "bank", "职工之家添置健身器材"),
        ("expense", "2026-06-18", "50105", "4800", "bank", "端午节慰问会员"),
        ("expense", "2026-07-15", "50405", "2400", "bank", "夏送清凉"),
        ("income", "2026-07-10", "allocation", "18600", "bank", "收到行政拨缴工会经费（三季度）"),
        ("income", "2026-08-21", "other", "35.62", "bank", "银行存款利息"),
        ("expense", "2026-09-22", "50105", "6000", "bank", "中秋节慰问会员"),
        ("income", "2026-10-09", "allocation", "4650", "bank", "收到行政拨缴工会经费（补拨）"),
        ("expense", "2026-10-12", "50102", "1268", "bank", "职工秋季登山活动"),
        ("expense", "2026-10-18", "50502", "650", "bank", "召开工会委员会会议"),
        ("expense", "2026-10-25", "50504", "1200", "bank", "兼职工会干部补贴（三季度）"),
        ("expense", "2026-10-28", "50702", "3299", "bank", "购置职工书屋打印机"),
        ("transfer", "2026-10-08", "withdraw", "2000", "bank", "提取备用金"),
        ("expense", "2026-10-30", "50106", "385.50", "cash", "会员生日会茶点"),
    ];
    for (kind, date, cat, amt, via, summary) in plan {
        entry(&db, kind, date, cat, amt, via, summary);
    }
    ok(bin(&db).args(["dues", "charge", "--month", "2026-10"]).output().unwrap());
    ok(bin(&db).args(["dues", "pay-batch", "--month", "2026-10", "--date", "2026-10-26"]).output().unwrap());

    let budget = "科目编码,科目名称,预算金额,用途\n402,拨缴经费收入,74400,\n401,会费收入,3000,\n40302,专项转移支付补助,5000,\n\
        501,职工活动支出,45000,\n50102,文体活动支出,9000,职工运动会、登山、健步走\n50105,会员活动支出,30000,节日慰问、生日慰问\n\
        50106,其他活动支出,1000,会员生日会\n503,职工服务支出,6000,\n50302,建家活动支出,6000,职工之家建设\n504,维权支出,8000,\n\
        50404,困难职工帮扶支出,5000,困难职工帮扶\n50405,送温暖支出,3000,夏送清凉、冬送温暖\n505,业务支出,6000,\n50501,培训支出,2000,工会干部培训\n\
        50502,会议支出,1500,委员会、会员代表大会\n50504,其他业务支出,2500,兼职工会干部补贴\n507,资本性支出,5000,\n50702,办公设备购置,5000,职工书屋设备\n";
    std::fs::write(dir.join("budget.csv"), budget).unwrap();
    ok(bin(&db).args(["budget", "import", "--year", "2026"]).arg(dir.join("budget.csv")).output().unwrap());
    call(&db, "budget_set_approval", json!({"year": 2026, "committee_date": "2026-01-08", "audit_date": "2026-01-09", "upper_date": "2026-01-20"}));
    call(&db, "budget_adjust", json!({"account_code": "50105", "date": "2026-09-01", "amount": "2000", "reason": "中秋慰问标准提高"}));

    for m in 1..=10 {
        let period = format!("2026-{m:02}");
        let st = ok(bin(&db).args(["period", "status", &period]).output().unwrap());
        call(&db, "ledger_period_set_bank_statement", json!({"period": period, "balance": st["bank_book_balance"]}));
        ok(bin(&db).args(["period", "close", &period]).output().unwrap());
    }
    db
}

#[test]
fn budget_import_is_all_or_nothing_with_row_numbers_and_report_budget_prints_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_book(dir.path());
    let bad = "科目编码,预算金额\n501,1000\n999,20\n50105,abc\n101,5\n";
    std::fs::write(dir.path().join("bad.csv"), bad).unwrap();
    let o = bin(&db).args(["budget", "import", "--year", "2027"]).arg(dir.path().join("bad.csv")).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("第3行") && err.contains("第4行") && err.contains("第5行") && !err.contains("第2行"), "{err}");
    let y2027 = ok(bin(&db).args(["report", "budget", "--year", "2027", "--format", "json"]).output().unwrap());
    assert_eq!(y2027["expense"]["budget"], "0.00", "nothing was written");

    let r = ok(bin(&db).args(["report", "budget", "--year", "2026", "--format", "json"]).output().unwrap());
    let row = |code: &str| r["rows"].as_array().unwrap().iter().find(|x| x["code"] == code).unwrap().clone();
    assert_eq!(row("50105")["original"], "30000.00");
    assert_eq!(row("50105")["adjustments"], "2000.00");
    assert_eq!(row("50105")["budget"], "32000.00");
    assert_eq!(row("50105")["actual_ytd"], "20400.00");
    assert_eq!(row("50105")["execution"], "63.8");
    assert_eq!(row("501")["budget"], "47000.00", "the adjustment counts in the parent too");
    assert_eq!(row("50102")["months"][9], "1268.00");
    assert_eq!(r["expense"]["budget"], "72000.00");
    assert_eq!(r["approval"]["committee_date"], "2026-01-08");
    // Approved: the grid is closed, adjustments stay open.
    let o = bin(&db).args(["budget", "import", "--year", "2026"]).arg(dir.path().join("budget.csv")).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).contains("预算调整"), "approved budgets change by adjustment only");
}

fn pdf_pages_and_size(pdf: &Path) -> (String, String) {
    let info = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils)");
    let text = String::from_utf8_lossy(&info.stdout).to_string();
    let field = |k: &str| text.lines().find(|l| l.starts_with(k)).map(|l| l[k.len()..].trim().to_string()).unwrap_or_default();
    (field("Pages:"), field("Page size:"))
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()))
}

/// Print an HTML file to PDF with headless Chromium; `None` (with a note) if it is not installed.
fn print_to_pdf(html: &Path, pdf: &Path) -> Option<()> {
    let Some(chrome) = chromium() else {
        eprintln!("NOTE: chromium is not installed; the A4 one-page print check is skipped");
        return None;
    };
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(chrome)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        .args(["--disable-component-update", "--disable-sync", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(pdf.exists(), "chromium wrote no PDF: {}", String::from_utf8_lossy(&o.stderr));
    Some(())
}

#[test]
fn notice_json_and_html_agree_and_print_on_one_a4_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_book(dir.path());
    let n = ok(bin(&db).args(["notice", "--period", "2026-10", "--format", "json"]).output().unwrap());
    assert_eq!(n["title"], "江都区某某水利管理处工会委员会 2026年10月 财务收支公示");
    assert_eq!(n["is_draft"], false);
    // October: 4,650 allocation + dues paid by payroll.
    let dues = n["dues"]["collected"].as_str().unwrap().to_string();
    assert_eq!(n["dues"]["liable"], 12);
    assert_eq!(n["dues"]["paid_members"], 12);
    let want_income = union_ledger_core::Money::parse("4650").unwrap() + union_ledger_core::Money::parse(&dues).unwrap();
    assert_eq!(n["income_total"]["current"], json!(want_income.to_string()));
    assert_eq!(n["spending_total"]["current"], "6802.50");
    let tb = ok(bin(&db).args(["report", "trial-balance", "--from", "2026-10", "--to", "2026-10"]).output().unwrap());
    let closing = |code: &str| tb["accounts"].as_array().unwrap().iter().find(|a| a["code"] == code).unwrap()["closing"].clone();
    assert_eq!(n["balances"]["closing_cash"], closing("101"));
    assert_eq!(n["balances"]["closing_bank"], closing("102"));
    let status = ok(bin(&db).args(["period", "status", "2026-10"]).output().unwrap());
    assert_eq!(n["fingerprint"], status["chain_fingerprint"]);

    // A busy (open) November: spending on every sub-item, so the page must tighten to fit.
    for code in ["50101", "50102", "50103", "50104", "50105", "50106", "50301", "50302", "50303", "50304", "50305", "50401", "50402"]
        .into_iter()
        .chain(["50403", "50404", "50405", "50406", "50501", "50502", "50503", "50504", "50701", "50702", "50703", "50705", "510"])
    {
        entry(&db, "expense", "2026-11-10", code, "123.45", "bank", &format!("十一月支出 {code}"));
    }
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("notice");
    std::fs::create_dir_all(&out_dir).unwrap();
    // Keep the sample book next to the pages, to look at them again without rebuilding it.
    let keep = out_dir.join("sample-book.sqlite");
    let _ = std::fs::remove_file(&keep);
    ok(bin(&db).args(["backup", "--out"]).arg(&keep).output().unwrap());
    for (period, draft) in [("2026-10", false), ("2026-11", true), ("2026-Q3", false), ("2026", true)] {
        let html = out_dir.join(format!("notice-{period}.html"));
        let _ = std::fs::remove_file(&html);
        let r = ok(bin(&db).args(["notice", "--period", period, "--out"]).arg(&html).output().unwrap());
        assert_eq!(r["is_draft"], draft, "{period}");
        let page = std::fs::read_to_string(&html).unwrap();
        assert_eq!(page.contains("class=\"watermark\""), draft, "{period}");
        if period == "2026-10" {
            for k in ["closing", "closing_cash", "closing_bank", "opening"] {
                let v = union_ledger_core::Money::parse(n["balances"][k].as_str().unwrap()).unwrap().format_thousands();
                assert!(page.contains(&v), "{k} {v}");
            }
            assert!(page.contains(n["fingerprint"].as_str().unwrap()));
            assert!(page.contains("@page { size: A4 portrait"));
        }
        let pdf = out_dir.join(format!("notice-{period}.pdf"));
        let _ = std::fs::remove_file(&pdf);
        if print_to_pdf(&html, &pdf).is_none() {
            return;
        }
        let (pages, size) = pdf_pages_and_size(&pdf);
        assert_eq!(pages, "1", "{period} prints on one page");
        // A4 is 595.28 × 841.89 pt; Chromium writes 594.96 × 841.92 (whole device pixels).
        let dims: Vec<f64> = size.split_whitespace().filter_map(|w| w.parse().ok()).collect();
        assert!(dims.len() == 2 && (dims[0] - 595.28).abs() < 1.0 && (dims[1] - 841.89).abs() < 1.0, "{period} is A4 portrait: {size}");
        let _ = Command::new("pdftoppm").args(["-png", "-r", "80", "-singlefile"]).arg(&pdf).arg(out_dir.join(format!("notice-{period}"))).status();
        eprintln!("notice {period}: {}", pdf.display());
    }
}
