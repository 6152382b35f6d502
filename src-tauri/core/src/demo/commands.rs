//! The sample-book command.

use super::DemoArgs;
use crate::command::{command, Access, Command, Ctx};

pub fn commands() -> Vec<Command> {
    vec![command("demo_load", Access::Admin, "载入示例账套（仅限刚建立的空账套）", |ctx: &Ctx, a: DemoArgs| super::load(ctx, a))]
}
