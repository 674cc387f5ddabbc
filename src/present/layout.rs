//! Lays a [`Document`] out as lines of text. Every piece of text is a paragraph (a heading, a
//! field with its continuation lines, a list item, a table cell) that the `rtl` layer resolves
//! as a whole, breaks into lines and reorders line by line; this module decides the widths,
//! the indentation, the table grid, and where colour goes.

use super::{Block, Column, Document, Fit, Table};
use crate::rtl::{printed_width, Direction, Form, Paragraph};

/// How the lines will be shown.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The paragraph direction of the language.
    pub rtl: bool,
    /// Reorder into display order (for terminals without bidi); otherwise keep logical order.
    pub visual: bool,
    /// Cells available per line.
    pub width: usize,
    /// Colour kinds and tracks (ANSI SGR), only where a person is looking.
    pub colour: bool,
}

/// Continuation lines of a field are indented this much, so the label stands out.
const FIELD_INDENT: usize = 4;
/// A list item starts this far in; its continuation lines at [`FIELD_INDENT`].
const ITEM_INDENT: usize = 2;
/// The title (the main column) gets at least this much room, or its whole width if smaller,
/// before optional columns such as kind and track are shown.
const MAIN_ROOM: usize = 40;
/// Below this the main column cannot show a title in readable lines: the table gives way to
/// one block per row.
const MAIN_MIN: usize = 16;

/// A line as it is to be printed, and the cells it takes.
struct Printed {
    text: String,
    width: usize,
}

impl Layout {
    fn direction(&self) -> Direction {
        if self.rtl {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }

    fn form(&self) -> Form {
        if self.visual {
            Form::Visual
        } else {
            Form::Logical
        }
    }

    /// A line with `indent` cells before it. Right-to-left visual lines are aligned to the right
    /// edge, and their indentation is on the right, where they start.
    fn place(&self, line: &Printed, indent: usize) -> String {
        if self.visual && self.rtl {
            let pad = self.width.saturating_sub(line.width + indent);
            format!("{}{}{}", spaces(pad), line.text, spaces(indent))
        } else {
            format!("{}{}", spaces(indent), line.text)
        }
    }
}

/// One paragraph as it was laid out: for checking the layout against another implementation
/// of the bidi algorithm at the same line breaks.
#[derive(Debug, Clone)]
pub struct LaidOut {
    pub text: String,
    pub direction: Direction,
    /// Byte ranges of `text`, one per line.
    pub lines: Vec<std::ops::Range<usize>>,
    /// The widths the first line and the others were given, in cells; 0 is no limit.
    pub widths: (usize, usize),
}

/// Writes the lines of a document, and remembers each paragraph when asked to.
struct Pen<'l> {
    layout: &'l Layout,
    out: Vec<String>,
    laid_out: Option<Vec<LaidOut>>,
}

impl Pen<'_> {
    /// `text`, one paragraph, broken into lines of at most `first` cells (the first line) and
    /// `rest` (the others); 0 is no limit.
    fn paragraph(&mut self, text: &str, first: usize, rest: usize) -> Vec<Printed> {
        let form = self.layout.form();
        let para = Paragraph::new(text, self.layout.direction());
        let ranges = para.lines(first, rest, form);
        if let Some(laid_out) = self.laid_out.as_mut() {
            laid_out.push(LaidOut {
                text: text.to_owned(),
                direction: para.direction(),
                lines: ranges.clone(),
                widths: (first, rest),
            });
        }
        ranges
            .into_iter()
            .map(|range| Printed {
                width: printed_width(&text[range.clone()], form),
                text: if self.layout.visual {
                    para.visual(range)
                } else {
                    para.logical(range)
                },
            })
            .collect()
    }

    /// A paragraph wrapped to the page: its first line `first_indent` cells in, the rest
    /// `rest_indent` (both for a page of 80 columns or more: narrower pages indent less, down
    /// to nothing at 20, so that the longest date still fits on a continuation line).
    fn flow(&mut self, text: &str, first_indent: usize, rest_indent: usize) {
        let scaled = |indent: usize| (indent * self.layout.width.saturating_sub(20) / 60).min(indent);
        let (first_indent, rest_indent) = (scaled(first_indent), scaled(rest_indent));
        let lines = self.paragraph(
            text,
            self.layout.width.saturating_sub(first_indent).max(1),
            self.layout.width.saturating_sub(rest_indent).max(1),
        );
        for (i, line) in lines.iter().enumerate() {
            self.out
                .push(self.layout.place(line, if i == 0 { first_indent } else { rest_indent }));
        }
    }

    /// A line that is never broken (a URL cut in two can be neither followed nor copied).
    fn whole(&mut self, text: &str, indent: usize) {
        for line in self.paragraph(text, 0, 0) {
            self.out.push(self.layout.place(&line, indent));
        }
    }
}

fn spaces(n: usize) -> String {
    " ".repeat(n)
}

/// The lines to print for `doc`.
pub fn lines(doc: &Document, layout: &Layout) -> Vec<String> {
    write(doc, layout, None).0
}

/// The lines to print for `doc`, and every paragraph as it was broken into them.
pub fn lines_and_paragraphs(doc: &Document, layout: &Layout) -> (Vec<String>, Vec<LaidOut>) {
    let (lines, laid_out) = write(doc, layout, Some(Vec::new()));
    (lines, laid_out.unwrap_or_default())
}

fn write(doc: &Document, layout: &Layout, laid_out: Option<Vec<LaidOut>>) -> (Vec<String>, Option<Vec<LaidOut>>) {
    let mut pen = Pen {
        layout,
        out: Vec::new(),
        laid_out,
    };
    for block in &doc.blocks {
        match block {
            Block::Heading(text) | Block::Paragraph(text) => pen.flow(text, 0, 0),
            Block::Field { label, value } => pen.flow(&field(label, value), 0, FIELD_INDENT),
            Block::Items { label, items } => {
                pen.flow(&format!("{label}:"), 0, FIELD_INDENT);
                for item in items {
                    pen.flow(&format!("• {item}"), ITEM_INDENT, FIELD_INDENT);
                }
            }
            Block::Links { label, urls } => {
                pen.flow(&format!("{label}:"), 0, FIELD_INDENT);
                for url in urls {
                    pen.whole(&format!("• {url}"), ITEM_INDENT);
                }
            }
            Block::Table(table) => table_lines(table, &mut pen),
            // Records are for scripts: the exact text, tab-separated, in logical order.
            Block::Record(fields) => pen.out.push(fields.join("\t")),
            Block::Blank => pen.out.push(String::new()),
        }
    }
    (pen.out, pen.laid_out)
}

fn field(label: &str, value: &str) -> String {
    format!("{label}: {value}")
}

/// A column's widths: the widest cell, and the least it can be squeezed to without breaking a
/// word (for [`Fit::Whole`] the two are the same).
struct Measure {
    natural: usize,
    min: usize,
}

fn measure(column: &Column, form: Form) -> Measure {
    let texts = || std::iter::once(&column.header).chain(&column.cells);
    let natural = texts().map(|t| printed_width(t, form)).max().unwrap_or(0).max(1);
    let min = match column.fit {
        Fit::Whole => natural,
        Fit::Words | Fit::Main => texts()
            .flat_map(|t| t.split(' '))
            .map(|w| printed_width(w, form))
            .max()
            .unwrap_or(0)
            .max(1),
    };
    Measure { natural, min }
}

/// Each column costs a border and a space of padding on each side, plus the closing border.
fn overhead(columns: usize) -> usize {
    3 * columns + 1
}

/// Whether every row holds the same value in this column: then it is said once, above the
/// table, instead of being repeated on every row (`list --date` would repeat the date).
fn is_uniform(column: &Column) -> bool {
    column.fit != Fit::Main && column.cells.len() > 1 && column.cells.iter().all(|c| *c == column.cells[0])
}

fn table_lines(table: &Table, pen: &mut Pen) {
    if table.rows() == 0 {
        return;
    }
    let layout = pen.layout;
    let form = layout.form();
    let (uniform, shown): (Vec<&Column>, Vec<&Column>) = table.columns.iter().partition(|c| is_uniform(c));
    for column in &uniform {
        pen.flow(&field(&column.header, &column.cells[0]), 0, FIELD_INDENT);
    }
    let measures: Vec<Measure> = shown.iter().map(|c| measure(c, form)).collect();
    match grid_widths(&shown, &measures, layout.width) {
        Some((visible, widths)) => {
            let columns: Vec<&Column> = visible.iter().map(|&i| shown[i]).collect();
            draw_grid(&columns, &widths, pen);
        }
        None => stacked(&shown, pen),
    }
}

/// Which of `columns` the grid shows and how wide each is, or `None` when even without the
/// optional columns a title could not be shown in readable lines.
fn grid_widths(columns: &[&Column], measures: &[Measure], width: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    let main = columns.iter().position(|c| c.fit == Fit::Main);
    let min_of = |i: usize| match main {
        Some(m) if m == i => measures[i].min.max(MAIN_MIN.min(measures[i].natural)),
        _ => measures[i].min,
    };
    let room_for_main = |visible: &[usize]| -> Option<usize> {
        let others: usize = visible.iter().filter(|&&i| Some(i) != main).map(|&i| min_of(i)).sum();
        width.checked_sub(others + overhead(visible.len()))
    };
    let fits = |visible: &[usize]| -> bool {
        let needed: usize = visible.iter().map(|&i| min_of(i)).sum::<usize>() + overhead(visible.len());
        needed <= width
    };
    let mut visible: Vec<usize> = (0..columns.len()).collect();
    for optional in (0..columns.len()).filter(|&i| columns[i].optional) {
        let main_is_comfortable = match main {
            Some(m) => room_for_main(&visible).is_some_and(|r| r >= MAIN_ROOM.min(measures[m].natural)),
            None => true,
        };
        if fits(&visible) && main_is_comfortable {
            break;
        }
        visible.retain(|&i| i != optional);
    }
    if !fits(&visible) {
        return None;
    }
    let mut widths: Vec<usize> = visible.iter().map(|&i| min_of(i)).collect();
    let mut spare = width - (widths.iter().sum::<usize>() + overhead(visible.len()));
    let main_k = main.and_then(|m| visible.iter().position(|&i| i == m));
    // The title first gets room to read, but at most half of what is to spare, so that a long
    // second text column (Egypt's part) is not left one word wide; then the other columns their
    // whole width; then the title the rest.
    let main_room = main_k.map(|k| MAIN_ROOM.min(measures[visible[k]].natural).min(widths[k] + spare / 2));
    let mut grow = |k: usize, up_to: usize, spare: &mut usize| {
        let more = up_to.saturating_sub(widths[k]).min(*spare);
        widths[k] += more;
        *spare -= more;
    };
    if let (Some(k), Some(room)) = (main_k, main_room) {
        grow(k, room, &mut spare);
    }
    for k in 0..visible.len() {
        if Some(k) != main_k {
            grow(k, measures[visible[k]].natural, &mut spare);
        }
    }
    if let Some(k) = main_k {
        grow(k, measures[visible[k]].natural, &mut spare);
    }
    Some((visible, widths))
}

/// One cell's lines, padded to `width` and aligned to the start of the reading direction, with
/// its colour around the text (never around the padding, never counted in the width).
fn cell_lines(text: &str, width: usize, fit: Fit, style: Option<anstyle::Style>, pen: &mut Pen) -> Vec<String> {
    let limit = if fit == Fit::Whole { 0 } else { width };
    let layout = pen.layout;
    pen.paragraph(text, limit, limit)
        .into_iter()
        .map(|line| pad_cell(&line, width, style, layout))
        .collect()
}

fn pad_cell(line: &Printed, width: usize, style: Option<anstyle::Style>, layout: &Layout) -> String {
    let pad = spaces(width.saturating_sub(line.width));
    let text = match style {
        Some(style) if layout.colour && !line.text.is_empty() => {
            format!("{}{}{}", style.render(), line.text, style.render_reset())
        }
        _ => line.text.clone(),
    };
    match (layout.rtl, layout.visual) {
        (true, true) => format!("{pad}{text}"),
        // In logical right-to-left output each cell is a right-to-left isolate, so a viewer
        // that applies the bidi algorithm to the row keeps each cell's text within its frame
        // and puts the padding on the cell's left.
        (true, false) => format!("\u{2067}{text}{pad}\u{2069}"),
        (false, _) => format!("{text}{pad}"),
    }
}

fn draw_grid(columns: &[&Column], widths: &[usize], pen: &mut Pen) {
    let layout = pen.layout;
    // In visual right-to-left output the first column is drawn on the right.
    let order: Vec<usize> = if layout.rtl && layout.visual {
        (0..columns.len()).rev().collect()
    } else {
        (0..columns.len()).collect()
    };
    let table_width = widths.iter().sum::<usize>() + overhead(columns.len());
    let indent = if layout.rtl && layout.visual {
        spaces(layout.width.saturating_sub(table_width))
    } else {
        String::new()
    };
    let rule = |left: &str, fill: &str, join: &str, right: &str| -> String {
        let parts: Vec<String> = order.iter().map(|&k| fill.repeat(widths[k] + 2)).collect();
        format!("{indent}{left}{}{right}", parts.join(join))
    };
    let row = |cells: Vec<Vec<String>>, out: &mut Vec<String>| {
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            let parts: Vec<String> = order
                .iter()
                .map(|&k| {
                    cells[k].get(line).cloned().unwrap_or_else(|| {
                        pad_cell(
                            &Printed {
                                text: String::new(),
                                width: 0,
                            },
                            widths[k],
                            None,
                            layout,
                        )
                    })
                })
                .collect();
            out.push(format!("{indent}│ {} │", parts.join(" │ ")));
        }
    };
    pen.out.push(rule("┌", "─", "┬", "┐"));
    let header = columns
        .iter()
        .enumerate()
        .map(|(k, c)| cell_lines(&c.header, widths[k], c.fit, None, pen))
        .collect();
    row(header, &mut pen.out);
    pen.out.push(rule("╞", "═", "╪", "╡"));
    for r in 0..columns[0].cells.len() {
        if r > 0 {
            pen.out.push(rule("├", "─", "┼", "┤"));
        }
        let cells = columns
            .iter()
            .enumerate()
            .map(|(k, c)| cell_lines(&c.cells[r], widths[k], c.fit, c.style(r), pen))
            .collect();
        row(cells, &mut pen.out);
    }
    pen.out.push(rule("└", "─", "┴", "┘"));
}

/// For screens too narrow for a grid: one block per row, each column a field of its own, rows
/// apart by a blank line.
fn stacked(columns: &[&Column], pen: &mut Pen) {
    let rows = columns.first().map_or(0, |c| c.cells.len());
    for r in 0..rows {
        if r > 0 {
            pen.out.push(String::new());
        }
        for column in columns {
            pen.flow(&field(&column.header, &column.cells[r]), 0, ITEM_INDENT);
        }
    }
}
