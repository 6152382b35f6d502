//! 工会账本 desktop shell: opens the book and hands every UI request to the core's single
//! entry point. No domain logic lives here; the command line lives in `union-ledger-cli`.

mod commands;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use union_ledger_core::api::App;
use union_ledger_core::error::ErrorPayload;

/// The window's state: the open book, or why it could not be opened (shown on the start
/// screen, where another book can be chosen). Shared with the blocking worker threads that
/// run each command off the async runtime.
pub struct Shell {
    pub book: Arc<Mutex<Result<App, ErrorPayload>>>,
}

pub fn run_window(db: PathBuf) {
    let opened = App::open(&db).and_then(|mut app| {
        app.watch_last_seen(union_ledger_core::seal::anchor::last_seen_path())?;
        Ok(app)
    });
    let opened = opened.map_err(|e| e.payload());
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Shell { book: Arc::new(Mutex::new(opened)) })
        .invoke_handler(tauri::generate_handler![commands::call, commands::check_integrity, commands::save_file])
        .run(tauri::generate_context!())
        .expect("failed to start the 工会账本 window");
}
