//! TypeScript types of the IPC, generated from the Rust types with ts-rs.
//!
//! Every registered command carries the types of its arguments and its result ([`super::command`]
//! requires `TS` on both), so the bindings follow the command table: a new command cannot be
//! added without its types reaching the UI. [`crate::api::bindings::all`] collects them, with
//! the app-level commands'.
//!
//! `tests/bindings.rs` writes the files into `ui/src/bindings/` (`make bindings`) and fails
//! when the committed ones are stale. Money is a decimal string and `i64` a plain `number`
//! (ids and counts stay far below 2^53).

use std::any::TypeId;
use std::collections::BTreeMap;
use ts_rs::{Config, TypeVisitor, TS};

/// The generated files, by name relative to `ui/src/bindings/`.
pub struct Bindings {
    cfg: Config,
    /// "Account.ts" → the Rust type it came from and the file's text.
    files: BTreeMap<String, (TypeId, &'static str, String)>,
    /// Command name → TypeScript names of its arguments and its result.
    commands: BTreeMap<&'static str, (String, String)>,
    /// Two Rust types that would write the same file.
    clashes: Vec<String>,
}

impl Default for Bindings {
    fn default() -> Self {
        Bindings {
            cfg: Config::new().with_large_int("number"),
            files: BTreeMap::new(),
            commands: BTreeMap::new(),
            clashes: Vec::new(),
        }
    }
}

impl Bindings {
    /// Record a command and export the types of its arguments and result.
    pub fn command<A: TS + 'static, R: TS + 'static>(&mut self, name: &'static str) {
        self.add::<A>();
        self.add::<R>();
        self.commands.insert(name, (A::name(&self.cfg), R::name(&self.cfg)));
    }

    /// The names of the commands whose types are recorded.
    pub fn command_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.commands.keys().copied()
    }

    /// Export `T` and every type it refers to.
    pub fn add<T: TS + ?Sized + 'static>(&mut self) {
        self.visit::<T>();
        T::visit_generics(self);
    }

    /// The files to write (paths relative to `ui/src/bindings/`): one per type, `index.ts` re-exporting them all, and `commands.ts`
    /// mapping every command name to its argument and result types.
    pub fn files(&self) -> std::result::Result<BTreeMap<String, String>, String> {
        if !self.clashes.is_empty() {
            return Err(self.clashes.join("\n"));
        }
        let mut out: BTreeMap<String, String> =
            self.files.iter().map(|(name, (_, _, text))| (name.clone(), text.clone())).collect();
        // "serde_json/JsonValue.ts" → ("JsonValue", "serde_json/JsonValue")
        let modules: Vec<(&str, &str)> = self
            .files
            .keys()
            .map(|f| {
                let module = f.trim_end_matches(".ts");
                (module.rsplit('/').next().unwrap_or(module), module)
            })
            .collect();
        let mut index = String::from(HEADER);
        for (name, module) in &modules {
            index.push_str(&format!("export type {{ {name} }} from './{module}'\n"));
        }
        index.push_str("export type { IpcCommands, IpcCommandName } from './commands'\n");
        out.insert("index.ts".into(), index);

        // Import only the names the command table uses (the UI's tsconfig rejects unused ones).
        let used = |name: &str| {
            self.commands.values().any(|(args, result)| {
                [args, result].iter().any(|ty| ty.split(|c: char| !c.is_alphanumeric() && c != '_').any(|word| word == name))
            })
        };
        let names: Vec<&str> = modules.iter().map(|(name, _)| *name).filter(|name| used(name)).collect();
        let mut commands = String::from(HEADER);
        commands.push_str(&format!("import type {{ {} }} from './index'\n\n", names.join(", ")));
        commands.push_str("/** Every command the UI can invoke, with its arguments and its result. */\n");
        commands.push_str("export interface IpcCommands {\n");
        for (name, (args, result)) in &self.commands {
            commands.push_str(&format!("  {name}: {{ args: {args}; result: {result} }}\n"));
        }
        commands.push_str("}\n\nexport type IpcCommandName = keyof IpcCommands\n");
        out.insert("commands.ts".into(), commands);
        Ok(out)
    }
}

const HEADER: &str = "// Generated from the Rust types by `make bindings` (src-tauri/core/tests/bindings.rs). Do not edit.\n";

impl TypeVisitor for Bindings {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let Some(path) = T::output_path() else { return };
        let file = path.to_string_lossy().replace('\\', "/");
        let id = TypeId::of::<T>();
        let rust = std::any::type_name::<T>();
        if matches!(self.files.get(&file), Some((seen, _, _)) if *seen == id) {
            return;
        }
        let text = T::export_to_string(&self.cfg).unwrap_or_else(|e| panic!("bindings of {rust}: {e}"));
        if let Some((_, other, existing)) = self.files.get(&file) {
            // Two argument structs such as `{ id: number }` in two modules may share a name;
            // two different shapes may not.
            if *existing != text {
                let clash = format!("{other} and {rust} would both be {file}: give one a #[ts(rename = \"…\")]");
                if !self.clashes.contains(&clash) {
                    self.clashes.push(clash);
                }
            }
            return;
        }
        self.files.insert(file, (id, rust, text));
        T::visit_dependencies(self);
    }
}
