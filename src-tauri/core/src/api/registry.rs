//! The table of every registered command, built once from each domain module's
//! `commands()` list. The framework they are made with is [`crate::command`].

pub use crate::command::{Access, Command};
use std::sync::OnceLock;

pub fn all() -> &'static [Command] {
    static ALL: OnceLock<Vec<Command>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v = Vec::new();
        v.extend(crate::book::commands::commands());
        v.extend(crate::users::commands::commands());
        v.extend(crate::audit::commands::commands());
        v.extend(crate::ledger::commands::commands());
        v.extend(crate::ledger::reports::commands::commands());
        v.extend(crate::members::commands::commands());
        v.extend(crate::dues::commands::commands());
        v.extend(crate::budget::commands::commands());
        v.extend(crate::notice::commands::commands());
        v.extend(crate::welfare::commands::commands());
        v.extend(crate::dashboard::commands::commands());
        v.extend(crate::demo::commands::commands());
        v
    })
}

pub fn find(name: &str) -> Option<&'static Command> {
    all().iter().find(|c| c.name == name)
}
