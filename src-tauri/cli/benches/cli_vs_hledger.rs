//! `make bench`: the command line against hledger 1.25 on the same book, in one run.
//!
//! Builds the large sample book once (`demo --members 2000 --years 10 --seed 3 --until 2026-10`,
//! cached under `target/bench/` by those parameters and the schema version), exports it as an
//! hledger journal, then times whole processes — start, open, work, print — for reads (trial
//! balance for 2026 and for ten years against `hledger bal`, a trivial read, the notice for a
//! month) and writes (a voucher draft save, dues charge for 2,000 members, a 2,000-recipient
//! payout batch), each write on a fresh copy of the book. Prints medians and ratios and checks
//! the targets: trivial read ≤ 30 ms, 2026 trial balance ≤ ⅓ of hledger's time, notice ≤ 50 ms.
//!
//! A benchmark, not a test: it never fails on a missed target, it says so. Every command runs
//! with `UNION_LEDGER_TODAY=2026-11-15`, so no figure depends on the real date.
//! `BENCH_RUNS=N` changes the number of timed runs (default 11, after one warm-up).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_union-ledger-cli");
const HLEDGER: &str = "hledger";
const TODAY: &str = "2026-11-15";
const MEMBERS: u32 = 2000;
const YEARS: u32 = 10;
const SEED: u64 = 3;
const UNTIL: &str = "2026-10";
const USER: &str = "王会计";
const PASSWORD: &str = "demo123";
/// A slow hledger run (several seconds on the 10-year journal) is repeated fewer times.
const SLOW: Duration = Duration::from_secs(2);
const SLOW_RUNS: usize = 5;

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|v| v.parse().ok()).filter(|n| *n > 0).unwrap_or(11);
    let dir = bench_dir();
    std::fs::create_dir_all(&dir).expect("create target/bench");
    println!("cli_vs_hledger: {} vs hledger, {} timed runs after 1 warm-up, UNION_LEDGER_TODAY={TODAY}", BIN, runs);
    println!("machine: {}; load average at the start: {}", machine(), load());

    let book = sample_book(&dir);
    let journal = dir.join("book.journal");
    let started = Instant::now();
    cli(&book, &["export-journal", "--format", "hledger", "--out", &journal.display().to_string()]).check("export-journal");
    let journal_bytes = std::fs::metadata(&journal).map(|m| m.len()).unwrap_or(0);
    println!(
        "journal: {} ({:.1} MB, exported in {} ms)",
        journal.display(),
        journal_bytes as f64 / 1e6,
        started.elapsed().as_millis()
    );

    let hledger = hledger_version();
    match &hledger {
        Some(v) if v.contains("1.25") => println!("hledger: {v}"),
        Some(v) => println!("hledger: {v} (expected 1.25; figures not comparable with earlier runs)"),
        None => println!("hledger: not found on PATH; paired columns left empty"),
    }
    println!(
        "comparable work: ours `report trial-balance --from … --to …` (JSON: opening, debits, credits, closing per \
         account) vs `hledger -f book.journal bal --flat -H -O json [-p 2026]` (JSON, every account, balances \
         including all earlier postings); both read the whole book/journal and print everything"
    );
    println!();

    let j = journal.display().to_string();
    let mut rows = Vec::new();
    let tb_year = paired(
        "trial balance 2026",
        &book,
        runs,
        &["report", "trial-balance", "--from", "2026-01", "--to", "2026-12"],
        hledger.as_ref().map(|_| vec!["-f", &j, "bal", "--flat", "-H", "-O", "json", "-p", "2026"]),
    );
    rows.push(tb_year.clone());
    rows.push(paired(
        "trial balance 2017–2026",
        &book,
        runs,
        &["report", "trial-balance", "--from", "2017-01", "--to", "2026-12"],
        hledger.as_ref().map(|_| vec!["-f", &j, "bal", "--flat", "-H", "-O", "json"]),
    ));
    let app_info = read("trivial read: call app_info", &book, runs, &["call", "app_info"]);
    let status = read("trivial read: period status 2026-10", &book, runs, &["period", "status", "2026-10"]);
    rows.push(app_info.clone());
    rows.push(status.clone());
    let notice = read("notice 2026-10 (json)", &book, runs, &["notice", "--period", "2026-10", "--format", "json"]);
    rows.push(notice.clone());
    let voucher = r#"{"date":"2026-11-10","summary":"购买中秋月饼","attachments_count":1,"lines":[{"account_code":"50105","debit":"1800","credit":"0"},{"account_code":"102","debit":"0","credit":"1800"}]}"#;
    rows.push(write(
        "voucher save (call ledger_vouchers_draft_save)",
        &book,
        &dir,
        runs,
        &["--user", USER, "--password", PASSWORD, "call", "ledger_vouchers_draft_save", "--args", voucher],
        None,
    ));
    rows.push(write(
        "dues charge 2026-11 (2,000-member roll)",
        &book,
        &dir,
        runs,
        &["--user", USER, "--password", PASSWORD, "dues", "charge", "--month", "2026-11"],
        Some(|v| format!("{} charges created for the members liable in the month", v["created"])),
    ));
    rows.push(write(
        "payout batch, rule all (2,000-member roll)",
        &book,
        &dir,
        runs,
        &[
            "--user", USER, "--password", PASSWORD, "welfare", "create", "--type", "festival", "--name", "2026年冬季慰问",
            "--date", "2026-11-10", "--form", "goods", "--pay-from", "bank", "--rule", "all", "--amount", "100",
        ],
        Some(|v| {
            let n = v["recipients"].as_array().map_or(0, Vec::len);
            format!("a draft batch of {n} recipients, the members in the union on the day, printed back in full")
        }),
    ));
    // What every write pays for logging in: `period status` again, through `call` with a login.
    rows.push(write(
        "login + period status (call ledger_period_status)",
        &book,
        &dir,
        runs,
        &["--user", USER, "--password", PASSWORD, "call", "ledger_period_status", "--args", r#"{"period":"2026-10"}"#],
        None,
    ));

    let empty = hledger.as_ref().map(|_| {
        let t = Stat::of(&(0..=runs).map(|_| timed(hledger_cmd(&["-f", "/dev/null", "bal"]), "hledger on an empty journal")).collect::<Vec<_>>()[1..]);
        println!("  hledger on an empty journal (its start-up)   {:>8.1} ms, cpu {:.1} ms", t.median, t.cpu);
        t
    });
    if hledger.is_some() {
        cross_check(&book, &j);
    }
    println!("load average at the end: {}", load());

    println!();
    println!(
        "{:<42} {:>4} {:>9} {:>9} {:>11} {:>11} {:>7} {:>7}",
        "command", "runs", "ours ms", "ours cpu", "hledger ms", "hledger cpu", "ratio", "cpu rat"
    );
    for r in &rows {
        let (h, hc, ratio, cratio) = match &r.hledger {
            Some(h) => (
                format!("{:.1}", h.median),
                format!("{:.1}", h.cpu),
                format!("{:.3}", r.ours.median / h.median),
                format!("{:.3}", r.ours.cpu / h.cpu),
            ),
            None => ("—".into(), "—".into(), "—".into(), "—".into()),
        };
        println!(
            "{:<42} {:>4} {:>9.1} {:>9.1} {:>11} {:>11} {:>7} {:>7}",
            r.name, r.runs, r.ours.median, r.ours.cpu, h, hc, ratio, cratio
        );
    }
    if let Some(e) = empty {
        println!("{:<42} {:>4} {:>9} {:>9} {:>11.1} {:>11.1}", "(hledger start-up, empty journal)", runs, "", "", e.median, e.cpu);
    }
    println!(
        "ms = median wall-clock time of the whole process, spawn to exit; cpu = mean user+system CPU ms of the \
         process (less sensitive to other load on the machine); ratio = ours / hledger"
    );

    println!();
    println!("targets (on the wall-clock medians):");
    let (trivial, which) =
        if app_info.ours.median <= status.ours.median { (&app_info, "call app_info") } else { (&status, "period status") };
    target(&format!("trivial read ({which}, the cheaper) ≤ 30 ms"), trivial.ours.median <= 30.0, format!("{:.1} ms", trivial.ours.median));
    match &tb_year.hledger {
        Some(h) => target(
            "trial balance 2026 ≤ ⅓ of hledger's",
            tb_year.ours.median * 3.0 <= h.median,
            format!("{:.1} ms vs {:.1} ms, ratio {:.3}", tb_year.ours.median, h.median, tb_year.ours.median / h.median),
        ),
        None => println!("  [ n/a ] trial balance 2026 ≤ ⅓ of hledger's: hledger not available"),
    }
    target("notice ≤ 50 ms", notice.ours.median <= 50.0, format!("{:.1} ms", notice.ours.median));
}

#[derive(Clone)]
struct Row {
    name: String,
    runs: usize,
    ours: Stat,
    hledger: Option<Stat>,
}

/// One timed run: wall-clock and CPU milliseconds of the child process.
#[derive(Clone, Copy)]
struct Run {
    wall: f64,
    cpu: f64,
}

/// The median wall-clock time and the mean CPU time of some runs.
#[derive(Clone, Copy)]
struct Stat {
    median: f64,
    cpu: f64,
}

impl Stat {
    fn of(runs: &[Run]) -> Stat {
        let mut wall: Vec<f64> = runs.iter().map(|r| r.wall).collect();
        wall.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
        let n = wall.len();
        let median = if n % 2 == 1 { wall[n / 2] } else { (wall[n / 2 - 1] + wall[n / 2]) / 2.0 };
        let cpu = runs.iter().map(|r| r.cpu).sum::<f64>() / n as f64;
        Stat { median, cpu }
    }
}

/// CPU milliseconds used so far by this process's finished (waited-for) children, from
/// /proc/self/stat (cutime + cstime). Summed in the kernel in nanoseconds and shown in clock
/// ticks, so a mean over several runs is good to about a millisecond.
fn children_cpu_ms() -> f64 {
    static TICKS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    let ticks = *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
            .unwrap_or(100.0)
    });
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(") ").map(|(_, r)| r).unwrap_or("");
    let fields: Vec<f64> = rest.split_whitespace().map(|f| f.parse().unwrap_or(0.0)).collect();
    // Field 3 (state) is fields[0]; cutime and cstime are fields 16 and 17.
    match (fields.get(13), fields.get(14)) {
        (Some(u), Some(s)) => (u + s) * 1000.0 / ticks,
        _ => 0.0,
    }
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// Both sides must say the same thing: the closing balances of cash and bank for 2026.
fn cross_check(book: &Path, journal: &str) {
    let ours = cli(book, &["report", "trial-balance", "--from", "2026-01", "--to", "2026-12"]);
    ours.check("trial balance");
    let v: serde_json::Value = serde_json::from_slice(&ours.stdout).expect("trial balance JSON");
    let theirs = run(hledger_cmd(&["-f", journal, "bal", "--flat", "-H", "-p", "2026", "资产:101", "资产:102"]));
    theirs.check("hledger bal");
    let text = String::from_utf8_lossy(&theirs.stdout);
    for code in ["101", "102"] {
        let closing = v["accounts"]
            .as_array()
            .and_then(|a| a.iter().find(|r| r["code"] == code))
            .and_then(|r| r["closing"].as_str())
            .unwrap_or("?")
            .to_string();
        let hledger = text
            .lines()
            .find(|l| l.contains(&format!(":{code} ")))
            .and_then(|l| l.split_whitespace().next())
            .unwrap_or("?")
            .replace(',', "");
        let same = closing == hledger;
        println!(
            "  cross-check {code} closing 2026: ours {closing}, hledger {hledger} — {}",
            if same { "same" } else { "DIFFERENT" }
        );
    }
}

fn target(what: &str, met: bool, detail: String) {
    println!("  [{}] {what}: {detail}", if met { " met  " } else { "MISSED" });
}

/// `target/bench`, next to the release binary's folder (honours CARGO_TARGET_DIR).
fn bench_dir() -> PathBuf {
    let bin = Path::new(BIN);
    bin.parent().and_then(Path::parent).map(|t| t.join("bench")).expect("binary under target/<profile>/")
}

fn machine() -> String {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string()))
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cores} cores, {cpu}")
}

/// The cached sample book, built once per parameters and schema version.
fn sample_book(dir: &Path) -> PathBuf {
    let schema = union_ledger_core::db::latest_schema_version();
    let book = dir.join(format!("demo-m{MEMBERS}-y{YEARS}-s{SEED}-u{UNTIL}-schema{schema}.sqlite"));
    if book.exists() {
        println!("book: {} (cached)", book.display());
        assert_closed(&book);
        return book;
    }
    let partial = book.with_extension("partial");
    remove_book(&partial);
    println!("book: building {} (2,000 members, 10 years; once) …", book.display());
    let started = Instant::now();
    let m = MEMBERS.to_string();
    let y = YEARS.to_string();
    let s = SEED.to_string();
    let out = cli(&partial, &["demo", "--members", &m, "--years", &y, "--seed", &s, "--until", UNTIL]);
    out.check("demo");
    assert_closed(&partial);
    std::fs::rename(&partial, &book).expect("rename the finished book");
    println!("book: built in {:.0} s", started.elapsed().as_secs_f64());
    book
}

/// The book must be closed: no write-ahead log beside it, so copying the one file is a copy
/// of the whole book.
fn assert_closed(book: &Path) {
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", book.display()));
        if let Ok(m) = std::fs::metadata(&side) {
            assert!(m.len() == 0 || ext == "-shm", "{} is left beside the book; is another process using it?", side.display());
        }
    }
}

fn remove_book(path: &Path) {
    for ext in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
}

fn cli(book: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.arg("--db").arg(book).args(args);
    run(cmd)
}

fn run(mut cmd: Command) -> Output {
    cmd.env("UNION_LEDGER_TODAY", TODAY)
        .env_remove("UNION_LEDGER_USER")
        .env_remove("UNION_LEDGER_PASSWORD")
        .env_remove("LEDGER_FILE")
        // hledger (GHC) reads the journal in the locale's encoding; the account names are Chinese.
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

trait Checked {
    fn check(&self, what: &str) -> &Self;
}

impl Checked for Output {
    fn check(&self, what: &str) -> &Self {
        assert!(
            self.status.success(),
            "{what} failed ({}):\n{}\n{}",
            self.status,
            String::from_utf8_lossy(&self.stdout).chars().take(2000).collect::<String>(),
            String::from_utf8_lossy(&self.stderr)
        );
        self
    }
}

/// One timed whole-process run: spawn, read all its output, wait.
fn timed(cmd: Command, what: &str) -> Run {
    let cpu = children_cpu_ms();
    let started = Instant::now();
    let out = run(cmd);
    let wall = started.elapsed().as_secs_f64() * 1000.0;
    let cpu = children_cpu_ms() - cpu;
    out.check(what);
    Run { wall, cpu }
}

fn ours_cmd(book: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("--db").arg(book).args(args);
    cmd
}

fn hledger_cmd(args: &[&str]) -> Command {
    let mut cmd = Command::new(HLEDGER);
    cmd.args(args);
    cmd
}

fn hledger_version() -> Option<String> {
    let out = run(hledger_cmd(&["--version"]));
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn report(row: &Row) {
    let o = row.ours;
    match row.hledger {
        Some(h) => println!(
            "  {:<42} ours {:>8.1} ms (cpu {:.1})   hledger {:>8.1} ms (cpu {:.1})   ratio {:.3}",
            row.name, o.median, o.cpu, h.median, h.cpu, o.median / h.median
        ),
        None => println!("  {:<42} ours {:>8.1} ms (cpu {:.1})", row.name, o.median, o.cpu),
    }
}

/// Ours and hledger on the same data, runs interleaved so both see the same machine.
fn paired(name: &str, book: &Path, runs: usize, ours_args: &[&str], hledger_args: Option<Vec<&str>>) -> Row {
    timed(ours_cmd(book, ours_args), name);
    let hledger_runs = hledger_args.as_ref().map(|h| {
        let warm = timed(hledger_cmd(h), &format!("hledger {}", h.join(" "))).wall;
        if warm > SLOW.as_secs_f64() * 1000.0 {
            runs.min(SLOW_RUNS)
        } else {
            runs
        }
    });
    let mut ours_ms = Vec::new();
    let mut theirs_ms = Vec::new();
    for i in 0..runs {
        ours_ms.push(timed(ours_cmd(book, ours_args), name));
        if let (Some(h), Some(n)) = (&hledger_args, hledger_runs) {
            if i < n {
                theirs_ms.push(timed(hledger_cmd(h), &format!("hledger {}", h.join(" "))));
            }
        }
    }
    let row = Row {
        name: name.to_string(),
        runs,
        ours: Stat::of(&ours_ms),
        hledger: (!theirs_ms.is_empty()).then(|| Stat::of(&theirs_ms)),
    };
    if let Some(n) = hledger_runs.filter(|n| *n != runs) {
        println!("  ({name}: hledger takes over {} s a run, so {n} of its runs are timed)", SLOW.as_secs());
    }
    report(&row);
    row
}

fn read(name: &str, book: &Path, runs: usize, args: &[&str]) -> Row {
    timed(ours_cmd(book, args), name);
    let ms: Vec<Run> = (0..runs).map(|_| timed(ours_cmd(book, args), name)).collect();
    let row = Row { name: name.to_string(), runs, ours: Stat::of(&ms), hledger: None };
    report(&row);
    row
}

/// A write, each run on a fresh copy of the closed book; the copy is not timed.
/// `says` reads the warm-up's JSON answer and says what the command did (how many rows).
fn write(name: &str, book: &Path, dir: &Path, runs: usize, args: &[&str], says: Option<fn(&serde_json::Value) -> String>) -> Row {
    let work = dir.join("work.sqlite");
    let fresh = || {
        remove_book(&work);
        std::fs::copy(book, &work).expect("copy the book");
        work.clone()
    };
    let warm = run(ours_cmd(&fresh(), args));
    warm.check(name);
    if let Some(says) = says {
        let answer = serde_json::from_slice(&warm.stdout).unwrap_or(serde_json::Value::Null);
        println!("  ({name}: {})", says(&answer));
    }
    let ms: Vec<Run> = (0..runs).map(|_| timed(ours_cmd(&fresh(), args), name)).collect();
    remove_book(&work);
    let row = Row { name: name.to_string(), runs, ours: Stat::of(&ms), hledger: None };
    report(&row);
    row
}
