//! Printing that survives a closed pipe: `union-ledger-cli … | head -1` must end quietly, not
//! panic as `println!` does when the reader has gone.

use std::io::Write;

/// Write one line to stdout; if the reader has closed the pipe, stop the process quietly
/// (whatever the command wrote to the book was already committed).
pub fn stdout_line(text: std::fmt::Arguments) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(text).and_then(|_| out.write_all(b"\n")).and_then(|_| out.flush()) {
        quiet_exit(e);
    }
}

/// Write one line to stderr, with the same care.
pub fn stderr_line(text: std::fmt::Arguments) {
    let mut err = std::io::stderr().lock();
    if let Err(e) = err.write_fmt(text).and_then(|_| err.write_all(b"\n")) {
        quiet_exit(e);
    }
}

fn quiet_exit(e: std::io::Error) -> ! {
    // A closed pipe is the reader's choice; any other failure to print is still not worth a
    // panic message, but it is not success either.
    std::process::exit(if e.kind() == std::io::ErrorKind::BrokenPipe { 0 } else { 1 })
}

/// `println!` for the command line: pipe-safe.
#[macro_export]
macro_rules! print_out {
    ($($t:tt)*) => { $crate::output::stdout_line(format_args!($($t)*)) };
}

/// `eprintln!` for the command line: pipe-safe.
#[macro_export]
macro_rules! print_err {
    ($($t:tt)*) => { $crate::output::stderr_line(format_args!($($t)*)) };
}
