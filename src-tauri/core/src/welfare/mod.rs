//! Welfare payouts (慰问发放): payout batches and their recipients, selection rules and
//! eligibility checks, the spending-rules table (provincial caps with sources), the chair's
//! override, postings through [`crate::ledger::posting::post_voucher`] (one voucher per
//! batch), sign-for sheets and history.
//!
//! - [`rules`]: kinds (with their default expense account), forms, the rules table.
//! - [`eligibility`]: who a rule picks; blockers (never overridable) and breaches (the chair
//!   may override with a written reason) — see that module for which is which and why.
//! - [`batches`]: the batch life cycle, import of recipients, posting, reversal, sign sheet.
//! - [`history`]: per member and per kind, `report welfare`, aid for hardship files,
//!   overrides for the audit committee.
//!
//! This module's SQL touches only the `welfare_*` tables; members come through
//! [`crate::members::roster`], vouchers through the ledger's functions.

pub mod batches;
pub mod commands;
pub mod eligibility;
pub mod history;
pub mod rules;
