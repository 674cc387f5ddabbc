//! Help, usage errors and the manual page in the interface language.
//!
//! clap's derive types in `cli` are the one definition of commands and options. English texts are
//! their doc comments; Arabic texts come from a table keyed by command and argument id
//! ([`ar::TEXTS`]), and a test checks that the table covers exactly what `cli` defines. Help is
//! built as a [`Document`] so it goes through the same right-to-left layout as every other output.

pub mod ar;
pub mod en;
mod man;

use super::messages;
use super::{Block, Context, Document, Lang, Zone};
use crate::cli::Cli;
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};
use std::ffi::OsString;

pub use man::page as man_page;

/// Example command lines, shown in `--help` and the manual. Each language explains them in the
/// same order ([`HelpWords::example_notes`]).
pub const EXAMPLES: [&str; 9] = [
    "igf list --date 2020-11-04",
    "igf list --track Trust --lang en",
    "igf list --kind ورش --phase 2",
    "igf list --from 2020-11-09 --to 2020-11-10 --country Egypt",
    "igf show 39",
    "igf show OF21 --tz Africa/Cairo",
    "igf egypt",
    "igf search الذكاء",
    "igf list --format json | jq .",
];

/// The words of help, usage errors and the manual in one language.
pub struct HelpWords {
    /// Texts for commands and arguments, keyed as [`key`] builds them. Empty for English, whose
    /// texts are the doc comments in `cli`.
    pub texts: &'static [(&'static str, &'static str)],
    pub usage: &'static str,
    pub commands: &'static str,
    pub options: &'static str,
    pub global_options: &'static str,
    pub examples: &'static str,
    /// Placeholders in usage lines: `igf [OPTIONS] <COMMAND>`.
    pub options_placeholder: &'static str,
    pub command_placeholder: &'static str,
    pub possible_values: &'static str,
    pub default: &'static str,
    pub environment_variable: &'static str,
    /// Ends a sentence that lists details after the main text.
    pub sentence_end: &'static str,
    pub example_notes: [&'static str; EXAMPLES.len()],
    /// After the examples: how times are shown and what is done when they are unknown.
    pub times_note: &'static str,
    /// Points to the help of the command (`igf list`) the error was made in.
    pub see_help: fn(&str) -> String,
    /// Joins the parts of a usage error: what was wrong, what is valid, a suggestion.
    pub clause_separator: &'static str,
    pub unknown_command: fn(&str) -> String,
    pub unexpected_argument: fn(&str) -> String,
    /// The value, then the option it was given to.
    pub invalid_value: fn(&str, &str) -> String,
    /// The value, the environment variable that gave it, and the variable's option.
    pub invalid_variable: fn(&str, &str, &str) -> String,
    /// The value, then what the command expected in its place (a positional argument).
    pub invalid_positional: fn(&str, &str) -> String,
    /// An option given without its value.
    pub missing_value: fn(&str) -> String,
    /// What positional arguments are called in usage errors, by their value name (`ID`); none
    /// means the value name itself.
    pub value_names: &'static [(&'static str, &'static str)],
    pub missing_arguments: fn(&str) -> String,
    pub missing_command: fn(&str) -> String,
    pub cannot_use: fn(&str) -> String,
    pub not_utf8: &'static str,
    /// Any other refusal, when clap names no argument.
    pub unreadable: &'static str,
    pub did_you_mean: fn(&str) -> String,
    pub exit_status: &'static str,
    /// What exit statuses 0, 1 and 2 mean ([`crate::exit_codes`]).
    pub exit_codes: [&'static str; 4],
    pub environment: &'static str,
    /// Variables read outside clap's definition, with what they do.
    pub other_variables: [(&'static str, &'static str); 4],
    pub man: man::ManWords,
}

/// The words of `lang`.
pub fn words(lang: Lang) -> &'static HelpWords {
    match lang {
        Lang::Ar => &ar::WORDS,
        Lang::En => &en::WORDS,
    }
}

/// The complete definition, with the help flag, `--version` and the `help` command clap adds.
pub fn definition() -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// Where a command's or argument's text is found in a language table: the command's path
/// (`igf`, `igf list`), or the path and the argument id (`igf list/from`). Arguments that mean
/// the same in several commands (`--help`, `--date`) may be keyed once as `/id`.
pub fn key(path: &str, arg: Option<&Arg>) -> String {
    match arg {
        Some(a) => format!("{path}/{}", a.get_id()),
        None => path.to_owned(),
    }
}

fn table_text(lang: Lang, path: &str, arg: Option<&Arg>) -> Option<&'static str> {
    let texts = words(lang).texts;
    // Global options belong to `igf` even when shown under another command.
    let path = match arg {
        Some(a) if a.is_global_set() => path.split(' ').next().unwrap_or(path),
        _ => path,
    };
    let find = |k: &str| texts.iter().find(|(key, _)| *key == k).map(|(_, t)| *t);
    find(&key(path, arg)).or_else(|| arg.and_then(|a| find(&format!("/{}", a.get_id()))))
}

fn plain(text: Option<&StyledStr>) -> Option<String> {
    text.map(|t| t.to_string().trim().to_owned()).filter(|t| !t.is_empty())
}

/// What a command does, in `lang`.
pub fn about(lang: Lang, path: &str, cmd: &Command) -> Option<String> {
    match lang {
        Lang::En => plain(cmd.get_about()),
        Lang::Ar => table_text(lang, path, None).map(str::to_owned),
    }
}

/// What an argument means, in `lang`.
pub fn arg_text(lang: Lang, path: &str, arg: &Arg) -> Option<String> {
    match lang {
        Lang::En => plain(arg.get_help()),
        Lang::Ar => table_text(lang, path, Some(arg)).map(str::to_owned),
    }
}

/// Every command of the definition with its path, the root first.
pub fn commands(root: &Command) -> Vec<(String, &Command)> {
    fn walk<'a>(cmd: &'a Command, path: String, out: &mut Vec<(String, &'a Command)>) {
        out.push((path.clone(), cmd));
        for sub in cmd.get_subcommands() {
            walk(sub, format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    walk(root, root.get_name().to_owned(), &mut out);
    out
}

/// The arguments a command shows: its own, or (with `global`) those it inherits from `igf`.
/// The root command's arguments are all its own.
fn shown_args(cmd: &Command, is_root: bool, global: bool) -> impl Iterator<Item = &Arg> {
    cmd.get_arguments()
        .filter(move |a| !a.is_hide_set() && (is_root || a.is_global_set() == global))
}

/// How an argument is written: `--from <DATE>`, `-h, --help`, `<ID>...`.
pub fn synopsis(arg: &Arg) -> String {
    let value_name = || {
        let name = arg
            .get_value_names()
            .and_then(|n| n.first())
            .map_or_else(|| arg.get_id().as_str().to_uppercase(), |n| n.to_string());
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1)
            || matches!(arg.get_action(), clap::ArgAction::Append);
        if arg.is_positional() && many {
            format!("<{name}>...")
        } else {
            format!("<{name}>")
        }
    };
    if arg.is_positional() {
        return value_name();
    }
    let mut names: Vec<String> = Vec::new();
    names.extend(arg.get_short().map(|c| format!("-{c}")));
    names.extend(arg.get_long().map(|l| format!("--{l}")));
    let takes_value = arg.get_action().takes_values();
    let names = names.join(", ");
    if takes_value {
        format!("{names} {}", value_name())
    } else {
        names
    }
}

/// The usage line of a command: `igf list [OPTIONS]`, `igf show [OPTIONS] <ID>...`.
pub fn usage(lang: Lang, path: &str, cmd: &Command) -> String {
    let w = words(lang);
    let mut parts = vec![path.to_owned(), format!("[{}]", w.options_placeholder)];
    parts.extend(cmd.get_arguments().filter(|a| a.is_positional()).map(synopsis));
    if cmd.has_subcommands() {
        parts.push(format!("<{}>", w.command_placeholder));
    }
    parts.join(" ")
}

/// The text of an argument followed by its possible values, default and environment variable.
pub fn arg_description(lang: Lang, path: &str, arg: &Arg) -> String {
    let w = words(lang);
    let mut text = arg_text(lang, path, arg).unwrap_or_default();
    let mut details: Vec<String> = Vec::new();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() && arg.get_action().takes_values() {
        details.push(format!("{}: {}", w.possible_values, messages::of(lang).joined(values)));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        details.push(format!("{}: {}", w.default, messages::of(lang).joined(defaults)));
    }
    if let Some(env) = arg.get_env() {
        details.push(format!("{}: {}", w.environment_variable, env.to_string_lossy()));
    }
    for sentence in std::iter::once(&mut text)
        .filter(|t| !t.is_empty())
        .chain(details.iter_mut())
    {
        end_sentence(sentence, w.sentence_end);
    }
    details.insert(0, text);
    details
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// clap drops the full stop at the end of a one-line doc comment; put it back.
fn end_sentence(text: &mut String, end: &str) {
    if !text.ends_with(end) && !text.ends_with(['.', '?', '!']) {
        text.push_str(end);
    }
}

/// `igf --help` or `igf COMMAND --help` as a document. `path` names the command (`igf list`).
pub fn document(lang: Lang, path: &str) -> Document {
    let root = definition();
    let all = commands(&root);
    let (path, cmd) = all
        .iter()
        .find(|(p, _)| p == path)
        .map_or_else(|| (root.get_name().to_owned(), &root), |(p, c)| (p.clone(), *c));
    let is_root = path == root.get_name();
    let ctx = Context::new(lang, None, Zone::Utc);
    let w = words(lang);
    let mut doc = Document::default();
    if let Some(mut about) = about(lang, &path, cmd) {
        end_sentence(&mut about, w.sentence_end);
        doc.push(Block::Paragraph(about));
        doc.push(Block::Blank);
    }
    doc.push(Block::Field {
        label: w.usage.to_owned(),
        value: ctx.ltr(&usage(lang, &path, cmd)),
    });
    let subcommands: Vec<Block> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| Block::Field {
            label: ctx.ltr(s.get_name()),
            value: about(lang, &format!("{path} {}", s.get_name()), s).unwrap_or_default(),
        })
        .collect();
    section(&mut doc, w.commands, subcommands);
    let options = |global: bool| -> Vec<Block> {
        shown_args(cmd, is_root, global)
            .map(|a| Block::Field {
                label: ctx.ltr(&synopsis(a)),
                value: arg_description(lang, &path, a),
            })
            .collect()
    };
    section(&mut doc, w.options, options(false));
    if !is_root {
        section(&mut doc, w.global_options, options(true));
    }
    if is_root {
        let examples = EXAMPLES
            .iter()
            .zip(w.example_notes)
            .map(|(example, note)| Block::Field {
                label: ctx.ltr(example),
                value: note.to_owned(),
            })
            .collect();
        section(&mut doc, w.examples, examples);
        doc.push(Block::Blank);
        doc.push(Block::Paragraph(w.times_note.to_owned()));
        doc.push(Block::Field {
            label: w.exit_status.to_owned(),
            value: exit_statuses(lang),
        });
    }
    if lang == Lang::Ar {
        isolate_code_in(&mut doc);
    }
    doc
}

/// Options, commands and values in the Arabic prose read left to right, as they are typed.
fn isolate_code_in(doc: &mut Document) {
    for block in &mut doc.blocks {
        match block {
            Block::Heading(text) | Block::Paragraph(text) => *text = messages::isolate_code(text),
            Block::Field { label, value } => {
                *label = messages::isolate_code(label);
                *value = messages::isolate_code(value);
            }
            _ => {}
        }
    }
}

/// "0 success, 1 …, 2 …" in one line.
fn exit_statuses(lang: Lang) -> String {
    let w = words(lang);
    let ctx = Context::new(lang, None, Zone::Utc);
    messages::of(lang).joined(
        EXIT_CODES
            .iter()
            .zip(w.exit_codes)
            .map(|(code, meaning)| format!("{} {meaning}", super::format::digits(&ctx, &code.code().to_string()))),
    )
}

/// The exit statuses [`HelpWords::exit_codes`] explain, in that order.
pub const EXIT_CODES: [crate::exit_codes::ExitCode; 4] = [
    crate::exit_codes::ExitCode::Success,
    crate::exit_codes::ExitCode::NoMatch,
    crate::exit_codes::ExitCode::BadInput,
    crate::exit_codes::ExitCode::WriteFailed,
];

fn section(doc: &mut Document, heading: &str, blocks: Vec<Block>) {
    if blocks.is_empty() {
        return;
    }
    doc.push(Block::Blank);
    doc.push(Block::Heading(heading.to_owned()));
    doc.blocks.extend(blocks);
}

/// What to do with an error clap returned instead of parsed arguments.
pub enum Answer {
    /// Print this help; `usage_error` when it was shown because a command was missing.
    Help {
        doc: Document,
        usage_error: bool,
    },
    Version(String),
    /// One line for standard error.
    Usage(String),
}

/// Turns clap's help, version and usage errors into output in the interface language.
pub fn answer(e: &clap::Error, args: &[OsString], lang: Lang) -> Answer {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Answer::Help {
            doc: document(lang, &help_path(args)),
            usage_error: e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
        },
        ErrorKind::DisplayVersion => Answer::Version(e.to_string()),
        _ => Answer::Usage(usage_error(e, lang, args)),
    }
}

/// Text no command's help can contain, followed by the command's path.
const PATH_MARK: &str = "igf-help-path:";

/// Which command's help the arguments ask for (`igf list --help`, `igf help list`): clap knows,
/// so parse again with each command's help replaced by its own path and read what clap shows.
fn help_path(args: &[OsString]) -> String {
    fn mark(cmd: Command, path: String) -> Command {
        let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
        let mut cmd = cmd.override_help(format!("{PATH_MARK}{path}"));
        for name in names {
            let sub_path = format!("{path} {name}");
            cmd = cmd.mut_subcommand(&name, |s| mark(s, sub_path));
        }
        cmd
    }
    let root = Cli::command();
    let name = root.get_name().to_owned();
    match mark(root, name.clone()).try_get_matches_from(args) {
        Err(e) => e
            .render()
            .to_string()
            .split_once(PATH_MARK)
            .map_or(name, |(_, path)| path.trim().to_owned()),
        Ok(_) => name,
    }
}

/// The command a command line names (`igf list` for `igf --lang en list --date x`), read the way
/// clap reads it: options, with the values they take, come before the command's name.
fn command_path(args: &[OsString]) -> String {
    let root = definition();
    let takes_value = |long: &str| {
        root.get_arguments()
            .any(|a| a.get_long() == Some(long) && a.get_action().takes_values())
    };
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        match arg.strip_prefix("--") {
            Some(option) if !option.contains('=') && takes_value(option) => {
                rest.next();
            }
            Some(_) => {}
            None => {
                return match root.find_subcommand(arg.as_ref()) {
                    Some(sub) => format!("{} {}", root.get_name(), sub.get_name()),
                    None => root.get_name().to_owned(),
                };
            }
        }
    }
    root.get_name().to_owned()
}

fn context_strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// A usage error as one line in `lang`: what was wrong, what would be valid, what clap suggests.
/// Whatever the user typed, and whatever they could type instead, is quoted as the language
/// quotes values; the rest is in the language's own words.
pub fn usage_error(e: &clap::Error, lang: Lang, args: &[OsString]) -> String {
    let path = &command_path(args);
    let w = words(lang);
    let m = messages::of(lang);
    let first = |kind| context_strings(e, kind).into_iter().next().unwrap_or_default();
    let value = first(ContextKind::InvalidValue);
    let arg = first(ContextKind::InvalidArg);
    let mut line = match e.kind() {
        ErrorKind::InvalidSubcommand => (w.unknown_command)(&m.quoted(&first(ContextKind::InvalidSubcommand))),
        ErrorKind::UnknownArgument => (w.unexpected_argument)(&m.quoted(&arg)),
        ErrorKind::InvalidValue if value.is_empty() => (w.missing_value)(&m.quoted(option_name(&arg))),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut line = match positional_name(w, &arg) {
                Some(what) => (w.invalid_positional)(&m.quoted(&value), &what),
                None => match variable_that_gave(option_name(&arg), args) {
                    Some(variable) => {
                        (w.invalid_variable)(&m.quoted(&value), &m.quoted(&variable), &m.quoted(option_name(&arg)))
                    }
                    None => (w.invalid_value)(&m.quoted(&value), &m.quoted(option_name(&arg))),
                },
            };
            let valid = context_strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                // The heading of help ("Possible values") continues a sentence here.
                let label = w.possible_values.to_lowercase();
                line = format!("{line}{}{label}: {}", w.clause_separator, m.listed(&valid));
            }
            // Our own value parsers explain the refusal in the interface language already.
            if let Some(reason) = std::error::Error::source(e) {
                line = format!(
                    "{line}{}{}",
                    w.clause_separator,
                    crate::term::sanitize::for_terminal(&reason.to_string())
                );
            }
            line
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = context_strings(e, ContextKind::InvalidArg)
                .iter()
                .map(|a| positional_name(w, a).unwrap_or_else(|| m.quoted(option_name(a))))
                .collect();
            (w.missing_arguments)(&m.joined(missing))
        }
        ErrorKind::MissingSubcommand => {
            (w.missing_command)(&m.listed(context_strings(e, ContextKind::ValidSubcommand)))
        }
        ErrorKind::InvalidUtf8 => w.not_utf8.to_owned(),
        _ if arg.is_empty() => w.unreadable.to_owned(),
        _ => (w.cannot_use)(&m.quoted(option_name(&arg))),
    };
    let suggestions: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(|k| context_strings(e, k))
    .collect();
    if !suggestions.is_empty() {
        line = format!(
            "{line}{}{}",
            w.clause_separator,
            (w.did_you_mean)(&m.listed(suggestions))
        );
    }
    format!("{line} {}", (w.see_help)(path))
}

/// The environment variable an option's value came from: the option's variable (`IGF_TZ` for
/// `--tz`), when the command line does not give the option itself.
fn variable_that_gave(option: &str, args: &[OsString]) -> Option<String> {
    let long = option.strip_prefix("--")?;
    let on_line = args.iter().filter_map(|a| a.to_str()).any(|a| {
        a.strip_prefix(option)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('='))
    });
    if on_line {
        return None;
    }
    let command = Cli::command();
    let arg = command.get_arguments().find(|a| a.get_long() == Some(long))?;
    let variable = arg.get_env()?;
    std::env::var_os(variable)
        .is_some()
        .then(|| variable.to_string_lossy().into_owned())
}

/// `--date` of clap's `--date <DATE>`: the option as the user types it.
fn option_name(arg: &str) -> &str {
    arg.split_whitespace().next().unwrap_or(arg)
}

/// A positional argument (`<SHELL>`, `<ID>...`) by the name the language gives it, or `None`
/// for an option.
fn positional_name(w: &HelpWords, arg: &str) -> Option<String> {
    let name = arg.strip_prefix('<')?.trim_end_matches('.').strip_suffix('>')?;
    Some(
        w.value_names
            .iter()
            .find(|(value_name, _)| *value_name == name)
            .map_or_else(|| arg.to_owned(), |(_, said)| (*said).to_owned()),
    )
}

/// `igf help NAME` for a command that does not exist: worded as clap's own unknown command,
/// with the nearest command names.
pub fn unknown_command(lang: Lang, name: &str) -> String {
    let w = words(lang);
    let m = messages::of(lang);
    let root = definition();
    let nearest = crate::query::closest::closest(
        &name.to_lowercase(),
        root.get_subcommands().map(|s| (s.get_name(), s.get_name().to_owned())),
    );
    let mut line = (w.unknown_command)(&m.quoted(name));
    if !nearest.is_empty() {
        line = format!("{line}{}{}", w.clause_separator, (w.did_you_mean)(&m.listed(&nearest)));
    }
    format!("{line} {}", (w.see_help)(root.get_name()))
}
