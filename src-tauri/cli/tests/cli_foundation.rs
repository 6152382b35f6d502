//! The headless entry, run as a real process against a temp book.

mod common;

use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = common::cli();
    c.env_remove("UNION_LEDGER_USER").env_remove("UNION_LEDGER_PASSWORD");
    c
}

fn run(db: &std::path::Path, args: &[&str]) -> Output {
    bin().arg("--db").arg(db).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn init(db: &std::path::Path) {
    let o = run(
        db,
        &[
            "init", "--union-name", "江都区某某水利管理处工会委员会", "--unit-name", "江都区某某水利管理处", "--start",
            "2026-01", "--province", "江苏", "--treasurer", "王会计:secret1", "--chair", "李主席:secret1", "--auditor",
            "张经审:secret1",
        ],
    );
    assert!(o.status.success(), "init failed: {}", stderr(&o));
    let info: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(info["initialized"], true);
}

#[test]
fn init_then_commands_then_a_read_call_work_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    init(&db);

    let o = run(&db, &["commands"]);
    assert!(o.status.success());
    let names: Vec<String> = stdout(&o).lines().map(|l| l.split_whitespace().next().unwrap().to_string()).collect();
    for expected in ["app_info", "book_init", "session_login", "book_settings_get", "users_list", "users_add", "ledger_accounts"] {
        assert!(names.contains(&expected.to_string()), "missing {expected}");
    }

    let o = run(&db, &["--user", "王会计", "--password", "secret1", "call", "book_settings_get"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["unit_name"], "江都区某某水利管理处");

    // An old name (before the `<module>_<verb>` renames) still runs, and is not listed.
    let o = run(&db, &["--user", "王会计", "--password", "secret1", "call", "settings_get"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap()["unit_name"], "江都区某某水利管理处");
    assert!(!names.contains(&"settings_get".to_string()));

    // The environment may stand in for the flags.
    let o = bin()
        .arg("--db")
        .arg(&db)
        .args(["call", "users_list", "--args", "{}"])
        .env("UNION_LEDGER_USER", "张经审")
        .env("UNION_LEDGER_PASSWORD", "secret1")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap().as_array().unwrap().len(), 3);
}

#[test]
fn unknown_command_bad_json_wrong_password_and_permission_exit_non_zero_with_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    init(&db);
    let login = ["--user", "王会计", "--password", "secret1"];

    let o = run(&db, &[&login[..], &["call", "no_such_thing"]].concat());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("未知命令：no_such_thing"), "{}", stderr(&o));

    let o = run(&db, &[&login[..], &["call", "users_list", "--args", "{not json"]].concat());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不是有效的 JSON"), "{}", stderr(&o));

    let o = run(&db, &["--user", "王会计", "--password", "wrong", "call", "users_list"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("用户名或密码不正确"), "{}", stderr(&o));

    let o = run(&db, &["--user", "张经审", "--password", "secret1", "call", "users_add", "--args", r#"{"name":"某","role":"treasurer","password":"pass1234"}"#]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("权限不足"), "{}", stderr(&o));

    let o = run(&db, &["call", "users_list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("需要登录"), "{}", stderr(&o));
}

#[test]
fn a_refused_init_writes_nothing_and_verify_reports_ok() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite");
    let o = run(
        &db,
        &["init", "--union-name", "某工会", "--unit-name", "某单位", "--start", "2026-01", "--province", "江苏", "--treasurer", "王会计:secret1", "--chair", "李主席:secret1", "--auditor", "王会计:secret1"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("经审委员不能由会计/出纳或工会主席兼任"), "{}", stderr(&o));
    init(&db);
    let o = run(&db, &["verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("OK "), "{}", stdout(&o));
}
