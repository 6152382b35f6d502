//! The table of commands: name, who may run it, a one-line description, and the core
//! function behind it. Each domain module contributes its own list.

use crate::error::{CoreError, Result};
use crate::users::{Role, User};
use rusqlite::Connection;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use std::cell::RefCell;
use std::sync::OnceLock;
use ts_rs::TS;

/// What a command does, which decides who may run it and whether it runs in a transaction
/// with a change-log row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reads only. Every role.
    Read,
    /// Keeps the books (members, dues, vouchers, …). The treasurer.
    Write,
    /// Approves spending or reopens a closed month. The chair.
    Approve,
    /// Reviews, queries and sign-offs. The auditor.
    Review,
    /// Answers an auditor's query. The treasurer (and the chair).
    Answer,
    /// Unit settings and user accounts. Treasurer and chair.
    Admin,
    /// Things everyone may do for themselves, such as changing their own password.
    SelfService,
}

impl Access {
    pub fn allows(self, role: Role) -> bool {
        match self {
            Access::Read | Access::SelfService => true,
            Access::Write => role == Role::Treasurer,
            Access::Approve => role == Role::Chair,
            Access::Review => role == Role::Auditor,
            Access::Answer | Access::Admin => matches!(role, Role::Treasurer | Role::Chair),
        }
    }
}

/// What a command function gets: the connection (inside the transaction for writes), the
/// logged-in user and the time of the call.
pub struct Ctx<'a> {
    pub conn: &'a Connection,
    pub user: &'a User,
    pub now: &'a str,
    before: RefCell<Value>,
}

impl<'a> Ctx<'a> {
    pub fn new(conn: &'a Connection, user: &'a User, now: &'a str) -> Ctx<'a> {
        Ctx { conn, user, now, before: RefCell::new(Value::Null) }
    }
    /// Record the state a write is about to change, for the change log's "before" column.
    pub fn record_before<T: Serialize>(&self, before: &T) {
        *self.before.borrow_mut() = serde_json::to_value(before).unwrap_or(Value::Null);
    }
    pub fn take_before(&self) -> Value {
        self.before.replace(Value::Null)
    }
    /// Today's date, from the call time.
    pub fn today(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(&self.now[..10], "%Y-%m-%d").expect("now is ISO")
    }
}

type Runner = Box<dyn Fn(&Ctx, Value) -> Result<Value> + Send + Sync>;

pub struct Command {
    pub name: &'static str,
    pub access: Access,
    pub summary: &'static str,
    pub run: Runner,
    /// Exports the TypeScript types of the arguments and the result (see [`super::bindings`]).
    pub bindings: fn(&mut super::bindings::Bindings, &'static str),
}

impl Command {
    /// The module part of the name ("users" for "users_add"): the change log's kind.
    pub fn kind(&self) -> &'static str {
        self.name.split('_').next().unwrap_or(self.name)
    }
}

/// Wrap a typed core function as a command.
pub fn command<A, R>(name: &'static str, access: Access, summary: &'static str, f: fn(&Ctx, A) -> Result<R>) -> Command
where
    A: DeserializeOwned + TS + 'static,
    R: Serialize + TS + 'static,
{
    Command {
        name,
        access,
        summary,
        run: Box::new(move |ctx, args| {
            let a: A = super::parse_args(args)?;
            let out = f(ctx, a)?;
            serde_json::to_value(out).map_err(|e| CoreError::Internal(e.to_string()))
        }),
        bindings: |b, name| b.command::<A, R>(name),
    }
}

/// Arguments of a command that takes none (`{}` or null).
#[derive(Debug, Default, serde::Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

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
