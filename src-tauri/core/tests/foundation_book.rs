//! The book file, the wizard, users, roles and the change log.

mod common;

use common::*;
use serde_json::json;
use union_ledger_core::error::CoreError;
use union_ledger_core::{db, App};

fn fresh() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir.path().join("book.sqlite"));
    (dir, app)
}

fn nothing_written(app: &App) {
    for table in ["users", "book_settings", "change_log", "accounts"] {
        assert_eq!(count(app, table), 0, "{table} should be empty after a refused wizard");
    }
}

#[test]
fn a_new_file_is_migrated_to_the_latest_schema_and_is_not_yet_initialized() {
    let (_d, mut app) = fresh();
    let info = app.call("app_info", json!({})).unwrap();
    assert_eq!(info["initialized"], false);
    assert_eq!(info["schema_version"], db::latest_schema_version());
    let mode: String = app.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = app.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
    let sync: i64 = app.conn().query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
}

#[test]
fn the_wizard_creates_settings_three_users_and_the_chart_and_the_book_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite");
    {
        let mut app = open(&path);
        let info = app.call("book_init", init_args("2026-01")).unwrap();
        assert_eq!(info["initialized"], true);
        assert_eq!(info["union_name"], "江都区某某水利管理处工会委员会");
        assert_eq!(info["users"].as_array().unwrap().len(), 3);
    }
    let mut app = App::open_existing(path.to_str().unwrap()).unwrap();
    app.set_clock(union_ledger_core::clock::Clock::pinned(today()));
    app.login_by_name(TREASURER, PASSWORD).unwrap();
    let settings = app.call("book_settings_get", json!({})).unwrap();
    assert_eq!(settings["province"], "江苏");
    assert_eq!(settings["start_month"], "2026-01");
    assert_eq!(settings["chair_name"], CHAIR);
    let accounts = app.call("ledger_accounts", json!({})).unwrap();
    let first_level = accounts.as_array().unwrap().iter().filter(|a| a["level"] == 1).count();
    assert_eq!(first_level, 24);
    assert!(app.call("book_init", init_args("2026-01")).is_err(), "a second wizard run is refused");
}

#[test]
fn bad_wizard_input_is_a_typed_error_and_writes_nothing() {
    let cases = [
        ("union_name", json!(""), "工会名称不能为空"),
        ("start_month", json!("2026-13"), "建账月份"),
        ("province", json!("火星"), "未知省份"),
    ];
    for (field, value, expect) in cases {
        let (_d, mut app) = fresh();
        let mut args = init_args("2026-01");
        args[field] = value;
        let err = app.call("book_init", args).unwrap_err();
        assert!(matches!(err, CoreError::Validation { .. }), "{field}: {err:?}");
        assert!(err.to_string().contains(expect), "{field}: {err}");
        nothing_written(&app);
    }

    let (_d, mut app) = fresh();
    let mut args = init_args("2026-01");
    args["auditor"]["name"] = json!(TREASURER);
    let err = app.call("book_init", args).unwrap_err();
    assert!(err.to_string().contains("经审委员不能由会计/出纳或工会主席兼任"), "{err}");
    nothing_written(&app);

    let (_d, mut app) = fresh();
    let mut args = init_args("2026-01");
    args["auditor"]["name"] = json!(CHAIR);
    assert!(app.call("book_init", args).is_err());
    nothing_written(&app);

    let (_d, mut app) = fresh();
    let mut args = init_args("2026-01");
    args["chair"]["password"] = json!("12345");
    let err = app.call("book_init", args).unwrap_err();
    assert!(err.to_string().contains("密码至少需要 6 位"), "{err}");
    nothing_written(&app);
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite");
    {
        let app = App::open(&path).unwrap();
        app.conn().execute_batch("PRAGMA user_version = 999").unwrap();
    }
    let err = App::open(&path).err().expect("refused");
    assert!(matches!(err, CoreError::SchemaTooNew { found: 999, .. }), "{err:?}");
    assert!(err.to_string().contains("较新版本"));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, 999);
}

#[test]
fn a_file_that_is_not_a_book_is_refused_in_plain_words_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.sqlite");
    let bytes = vec![0x42u8; 8192];
    std::fs::write(&path, &bytes).unwrap();
    let err = App::open(&path).err().expect("refused");
    assert!(matches!(err, CoreError::NotABook(_)), "{err:?}");
    assert!(err.to_string().contains("不是工会账本的账套文件"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);

    // Another program's SQLite database says who it belongs to; it is not taken for a book.
    let other = dir.path().join("other.sqlite");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("PRAGMA application_id = 1234; CREATE TABLE t (x);").unwrap();
    }
    let err = App::open(&other).err().expect("refused");
    assert!(matches!(err, CoreError::NotABook(_)), "{err:?}");
}

#[test]
fn a_damaged_book_is_caught_by_the_checks_and_books_carry_their_application_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite");
    {
        let mut app = open(&path);
        app.call("book_init", init_args("2026-01")).unwrap();
        let id: i32 = app.conn().query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
        assert_eq!(id, db::APPLICATION_ID);
        app.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    }
    // Scribble over the middle of the file (not the header): the page checks must notice.
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    for b in &mut bytes[page * 3..page * 3 + 2000] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let caught = match App::open(&path) {
        Err(e) => matches!(e, CoreError::DbIntegrity(_)) || matches!(e, CoreError::Db(_)),
        Ok(app) => db::check_integrity(app.conn()).is_err(),
    };
    assert!(caught, "a damaged page must fail quick_check on open or the full check");
}

#[test]
fn damage_the_cheap_open_checks_miss_is_found_by_the_full_check() {
    // An index whose entries no longer match its table: quick_check (run on open) does not
    // compare index contents, integrity_check (verify, backup, the window's background check) does.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite");
    {
        let mut app = open(&path);
        app.call("book_init", init_args("2026-01")).unwrap();
        app.conn()
            .execute_batch(
                "PRAGMA writable_schema=ON;
                 UPDATE sqlite_master SET sql = 'CREATE INDEX accounts_by_parent ON accounts(name)'
                  WHERE name = 'accounts_by_parent';",
            )
            .unwrap();
    }
    let app = open(&path);
    assert!(matches!(db::check_integrity_of_file(&path), Err(CoreError::DbIntegrity(_))));
    assert!(db::check_integrity(app.conn()).is_err());
}

#[test]
fn opening_a_missing_book_or_creating_over_an_existing_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.sqlite");
    assert!(matches!(App::open_existing(missing.to_str().unwrap()), Err(CoreError::NotFound(_))));
    let (_d, app) = book();
    assert!(matches!(App::create_new(app.path().to_str().unwrap()), Err(CoreError::Conflict(_))));
}

#[test]
fn login_checks_the_password_and_disabled_users_cannot_log_in() {
    let (_d, mut app) = book();
    assert!(matches!(app.login_by_name(TREASURER, "wrong-password"), Err(CoreError::AuthFailed)));
    assert!(matches!(app.login_by_name("没有这个人", PASSWORD), Err(CoreError::AuthFailed)));
    as_user(&mut app, TREASURER);
    let added = app.call("users_add", json!({"name": "赵出纳", "role": "treasurer", "password": "pass1234"})).unwrap();
    let id = added["id"].as_i64().unwrap();
    app.call("users_set_active", json!({"id": id, "active": false})).unwrap();
    let err = app.login_by_name("赵出纳", "pass1234").unwrap_err();
    assert!(err.to_string().contains("停用"));
}

#[test]
fn users_are_validated_and_nothing_is_written_on_refusal() {
    let (_d, mut app) = book();
    let before = count(&app, "users");
    let log_before = count(&app, "change_log");
    for (args, expect) in [
        (json!({"name": TREASURER, "role": "treasurer", "password": "pass1234"}), "已存在"),
        (json!({"name": TREASURER, "role": "auditor", "password": "pass1234"}), "经审委员不能由"),
        (json!({"name": "新人", "role": "chair", "password": "123"}), "至少需要 6 位"),
        (json!({"name": "  ", "role": "chair", "password": "pass1234"}), "不能为空"),
    ] {
        let err = app.call("users_add", args).unwrap_err();
        assert!(err.to_string().contains(expect), "{err}");
    }
    assert!(matches!(app.call("users_add", json!({"name": "x", "role": "boss", "password": "pass1234"})), Err(CoreError::BadArgs(_))));
    assert_eq!(count(&app, "users"), before);
    assert_eq!(count(&app, "change_log"), log_before);
}

#[test]
fn changing_a_password_needs_the_old_one_and_then_the_new_one_works() {
    let (_d, mut app) = book();
    let me = app.user().unwrap().id;
    let err = app.call("users_change_password", json!({"id": me, "old_password": "bad", "new_password": "newpass1"})).unwrap_err();
    assert!(err.to_string().contains("原密码不正确"));
    app.call("users_change_password", json!({"id": me, "old_password": PASSWORD, "new_password": "newpass1"})).unwrap();
    assert!(app.login_by_name(TREASURER, PASSWORD).is_err());
    app.login_by_name(TREASURER, "newpass1").unwrap();
}

#[test]
fn the_core_enforces_roles_the_auditor_reads_everything_and_writes_nothing() {
    let (_d, mut app) = book();
    as_user(&mut app, AUDITOR);
    assert!(app.call("book_settings_get", json!({})).is_ok());
    assert!(app.call("users_list", json!({})).is_ok());
    assert!(app.call("ledger_accounts", json!({})).is_ok());
    let log_before = count(&app, "change_log");
    for (name, args) in [
        ("book_settings_update", json!({"union_name": "改名"})),
        ("users_add", json!({"name": "某人", "role": "treasurer", "password": "pass1234"})),
        ("ledger_account_add", json!({"parent_code": "102", "name": "工商银行"})),
    ] {
        let err = app.call(name, args).unwrap_err();
        assert!(matches!(err, CoreError::PermissionDenied { .. }), "{name}: {err:?}");
        assert!(err.to_string().contains("权限不足"), "{err}");
    }
    assert_eq!(count(&app, "change_log"), log_before);
    // But everyone may change their own password.
    let me = app.user().unwrap().id;
    app.call("users_change_password", json!({"id": me, "old_password": PASSWORD, "new_password": "audit123"})).unwrap();
}

#[test]
fn commands_need_a_login_and_unknown_commands_are_named() {
    let (_d, mut app) = book();
    app.call("session_logout", json!({})).unwrap();
    assert!(matches!(app.call("users_list", json!({})), Err(CoreError::NotLoggedIn)));
    let err = app.call("no_such_command", json!({})).unwrap_err();
    assert!(matches!(err, CoreError::UnknownCommand(_)));
    assert!(err.to_string().contains("no_such_command"));
    as_user(&mut app, TREASURER);
    assert!(matches!(app.call("users_set_active", json!({"id": "x"})), Err(CoreError::BadArgs(_))));
}

#[test]
fn every_write_is_in_the_hash_chained_change_log_and_tampering_is_detected() {
    let (_d, mut app) = book();
    app.call("book_settings_update", json!({"contact": "工会办公室 8888"})).unwrap();
    app.call("users_add", json!({"name": "赵出纳", "role": "treasurer", "password": "pass1234"})).unwrap();
    let log = app.call("audit_log_list", json!({})).unwrap();
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 3, "wizard + two writes");
    assert_eq!(log[0]["command"], "users_add");
    assert_eq!(log[0]["args"]["password"], "******", "passwords never reach the log");
    assert_eq!(log[1]["before"]["contact"], "");
    assert_eq!(log[1]["after"]["contact"], "工会办公室 8888");
    let ok = app.call("audit_log_verify", json!({})).unwrap();
    assert_eq!(ok["first_bad_id"], serde_json::Value::Null);

    let conn = app.conn();
    assert!(conn.execute("UPDATE change_log SET user_name = 'x' WHERE id = 2", []).is_err(), "append-only");
    conn.execute_batch("DROP TRIGGER change_log_no_update; UPDATE change_log SET args = '{}' WHERE id = 2;").unwrap();
    let bad = app.call("audit_log_verify", json!({})).unwrap();
    assert_eq!(bad["first_bad_id"], 2);
}
