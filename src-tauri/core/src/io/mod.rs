//! Import and export of spreadsheets (XLSX via calamine / rust_xlsxwriter, CSV in UTF-8 or GBK),
//! the hledger journal export and the voucher import (凭证导入).
//!
//! [`table`] is the shared plumbing: any importer (vouchers now, members later) reads a file
//! into rows of strings that carry the 1-based row number the user sees in Excel, so every
//! error can name its row.

pub mod csv;
pub mod hledger;
pub mod table;
pub mod voucher_import;
pub mod xlsx;

pub use table::{read_table, Table, TableRow};
