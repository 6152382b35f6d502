//! Books and reports (账簿报表). (Being written: see the ledger issue.)

pub mod commands;
