//! The audit committee's tools (经审): chair approval of spending ([`approval`]), voucher
//! review and queries ([`review`]), monthly sign-off ([`signoff`]), the append-only,
//! hash-chained change log ([`changelog`]), book verification ([`verify`]) and the annual
//! audit report ([`report`]).

pub mod approval;
pub mod changelog;
pub mod commands;
pub mod report;
pub mod review;
pub mod signoff;
pub mod verify;
