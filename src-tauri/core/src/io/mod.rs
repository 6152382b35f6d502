//! File formats, with no domain in them: spreadsheets (XLSX via calamine / rust_xlsxwriter,
//! CSV in UTF-8 or GBK), dates as treasurers write them, base64 uploads.
//!
//! [`table`] is the shared plumbing: any importer (vouchers, members, budgets, payout lists)
//! reads a file into rows of strings that carry the 1-based row number the user sees in
//! Excel, so every error can name its row. The importers themselves live with the module
//! that owns what they import (e.g. [`crate::ledger::import`]).

pub mod base64;
pub mod csv;
pub mod dates;
pub mod table;
pub mod xlsx;

pub use base64::decode_base64;
pub use table::{read_table, Table, TableRow};
