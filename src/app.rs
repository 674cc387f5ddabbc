//! Runs one invocation: parse, load, select, present, then hand the result to [`crate::output`].
//! Every failure ends here as one line on standard error and an exit code from
//! [`crate::exit_codes`].

use crate::cli::{Cli, Command, Format, Narrowing, SearchArgs};
use crate::data::{self, Dataset, Session};
use crate::exit_codes::ExitCode;
use crate::output::{lay_errors_out, overview_output, print, sessions_output, write_all, Rendered};
use crate::present::messages;
use crate::present::{export, help, views, Context, Document};
use crate::query::{self, ids, search::Rank};
use crate::settings::{self, Settings};
use crate::term;
use clap::CommandFactory;
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
    settings::forget_unused_option_variables(&args);
    // Argument checks run inside the parser, so their messages need the language first.
    messages::set_language(settings::interface_lang(&args));
    let cli = match crate::cli::parse(&args) {
        Ok(cli) => cli,
        Err(e) => return clap_failure(&e, &args),
    };
    let settings = Settings::resolve(&cli);
    messages::set_language(settings.lang);
    messages::set_digits(settings.context().digits);
    lay_errors_out(&settings);
    match execute(&cli.command, &settings) {
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
            let m = messages::current();
            term::error_line(&(m.cannot_write)(&m.io_reason(&e)));
            ExitCode::WriteFailed
        }
        Failure::NoMatch => ExitCode::NoMatch,
    }
}

/// Help and version go to stdout with status 0, in the interface language and through the same
/// layout as other documents; usage errors become one line on stderr, status 2.
fn clap_failure(e: &clap::Error, args: &[OsString]) -> ExitCode {
    let settings = Settings::before_parsing(args);
    lay_errors_out(&settings);
    match help::answer(e, args, settings.lang) {
        help::Answer::Help { doc, usage_error } => match print(Rendered::Document(doc), &settings) {
            Err(e) => end_with(Failure::Io(e)),
            Ok(()) if usage_error => ExitCode::BadInput,
            Ok(()) => ExitCode::Success,
        },
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

/// One command, with the settings of the run.
fn execute(command: &Command, settings: &Settings) -> Result<(), Failure> {
    match command {
        Command::Completions { shell } => completions(*shell),
        Command::Man => write_all(help::man_page(settings.lang).as_bytes()),
        Command::Help { command } => help_of(command.as_deref(), settings),
        _ => {
            let data = load(settings)?;
            settings.warnings.iter().for_each(|w| term::error_line(w));
            let run = Run {
                settings,
                data: &data,
                ctx: settings.context(),
            };
            let result = match command {
                Command::List(narrowing) => list(&run, narrowing),
                Command::Show { ids } => show(&run, ids),
                Command::Egypt => egypt(&run),
                Command::Search(args) => search(&run, args),
                Command::Tracks => overview(&run, views::tracks),
                Command::Kinds => overview(&run, views::kinds),
                Command::Days => overview(&run, views::days),
                Command::About => overview(&run, views::about),
                Command::Completions { .. } | Command::Man | Command::Help { .. } => Ok(()),
            };
            // The process ends right after this; freeing thousands of strings one by one would
            // only delay the exit.
            std::mem::forget(data);
            result
        }
    }
}

/// What the commands that read the programme share.
struct Run<'a> {
    settings: &'a Settings,
    data: &'a Dataset,
    ctx: Context,
}

impl Run<'_> {
    /// Sessions in the chosen format, `view` giving the table.
    fn sessions(&self, sessions: &[&Session], view: impl FnOnce(&Context) -> Document) -> Rendered {
        sessions_output(
            &self.ctx,
            self.data,
            self.settings.format,
            self.settings.terminal.interactive,
            sessions,
            view,
        )
    }

    fn print(&self, output: Rendered) -> Result<(), Failure> {
        Ok(print(output, self.settings)?)
    }

    /// The sessions `narrowing` asks for, once its names are known to name something.
    fn narrowed(&self, narrowing: &Narrowing) -> Result<Vec<&Session>, Failure> {
        if let Some(body) = &narrowing.body {
            check_body(self.data, body)?;
        }
        if let Some(country) = &narrowing.country {
            check_country(self.data, country)?;
        }
        Ok(query::select(self.data, &narrowing.filter(self.settings.zone)))
    }
}

/// Both are rendered in memory first: clap_complete panics when its writer fails, and a failed
/// write must end as one line and a status instead.
fn completions(shell: clap_complete::Shell) -> Result<(), Failure> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "igf", &mut script);
    write_all(&script)
}

/// `igf help [COMMAND]`: the same help as `igf [COMMAND] --help`.
fn help_of(command: Option<&str>, settings: &Settings) -> Result<(), Failure> {
    let root = help::definition();
    let path = match command {
        None => root.get_name().to_owned(),
        Some(name) if root.find_subcommand(name).is_some() => format!("{} {name}", root.get_name()),
        Some(name) => return Err(Failure::BadInput(vec![help::unknown_command(settings.lang, name)])),
    };
    Ok(print(
        Rendered::Document(help::document(settings.lang, &path)),
        settings,
    )?)
}

fn list(run: &Run, narrowing: &Narrowing) -> Result<(), Failure> {
    let sessions = run.narrowed(narrowing)?;
    if sessions.is_empty() {
        term::error_line(messages::current().nothing_listed);
        if run.settings.format == Format::Table {
            // An empty frame tells nothing the line above has not said.
            return Ok(());
        }
    }
    // Asked for tracks, the reader is told how many sessions the other options let through but
    // no track can pick, having none recorded.
    let untracked = (!narrowing.tracks.is_empty()).then(|| {
        let mut filter = narrowing.filter(run.settings.zone);
        filter.tracks.clear();
        query::select(run.data, &filter)
            .iter()
            .filter(|s| s.track.is_none())
            .count()
    });
    run.print(run.sessions(&sessions, |ctx| views::list(ctx, &sessions, untracked)))
}

fn show(run: &Run, wanted: &[String]) -> Result<(), Failure> {
    let mut found: Vec<&Session> = Vec::new();
    let mut bare_number = None;
    let mut unknown = Vec::new();
    let mut asked = std::collections::HashSet::new();
    let index = ids::Ids::new(run.data);
    // An id given twice is looked up (and reported) once.
    for input in wanted.iter().filter(|input| asked.insert(input.as_str())) {
        match index.find(input) {
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
            Err(e) => {
                let closest = if unknown.len() < ids::SUGGESTED_FOR {
                    ids::closest(run.data, &e)
                } else {
                    Vec::new()
                };
                unknown.push(unknown_id_message(&e, &closest));
            }
        }
    }
    // "Every session numbered 39" is said only when one number was asked for.
    let several = if wanted.len() == 1 {
        bare_number.as_deref()
    } else {
        None
    };
    // As `cat` does with files: the sessions found are shown, the unknown ids reported, and the
    // status says something was wrong, so one typo does not hide the rest.
    if !found.is_empty() {
        run.print(run.sessions(&found, |ctx| views::show(ctx, run.data, &found, several)))?;
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(Failure::BadInput(unknown))
    }
}

fn egypt(run: &Run) -> Result<(), Failure> {
    let mut sessions: Vec<&Session> = run.data.sessions.iter().filter(|s| !s.egypt.is_empty()).collect();
    query::sort(&mut sessions, run.settings.zone);
    let output = match run.settings.format {
        Format::Json => {
            let bodies = query::egypt_bodies(run.data);
            Rendered::Text(export::json_egypt(&run.ctx, &bodies, &sessions) + "\n")
        }
        _ => run.sessions(&sessions, |ctx| views::egypt(ctx, run.data, &sessions)),
    };
    run.print(output)
}

fn search(run: &Run, args: &SearchArgs) -> Result<(), Failure> {
    let candidates = run.narrowed(&args.narrowing)?;
    let hits = query::search::search(run.data, &candidates, &args.text.join(" "));
    let format = run.settings.format;
    if hits.is_empty() {
        // Like grep: say so and end with status 1. Formats for programs still print their empty
        // form ([] in JSON, the header in CSV) so a pipeline gets valid input.
        term::error_line(run.ctx.labels.no_session_matches);
        if matches!(format, Format::Table | Format::Plain) {
            return Err(Failure::NoMatch);
        }
    }
    let ranked: Vec<(&Session, Option<&str>)> = hits
        .iter()
        .map(|(s, rank)| {
            let matched = match rank {
                Rank::Title => "title",
                Rank::Elsewhere => "elsewhere",
            };
            (*s, Some(matched))
        })
        .collect();
    let output = match format {
        Format::Json => Rendered::Text(export::json_sessions(&run.ctx, &ranked) + "\n"),
        Format::Csv => Rendered::Text(export::csv(&run.ctx, &ranked, run.settings.terminal.interactive)),
        _ => {
            let sessions: Vec<&Session> = hits.iter().map(|(s, _)| *s).collect();
            run.sessions(&sessions, |ctx| views::search(ctx, &args.text.join(" "), &hits))
        }
    };
    run.print(output)?;
    if hits.is_empty() {
        return Err(Failure::NoMatch);
    }
    Ok(())
}

/// Overviews printed as plain records carry the exact text, as session records do.
fn overview(run: &Run, view: fn(&Context, &Dataset) -> Document) -> Result<(), Failure> {
    let ctx = if run.settings.format == Format::Plain {
        run.ctx.exact()
    } else {
        run.ctx.clone()
    };
    run.print(overview_output(run.settings.format, view(&ctx, run.data))?)
}

fn load(settings: &Settings) -> Result<Dataset, Failure> {
    match &settings.data {
        Some(p) => {
            data::from_file(p).map_err(|problems| Failure::BadInput(problems.iter().map(ToString::to_string).collect()))
        }
        None => Ok(data::bundled()),
    }
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
    Err(name_refused(body, &closest, m.body_example, m.unknown_body_name))
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
    Err(name_refused(country, &closest, m.country_example, m.unknown_country))
}

/// A name that matches nothing, said with the nearest names, or with an example when none is near.
fn name_refused<S: AsRef<str>>(
    typed: &str,
    closest: &[S],
    example: &str,
    wording: fn(&str, &str) -> String,
) -> Failure {
    let m = messages::current();
    let hint = if closest.is_empty() {
        example.to_owned()
    } else {
        (m.closest)(&m.listed(closest))
    };
    Failure::BadInput(vec![wording(&m.quoted(typed), &hint)])
}

fn unknown_id_message(e: &ids::UnknownId, closest: &[String]) -> String {
    let m = messages::current();
    if closest.is_empty() {
        (m.unknown_id)(&m.quoted(&e.input))
    } else {
        (m.unknown_id_closest)(&m.quoted(&e.input), &m.listed(closest))
    }
}
