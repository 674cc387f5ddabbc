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
                width: settings.width - terminal.cells_before_line(settings.is_rtl()),
                colour: settings.colour,
            };
            // Each line is written as soon as it is laid out, so a long table is never held whole.
            let mut line = String::new();
            term::print(terminal.explicit_mode(), paging, &mut |sink| {
                layout::write(&doc, &layout, &mut |laid_out| {
                    line.clear();
                    line.push_str(&terminal.printable(laid_out, layout.rtl));
                    line.push('\n');
                    sink(&line)
                })
            })
        }
    }
}

/// An error as a document: one paragraph, the program's name and the message, with the Latin
/// code of an Arabic message isolated so that it reads left to right.
pub fn error_document(message: &str, rtl: bool) -> Document {
    let value = if rtl {
        messages::isolate_code(message)
    } else {
        message.to_owned()
    };
    let mut doc = Document::default();
    doc.push(crate::present::Block::Field {
        label: term::ERROR_PREFIX.to_owned(),
        value,
    });
    doc
}

/// How errors are laid out when standard error is a terminal: wrapped at its width and in the
/// order it needs, as documents on standard output are.
pub fn error_layout(settings: &Settings) -> Layout {
    Layout {
        rtl: settings.is_rtl(),
        visual: settings.errors.visual(),
        width: settings.error_width - settings.errors.cells_before_line(settings.is_rtl()),
        colour: false,
    }
}

/// Every later error of this run is laid out for the terminal standard error shows on; in a
/// pipe or a file each stays one line in logical order, without bidi controls.
pub fn lay_errors_out(settings: &Settings) {
    let errors = settings.errors;
    if !errors.interactive {
        term::lay_errors_out_with(None);
        return;
    }
    let layout = error_layout(settings);
    term::lay_errors_out_with(Some(Box::new(move |message| {
        let mut out = String::new();
        if errors.explicit_mode() {
            out.push_str(term::BIDI_EXPLICIT);
        }
        let doc = error_document(message, layout.rtl);
        // Laying out into a string cannot fail.
        let _ = layout::write(&doc, &layout, &mut |line| {
            out.push_str(&errors.printable(line, layout.rtl));
            out.push('\n');
            Ok(())
        });
        if errors.explicit_mode() {
            out.push_str(term::BIDI_IMPLICIT);
        }
        out
    })));
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
