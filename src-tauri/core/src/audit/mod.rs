//! The audit committee's tools. For now: the append-only, hash-chained change log that
//! records every write made through the app.

pub mod changelog;
pub mod commands;
pub mod verify;
