//! Everything a run decides before it does anything, decided once: from the parsed command line,
//! the environment and the terminal. The rest of the program reads these fields and never the
//! environment, so each choice has one place and one rule.

use crate::cli::{BidiArg, Cli, ColorArg, Format, LangArg};
use crate::present::{messages, Context, Digits, Lang, Zone};
use crate::term::{self, pager::Pager, Order, Terminal};
use clap::ValueEnum;
use std::ffi::OsString;
use std::path::PathBuf;

/// Variables that clap reads for options (`IGF_LANG` for `--lang`, ...). Empty counts as unset.
/// Whether an option would take this value.
type Accepts = fn(&str) -> bool;

/// Each with its option and whether the option would take the variable's value.
const OPTION_VARIABLES: [(&str, &str, Accepts); 3] = [
    ("IGF_LANG", "--lang", |v| LangArg::from_str(v, true).is_ok()),
    ("IGF_BIDI", "--bidi", |v| BidiArg::from_str(v, true).is_ok()),
    ("IGF_TZ", "--tz", |v| crate::query::typed::zone(v).is_ok()),
];

/// The settings of one run.
pub struct Settings {
    /// Language of labels, help and messages.
    pub lang: Lang,
    /// Digits asked for with `--digits`; `None` leaves them to the language.
    pub digits: Option<Digits>,
    /// The zone times and days are shown in, `local` already resolved.
    pub zone: Zone,
    /// Said on standard error before a command shows times (an unknown `TZ`).
    pub warnings: Vec<String>,
    pub format: Format,
    /// Where standard output goes, and the order text is written in (visual or logical).
    pub terminal: Terminal,
    /// Where standard error goes, and the order errors are written in there: decided apart from
    /// standard output, since either may be a terminal while the other is a pipe.
    pub errors: Terminal,
    /// Width of the terminal standard error shows on, in cells.
    pub error_width: usize,
    /// Width and height of the screen in cells; the height is unknown in pipes.
    pub width: usize,
    pub height: Option<usize>,
    pub colour: bool,
    /// The pager for output taller than the screen, when paging is on.
    pub pager: Option<Pager>,
    /// The programme file to read; `None` for the bundled programme.
    pub data: Option<PathBuf>,
}

impl Settings {
    /// Settings for a run whose arguments parsed.
    pub fn resolve(cli: &Cli) -> Settings {
        let g = &cli.global;
        let (zone, unknown_tz) = g.tz.resolve_local();
        let lang = Lang::from(g.lang);
        let warnings = unknown_tz
            .map(|value| (messages::of(lang).unknown_tz_variable)(&messages::of(lang).quoted(&value)))
            .into_iter()
            .collect();
        Settings::with(lang, g.bidi, g.color, g.no_pager, |s| Settings {
            digits: g.digits.map(Into::into),
            zone,
            warnings,
            format: g.format,
            data: g.data.clone(),
            ..s
        })
    }

    /// Settings for help and usage errors, when the arguments did not parse: the language and
    /// the order are read from the arguments as far as they go, and nothing is coloured.
    pub fn before_parsing(args: &[OsString]) -> Settings {
        let bidi = last_value(args, "--bidi")
            .or_else(|| variable("IGF_BIDI"))
            .and_then(|v| BidiArg::from_str(&v, true).ok())
            .unwrap_or(BidiArg::Auto);
        Settings::with(interface_lang(args), bidi, ColorArg::Never, false, |s| s)
    }

    fn with(
        lang: Lang,
        bidi: BidiArg,
        color: ColorArg,
        no_pager: bool,
        rest: impl FnOnce(Settings) -> Settings,
    ) -> Settings {
        let forced = match bidi {
            BidiArg::Auto => None,
            BidiArg::Visual => Some(Order::Visual),
            BidiArg::Logical => Some(Order::Logical),
        };
        let terminal = Terminal::resolve(forced);
        let errors = Terminal::resolve_stderr(forced);
        let colour = match color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            // Colour only where a person is looking and has not opted out (https://no-color.org).
            ColorArg::Auto => terminal.takes_escapes() && variable("NO_COLOR").is_none(),
        };
        rest(Settings {
            lang,
            digits: None,
            zone: Zone::Utc,
            warnings: Vec::new(),
            format: Format::Table,
            terminal,
            errors,
            error_width: term::error_width(),
            width: term::width(),
            height: term::height(),
            colour,
            pager: term::pager::configured(no_pager, |name| std::env::var(name).ok()),
            data: None,
        })
    }

    /// The presentation context of these settings: language, digits, zone.
    pub fn context(&self) -> Context {
        Context::new(self.lang, self.digits, self.zone)
    }

    pub fn is_rtl(&self) -> bool {
        self.lang == Lang::Ar
    }
}

/// An empty option variable counts as unset (`IGF_LANG= igf list`), as for NO_COLOR; clap would
/// refuse the empty value. So does a bad one whose option is given on the command line, which
/// wins: clap would still check the variable for the subcommand, and `IGF_LANG=xx igf --lang en
/// list` would fail. Called first thing in a run, before anything else reads the environment, so
/// changing it is safe.
pub fn forget_unused_option_variables(args: &[OsString]) {
    for (name, option, takes) in OPTION_VARIABLES {
        let Some(value) = std::env::var_os(name) else { continue };
        let overridden = || last_value(args, option).is_some() && !takes(&value.to_string_lossy());
        if value.is_empty() || overridden() {
            std::env::remove_var(name);
        }
    }
}

/// The language of the interface, decided before clap parses so that help and usage errors are
/// already in it: the last `--lang` on the command line, else `IGF_LANG`, else Arabic. A locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`) cannot change that choice: an Arabic locale asks for Arabic,
/// which is already the default, and any other locale leaves the default alone.
pub fn interface_lang(args: &[OsString]) -> Lang {
    last_value(args, "--lang")
        .and_then(|v| LangArg::from_str(&v, true).ok())
        .or_else(|| variable("IGF_LANG").and_then(|v| LangArg::from_str(&v, true).ok()))
        .map_or(Lang::Ar, Lang::from)
}

/// A variable of the environment; empty counts as unset.
fn variable(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The value of the last `--name VALUE` or `--name=VALUE` before a `--` that ends the options.
fn last_value(args: &[OsString], name: &str) -> Option<String> {
    let mut found = None;
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        if arg == name {
            found = rest.next().map(|v| v.into_owned());
        } else if let Some(v) = arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            found = Some(v.to_owned());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_last_value_before_the_end_of_options_counts() {
        let given = args(&["igf", "--lang", "ar", "list", "--lang=en", "--", "--lang", "ar"]);
        assert_eq!(last_value(&given, "--lang").as_deref(), Some("en"));
        assert_eq!(last_value(&args(&["igf", "list"]), "--lang"), None);
    }
}
