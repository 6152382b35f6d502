//! The TypeScript types of the IPC in ui/src/bindings/ are generated from the Rust types
//! (ts-rs, see `union_ledger_core::api::bindings`) and committed. `make bindings` rewrites
//! them; plain `cargo test` fails while the committed files are stale.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use union_ledger_core::api::bindings::{Bindings, SessionUser};
use union_ledger_core::api::{command_list, APP_COMMANDS};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings")
}

fn generated() -> BTreeMap<String, String> {
    Bindings::all().files().unwrap_or_else(|clashes| panic!("type names clash in the bindings:\n{clashes}"))
}

/// Replace every `.ts` file under `dir` with the generated ones.
fn write_all(dir: &Path, files: &BTreeMap<String, String>) {
    for (name, _) in read_ts(dir) {
        std::fs::remove_file(dir.join(name)).unwrap();
    }
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// The `.ts` files under a folder, by path relative to it (line endings normalised, for
/// checkouts that add CRs).
fn read_ts(dir: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for path in entries.map(|e| e.unwrap().path()) {
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|x| x == "ts") {
                let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(name, std::fs::read_to_string(&path).unwrap().replace("\r\n", "\n"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `make bindings`: write the bindings into `TS_RS_EXPORT_DIR` (default ui/src/bindings/).
#[test]
#[ignore = "writes ui/src/bindings/; run through `make bindings`"]
fn export_bindings() {
    let dir = std::env::var_os("TS_RS_EXPORT_DIR").map(PathBuf::from).unwrap_or_else(committed_dir);
    let files = generated();
    write_all(&dir, &files);
    println!("wrote {} files to {}", files.len(), dir.display());
}

#[test]
fn the_committed_bindings_are_what_the_rust_types_generate() {
    let tmp = tempfile::tempdir().unwrap();
    write_all(tmp.path(), &generated());
    let fresh = read_ts(tmp.path());
    let committed = read_ts(&committed_dir());
    let mut problems = Vec::new();
    for (name, text) in &fresh {
        match committed.get(name) {
            None => problems.push(format!("ui/src/bindings/{name} is missing")),
            Some(old) if old != text => problems.push(format!("ui/src/bindings/{name} is stale")),
            Some(_) => {}
        }
    }
    for name in committed.keys().filter(|n| !fresh.contains_key(*n)) {
        problems.push(format!("ui/src/bindings/{name} is no longer generated"));
    }
    assert!(problems.is_empty(), "{}\nRun `make bindings` and commit ui/src/bindings/.", problems.join("\n"));
}

#[test]
fn every_command_the_ui_can_invoke_has_its_types_in_the_bindings() {
    let b = Bindings::all();
    let typed: Vec<&str> = b.command_names().collect();
    for (name, _) in command_list() {
        assert!(typed.contains(&name.as_str()), "command {name} has no types in api::bindings::Bindings::all");
    }
    for (name, _) in APP_COMMANDS {
        assert!(typed.contains(name));
    }
}

#[test]
fn money_is_a_decimal_string_and_ids_are_numbers_in_typescript() {
    let files = generated();
    let voucher = &files["PostedVoucher.ts"];
    assert!(voucher.contains("total_debit: string"), "{voucher}");
    assert!(voucher.contains("id: number"), "{voucher}");
    assert!(!files.contains_key("Money.ts"), "Money must be a plain string, not a type of its own");
    for (name, text) in &files {
        assert!(!text.contains("bigint"), "{name} has a bigint: i64 must be a number");
    }
}

#[test]
fn session_user_is_what_login_and_session_current_return() {
    let (_dir, mut app) = book();
    let login = app.call("session_login", serde_json::json!({ "name": TREASURER, "password": PASSWORD })).unwrap();
    let current = app.call("session_current", serde_json::Value::Null).unwrap();
    for v in [login, current] {
        let u: SessionUser = serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{v} is not a SessionUser: {e}"));
        assert_eq!(u.name, TREASURER);
    }
}
