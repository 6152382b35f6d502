//! 工会账本 desktop shell: opens the book and hands every UI request to the core's single
//! entry point. No domain logic lives here.

pub mod cli;
mod commands;

use std::path::PathBuf;
use std::sync::Mutex;
use union_ledger_core::api::App;
use union_ledger_core::error::ErrorPayload;

/// The window's state: the open book, or why it could not be opened (shown on the start
/// screen, where another book can be chosen).
pub struct Shell {
    pub book: Mutex<Result<App, ErrorPayload>>,
}

/// Where the book lives when no `--db` is given: the OS app-data folder.
pub fn default_book_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("cn.union-ledger.app")
        .join("union-ledger-book.sqlite")
}

pub fn run_window(db: PathBuf) {
    let opened = App::open(&db).map_err(|e| e.payload());
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Shell { book: Mutex::new(opened) })
        .invoke_handler(tauri::generate_handler![commands::call, commands::save_file])
        .run(tauri::generate_context!())
        .expect("failed to start the 工会账本 window");
}
