//! The command line speaks Chinese: help headings, the help and version flags, and every
//! usage error clap can raise (`--year abc`, an unknown option, a missing value) are put into
//! plain words here instead of clap's English.

use crate::args::Cli;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The parser with Chinese help, for the binary named `bin`.
pub fn command(bin: &'static str) -> Command {
    let root = Cli::command()
        .name(bin)
        .bin_name(bin)
        .disable_version_flag(true)
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help("显示版本"));
    localize(root)
}

fn localize(cmd: Command) -> Command {
    cmd.disable_help_flag(true)
        .disable_help_subcommand(true)
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("显示帮助"))
        .mut_args(localize_arg)
        .mut_subcommands(localize)
}

/// clap would print "[default: …]", "[possible values: …]" and "[env: …]" in English; say
/// them in the help text instead.
fn localize_arg(arg: Arg) -> Arg {
    let mut extra = Vec::new();
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().to_string()).collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        extra.push(format!("默认 {}", defaults.join("、")));
    }
    let choices: Vec<String> =
        arg.get_possible_values().iter().filter(|p| !p.is_hide_set()).map(|p| p.get_name().to_string()).collect();
    if !choices.is_empty() && arg.get_action().takes_values() {
        extra.push(format!("可选 {}", choices.join("、")));
    }
    if let Some(env) = arg.get_env() {
        extra.push(format!("也可用环境变量 {}", env.to_string_lossy()));
    }
    let heading = if arg.is_positional() { "参数" } else { "选项" };
    let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    if help.is_empty() && arg.get_id() == "format" {
        help = "输出格式".to_string();
    }
    let takes_values = arg.get_action().takes_values();
    // The book and login options every command shares go after the command's own options.
    let global = arg.is_global_set();
    let mut arg = arg.hide_env(true).help_heading(heading);
    if global {
        arg = arg.display_order(900);
    }
    if takes_values {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    if extra.is_empty() || help.contains("环境变量") {
        arg
    } else {
        arg.help(format!("{help}（{}）", extra.join("；")))
    }
}

/// Parse the process's arguments. Help and version are printed and answered with exit 0; a
/// usage error is explained in Chinese on stderr with exit 2.
pub fn parse(bin: &'static str) -> Result<Cli, i32> {
    let matches = command(bin).try_get_matches().and_then(|m| Cli::from_arg_matches(&m));
    match matches {
        Ok(cli) => Ok(cli),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                print_out!("{}", chinese_help(e.render().to_string()));
                Err(0)
            }
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
                print_err!("{}", chinese_help(e.render().to_string()));
                Err(2)
            }
            _ => {
                print_err!("错误：{}", explain(&e));
                print_err!("运行 {bin} --help 查看用法");
                Err(2)
            }
        },
    }
}

/// The help of the whole command line, for `union-ledger-cli` run with nothing.
pub fn print_help(bin: &'static str) -> i32 {
    print_out!("{}", chinese_help(command(bin).render_help().to_string()));
    0
}

/// The last English words clap puts into a usage line.
fn chinese_help(text: String) -> String {
    text.replace("[OPTIONS]", "[选项]").replace("<COMMAND>", "<命令>").replace("Usage:", "用法：").trim_end().to_string()
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join("、")),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        ContextValue::None => None,
        _ => None,
    }
}

/// One usage error in plain Chinese.
pub fn explain(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand))
        .or_else(|| context(e, ContextKind::SuggestedValue))
        .map(|s| format!("；是否想用 {s}？"))
        .unwrap_or_default();
    match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue).map(|v| format!("；可选：{v}")).unwrap_or_default();
            if value.is_empty() {
                format!("{arg} 需要一个值{valid}")
            } else {
                format!("{arg} 的值“{value}”不在可选范围内{valid}{suggestion}")
            }
        }
        ErrorKind::ValueValidation => {
            format!("{arg} 的值“{value}”不正确：{}", value_problem(e, &arg))
        }
        ErrorKind::UnknownArgument => format!("无法识别的选项 {arg}{suggestion}"),
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("没有“{sub}”这个命令{suggestion}")
        }
        ErrorKind::NoEquals => format!("{arg} 的值须用等号给出，例如 {arg}=值"),
        ErrorKind::TooManyValues => format!("{arg} 给出的值太多（“{value}”是多余的）"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!("{arg} 给出的值个数不对"),
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg).unwrap_or_default();
            if prior.is_empty() {
                format!("{arg} 不能重复给出")
            } else {
                format!("{arg} 与 {prior} 不能同时使用")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必须给出的参数：{arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "请给出一个命令".into(),
        ErrorKind::Io | ErrorKind::Format => "无法输出帮助信息".into(),
        _ => "命令行参数有误".into(),
    }
}

/// Why a value did not parse: our own parsers already speak Chinese; the standard ones
/// (numbers) do not, so say what was expected.
fn value_problem(e: &clap::Error, _arg: &str) -> String {
    use std::error::Error as _;
    let source = e.source().map(|s| s.to_string()).unwrap_or_default();
    if source.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return source;
    }
    if source.contains("digit") || source.contains("number") || source.contains("integer") {
        return "应为整数".into();
    }
    if source.contains("float") {
        return "应为数字".into();
    }
    if source.contains("bool") {
        return "应为 true 或 false".into();
    }
    "格式不对".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(args: &[&str]) -> String {
        let e = command("union-ledger-cli").try_get_matches_from(args).and_then(|m| Cli::from_arg_matches(&m)).unwrap_err();
        explain(&e)
    }

    #[test]
    fn usage_errors_are_explained_in_chinese() {
        let year = error_of(&["union-ledger-cli", "report", "welfare", "--year", "abc"]);
        assert_eq!(year, "--year <YYYY> 的值“abc”不正确：应为整数");
        let unknown = error_of(&["union-ledger-cli", "verify", "--bogus"]);
        assert!(unknown.starts_with("无法识别的选项 --bogus"), "{unknown}");
        let missing = error_of(&["union-ledger-cli", "dues", "charge"]);
        assert!(missing.starts_with("缺少必须给出的参数"), "{missing}");
        let enum_value = error_of(&["union-ledger-cli", "report", "trial-balance", "--from", "2026-01", "--to", "2026-02", "--format", "pdfx"]);
        assert!(enum_value.contains("不在可选范围内") && enum_value.contains("json"), "{enum_value}");
        let sub = error_of(&["union-ledger-cli", "reprot"]);
        assert!(sub.starts_with("没有“reprot”这个命令"), "{sub}");
    }

    #[test]
    fn help_has_no_english_headings() {
        let help = command("union-ledger-cli").render_help().to_string();
        for english in ["Usage:", "Options:", "Commands:", "Print help", "[default:", "[possible values"] {
            assert!(!help.contains(english), "{english} in\n{help}");
        }
        let sub = command("union-ledger-cli").find_subcommand_mut("report").unwrap().find_subcommand_mut("trial-balance").unwrap().render_help().to_string();
        assert!(sub.contains("默认 json") && !sub.contains("[default"), "{sub}");
    }

    #[test]
    fn every_option_says_what_it_is_for() {
        fn missing(cmd: &Command, path: &str, out: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                if (help.is_empty() || help.starts_with('（')) && !arg.is_hide_set() {
                    out.push(format!("{path} --{}", arg.get_long().unwrap_or(arg.get_id().as_str())));
                }
            }
            for sub in cmd.get_subcommands() {
                missing(sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
        let mut out = Vec::new();
        missing(&command("union-ledger-cli"), "union-ledger-cli", &mut out);
        assert!(out.is_empty(), "options without a help line:\n{}", out.join("\n"));
    }
}
