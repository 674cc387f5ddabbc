//! The command line: every command, flag and what it accepts. Parsing only; `app` does the work.

use crate::data::{Kind, Track};
use crate::present::messages;
use crate::present::{ar, en, Digits, Lang, Zone};
use crate::query::closest::closest;
use crate::query::normalize::{fold_for_search, typed_value};
use crate::term::sanitize::quoted;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const ABOUT: &str = "Browse the programme of the 15th Internet Governance Forum (IGF 2020, online, 2-17 November 2020) offline, in Arabic or English.";

/// Options `list` and `search` share, so each is explained once.
const DATE_HELP: &str = "Only this day, YYYY-MM-DD (repeat for several days; Arabic-Indic digits work too).";
const TRACK_HELP: &str = "Thematic track: Data, Environment, Inclusion or Trust (or its Arabic name); repeatable.";
const KIND_HELP: &str = "Session kind: workshop, open-forum, pre-event, ... (or part of its Arabic name); repeatable.";

#[derive(Debug, Parser)]
// Help is printed by `present::help` in the interface language; the doc comments here are its
// English text. A repeated option takes its last value, as `present::help` assumes for --lang.
#[command(
    name = "igf",
    version,
    about = ABOUT,
    propagate_version = true,
    args_override_self = true,
    help_expected = true
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
    /// wrapped), json, csv, ics (calendar), frab or frab-json (conference schedule apps).
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
    #[arg(long, global = true, value_parser = parse_zone, default_value = "UTC", env = "IGF_TZ", hide_env_values = true)]
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
    List(ListArgs),
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
}

#[derive(Debug, Args, Default)]
pub struct ListArgs {
    #[arg(long = "date", value_name = "DATE", value_parser = parse_date, help = DATE_HELP)]
    pub dates: Vec<NaiveDate>,
    /// From this day on (inclusive).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Up to this day (inclusive).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Phase 1 (2-6 November) or phase 2 (9-17 November).
    #[arg(long, value_parser = parse_phase)]
    pub phase: Option<u8>,
    #[arg(long = "track", value_name = "TRACK", value_parser = parse_track, help = TRACK_HELP)]
    pub tracks: Vec<Track>,
    #[arg(long = "kind", value_name = "KIND", value_parser = parse_kind, help = KIND_HELP)]
    pub kinds: Vec<Kind>,
    /// Organiser, speaker affiliation or body (part of the name, any case, English or Arabic).
    #[arg(long, value_name = "NAME")]
    pub body: Option<String>,
    /// Country of a speaker or body, e.g. Egypt or مصر.
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find, all of them, each at the start of a word (short Latin words such as AI
    /// only as whole words). Arabic ignores diacritics, tatweel, hamza forms and attached و ب ل ك ف ال.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    #[arg(long = "date", value_name = "DATE", value_parser = parse_date, help = DATE_HELP)]
    pub dates: Vec<NaiveDate>,
    #[arg(long = "track", value_name = "TRACK", value_parser = parse_track, help = TRACK_HELP)]
    pub tracks: Vec<Track>,
    #[arg(long = "kind", value_name = "KIND", value_parser = parse_kind, help = KIND_HELP)]
    pub kinds: Vec<Kind>,
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

/// A day as YYYY-MM-DD, in ASCII or Arabic-Indic digits.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let ascii = typed_value(text);
    NaiveDate::parse_from_str(&ascii, "%Y-%m-%d")
        .ok()
        .filter(|_| ascii.len() == 10)
        .ok_or_else(|| (messages::current().bad_date)(&quoted(text)))
}

/// 1 or 2, in any digits.
pub fn parse_phase(text: &str) -> Result<u8, String> {
    match typed_value(text).as_str() {
        "1" => Ok(1),
        "2" => Ok(2),
        _ => Err((messages::current().bad_phase)(&quoted(text))),
    }
}

fn parse_zone(text: &str) -> Result<Zone, String> {
    Zone::parse(text).map_err(|e| (messages::current().unknown_zone)(&quoted(&e.typed), &e.closest.join(", ")))
}

/// A track by its English or Arabic name, any case.
pub fn parse_track(text: &str) -> Result<Track, String> {
    let wanted = fold_for_search(text.trim());
    Track::ALL
        .into_iter()
        .find(|&t| {
            [t.slug(), (ar::LABELS.track_name)(t)]
                .iter()
                .any(|name| fold_for_search(name) == wanted)
        })
        .ok_or_else(|| {
            let names: Vec<&str> = Track::ALL.iter().map(|t| t.slug()).collect();
            let names = format!(
                "{} ({})",
                names.join(", "),
                arabic_names(&Track::ALL, ar::LABELS.track_name)
            );
            (messages::current().unknown_track)(&quoted(text), &names)
        })
}

/// A kind by its slug, English name, or any unambiguous part of its Arabic name ("ورش" for
/// workshops), so Arabic users need not type the English slug.
pub fn parse_kind(text: &str) -> Result<Kind, String> {
    let wanted = fold_for_search(text.trim());
    let exact = Kind::ALL.into_iter().find(|&k| {
        [
            k.slug(),
            (en::LABELS.kind_name)(k),
            (en::LABELS.kind_plural)(k),
            (ar::LABELS.kind_name)(k),
            (ar::LABELS.kind_plural)(k),
        ]
        .iter()
        .any(|name| fold_for_search(name) == wanted)
    });
    if let Some(kind) = exact {
        return Ok(kind);
    }
    let partial: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|&k| {
            !wanted.is_empty()
                && [(ar::LABELS.kind_name)(k), (ar::LABELS.kind_plural)(k)]
                    .iter()
                    .any(|name| {
                        fold_for_search(name)
                            .split_whitespace()
                            .any(|word| word.starts_with(&wanted) || word.trim_start_matches("ال").starts_with(&wanted))
                    })
        })
        .collect();
    match partial.as_slice() {
        [one] => Ok(*one),
        _ => {
            let slugs: Vec<&str> = Kind::ALL.iter().map(|k| k.slug()).collect();
            let m = messages::current();
            let guess = closest(&wanted, Kind::ALL.iter().map(|k| (k.slug(), k.slug().to_owned())))
                .first()
                .map_or(String::new(), |slug| (m.did_you_mean)(slug));
            Err((m.unknown_kind)(&quoted(text), &guess, &slugs.join(", ")))
        }
    }
}

fn arabic_names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> String {
    all.iter().map(|&t| name(t)).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_accept_arabic_indic_digits_and_reject_other_shapes() {
        assert_eq!(
            parse_date("٢٠٢٠-١١-٠٤"),
            NaiveDate::from_ymd_opt(2020, 11, 4)
                .ok_or(())
                .map_err(|_| String::new())
        );
        assert!(parse_date("2020-11-4").is_err());
        assert!(parse_date("2020-02-30").is_err());
        assert!(parse_date("4/11/2020").unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn tracks_by_english_or_arabic_name() {
        assert_eq!(parse_track("trust"), Ok(Track::Trust));
        assert_eq!(parse_track("الثقة"), Ok(Track::Trust));
        assert!(parse_track("Security")
            .unwrap_err()
            .contains("Data, Environment, Inclusion, Trust"));
    }

    #[test]
    fn kinds_by_slug_or_part_of_the_arabic_name() {
        messages::set_language(Lang::En);
        assert_eq!(parse_kind("workshop"), Ok(Kind::Workshop));
        assert_eq!(parse_kind("ورش"), Ok(Kind::Workshop));
        assert_eq!(parse_kind("Open forum"), Ok(Kind::OpenForum));
        assert!(parse_kind("worskhop").unwrap_err().contains("did you mean workshop?"));
    }
}
