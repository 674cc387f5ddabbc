//! The command line: every command, flag and what it accepts. Parsing only; `app` does the work.

use crate::data::{Kind, Track};
use crate::present::{Digits, Lang, Zone};
use crate::query::typed;
use crate::query::Filter;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const ABOUT: &str = "Browse the programme of the 15th Internet Governance Forum (IGF 2020, online, 2-17 November 2020) offline, in Arabic or English.";

#[derive(Debug, Parser)]
// Help is printed by `present::help` in the interface language; the doc comments here are its
// English text. A repeated option takes its last value, as `present::help` assumes for --lang.
#[command(
    name = "igf",
    version,
    about = ABOUT,
    propagate_version = true,
    args_override_self = true,
    help_expected = true,
    // Our own `help` command takes the options every command takes (`igf help list --lang en`).
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
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
