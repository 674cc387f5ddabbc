//! The output side of one run: what a command rendered, turned into bytes for standard output
//! (laid out for the terminal, paged when taller than the screen, or printed as it is).

use crate::app::Failure;
use crate::cli::Format;
use crate::data::{Dataset, Session};
use crate::present::layout::{self, Layout};
use crate::present::messages;
use crate::present::{export, frab, views, Context, Document};
use crate::settings::Settings;
use crate::term::{self, Output};
use std::io;

/// Writes finished bytes (help, a completion script, the manual) to standard output.
pub fn write_all(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = Output::stdout();
    out.bytes(bytes)?;
    out.finish()?;
    Ok(())
}

/// Prints a command's output. Documents for people are laid out for the terminal the user has
/// (visual in BDSM explicit mode, or logical, as `term::Terminal` decides); text for programs is
/// printed as it is. Either is paged when taller than the screen.
pub fn print(output: Rendered, settings: &Settings) -> io::Result<()> {
    let terminal = settings.terminal;
    // A pager is used only on a terminal whose height is known.
    let paging = terminal
        .takes_escapes()
        .then_some(settings.height)
        .flatten()
        .zip(settings.pager.clone())
        .map(|(height, pager)| term::Paging {
            pager,
            height,
            columns: settings.width,
        });
    match output {
        Rendered::Text(text) => term::print(false, paging, &mut |sink| sink(&text)),
        Rendered::Document(doc) => {
            let layout = Layout {
                rtl: settings.is_rtl(),
                visual: terminal.visual(),
                width: settings.width,
                colour: settings.colour,
            };
            // Each line is written as soon as it is laid out, so a long table is never held whole.
            let mut line = String::new();
            term::print(terminal.explicit_mode(), paging, &mut |sink| {
                layout::write(&doc, &layout, &mut |laid_out| {
                    line.clear();
                    line.push_str(&terminal.printable(laid_out));
                    line.push('\n');
                    sink(&line)
                })
            })
        }
    }
}

/// Output before layout: a document for people, or finished text for programs.
pub enum Rendered {
    Document(Document),
    Text(String),
}

pub fn sessions_output(
    ctx: &Context,
    data: &Dataset,
    format: Format,
    terminal: bool,
    sessions: &[&Session],
    view: impl FnOnce(&Context) -> Document,
) -> Rendered {
    let unranked = || sessions.iter().map(|s| (*s, None)).collect::<Vec<_>>();
    match format {
        Format::Table => Rendered::Document(view(ctx)),
        Format::Plain => Rendered::Document(views::records(ctx, sessions)),
        Format::Json => Rendered::Text(export::json_sessions(ctx, &unranked()) + "\n"),
        Format::Csv => Rendered::Text(export::csv(ctx, &unranked(), terminal)),
        Format::Ics => {
            let (text, undated) = export::ics(ctx, data, sessions, terminal);
            if undated > 0 {
                term::error_line(&(messages::current().left_out_of_calendar)(undated));
            }
            Rendered::Text(text)
        }
        Format::Frab | Format::FrabJson => {
            let text = frab::export(ctx, data, sessions, format == Format::FrabJson);
            // JSON escapes every control itself; XML written to a terminal is shown safely.
            if terminal && format == Format::Frab {
                Rendered::Text(term::sanitize::for_terminal_lines(&text).into_owned())
            } else {
                Rendered::Text(text)
            }
        }
    }
}

/// Overviews (tracks, kinds, days, about) are tables; plain prints their rows tab-separated.
pub fn overview_output(format: Format, doc: Document) -> Result<Rendered, Failure> {
    use crate::present::Block;
    match format {
        Format::Table => Ok(Rendered::Document(doc)),
        Format::Plain => {
            let mut plain = Document::default();
            for block in doc.blocks {
                match block {
                    Block::Table(t) => (0..t.rows()).for_each(|r| plain.push(Block::Record(t.row(r)))),
                    Block::Field { label, value } => plain.push(Block::Record(vec![label, value])),
                    _ => {}
                }
            }
            Ok(Rendered::Document(plain))
        }
        other => Err(Failure::BadInput(vec![(messages::current().format_for_lists_only)(
            &clap::ValueEnum::to_possible_value(&other).map_or_else(String::new, |v| v.get_name().to_owned()),
        )])),
    }
}
