//! The IPC's TypeScript types (see [`crate::command::bindings`]): every registered command's
//! and the app-level ones handled by [`super::App`] itself.

pub use crate::command::bindings::Bindings;
use crate::users::Role;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What `session_login` and `session_current` return (built with `json!` in
/// [`super::App::call`]; tests/bindings.rs checks that the two agree).
#[derive(Debug, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SessionUser {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

/// The types of every command the UI can invoke: the app-level ones and the registry's.
pub fn all() -> Bindings {
    use super::{AppInfo, LoginArgs, PathArgs};
    use crate::command::NoArgs;
    let mut b = Bindings::default();
    // What every command rejects with.
    b.add::<crate::error::ErrorPayload>();
    b.command::<NoArgs, AppInfo>("app_info");
    b.command::<crate::book::InitBook, AppInfo>("book_init");
    b.command::<PathArgs, AppInfo>("book_open");
    b.command::<PathArgs, AppInfo>("book_new");
    b.command::<LoginArgs, SessionUser>("session_login");
    b.command::<NoArgs, ()>("session_logout");
    b.command::<NoArgs, Option<SessionUser>>("session_current");
    for c in super::registry::all() {
        (c.bindings)(&mut b, c.name);
    }
    b
}

