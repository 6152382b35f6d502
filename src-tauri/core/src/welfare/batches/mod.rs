//! Payout batches (发放批次): create and edit a draft, pick recipients (by rule, by hand, from
//! a file), amounts, approval, the chair's override, posting through the ledger gateway,
//! reversal, and the sign-for sheet (领取签收表).
//!
//! States: draft → posted → reversed; with the book setting `approval_required` = "1",
//! draft → submitted → approved (or rejected → edited → submitted) → posted. Any edit of a
//! submitted or approved batch sends it back to draft. A posted batch and its recipients are
//! fixed (SQLite triggers); a correction is a reversal.
//!
//! One room per concern, all reached through this module's paths (`welfare::batches::get`, …):
//! - `model`: statuses, [`Batch`] and [`BatchListItem`], [`get`], [`list`];
//! - `draft`: [`create`], [`update`], [`delete`] of a draft and its header;
//! - `recipients`: selection by rule ([`candidates`], [`add_by_rule`]), by hand, amounts;
//! - `import`: recipients from a file and its template;
//! - `approval`: [`submit`], the chair's [`decide`] and [`record_override`];
//! - `posting`: [`post`] through the ledger and [`reverse`];
//! - `sign_sheet`: the 领取签收表 and its XLSX.

mod approval;
mod draft;
mod import;
mod model;
mod posting;
mod recipients;
mod sign_sheet;

pub use approval::{decide, record_override, set_approval_state, submit, IdNote};
pub use draft::{create, delete, update, BatchInput, BatchUpdate};
pub use import::{import, import_preview, import_template, FileInput, ImportArgs, ImportPreview, ImportRow};
pub use model::{get, list, status_label, Batch, BatchFilter, BatchListItem, OverrideInfo, Recipient, VoucherRef, STATUSES};
pub use posting::{post, reverse, PostResult, Reverse};
pub use recipients::{
    add_by_rule, add_recipients, candidates, remove_recipients, set_amounts, AddByRule, AddRecipients, AddResult, AmountItem,
    RecipientInput, RemoveRecipients, SetAmounts, Skipped,
};
pub use sign_sheet::{sign_sheet, sign_sheet_xlsx, SignRow, SignSheet};
