//! The single posting gateway. (Being written: see the ledger issue.)
