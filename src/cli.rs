//! The command line: every command, flag and what it accepts. Parsing only; `app` does the work.

use crate::data::{Kind, Track};
use crate::present::{Digits, Lang, Zone};
use crate::query::typed;
use crate::query::Filter;
use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

const ABOUT: &str = "Browse the programme of the 15th Internet Governance Forum (IGF 2020, online, 2-17 November 2020) offline, in Arabic or English.";

/// The parsed command line. Its definition is built by [`root`] and the derive of [`Command`]:
/// [`parse`] builds only what a command line needs, and [`CommandFactory::command`] gives the
/// whole of it to help, completions and the manual.
// Help is printed by `present::help` in the interface language; the doc comments here are its
// English text. A repeated option takes its last value, as `present::help` assumes for --lang.
#[derive(Debug)]
pub struct Cli {
    pub global: Global,
    pub command: Command,
}

/// The root of the definition, without its commands: the options every command takes, and what
/// clap says about the program.
fn root() -> clap::Command {
    // The group the derive would make for `Cli`'s own fields, of which it has none.
    let root = clap::Command::new("igf").group(clap::ArgGroup::new("Cli").multiple(true).args([] as [clap::Id; 0]));
    Global::augment_args(root)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .version(env!("CARGO_PKG_VERSION"))
        .about(ABOUT)
        .propagate_version(true)
        .args_override_self(true)
        .help_expected(true)
        // Our own `help` command takes the options every command takes (`igf help list --lang en`).
        .disable_help_subcommand(true)
}

impl CommandFactory for Cli {
    fn command() -> clap::Command {
        Command::augment_subcommands(root())
    }

    fn command_for_update() -> clap::Command {
        Command::augment_subcommands_for_update(Global::augment_args_for_update(root()))
            .subcommand_required(false)
            .arg_required_else_help(false)
    }
}

impl FromArgMatches for Cli {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut matches.clone())
    }

    fn from_arg_matches_mut(matches: &mut clap::ArgMatches) -> Result<Self, clap::Error> {
        Ok(Cli {
            global: Global::from_arg_matches_mut(matches)?,
            command: Command::from_arg_matches_mut(matches)?,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        self.update_from_arg_matches_mut(&mut matches.clone())
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut clap::ArgMatches) -> Result<(), clap::Error> {
        self.global.update_from_arg_matches_mut(matches)?;
        self.command.update_from_arg_matches_mut(matches)
    }
}

impl Parser for Cli {}

/// Parses `args` (the first is the program name) as clap parses them with the whole definition,
/// building only the root and the command they name. Clap never looks at a command's siblings
/// once it has found its name, and building and propagating the options of ten commands was
/// most of its work at start-up. The name is read ahead of clap ([`named_command`]); a parse
/// that fails, or that found another command, is done again with the whole definition, so
/// every error, help text and suggestion is the one the whole definition gives. `--version`
/// says what the root says, which the root alone can say too.
pub fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    parse_with_what_is_named(args).unwrap_or_else(|| Cli::try_parse_from(args))
}

/// [`parse`] with the root and the command named alone; `None` when the whole definition is
/// needed to say what is wrong.
fn parse_with_what_is_named(args: &[OsString]) -> Option<Result<Cli, clap::Error>> {
    let root = root();
    let named = named_command(&root, args).map(str::to_owned);
    let definition = match named.as_deref() {
        None => root,
        Some(name) => root.subcommand(only_command(name)?),
    };
    match definition.try_get_matches_from(args) {
        Ok(mut matches) if matches.subcommand_name() == named.as_deref() => {
            Cli::from_arg_matches_mut(&mut matches).ok().map(Ok)
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => Some(Err(e)),
        _ => None,
    }
}

/// The command named on the command line, read the way clap reads it: options of the root, with
/// the values they take, come before the command's name. `None` when no word names one.
fn named_command<'a>(root: &clap::Command, args: &'a [OsString]) -> Option<&'a str> {
    let takes_value = |long: &str| {
        root.get_arguments()
            .any(|a| a.get_long() == Some(long) && a.get_action().takes_values())
    };
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let arg = arg.to_str()?;
        match arg.strip_prefix("--") {
            Some("") => return None,
            Some(option) if !option.contains('=') && takes_value(option) => {
                rest.next();
            }
            Some(_) => {}
            None if arg.starts_with('-') => {}
            None => return Some(arg),
        }
    }
    None
}

/// The definition of the command `name` alone, as the derive of [`Command`] makes it.
fn only_command(name: &str) -> Option<clap::Command> {
    let mut all = Command::augment_subcommands(clap::Command::new(""));
    let command = all
        .get_subcommands_mut()
        .find(|c| c.get_name() == name)
        .map(std::mem::take);
    command
}

#[derive(Debug, Args)]
pub struct Global {
    /// Language of labels, titles and summaries.
    #[arg(
        long,
        global = true,
        value_enum,
        env = "IGF_LANG",
        default_value = "ar",
        hide_env_values = true
    )]
    pub lang: LangArg,

    /// Output format: table (for people), plain (one session per line, tab-separated, never
    /// wrapped), json, csv, ics (calendar), frab or frab-json (conference schedule apps). The
    /// overviews (tracks, kinds, days, about) are printed as table or plain only.
    #[arg(long, global = true, value_enum, default_value = "table")]
    pub format: Format,

    /// Right-to-left display: visual reorders each line for terminals without bidi support and
    /// switches bidi terminals to explicit mode (ECMA-48 BDSM) so they do not reorder again;
    /// logical writes text in reading order for pipes, files and bidi-aware programs; auto picks
    /// what the terminal needs (logical in Konsole, mlterm, kitty and Terminal.app, which reorder
    /// by themselves; docs/terminals.md) and logical in pipes and files.
    #[arg(
        long,
        global = true,
        value_enum,
        env = "IGF_BIDI",
        default_value = "auto",
        hide_env_values = true
    )]
    pub bidi: BidiArg,

    /// Digits in Arabic output: arabic (٠١٢٣, the default for Arabic) or latin (0123).
    #[arg(long, global = true, value_enum)]
    pub digits: Option<DigitsArg>,

    /// Time zone for times: an IANA name such as Africa/Cairo, UTC (the default), or local.
    #[arg(long, global = true, value_parser = typed::zone, default_value = "UTC", env = "IGF_TZ", hide_env_values = true)]
    pub tz: Zone,

    /// Colour for kinds and tracks: auto (terminals only, and never when NO_COLOR is set),
    /// always or never.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: ColorArg,

    /// Print straight to the terminal even when the output is taller than the screen (by
    /// default it goes through IGF_PAGER, else PAGER, else less -R; IGF_PAGER= or cat also
    /// turns paging off).
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Read the programme from this YAML file (same schema as the bundled one), or from a
    /// conference's frab schedule XML or JSON, instead of the bundled IGF 2020 programme.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List sessions, filtered by date, phase, track, kind, body or country (filters combine).
    List(Narrowing),
    /// Show everything known about sessions: OF39, "OF #39", of-39, 39 (every session numbered 39).
    Show {
        /// Session ids, codes or numbers.
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Egypt's part in IGF 2020: its bodies and their roles, and every session it took part in.
    Egypt,
    /// Search titles, summaries, organisers, speakers and Egypt's part, in Arabic and English; best matches first.
    Search(SearchArgs),
    /// The four thematic tracks, with session counts.
    Tracks,
    /// Session kinds (workshops, open forums, ...), with counts.
    Kinds,
    /// Days of the forum, with weekday, phase and session counts.
    Days,
    /// The forum in both languages, and how complete the bundled programme is.
    About,
    /// Print a shell completion script: igf completions bash > ~/.local/share/bash-completion/completions/igf
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) in the interface language: igf man | man -l -
    Man,
    /// Print this help, or the help of the given command.
    Help {
        /// The command to explain.
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

/// What narrows the sessions `list` and `search` look at. Every option narrows; they combine.
#[derive(Debug, Args, Default)]
pub struct Narrowing {
    /// Only this day, YYYY-MM-DD (repeat for several days; Arabic-Indic digits work too).
    #[arg(long = "date", value_name = "DATE", value_parser = typed::date)]
    pub dates: Vec<NaiveDate>,
    /// From this day on (inclusive).
    #[arg(long, value_name = "DATE", value_parser = typed::date)]
    pub from: Option<NaiveDate>,
    /// Up to this day (inclusive).
    #[arg(long, value_name = "DATE", value_parser = typed::date)]
    pub to: Option<NaiveDate>,
    /// Phase 1 (2-6 November) or phase 2 (9-17 November).
    #[arg(long, value_parser = typed::phase)]
    pub phase: Option<u8>,
    /// Thematic track: Data, Environment, Inclusion or Trust (or its Arabic name); repeatable.
    #[arg(long = "track", value_name = "TRACK", value_parser = typed::track)]
    pub tracks: Vec<Track>,
    /// Session kind: workshop, open-forum, pre-event, ... (or part of its Arabic name); repeatable.
    #[arg(long = "kind", value_name = "KIND", value_parser = typed::kind)]
    pub kinds: Vec<Kind>,
    /// Organiser, speaker affiliation or body (part of the name, any case, English or Arabic).
    #[arg(long, value_name = "NAME")]
    pub body: Option<String>,
    /// Country of a speaker or body, e.g. Egypt or مصر.
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
}

impl Narrowing {
    /// The filter these options ask for, with days meant in `zone`.
    pub fn filter(&self, zone: Zone) -> Filter {
        Filter {
            dates: self.dates.clone(),
            from: self.from,
            to: self.to,
            phase: self.phase,
            tracks: self.tracks.clone(),
            kinds: self.kinds.clone(),
            body: self.body.clone(),
            country: self.country.clone(),
            zone,
        }
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find, all of them, each at the start of a word (short Latin words such as AI
    /// only as whole words). Arabic ignores diacritics, tatweel, hamza forms and attached و ب ل ك ف ال.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    #[command(flatten)]
    pub narrowing: Narrowing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ar,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Ar => Lang::Ar,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Plain,
    Json,
    Csv,
    Ics,
    /// Conference schedule XML (frab/Pentabarf), for Giggity, ConfClerk and EventFahrplan.
    Frab,
    /// Conference schedule JSON (the frab/c3voc schedule.json).
    FrabJson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BidiArg {
    Auto,
    Visual,
    Logical,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DigitsArg {
    Arabic,
    Latin,
}

impl From<DigitsArg> for Digits {
    fn from(d: DigitsArg) -> Digits {
        match d {
            DigitsArg::Arabic => Digits::Arabic,
            DigitsArg::Latin => Digits::Latin,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<OsString> {
        std::iter::once("igf")
            .chain(line.split_whitespace())
            .map(OsString::from)
            .collect()
    }

    /// What clap makes of a command line, as text: the parsed arguments, or the error's kind
    /// and the message it would print.
    fn outcome(result: Result<Cli, clap::Error>) -> String {
        match result {
            Ok(cli) => format!("{cli:?}"),
            Err(e) => format!("{:?}: {}", e.kind(), e.render()),
        }
    }

    #[test]
    fn the_command_named_is_read_past_the_options_and_their_values() {
        let root = root();
        for (line, named) in [
            ("list --date 2020-11-04", Some("list")),
            ("--lang en --tz Africa/Cairo show 39", Some("show")),
            ("--data list egypt", Some("egypt")),
            ("--data=list egypt", Some("egypt")),
            ("--no-pager -V days", Some("days")),
            ("--lang en", None),
            ("-- list", None),
            ("", None),
        ] {
            assert_eq!(named_command(&root, &args(line)), named, "igf {line}");
        }
    }

    /// Built for the command named alone or whole, the definition reads every command line the
    /// same: the same arguments, or the same error with the same words.
    #[test]
    fn parsing_with_the_command_named_alone_is_parsing_with_the_whole_definition() {
        for line in [
            "list --date 2020-11-04",
            "list --date 2020-11-04 --date 2020-11-05 --track Trust --kind workshop",
            "--lang en list --lang ar --format plain",
            "--data list show OF39 39",
            "show",
            "search",
            "search data --phase 2 --body Egypt",
            "egypt --digits latin --color never --no-pager",
            "tracks",
            "kinds --bidi visual",
            "days --tz Asia/Tokyo",
            "about",
            "completions bash",
            "completions nosuchshell",
            "man",
            "help list",
            "help",
            "--version",
            "-V",
            "list --version",
            "--help",
            "list --help",
            "list -h",
            "",
            "--lang en",
            "lst",
            "list --bogus",
            "list --date 2020-13-01",
            "list --date",
            "--tz Nowhere/Land list",
            "--format nope list",
            "list egypt",
            "-- list",
            "list -- --date",
            "--data",
        ] {
            let given = args(line);
            let whole = Cli::try_parse_from(&given);
            let alone = parse_with_what_is_named(&given);
            // Only what the whole definition must explain needs it.
            let needs_whole = matches!(&whole, Err(e) if e.kind() != clap::error::ErrorKind::DisplayVersion);
            assert_eq!(alone.is_none(), needs_whole, "igf {line}");
            assert_eq!(outcome(parse(&given)), outcome(whole), "igf {line}");
        }
    }
}
