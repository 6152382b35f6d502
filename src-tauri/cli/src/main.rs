//! `union-ledger-cli`: the headless door. No GUI libraries are linked, so each call starts in
//! a few milliseconds; with no subcommand it prints its help.

fn main() {
    std::process::exit(union_ledger_cli::main_with(None));
}
