//! The one door into the core. The desktop window (through a single Tauri command) and the
//! command line (`union-ledger call NAME --args JSON`) both hand a command name and JSON
//! arguments to [`App::call`], which
//! 1. routes app-level commands (open a book, the wizard, log in) itself;
//! 2. looks every other name up in the [`registry`] (an old name first becomes its new one,
//!    see [`aliases`]), checks the logged-in user's role against
//!    the command's declared [`Access`], and
//! 3. runs a reading command directly, or a writing command inside one SQLite transaction that
//!    also appends the change-log row — so a refused write leaves nothing behind.

pub mod aliases;
pub mod bindings;
pub mod registry;

use crate::workflow::changelog;
use crate::book;
use crate::clock::Clock;
use crate::db;
use crate::error::{CoreError, Result};
use crate::users::{self, Role, User};
pub use crate::command::{json_errors, parse_args, Access, Command, Ctx};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Commands handled by [`App`] itself; they work before anyone logs in.
pub const APP_COMMANDS: &[(&str, &str)] = &[
    ("app_info", "账套文件、是否已建账、单位名称与可登录的用户"),
    ("book_init", "建账向导：单位信息与三个用户（会计/出纳、工会主席、经审委员）"),
    ("book_open", "打开另一个账套文件 {path}"),
    ("book_new", "新建一个空账套文件 {path}，随后运行建账向导"),
    ("session_login", "登录 {user_id, password}"),
    ("session_logout", "退出登录"),
    ("session_current", "当前登录的用户"),
];

/// An open book and who is logged in to it.
pub struct App {
    path: PathBuf,
    conn: Connection,
    user: Option<User>,
    clock: Clock,
    /// The last-seen file this host keeps outside the book (seal::anchor), if it keeps one.
    last_seen: Option<PathBuf>,
    /// Set when the book is older than, or differs from, what this PC last saw.
    anchor_warning: Option<String>,
    /// Which door logins come through: "window" or "cli" (recorded with each login).
    door: &'static str,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct LoginUser {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub active: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AppInfo {
    pub db_path: String,
    pub initialized: bool,
    pub union_name: Option<String>,
    pub unit_name: Option<String>,
    pub schema_version: i64,
    pub app_version: &'static str,
    pub users: Vec<LoginUser>,
    /// Today by the one clock (YYYY-MM-DD): the UI takes every default date from here.
    pub today: String,
    /// Shown loudly when the book is older than (or differs from) what this PC last saw:
    /// rolled back, cut short or replaced — or restored from a backup on purpose.
    pub anchor_warning: Option<String>,
}

#[derive(Deserialize, ts_rs::TS)]
struct PathArgs {
    path: String,
}

#[derive(Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
struct LoginArgs {
    user_id: Option<i64>,
    name: Option<String>,
    password: String,
}

impl App {
    /// Open (or create) a book. The clock comes from the environment (`UNION_LEDGER_TODAY`).
    pub fn open(path: &Path) -> Result<App> {
        let clock = Clock::from_env()?;
        let conn = db::open_book_file(path)?;
        Ok(App { path: path.to_path_buf(), conn, user: None, clock, last_seen: None, anchor_warning: None, door: "window" })
    }

    /// Logins through this App are recorded as coming through the command line.
    pub fn set_door_cli(&mut self) {
        self.door = "cli";
    }

    /// Compare the book with the last-seen file `file` (kept by the host outside the book) and
    /// keep it up to date after every write. See [`crate::seal::anchor`].
    pub fn watch_last_seen(&mut self, file: PathBuf) -> Result<()> {
        self.last_seen = Some(file);
        self.anchor_warning = None;
        self.record_seen()
    }

    /// The rollback warning, if the book is behind what this PC last saw.
    pub fn anchor_warning(&self) -> Option<&str> {
        self.anchor_warning.as_deref()
    }

    fn record_seen(&mut self) -> Result<()> {
        if let (Some(file), None) = (&self.last_seen, &self.anchor_warning) {
            let now = self.clock.now_string();
            self.anchor_warning = crate::seal::anchor::check_last_seen(&self.conn, file, &self.path, &now)?;
        }
        Ok(())
    }

    /// The clock every command of this book reads "today" from.
    pub fn clock(&self) -> Clock {
        self.clock
    }
    /// Pin or replace the clock (tests pin a date; a book opened later keeps the same clock).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// 打开账套: an existing book file.
    pub fn open_existing(path: &str) -> Result<App> {
        let path = checked_path(path)?;
        if !path.exists() {
            return Err(CoreError::NotFound(format!("账套文件 {}", path.display())));
        }
        App::open(&path)
    }

    /// 新建账套: a new, empty book file; the wizard runs next.
    pub fn create_new(path: &str) -> Result<App> {
        let path = checked_path(path)?;
        if path.exists() {
            return Err(CoreError::Conflict(format!("文件 {} 已存在，请换一个文件名或直接打开它", path.display())));
        }
        App::open(&path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
    pub fn user(&self) -> Option<&User> {
        self.user.as_ref()
    }
    /// Read-only access for hosts (e.g. the command line's report and verify commands).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn info(&self) -> Result<AppInfo> {
        let initialized = book::is_initialized(&self.conn)?;
        let settings = if initialized { Some(book::settings(&self.conn)?) } else { None };
        Ok(AppInfo {
            db_path: self.path.display().to_string(),
            initialized,
            union_name: settings.as_ref().map(|s| s.union_name.clone()),
            unit_name: settings.as_ref().map(|s| s.unit_name.clone()),
            schema_version: db::schema_version(&self.conn)?,
            app_version: APP_VERSION,
            today: self.clock.today().format("%Y-%m-%d").to_string(),
            anchor_warning: self.anchor_warning.clone(),
            users: users::list(&self.conn)?
                .into_iter()
                .map(|u| LoginUser { id: u.id, name: u.name, role: u.role, active: u.active })
                .collect(),
        })
    }

    pub fn login(&mut self, user_id: i64, password: &str) -> Result<User> {
        let known = users::get(&self.conn, user_id).ok();
        self.login_as(known, &user_id.to_string(), password)
    }

    pub fn login_by_name(&mut self, name: &str, password: &str) -> Result<User> {
        if !book::is_initialized(&self.conn)? {
            return Err(CoreError::NotInitialized);
        }
        let known = users::find_by_name(&self.conn, name)?;
        self.login_as(known, name, password)
    }

    /// Check the password, after the wait a run of wrong ones imposes; record the attempt
    /// (sealed, in its own transaction) whichever way it goes.
    fn login_as(&mut self, known: Option<User>, typed: &str, password: &str) -> Result<User> {
        let now = self.clock.now_string();
        if let Some(u) = &known {
            users::logins::check_allowed(&self.conn, u.id, &now)?;
        }
        let result = match &known {
            Some(u) => users::authenticate(&self.conn, u.id, password),
            None => Err(CoreError::AuthFailed),
        };
        let ok = result.is_ok();
        if ok || matches!(result, Err(CoreError::AuthFailed)) {
            let door = self.door;
            db::with_tx(&mut self.conn, &now, if ok { "session_login" } else { "session_login_failed" }, |tx| {
                users::logins::record(tx, known.as_ref(), typed, ok, door, &now)
            })?;
        }
        let user = result?;
        self.user = Some(user.clone());
        Ok(user)
    }

    /// Run a command by name with JSON arguments, exactly as the UI does.
    pub fn call(&mut self, name: &str, args: Value) -> Result<Value> {
        let args = if args.is_null() { json!({}) } else { args };
        match name {
            "app_info" => Ok(serde_json::to_value(self.info()?).expect("json")),
            "book_init" => self.init_book(args),
            "book_open" | "book_new" => {
                let p: PathArgs = parse_args(args)?;
                // Open first; only a book that opened cleanly replaces the current one.
                let (clock, last_seen) = (self.clock, self.last_seen.clone());
                *self = if name == "book_open" { App::open_existing(&p.path)? } else { App::create_new(&p.path)? };
                self.clock = clock;
                if let Some(file) = last_seen {
                    self.watch_last_seen(file)?;
                }
                Ok(serde_json::to_value(self.info()?).expect("json"))
            }
            "session_login" => {
                let a: LoginArgs = parse_args(args)?;
                let user = match (a.user_id, a.name) {
                    (Some(id), _) => self.login(id, &a.password)?,
                    (None, Some(n)) => self.login_by_name(&n, &a.password)?,
                    _ => return Err(CoreError::validation("user_id", "请选择用户")),
                };
                Ok(json!({ "id": user.id, "name": user.name, "role": user.role }))
            }
            "session_logout" => {
                self.user = None;
                Ok(Value::Null)
            }
            "session_current" => Ok(match &self.user {
                Some(u) => json!({ "id": u.id, "name": u.name, "role": u.role }),
                None => Value::Null,
            }),
            _ => self.call_registered(name, args),
        }
    }

    fn init_book(&mut self, args: Value) -> Result<Value> {
        let req: book::InitBook = parse_args(args.clone())?;
        let now = self.clock.now_string();
        db::with_tx(&mut self.conn, &now, "book_init", |tx| {
            book::init(tx, &req, &now)?;
            crate::ledger::seed_chart(tx)?;
            changelog::append(
                tx,
                changelog::NewEntry {
                    at: &now,
                    user_id: None,
                    user_name: "建账向导",
                    command: "book_init",
                    kind: "book",
                    args: &args,
                    before: &Value::Null,
                    after: &serde_json::to_value(book::settings(tx)?).expect("json"),
                },
            )?;
            Ok(())
        })?;
        self.record_seen()?;
        Ok(serde_json::to_value(self.info()?).expect("json"))
    }

    /// Run a *reading* command without a login, for the command line's reports and exports.
    /// Anyone holding the book file can read it with SQLite anyway; writes always need a user.
    pub fn read(&self, name: &str, args: Value) -> Result<Value> {
        let command = find_command(name).ok_or_else(|| CoreError::UnknownCommand(name.to_string()))?;
        if command.access != Access::Read {
            return Err(CoreError::NotLoggedIn);
        }
        if !book::is_initialized(&self.conn)? {
            return Err(CoreError::NotInitialized);
        }
        let reader = User { id: 0, name: "命令行".into(), role: Role::Auditor, active: true, created_at: String::new() };
        let now = self.clock.now_string();
        let ctx = Ctx::new(&self.conn, &reader, &now).with_lookup(registry::find);
        (command.run)(&ctx, if args.is_null() { json!({}) } else { args })
    }

    fn call_registered(&mut self, name: &str, args: Value) -> Result<Value> {
        let command = find_command(name).ok_or_else(|| CoreError::UnknownCommand(name.to_string()))?;
        if !book::is_initialized(&self.conn)? {
            return Err(CoreError::NotInitialized);
        }
        let session_user = self.user.clone().ok_or(CoreError::NotLoggedIn)?;
        // Re-read the user: a user disabled meanwhile loses access at once.
        let user = users::get(&self.conn, session_user.id)?;
        if !user.active {
            self.user = None;
            return Err(CoreError::NotLoggedIn);
        }
        if !command.access.allows(user.role) {
            return Err(CoreError::PermissionDenied { action: command.summary.to_string(), role: user.role.label().to_string() });
        }
        let now = self.clock.now_string();
        if command.access == Access::Read {
            let ctx = Ctx::new(&self.conn, &user, &now).with_lookup(registry::find);
            return (command.run)(&ctx, args);
        }
        let out = db::with_tx(&mut self.conn, &now, command.name, |tx| {
            let ctx = Ctx::new(tx, &user, &now).with_lookup(registry::find);
            let out = (command.run)(&ctx, args.clone())?;
            let before = ctx.take_before();
            changelog::append(
                tx,
                changelog::NewEntry {
                    at: &now,
                    user_id: Some(user.id),
                    user_name: &user.name,
                    // The registered name, also when called by an old one.
                    command: command.name,
                    kind: command.kind(),
                    args: &args,
                    before: &before,
                    after: &out,
                },
            )?;
            Ok(out)
        })?;
        self.record_seen()?;
        Ok(out)
    }
}

fn checked_path(path: &str) -> Result<PathBuf> {
    let path = path.trim();
    if path.is_empty() {
        return Err(CoreError::validation("path", "请填写账套文件路径"));
    }
    Ok(PathBuf::from(path))
}

/// The registered command for a name, an old name (see [`aliases`]) included.
pub fn find_command(name: &str) -> Option<&'static Command> {
    registry::find(aliases::resolve(name))
}

/// Every command name the UI can invoke, with a one-line description.
pub fn command_list() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        APP_COMMANDS.iter().map(|(n, d)| (n.to_string(), d.to_string())).collect();
    out.extend(registry::all().iter().map(|c| (c.name.to_string(), c.summary.to_string())));
    out
}
