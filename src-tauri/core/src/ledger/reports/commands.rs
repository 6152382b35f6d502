//! Report commands.

use crate::api::registry::Command;

pub fn commands() -> Vec<Command> {
    vec![]
}
