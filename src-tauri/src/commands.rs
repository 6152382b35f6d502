//! The shell's Tauri commands. `call` is the one door: the UI names a core command and passes
//! JSON; the core checks the role, runs it (in a transaction if it writes) and answers JSON or
//! a typed error. SQLite work is blocking, so it runs on a worker thread, never on the async
//! runtime.

use crate::Shell;
use serde_json::Value;
use union_ledger_core::api::{parse_args, App};
use union_ledger_core::error::{CoreError, ErrorPayload};

#[derive(serde::Deserialize)]
struct PathArgs {
    path: String,
}

fn worker_failed(e: impl std::fmt::Display) -> ErrorPayload {
    CoreError::Internal(e.to_string()).payload()
}

#[tauri::command]
pub async fn call(state: tauri::State<'_, Shell>, name: String, args: Value) -> Result<Value, ErrorPayload> {
    let book = state.book.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = book.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match &mut *guard {
            Ok(app) => app.call(&name, args).map_err(|e| e.payload()),
            Err(open_error) => {
                // The book could not be opened; only choosing another book can help.
                if name == "book_open" || name == "book_new" {
                    let p: PathArgs = parse_args(args.clone()).map_err(|e| e.payload())?;
                    let mut app = if name == "book_open" { App::open_existing(&p.path) } else { App::create_new(&p.path) }
                        .map_err(|e| e.payload())?;
                    app.watch_last_seen(union_ledger_core::seal::anchor::last_seen_path()).map_err(|e| e.payload())?;
                    let info = app.call("app_info", Value::Null).map_err(|e| e.payload())?;
                    *guard = Ok(app);
                    Ok(info)
                } else {
                    Err(open_error.clone())
                }
            }
        }
    })
    .await
    .map_err(worker_failed)?
}

/// The full page-by-page integrity check of the open book, through its own read-only
/// connection so the window keeps answering meanwhile. The UI runs it once after the first
/// page is shown (opening makes only cheap checks) and warns plainly if it fails.
#[tauri::command]
pub async fn check_integrity(state: tauri::State<'_, Shell>) -> Result<(), ErrorPayload> {
    let path = {
        let guard = state.book.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match &*guard {
            Ok(app) => app.path().to_path_buf(),
            Err(_) => return Ok(()),
        }
    };
    tauri::async_runtime::spawn_blocking(move || union_ledger_core::db::check_integrity_of_file(&path).map_err(|e| e.payload()))
        .await
        .map_err(worker_failed)?
}

/// Write an export (XLSX, HTML, PDF, attachment) to the path the user chose in the native
/// save dialog. This is the shell's job — the core never touches paths the UI picks.
#[tauri::command]
pub async fn save_file(path: String, data_base64: String) -> Result<(), ErrorPayload> {
    let io = |m: String| CoreError::Io(m).payload();
    let bytes = data_encoding::BASE64.decode(data_base64.as_bytes()).map_err(|e| io(e.to_string()))?;
    std::fs::write(&path, bytes).map_err(|e| io(format!("{path}：{e}")))
}
