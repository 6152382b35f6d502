//! The audit committee's tools (经审): voucher review and queries ([`review`]), monthly
//! sign-off ([`signoff`]), book verification ([`verify`]) and the annual audit report
//! ([`report`]). Chair approval and the change log live lower down, in [`crate::workflow`],
//! because the modules that keep the books use them.

pub mod approval_queue;
pub mod commands;
pub mod report;
pub mod review;
pub mod signoff;
pub mod verify;
