//! 工会账本 core: the domain of a grassroots trade union's books and their SQLite store.
//!
//! No Tauri here. The desktop shell and the command line both call [`api::App::call`], so
//! every operation is the same code whichever way it is reached.
//!
//! Modules mirror the domain: [`book`] (settings, first-run wizard), [`users`], [`ledger`]
//! (chart, vouchers, posting gateway, books and reports, period close, hash chain),
//! [`audit`] (change log, reviews), plus [`money`] and [`db`].

pub mod api;
pub mod audit;
pub mod book;
pub mod clock;
pub mod budget;
pub mod dashboard;
pub mod demo;
pub mod db;
pub mod dues;
pub mod error;
pub mod io;
pub mod ledger;
pub mod members;
pub mod money;
pub mod notice;
pub mod users;
pub mod welfare;

pub use api::App;
pub use error::{CoreError, Result};
pub use money::Money;
