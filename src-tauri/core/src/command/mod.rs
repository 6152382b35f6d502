//! What a command is: its name, who may run it ([`Access`]), a one-line description, and the
//! typed core function behind it ([`command`]), run with a [`Ctx`]. Each domain module's
//! `commands.rs` builds its list from these; the table of all of them is
//! [`crate::api::registry`].
//!
//! This sits low in the floor plan (just above `users`) so that every module's commands can
//! use it while the table above them imports those commands.

pub mod bindings;
pub mod json_errors;

use crate::error::{CoreError, Result};
use crate::users::{Role, User};
use rusqlite::Connection;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use ts_rs::TS;
use std::cell::RefCell;

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
    /// The command table, handed down by [`crate::api`] for the few commands that run other
    /// commands (the sample book drives the others like a user) without importing upwards.
    lookup: Option<Lookup>,
}

/// Finds a registered command by name.
pub type Lookup = fn(&str) -> Option<&'static Command>;

impl<'a> Ctx<'a> {
    pub fn new(conn: &'a Connection, user: &'a User, now: &'a str) -> Ctx<'a> {
        Ctx { conn, user, now, before: RefCell::new(Value::Null), lookup: None }
    }
    /// The same context with the command table attached.
    pub fn with_lookup(mut self, lookup: Lookup) -> Ctx<'a> {
        self.lookup = Some(lookup);
        self
    }
    /// Run another registered command as `user` at `now`, inside this call's transaction.
    pub fn run_command(&self, user: &User, now: &str, name: &str, args: Value) -> Result<Value> {
        let lookup = self.lookup.ok_or_else(|| CoreError::Internal("command table not available here".into()))?;
        let c = lookup(name).ok_or_else(|| CoreError::UnknownCommand(name.to_string()))?;
        let ctx = Ctx { conn: self.conn, user, now, before: RefCell::new(Value::Null), lookup: self.lookup };
        (c.run)(&ctx, args)
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
    /// Exports the TypeScript types of the arguments and the result (see [`bindings`]).
    pub bindings: fn(&mut bindings::Bindings, &'static str),
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
            let a: A = parse_args(args)?;
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

/// Deserialize command arguments, turning serde's complaint into a plain message.
pub fn parse_args<A: DeserializeOwned>(args: Value) -> Result<A> {
    let args = if args.is_null() { serde_json::json!({}) } else { args };
    json_errors::from_value(args).map_err(CoreError::BadArgs)
}
