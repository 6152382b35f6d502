//! The floor plan, enforced. `src/lib.rs` declares the core's floors, bottom to top; this
//! test reads that list and every source file, and fails on
//! - an import (`crate::x`, `use crate::{x, …}`) that goes up or sideways against the floors
//!   (each `commands.rs` stands on the `commands` floor, whatever folder it is in);
//! - a module writing (INSERT / UPDATE / DELETE / REPLACE) a table it does not own;
//! - a table created by a migration that has no owner below, or an owner for a table
//!   that no migration creates.
//!
//! A new table gets its owner here in the same change that creates it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Which module alone writes each table.
const TABLE_OWNERS: &[(&str, &str)] = &[
    ("book_settings", "book"),
    ("users", "users"),
    ("login_events", "users"),
    ("change_log", "workflow"),
    ("approvals", "workflow"),
    ("accounts", "ledger"),
    ("opening_balances", "ledger"),
    ("journal_vouchers", "ledger"),
    ("journal_lines", "ledger"),
    ("ledger_period_totals", "ledger"),
    ("draft_vouchers", "ledger"),
    ("draft_lines", "ledger"),
    ("attachments", "ledger"),
    ("periods", "ledger"),
    ("period_events", "ledger"),
    ("bank_ticks", "ledger"),
    ("member_groups", "members"),
    ("members", "members"),
    ("member_events", "members"),
    ("member_wages", "members"),
    ("member_children", "members"),
    ("hardship_files", "members"),
    ("employee_headcount", "members"),
    ("dues_charges", "dues"),
    ("dues_payments", "dues"),
    ("dues_allocations", "dues"),
    ("dues_payment_reversals", "dues"),
    ("welfare_batches", "welfare"),
    ("welfare_recipients", "welfare"),
    ("welfare_overrides", "welfare"),
    ("welfare_rules", "welfare"),
    ("voucher_reviews", "audit"),
    ("review_queries", "audit"),
    ("signoffs", "audit"),
    ("audit_report_texts", "audit"),
    ("budget_years", "budget"),
    ("budget_lines", "budget"),
    ("budget_adjustments", "budget"),
    ("seal_log", "seal"),
    ("seal_log_rows", "seal"),
    ("seal_dirty", "seal"),
];

const COMMANDS_FLOOR: &str = "commands";

fn core_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The floors declared in lib.rs: lines `//! N. \`a\`, \`b\` — …`, bottom first.
fn declared_floors() -> Vec<Vec<String>> {
    let lib = std::fs::read_to_string(core_dir().join("src/lib.rs")).unwrap();
    let mut floors = Vec::new();
    for line in lib.lines() {
        let Some(rest) = line.strip_prefix("//! ") else { continue };
        let Some((number, text)) = rest.split_once(". ") else { continue };
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        assert_eq!(number.parse::<usize>().unwrap(), floors.len() + 1, "floors in lib.rs must be numbered 1, 2, 3, …");
        let names = text.split(" — ").next().unwrap();
        let modules: Vec<String> =
            names.split(',').map(|n| n.trim().trim_matches('`').to_string()).filter(|n| !n.is_empty()).collect();
        assert!(!modules.is_empty(), "floor {number} names no module");
        floors.push(modules);
    }
    assert!(floors.len() >= 5, "lib.rs declares no floor plan");
    floors
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file belongs to (first path segment under src/), and the floor it stands on.
fn module_and_floor_name(rel: &Path) -> (String, String) {
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
    let floor = if rel.file_name().unwrap() == "commands.rs" { COMMANDS_FLOOR.to_string() } else { first.clone() };
    (first, floor)
}

/// The code of a line without its `//` comment (doc links name modules without importing).
fn code_of(line: &str) -> &str {
    let mut in_string = false;
    let bytes = line.as_bytes();
    for i in 0..bytes.len() {
        match bytes[i] {
            b'"' if i == 0 || bytes[i - 1] != b'\\' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Top-level module paths a piece of code refers to through `crate::`, each as the list of
/// its segments (`crate::ledger::reports::commands::x` → [ledger, reports, commands, x]).
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before_ok = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric() && rest.as_bytes()[i - 1] != b'_';
        let after = &rest[i + "crate::".len()..];
        if before_ok {
            if let Some(group) = after.strip_prefix('{') {
                // use crate::{a::b, c::{d, e}, f}: the top-level items of the group.
                let mut depth = 0;
                let mut item = String::new();
                for ch in group.chars() {
                    match ch {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            out.push(segments(&item));
                            item.clear();
                            continue;
                        }
                        _ => {}
                    }
                    item.push(ch);
                }
                out.push(segments(&item));
            } else {
                out.push(segments(after));
            }
        }
        rest = after;
    }
    out.retain(|p| !p.is_empty());
    out
}

fn segments(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in path.trim().split("::") {
        let ident: String = part.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if ident.is_empty() {
            break;
        }
        let whole = ident.len() == part.len();
        out.push(ident);
        if !whole {
            break; // the path ended inside this part: `spends(&x) && crate::…` is a new path
        }
    }
    out
}

/// Tables a line writes.
fn tables_written(code: &str) -> Vec<String> {
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let target = match *w {
            "INTO" if i > 0 && matches!(words[i - 1], "INSERT" | "REPLACE" | "IGNORE" | "ABORT" | "FAIL" | "ROLLBACK") => words.get(i + 1),
            "UPDATE" if i == 0 || words[i - 1] != "DO" => words.get(i + 1),
            "FROM" if i > 0 && words[i - 1] == "DELETE" => words.get(i + 1),
            _ => None,
        };
        if let Some(t) = target {
            if t.chars().all(|c| c.is_ascii_lowercase() || c == '_') && *t != "set" {
                out.push(t.to_string());
            }
        }
    }
    out
}

struct Source {
    rel: PathBuf,
    module: String,
    floor: String,
    /// (line number, code without comments), outside `#[cfg(test)]` modules.
    lines: Vec<(usize, String)>,
}

fn sources() -> Vec<Source> {
    let src = core_dir().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(&src).unwrap().to_path_buf();
            if rel == Path::new("lib.rs") {
                return None; // declares the modules, imports nothing
            }
            let (module, floor) = module_and_floor_name(&rel);
            let text = std::fs::read_to_string(&path).unwrap();
            let mut lines = Vec::new();
            // Unit-test modules (`#[cfg(test)] mod … { … }`) may set up any table they need:
            // skip from the attribute to the brace that closes the item after it.
            let mut skipping = false;
            let mut depth = 0i32;
            let mut opened = false;
            for (n, line) in text.lines().enumerate() {
                let code = code_of(line);
                if !skipping && line.trim_start().starts_with("#[cfg(test)]") {
                    skipping = true;
                    depth = 0;
                    opened = false;
                    continue;
                }
                if skipping {
                    for ch in code.chars() {
                        match ch {
                            '{' => {
                                depth += 1;
                                opened = true;
                            }
                            '}' => depth -= 1,
                            _ => {}
                        }
                    }
                    if (opened && depth <= 0) || (!opened && code.trim_end().ends_with(';')) {
                        skipping = false;
                    }
                    continue;
                }
                lines.push((n + 1, code.to_string()));
            }
            Some(Source { rel, module, floor, lines })
        })
        .collect()
}

#[test]
fn every_import_goes_down_the_declared_floors() {
    let floors = declared_floors();
    let mut level: BTreeMap<String, usize> = BTreeMap::new();
    for (i, floor) in floors.iter().enumerate() {
        for m in floor {
            assert!(level.insert(m.clone(), i).is_none(), "{m} is on two floors");
        }
    }
    let mut problems = Vec::new();
    for s in sources() {
        let Some(&own) = level.get(&s.floor) else {
            problems.push(format!("src/{}: module `{}` is on no floor in lib.rs", s.rel.display(), s.floor));
            continue;
        };
        for (n, code) in &s.lines {
            for path in crate_paths(code) {
                let target_module = &path[0];
                let target_floor =
                    if path.iter().any(|seg| seg == COMMANDS_FLOOR) { COMMANDS_FLOOR.to_string() } else { target_module.clone() };
                let Some(&target) = level.get(&target_floor) else { continue }; // crate root re-exports (App, Money, Result)
                let own_module = *target_module == s.module && target_floor != COMMANDS_FLOOR;
                if own_module || target < own {
                    continue;
                }
                let how = if target == own { "sideways" } else { "upwards" };
                problems.push(format!(
                    "src/{}:{n}: `{}` (floor {}) imports {how} from `{}` (floor {}): crate::{}",
                    s.rel.display(),
                    s.floor,
                    own + 1,
                    target_floor,
                    target + 1,
                    path.join("::")
                ));
            }
        }
    }
    assert!(problems.is_empty(), "imports against the floor plan:\n{}", problems.join("\n"));
}

#[test]
fn each_table_is_written_only_by_its_owner() {
    let owners: BTreeMap<&str, &str> = TABLE_OWNERS.iter().copied().collect();
    let mut problems = Vec::new();
    for s in sources() {
        for (n, code) in &s.lines {
            for table in tables_written(code) {
                match owners.get(table.as_str()) {
                    Some(owner) if *owner == s.module => {}
                    Some(owner) => problems.push(format!(
                        "src/{}:{n}: `{}` writes table {table}, which belongs to `{owner}`; call {owner}'s functions instead",
                        s.rel.display(),
                        s.module
                    )),
                    None => problems.push(format!("src/{}:{n}: writes table {table}, which has no owner in TABLE_OWNERS", s.rel.display())),
                }
            }
        }
    }
    assert!(problems.is_empty(), "writes to other modules' tables:\n{}", problems.join("\n"));
}

#[test]
fn every_table_has_exactly_one_owner() {
    let mut created = BTreeSet::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(core_dir().join("migrations")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for path in files {
        let sql = std::fs::read_to_string(&path).unwrap();
        let words: Vec<&str> = sql.split_whitespace().collect();
        for w in words.windows(3) {
            if w[0] == "CREATE" && w[1] == "TABLE" {
                let name = if w[2] == "IF" { continue } else { w[2] };
                created.insert(name.trim_end_matches('(').to_string());
            }
        }
    }
    let floors: BTreeSet<String> = declared_floors().into_iter().flatten().collect();
    let mut owned = BTreeSet::new();
    for (table, owner) in TABLE_OWNERS {
        assert!(owned.insert(table.to_string()), "{table} is listed twice");
        assert!(floors.contains(*owner), "{table}'s owner `{owner}` is not a module on the floor plan");
    }
    let unowned: Vec<_> = created.difference(&owned).collect();
    let gone: Vec<_> = owned.difference(&created).collect();
    assert!(unowned.is_empty(), "tables without an owner in tests/architecture.rs: {unowned:?}");
    assert!(gone.is_empty(), "owners listed for tables no migration creates: {gone:?}");
}

/// The checks themselves must be able to fail.
#[test]
fn the_checks_catch_an_upward_import_and_a_foreign_write() {
    let paths = crate_paths("use crate::{ledger::posting, dues::charges::{a, b}, money::Money}; let x = crate::welfare::get(c);");
    let tops: Vec<&str> = paths.iter().map(|p| p[0].as_str()).collect();
    assert_eq!(tops, ["ledger", "dues", "money", "welfare"]);
    assert_eq!(crate_paths("crate::ledger::reports::commands::decode")[0][2], "commands");
    assert_eq!(crate_paths("crate::a::f(x) && crate::b::g(y)"), [vec!["a", "f"], vec!["b", "g"]]);
    assert_eq!(code_of("let a = 1; // see crate::welfare"), "let a = 1; ");
    assert_eq!(tables_written("conn.execute(\"UPDATE members SET name = ?1\")"), ["members"]);
    assert_eq!(tables_written("INSERT OR IGNORE INTO dues_charges (a) VALUES (1) ON CONFLICT DO UPDATE SET a = 1"), ["dues_charges"]);
    assert_eq!(tables_written("DELETE FROM draft_lines WHERE x"), ["draft_lines"]);

    let floors = declared_floors();
    let floor_of = |m: &str| floors.iter().position(|f| f.iter().any(|x| x == m)).unwrap();
    assert!(floor_of("members") > floor_of("ledger"), "the ledger stands below members");
    assert!(floor_of("dues") > floor_of("members"), "members stand below dues, so members importing dues goes up");
    assert_eq!(floor_of("dues"), floor_of("welfare"), "dues and welfare share a floor: importing each other is sideways");
    assert!(floor_of(COMMANDS_FLOOR) > floor_of("dashboard"));
}

/// Every table is sealed or says why not (issue 13: whatever records money, membership,
/// entitlement, a control or a decision is sealed).
#[test]
fn every_table_is_sealed_or_says_why_not() {
    use union_ledger_core::seal::{SEALED_TABLES, UNSEALED_TABLES};
    let mut listed = BTreeSet::new();
    for (t, _) in SEALED_TABLES.iter().chain(UNSEALED_TABLES) {
        assert!(listed.insert(t.to_string()), "{t} is listed twice");
    }
    let owned: BTreeSet<String> = TABLE_OWNERS.iter().map(|(t, _)| t.to_string()).collect();
    let missing: Vec<_> = owned.difference(&listed).collect();
    let extra: Vec<_> = listed.difference(&owned).collect();
    assert!(missing.is_empty(), "tables neither sealed nor listed as unsealed (src/seal/mod.rs): {missing:?}");
    assert!(extra.is_empty(), "seal lists name tables that do not exist: {extra:?}");
}
