//! Runs one invocation: parse, load, select, present, then hand the result to [`crate::output`].
//! Every failure ends here as one line on standard error and an exit code from
//! [`crate::exit_codes`].

use crate::cli::{Cli, ColorArg, Command, Format, ListArgs};
use crate::data::{self, Dataset, Session};
use crate::exit_codes::ExitCode;
use crate::output::{overview_output, print, sessions_output, write_all, Rendered};
use crate::present::messages;
use crate::present::{export, help, views, Context, Lang};
use crate::query::{self, ids, search::Rank, Filter};
use crate::term;
use crate::term::sanitize::quoted;
use clap::{CommandFactory, Parser};
use std::ffi::OsString;
use std::io;

/// What went wrong, already worded for the user.
pub enum Failure {
    /// Invalid arguments, ids or data: one line each.
    BadInput(Vec<String>),
    /// Output could not be written (a closed pipe is not a failure).
    Io(io::Error),
    /// `search` found nothing, like grep.
    NoMatch,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// Runs `igf` with these arguments (the first is the program name) and returns the exit status.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    // An empty variable counts as unset (`IGF_LANG= igf list`), as for NO_COLOR; clap would
    // refuse the empty value. Nothing else runs yet, so changing the environment is safe.
    for name in ["IGF_LANG", "IGF_BIDI", "IGF_TZ"] {
        if std::env::var_os(name).is_some_and(|v| v.is_empty()) {
            std::env::remove_var(name);
        }
    }
    messages::set_language(help::interface_lang(&args));
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return clap_failure(&e, &args),
    };
    messages::set_language(cli.global.lang.into());
    match execute(&cli) {
        Ok(()) => ExitCode::Success,
        Err(failure) => end_with(failure),
    }
}

/// Reports a failure on standard error and picks the status it ends with.
fn end_with(failure: Failure) -> ExitCode {
    match failure {
        Failure::BadInput(lines) => {
            lines.iter().for_each(|line| term::error_line(line));
            ExitCode::BadInput
        }
        Failure::Io(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::Success,
        Failure::Io(e) => {
            term::error_line(&(messages::current().cannot_write)(&io_reason(&e)));
            ExitCode::WriteFailed
        }
        Failure::NoMatch => ExitCode::NoMatch,
    }
}

/// The operating system's words for an I/O error, without Rust's "(os error N)" suffix.
fn io_reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// Help and version go to stdout with status 0, in the interface language and through the same
/// layout as other documents; usage errors become one line on stderr, status 2.
fn clap_failure(e: &clap::Error, args: &[OsString]) -> ExitCode {
    let lang = help::interface_lang(args);
    match help::answer(e, args, lang) {
        help::Answer::Help { doc, usage_error } => {
            // Help is a document like any other, uncoloured; --no-pager is honoured only once
            // the arguments parse, so help is paged like other long output.
            let printed = print(
                Rendered::Document(doc),
                lang == Lang::Ar,
                help::early_bidi(args),
                ColorArg::Never,
                false,
            );
            match printed {
                Err(e) => end_with(Failure::Io(e)),
                Ok(()) if usage_error => ExitCode::BadInput,
                Ok(()) => ExitCode::Success,
            }
        }
        help::Answer::Version(text) => match write_all(text.as_bytes()) {
            Ok(()) => ExitCode::Success,
            Err(failure) => end_with(failure),
        },
        help::Answer::Usage(line) => {
            term::error_line(&line);
            ExitCode::BadInput
        }
    }
}

fn execute(cli: &Cli) -> Result<(), Failure> {
    let g = &cli.global;
    match &cli.command {
        // Both are rendered in memory first: clap_complete panics when its writer fails, and a
        // failed write must end as one line and a status instead.
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "igf", &mut script);
            return write_all(&script);
        }
        Command::Man => return write_all(help::man_page(g.lang.into()).as_bytes()),
        _ => {}
    }
    let data = load(g.data.as_deref())?;
    let (zone, bad_tz) = g.tz.resolve_local();
    if let Some(value) = bad_tz {
        term::error_line(&(messages::current().unknown_tz_variable)(&quoted(&value)));
    }
    let ctx = Context::new(g.lang.into(), g.digits.map(Into::into), zone);
    // Machine formats written to a terminal are sanitised; in pipes and files they are exact.
    let terminal = term::stdout_is_terminal();

    // Overviews printed as plain records carry the exact text, as session records do.
    let overview_ctx = if g.format == Format::Plain {
        ctx.exact()
    } else {
        ctx.clone()
    };
    let mut nothing_found = false;
    let output = match &cli.command {
        Command::List(args) => {
            if let Some(body) = &args.body {
                check_body(&data, body)?;
            }
            if let Some(country) = &args.country {
                check_country(&data, country)?;
            }
            let sessions = query::select(&data, &filter(args, zone));
            if sessions.is_empty() {
                term::error_line(messages::current().nothing_listed);
                if g.format == Format::Table {
                    // An empty frame tells nothing the line above has not said.
                    return Ok(());
                }
            }
            sessions_output(&ctx, &data, g.format, terminal, &sessions, |ctx| {
                views::list(ctx, &data, &sessions, !args.tracks.is_empty())
            })
        }
        Command::Show { ids: wanted } => {
            let mut found: Vec<&Session> = Vec::new();
            let mut bare_number = None;
            let mut unknown = Vec::new();
            for input in wanted {
                match ids::find(&data, input) {
                    Ok(sessions) => {
                        if sessions.len() > 1 {
                            bare_number = Some(query::normalize::typed_value(input));
                        }
                        for s in sessions {
                            if !found.iter().any(|f| f.id == s.id) {
                                found.push(s);
                            }
                        }
                    }
                    Err(e) => unknown.push(unknown_id_message(&e)),
                }
            }
            if !unknown.is_empty() {
                return Err(Failure::BadInput(unknown));
            }
            let several = if wanted.len() == 1 {
                bare_number.as_deref()
            } else {
                None
            };
            sessions_output(&ctx, &data, g.format, terminal, &found, |ctx| {
                views::show(ctx, &data, &found, several)
            })
        }
        Command::Egypt => {
            let sessions: Vec<&Session> = {
                let mut s: Vec<&Session> = data.sessions.iter().filter(|s| !s.egypt.is_empty()).collect();
                query::sort(&mut s, zone);
                s
            };
            match g.format {
                Format::Json => {
                    let bodies = query::egypt_bodies(&data);
                    Rendered::Text(export::json_egypt(&ctx, &bodies, &sessions) + "\n")
                }
                _ => sessions_output(&ctx, &data, g.format, terminal, &sessions, |ctx| {
                    views::egypt(ctx, &data, &sessions)
                }),
            }
        }
        Command::Search(args) => {
            let narrowing = Filter {
                dates: args.dates.clone(),
                tracks: args.tracks.clone(),
                kinds: args.kinds.clone(),
                zone,
                ..Filter::default()
            };
            let candidates = query::select(&data, &narrowing);
            let hits = query::search::search(&data, &candidates, &args.text.join(" "));
            if hits.is_empty() {
                // Like grep: say so and end with status 1. Formats for programs still print their
                // empty form ([] in JSON, the header in CSV) so a pipeline gets valid input.
                term::error_line(ctx.labels.no_session_matches);
                if matches!(g.format, Format::Table | Format::Plain) {
                    return Err(Failure::NoMatch);
                }
                nothing_found = true;
            }
            let sessions: Vec<&Session> = hits.iter().map(|(s, _)| *s).collect();
            let matched = |s: &Session| {
                hits.iter().find(|(h, _)| h.id == s.id).map(|(_, r)| match r {
                    Rank::Title => "title",
                    Rank::Elsewhere => "elsewhere",
                })
            };
            match g.format {
                Format::Json => Rendered::Text(
                    export::json_sessions(&ctx, &sessions.iter().map(|s| (*s, matched(s))).collect::<Vec<_>>()) + "\n",
                ),
                Format::Csv => Rendered::Text(export::csv(
                    &ctx,
                    &sessions.iter().map(|s| (*s, matched(s))).collect::<Vec<_>>(),
                    terminal,
                )),
                _ => sessions_output(&ctx, &data, g.format, terminal, &sessions, |ctx| {
                    views::search(ctx, &hits)
                }),
            }
        }
        Command::Tracks => overview_output(g.format, views::tracks(&overview_ctx, &data))?,
        Command::Kinds => overview_output(g.format, views::kinds(&overview_ctx, &data))?,
        Command::Days => overview_output(g.format, views::days(&overview_ctx, &data))?,
        Command::About => overview_output(g.format, views::about(&overview_ctx, &data))?,
        // Written before the data was loaded, above.
        Command::Completions { .. } | Command::Man => return Ok(()),
    };

    print(output, ctx.is_rtl(), g.bidi, g.color, g.no_pager)?;
    // The process ends right after this; freeing thousands of strings one by one would only
    // delay the exit.
    std::mem::forget(data);
    if nothing_found {
        return Err(Failure::NoMatch);
    }
    Ok(())
}

fn load(path: Option<&std::path::Path>) -> Result<Dataset, Failure> {
    match path {
        Some(p) => {
            data::from_file(p).map_err(|problems| Failure::BadInput(problems.iter().map(ToString::to_string).collect()))
        }
        None => Ok(data::bundled()),
    }
}

fn filter(args: &ListArgs, zone: query::zone::Zone) -> Filter {
    Filter {
        dates: args.dates.clone(),
        from: args.from,
        to: args.to,
        phase: args.phase,
        tracks: args.tracks.clone(),
        kinds: args.kinds.clone(),
        body: args.body.clone(),
        country: args.country.clone(),
        zone,
    }
}

/// Names joined for a message, each sanitised.
fn listed(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| term::sanitize::shortened(n, term::sanitize::ECHO_CHARS))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A `--body` that names nothing in the programme is a typo far more often than a real body with
/// no sessions, so say so (with the nearest names) instead of printing an empty list.
fn check_body(data: &Dataset, body: &str) -> Result<(), Failure> {
    let m = messages::current();
    let wanted = query::normalize::fold_for_search(body.trim());
    if wanted.is_empty() {
        return Err(Failure::BadInput(vec![m.empty_body.to_owned()]));
    }
    let known = query::body_names(data)
        .iter()
        .any(|n| query::normalize::fold_for_search(n).contains(&wanted));
    if known {
        return Ok(());
    }
    let closest = query::closest_body_names(data, body);
    let hint = if closest.is_empty() {
        m.body_example.to_owned()
    } else {
        (m.closest)(&listed(&closest))
    };
    Err(Failure::BadInput(vec![(m.unknown_body_name)(&quoted(body), &hint)]))
}

/// Like `--body`: a `--country` that names no country of the programme is reported with the
/// nearest names.
fn check_country(data: &Dataset, country: &str) -> Result<(), Failure> {
    let m = messages::current();
    let wanted = query::countries::CountryQuery::new(country);
    let known = !wanted.typed().is_empty()
        && (wanted.names_a_known_country() || query::country_names(data).iter().any(|n| wanted.matches(n)));
    if known {
        return Ok(());
    }
    let closest = query::closest_country_names(data, country);
    let hint = if closest.is_empty() {
        m.country_example.to_owned()
    } else {
        (m.closest)(&listed(&closest))
    };
    Err(Failure::BadInput(vec![(m.unknown_country)(&quoted(country), &hint)]))
}

fn unknown_id_message(e: &ids::UnknownId) -> String {
    let m = messages::current();
    if e.closest.is_empty() {
        (m.unknown_id)(&quoted(&e.input))
    } else {
        let closest: Vec<&str> = e.closest.iter().map(String::as_str).collect();
        (m.unknown_id_closest)(&quoted(&e.input), &listed(&closest).replace("; ", ", "))
    }
}
