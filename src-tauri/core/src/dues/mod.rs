//! Dues (会费): the rule (rate, the part under 10 元 not counted, rounding, exempt and fixed
//! members), monthly charges, payroll batches and individual payments — each posting one
//! voucher through [`crate::ledger::posting::post_voucher`] — arrears, statements and the
//! monthly summary.

pub mod arrears;
pub mod charges;
pub mod commands;
pub mod payments;
pub mod rate;

pub use arrears::{report_dues, summary, ReportDues};
pub use charges::{charge_month, ChargeMonthResult};
pub use payments::{pay_batch, pay_member, PayBatch, PayMember};

/// Cash or bank: how money moves is the ledger's to say (101 or 102).
pub use crate::ledger::{parse_via, via_label};
