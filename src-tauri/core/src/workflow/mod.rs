//! Workflow: the chair's approval of spending ([`approval`]) and the append-only,
//! hash-chained change log ([`changelog`]). Both are generic over what they record and know
//! nothing of their owners: the ledger, welfare and the rest submit items and read their
//! state from here; the command layer composes what the chair sees.

pub mod approval;
pub mod changelog;
