// Release builds on Windows are GUI programs; the command line attaches to the parent console
// itself (see cli::attach_console) so `union-ledger ... call` still prints there.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    std::process::exit(union_ledger::cli::main());
}
