//! The book file: one SQLite database. Opening sets the pragmas, makes only cheap checks (the
//! file header, the application id, the schema version, and `quick_check` on a small file),
//! refuses a schema newer than this program knows, and applies pending migrations.
//!
//! The full `PRAGMA integrity_check` reads every page — most of the time a command would take
//! on a large book — so it runs where it is worth its cost: in `verify`, before and after
//! every backup, and in the window in the background once the first page is shown
//! ([`check_integrity_of_file`]).

use crate::error::{CoreError, Result};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};
use std::path::Path;

/// One embedded migration: its file name (kept for the order test) and its SQL.
macro_rules! migration {
    ($file:literal) => {
        ($file, include_str!(concat!("../../migrations/", $file)))
    };
}

/// Append-only list of embedded migrations, applied in order under `PRAGMA user_version`:
/// file `000N_…` is schema version N (books record how many have been applied). A released
/// migration is never edited or reordered; changes go in a new file with the next number.
const MIGRATIONS: &[(&str, &str)] = &[
    migration!("0001_foundation.sql"),
    migration!("0002_ledger_chart.sql"),
    migration!("0003_ledger_journal.sql"),
    migration!("0004_ledger_locks.sql"),
    migration!("0005_members.sql"),
    migration!("0006_dues.sql"),
    migration!("0007_dues_reversals.sql"),
    migration!("0008_ledger_period_totals.sql"),
    migration!("0009_audit.sql"),
    migration!("0010_budget.sql"),
    migration!("0011_welfare.sql"),
    migration!("0012_seals.sql"),
    migration!("0013_login_events.sql"),
];
const MIGRATION_COUNT: i64 = MIGRATIONS.len() as i64;

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|(_, sql)| M::up(sql)).collect())
}

/// The schema version this program writes (the number of migrations).
pub fn latest_schema_version() -> i64 {
    MIGRATION_COUNT
}

/// `PRAGMA application_id` of a 工会账本 book ("ULDG"), so another program's SQLite file is
/// never mistaken for a book.
pub const APPLICATION_ID: i32 = 0x554C_4447;

/// Below this size `quick_check` costs a few milliseconds, so opening runs it; above it the
/// full check is left to `verify`, backups and the window's background check.
const QUICK_CHECK_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// Open (or create) a book file with the pragmas a ledger needs and bring its schema up to date.
pub fn open_book_file(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() && !dir.exists() {
            std::fs::create_dir_all(dir)?;
        }
    }
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    check_header(path, size)?;
    let mut conn = Connection::open(path).map_err(|e| CoreError::Io(format!("{}：{e}", path.display())))?;
    configure(&conn)?;
    check_application_id(&conn)?;
    if size > 0 && size <= QUICK_CHECK_MAX_BYTES {
        run_check(&conn, "quick_check")?;
    }
    let before = schema_version(&conn)?;
    let dirty_before = pending_seal_notes(&conn)?;
    migrate(&mut conn)?;
    mark_as_book(&conn)?;
    start_sealing(&mut conn, before, dirty_before)?;
    Ok(conn)
}

/// The schema version that introduced seals.
const SEALS_SINCE: i64 = 12;

/// Put the seal triggers in place (again, if someone dropped them). A new book, or one just
/// upgraded to sealing, has everything it holds (the rows migrations seeded, or the whole
/// older book) sealed once, as it is, in one entry; rows a later migration writes are sealed
/// as that upgrade — unless writes made outside the program were already waiting, which are
/// left for `verify` to name rather than sealed along.
fn start_sealing(conn: &mut Connection, version_before: i64, dirty_before: i64) -> Result<()> {
    let tx = conn.transaction()?;
    crate::seal::install_triggers(&tx)?;
    let at = || crate::clock::Clock::from_env().map(|c| c.now_string()).unwrap_or_default();
    if version_before < SEALS_SINCE {
        // The first entry names the book for good (seal::anchor::book_id): a random part keeps
        // two books made in the same second apart.
        let kind = if version_before == 0 { "新建账套" } else { "升级账套：封存已有记录" };
        let reason = format!("{kind}（账套标识 {}）", random_id());
        crate::seal::seal_everything(&tx, &at(), &reason)?;
    } else if schema_version(&tx)? > version_before && dirty_before == 0 {
        crate::seal::seal_pending(&tx, &at(), "升级账套")?;
    }
    tx.commit()?;
    Ok(())
}

/// 16 random bytes as hex, from the operating system.
fn random_id() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    data_encoding::HEXLOWER.encode(&bytes)
}

/// Rows noted by the seal triggers and not sealed (0 before sealing existed).
fn pending_seal_notes(conn: &Connection) -> Result<i64> {
    let exists: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'seal_dirty')", [], |r| r.get(0))?;
    if !exists {
        return Ok(0);
    }
    Ok(conn.query_row("SELECT COUNT(*) FROM seal_dirty", [], |r| r.get(0))?)
}

/// A non-empty file must start with SQLite's 16-byte header; say "not a book" before SQLite
/// says something obscure.
fn check_header(path: &Path, size: u64) -> Result<()> {
    if size == 0 {
        return Ok(());
    }
    use std::io::Read;
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head));
    if read.is_err() || &head != b"SQLite format 3\0" {
        return Err(CoreError::NotABook(path.display().to_string()));
    }
    Ok(())
}

fn check_application_id(conn: &Connection) -> Result<()> {
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if id != 0 && id != APPLICATION_ID {
        return Err(CoreError::NotABook(conn.path().unwrap_or_default().to_string()));
    }
    Ok(())
}

/// Books made before the application id existed get it on their first open.
fn mark_as_book(conn: &Connection) -> Result<()> {
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if id != APPLICATION_ID {
        conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
    }
    Ok(())
}

/// An in-memory book, for tests.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&mut conn)?;
    start_sealing(&mut conn, 0, 0)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    // A file that is not a database fails on the first statement; say so plainly.
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| CoreError::DbIntegrity(e.to_string()))?;
    debug_assert!(mode == "wal" || mode == "memory");
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")
        .map_err(|e| CoreError::DbIntegrity(e.to_string()))?;
    Ok(())
}

/// The full `PRAGMA integrity_check`: every page, index and constraint. Seconds on a large
/// book; `verify` and backups run it.
pub fn check_integrity(conn: &Connection) -> Result<()> {
    run_check(conn, "integrity_check")
}

/// The full check on a book file through its own read-only connection, so the window can run
/// it in the background while the open book keeps answering.
pub fn check_integrity_of_file(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| CoreError::Io(format!("{}：{e}", path.display())))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    check_integrity(&conn)
}

fn run_check(conn: &Connection, pragma: &str) -> Result<()> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}")).map_err(|e| CoreError::DbIntegrity(e.to_string()))?;
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|e| CoreError::DbIntegrity(e.to_string()))?
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| CoreError::DbIntegrity(e.to_string()))?;
    if problems.len() == 1 && problems[0] == "ok" {
        Ok(())
    } else {
        // SQLite lists up to 100 problems, usually the same one over and over: say how many
        // and show the first, which is what tech support needs.
        let count = if problems.len() >= 100 { "100 多".to_string() } else { problems.len().to_string() };
        Err(CoreError::DbIntegrity(format!("共 {count} 处问题，第一处：{}", problems[0])))
    }
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let found = schema_version(conn)?;
    if found > MIGRATION_COUNT {
        return Err(CoreError::SchemaTooNew { found, supported: MIGRATION_COUNT });
    }
    migrations().to_latest(conn)?;
    Ok(())
}

/// Run `f` inside one SQLite transaction: everything it wrote is committed together, or, if
/// it returns an error, nothing is. What it wrote to sealed tables is sealed (one seal-log
/// entry at `at`, for `reason` — the command) just before the commit.
pub fn with_tx<T>(conn: &mut Connection, at: &str, reason: &str, f: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
    let tx = conn.transaction()?;
    let out = f(&tx)?;
    crate::seal::seal_pending(&tx, at, reason)?;
    tx.commit()?;
    Ok(out)
}

/// Copy the whole book to `out` with `VACUUM INTO` — consistent even while the book is open,
/// and never a raw copy of a WAL file. The book is checked in full before, and the copy after,
/// so a damaged book is never taken for a good backup.
pub fn backup_to(conn: &Connection, out: &Path) -> Result<()> {
    if out.exists() {
        return Err(CoreError::Conflict(format!("备份文件 {} 已存在", out.display())));
    }
    check_integrity(conn)?;
    conn.execute("VACUUM INTO ?1", [out.display().to_string()])?;
    if let Err(e) = check_integrity_of_file(out) {
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_counted() {
        assert!(migrations().validate().is_ok());
        let conn = open_in_memory().unwrap();
        assert_eq!(schema_version(&conn).unwrap(), MIGRATION_COUNT);
    }

    #[test]
    fn migrations_apply_in_file_number_order_and_every_file_is_listed() {
        for (i, (file, _)) in MIGRATIONS.iter().enumerate() {
            assert!(file.starts_with(&format!("{:04}_", i + 1)), "migration {} is {file}", i + 1);
        }
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        on_disk.sort();
        assert_eq!(on_disk, MIGRATIONS.iter().map(|(f, _)| f.to_string()).collect::<Vec<_>>());
    }
}
