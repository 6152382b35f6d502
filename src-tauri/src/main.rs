// Release builds on Windows are GUI programs; the command line attaches to the parent console
// itself (see attach_console) so `union-ledger ... call` still prints there.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if std::env::args_os().len() > 1 {
        attach_console();
    }
    // Subcommands are the command line's (kept for compatibility; scripts use the lighter
    // `union-ledger-cli`); with none, the window opens.
    std::process::exit(union_ledger_cli::main_with(Some(union_ledger::run_window)));
}

/// On Windows a GUI-subsystem program has no console; borrow the parent's when run from a shell.
fn attach_console() {
    #[cfg(windows)]
    unsafe {
        windows_sys::Win32::System::Console::AttachConsole(windows_sys::Win32::System::Console::ATTACH_PARENT_PROCESS);
    }
}
