//! The one Tauri command. The UI names a core command and passes JSON; the core checks the
//! role, runs it (in a transaction if it writes) and answers JSON or a typed error.

use crate::Shell;
use serde_json::Value;
use union_ledger_core::api::{parse_args, App};
use union_ledger_core::error::ErrorPayload;

#[derive(serde::Deserialize)]
struct PathArgs {
    path: String,
}

#[tauri::command]
pub async fn call(state: tauri::State<'_, Shell>, name: String, args: Value) -> Result<Value, ErrorPayload> {
    let mut guard = state.book.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    match &mut *guard {
        Ok(app) => app.call(&name, args).map_err(|e| e.payload()),
        Err(open_error) => {
            // The book could not be opened; only choosing another book can help.
            if name == "book_open" || name == "book_new" {
                let p: PathArgs = parse_args(args.clone()).map_err(|e| e.payload())?;
                let mut app = if name == "book_open" { App::open_existing(&p.path) } else { App::create_new(&p.path) }
                    .map_err(|e| e.payload())?;
                let info = app.call("app_info", Value::Null).map_err(|e| e.payload())?;
                *guard = Ok(app);
                Ok(info)
            } else {
                Err(open_error.clone())
            }
        }
    }
}

/// Write an export (XLSX, HTML, PDF, attachment) to the path the user chose in the native
/// save dialog. This is the shell's job — the core never touches paths the UI picks.
#[tauri::command]
pub async fn save_file(path: String, data_base64: String) -> Result<(), ErrorPayload> {
    let io = |m: String| union_ledger_core::CoreError::Io(m).payload();
    let bytes = data_encoding::BASE64.decode(data_base64.as_bytes()).map_err(|e| io(e.to_string()))?;
    std::fs::write(&path, bytes).map_err(|e| io(format!("{path}：{e}")))
}
