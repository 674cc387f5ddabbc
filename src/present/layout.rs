//! Lays a [`Document`] out as lines of text. Every piece of text is a paragraph (a heading, a
//! field with its continuation lines, a list item, a table cell) that the `rtl` layer resolves
//! as a whole, breaks into lines and reorders line by line; this module decides the widths,
//! the indentation, the table grid, and where colour goes.

use super::{Block, Column, Document, Fit, Table};
use crate::rtl::{printed_width, Direction, Form, Paragraph};
use std::io;
use std::ops::Range;

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
    pub lines: Vec<Range<usize>>,
    /// The widths the first line and the others were given, in cells; 0 is no limit.
    pub widths: (usize, usize),
}

/// Receives the laid-out lines one at a time, each without its newline; an error (a closed
/// pipe) ends the layout there.
type Sink<'s> = dyn FnMut(&str) -> io::Result<()> + 's;

/// Writes the lines of a document, and remembers each paragraph when asked to.
struct Pen<'l, 's> {
    layout: &'l Layout,
    out: &'s mut Sink<'s>,
    laid_out: Option<Vec<LaidOut>>,
}

impl Pen<'_, '_> {
    fn line(&mut self, line: &str) -> io::Result<()> {
        (self.out)(line)
    }

    /// `text`, one paragraph, broken into lines of at most `first` cells (the first line) and
    /// `rest` (the others); 0 is no limit.
    fn paragraph(&mut self, text: &str, first: usize, rest: usize) -> Vec<Printed> {
        let para = Paragraph::new(text, self.layout.direction());
        let ranges = para.lines(first, rest, self.layout.form());
        self.remember(&para, &ranges, (first, rest));
        ranges
            .into_iter()
            .map(|range| self.printed(&para, range, None))
            .collect()
    }

    /// `text`, already measured at `width` cells and so known to fit in `limit` (0 is no
    /// limit): the one line [`Pen::paragraph`] would make of it, without breaking and measuring
    /// it again.
    fn fitting(&mut self, text: &str, width: usize, limit: usize) -> Printed {
        let para = Paragraph::new(text, self.layout.direction());
        let whole = 0..text.len();
        self.remember(&para, std::slice::from_ref(&whole), (limit, limit));
        self.printed(&para, whole, Some(width))
    }

    /// Keeps `para` as it was broken into `lines`, when paragraphs are kept for checking.
    fn remember(&mut self, para: &Paragraph, lines: &[Range<usize>], widths: (usize, usize)) {
        if let Some(laid_out) = self.laid_out.as_mut() {
            laid_out.push(LaidOut {
                text: para.text().to_owned(),
                direction: para.direction(),
                lines: lines.to_vec(),
                widths,
            });
        }
    }

    /// The line `range` of `para` in the form to print; `width` is its width, when it is known.
    fn printed(&self, para: &Paragraph, range: Range<usize>, width: Option<usize>) -> Printed {
        let form = self.layout.form();
        Printed {
            width: width.unwrap_or_else(|| printed_width(&para.text()[range.clone()], form)),
            text: if self.layout.visual {
                para.visual(range)
            } else {
                para.logical(range)
            },
        }
    }

    /// A paragraph wrapped to the page: its first line `first_indent` cells in, the rest
    /// `rest_indent` (both for a page of 80 columns or more: narrower pages indent less, down
    /// to nothing at 20, so that the longest date still fits on a continuation line).
    fn flow(&mut self, text: &str, first_indent: usize, rest_indent: usize) -> io::Result<()> {
        let scaled = |indent: usize| (indent * self.layout.width.saturating_sub(20) / 60).min(indent);
        let (first_indent, rest_indent) = (scaled(first_indent), scaled(rest_indent));
        let lines = self.paragraph(
            text,
            self.layout.width.saturating_sub(first_indent).max(1),
            self.layout.width.saturating_sub(rest_indent).max(1),
        );
        for (i, line) in lines.iter().enumerate() {
            let placed = self.layout.place(line, if i == 0 { first_indent } else { rest_indent });
            self.line(&placed)?;
        }
        Ok(())
    }

    /// A line that is never broken (a URL cut in two can be neither followed nor copied).
    fn whole(&mut self, text: &str, indent: usize) -> io::Result<()> {
        for line in self.paragraph(text, 0, 0) {
            let placed = self.layout.place(&line, indent);
            self.line(&placed)?;
        }
        Ok(())
    }
}

fn spaces(n: usize) -> String {
    " ".repeat(n)
}

fn push_spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// The lines to print for `doc`.
pub fn lines(doc: &Document, layout: &Layout) -> Vec<String> {
    lines_and_paragraphs_if(doc, layout, false).0
}

/// The lines to print for `doc`, and every paragraph as it was broken into them.
pub fn lines_and_paragraphs(doc: &Document, layout: &Layout) -> (Vec<String>, Vec<LaidOut>) {
    let (lines, laid_out) = lines_and_paragraphs_if(doc, layout, true);
    (lines, laid_out.unwrap_or_default())
}

fn lines_and_paragraphs_if(doc: &Document, layout: &Layout, paragraphs: bool) -> (Vec<String>, Option<Vec<LaidOut>>) {
    let mut lines = Vec::new();
    let mut keep = |line: &str| {
        lines.push(line.to_owned());
        Ok(())
    };
    let laid_out = lay_out(doc, layout, &mut keep, paragraphs.then(Vec::new)).unwrap_or_default();
    (lines, laid_out)
}

/// Lays `doc` out and hands each line to `each_line` as soon as it is made, so that a long
/// table is printed while it is laid out rather than held whole. The first error `each_line`
/// returns ends the layout and is returned.
pub fn write(doc: &Document, layout: &Layout, each_line: &mut dyn FnMut(&str) -> io::Result<()>) -> io::Result<()> {
    lay_out(doc, layout, each_line, None).map(|_| ())
}

fn lay_out<'s>(
    doc: &Document,
    layout: &Layout,
    out: &'s mut Sink<'s>,
    laid_out: Option<Vec<LaidOut>>,
) -> io::Result<Option<Vec<LaidOut>>> {
    let mut pen = Pen { layout, out, laid_out };
    for block in &doc.blocks {
        match block {
            Block::Heading(text) | Block::Paragraph(text) => pen.flow(text, 0, 0)?,
            Block::Field { label, value } => pen.flow(&field(label, value), 0, FIELD_INDENT)?,
            Block::Items { label, items } => {
                pen.flow(&format!("{label}:"), 0, FIELD_INDENT)?;
                for item in items {
                    pen.flow(&format!("• {item}"), ITEM_INDENT, FIELD_INDENT)?;
                }
            }
            Block::Links { label, urls } => {
                pen.flow(&format!("{label}:"), 0, FIELD_INDENT)?;
                for url in urls {
                    pen.whole(&format!("• {url}"), ITEM_INDENT)?;
                }
            }
            Block::Table(table) => table_lines(table, &mut pen)?,
            // Records are for scripts: the exact text, tab-separated, in logical order.
            Block::Record(fields) => {
                let mut record = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum());
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        record.push('\t');
                    }
                    record.push_str(f);
                }
                pen.line(&record)?;
            }
            Block::Blank => pen.line("")?,
        }
    }
    Ok(pen.laid_out)
}

fn field(label: &str, value: &str) -> String {
    format!("{label}: {value}")
}

/// A column's widths: the widest cell, the least it can be squeezed to without breaking a word
/// (for [`Fit::Whole`] the two are the same), and the width of its header and of every cell, so
/// that the grid measures each text once.
struct Measure {
    natural: usize,
    min: usize,
    header: usize,
    cells: Vec<usize>,
}

fn measure(column: &Column, form: Form) -> Measure {
    let words = column.fit != Fit::Whole;
    let space = printed_width(" ", form);
    // A text's width and that of its widest word. Shaping never joins across a space, so the
    // widths of the words and of the spaces between them add up, and each text is measured
    // once; a text without a space is one word.
    let sizes = |t: &str| -> (usize, usize) {
        if !(words && t.contains(' ')) {
            let width = printed_width(t, form);
            return (width, width);
        }
        let (mut width, mut widest) = (0, 0);
        for (i, word) in t.split(' ').enumerate() {
            let w = printed_width(word, form);
            width += w + if i > 0 { space } else { 0 };
            widest = widest.max(w);
        }
        (width, widest)
    };
    let (header, header_widest) = sizes(&column.header);
    // A long list's cells are measured on every core.
    let pieces = crate::parallel::by_pieces(&column.cells, |cells| {
        let mut widest = 0;
        let widths: Vec<usize> = cells
            .iter()
            .map(|t| {
                let (width, widest_word) = sizes(t);
                widest = widest.max(widest_word);
                width
            })
            .collect();
        (widths, widest)
    });
    let mut cells = Vec::with_capacity(column.cells.len());
    let mut min = header_widest;
    for (widths, piece_min) in pieces {
        cells.extend(widths);
        min = min.max(piece_min);
    }
    let natural = cells.iter().copied().chain([header]).max().unwrap_or(0).max(1);
    Measure {
        natural,
        min: if words { min.max(1) } else { natural },
        header,
        cells,
    }
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

fn table_lines(table: &Table, pen: &mut Pen) -> io::Result<()> {
    if table.rows() == 0 {
        return Ok(());
    }
    let layout = pen.layout;
    let form = layout.form();
    let (uniform, shown): (Vec<&Column>, Vec<&Column>) = table.columns.iter().partition(|c| is_uniform(c));
    for column in &uniform {
        pen.flow(&field(&column.header, &column.cells[0]), 0, FIELD_INDENT)?;
    }
    let measures: Vec<Measure> = shown.iter().map(|c| measure(c, form)).collect();
    match grid_widths(&shown, &measures, layout.width) {
        Some((visible, widths)) => {
            let columns: Vec<(&Column, &Measure)> = visible.iter().map(|&i| (shown[i], &measures[i])).collect();
            draw_grid(&columns, &widths, pen)
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

/// One cell's lines, its text taking `text_width` cells, to be shown in a column `width` wide.
fn cell_lines(text: &str, text_width: usize, width: usize, fit: Fit, pen: &mut Pen) -> Vec<Printed> {
    let limit = if fit == Fit::Whole { 0 } else { width };
    if limit == 0 || text_width <= limit {
        vec![pen.fitting(text, text_width, limit)]
    } else {
        pen.paragraph(text, limit, limit)
    }
}

/// Appends one line of a cell to `out`, padded to `width` and aligned to the start of the
/// reading direction, with its colour around the text (never around the padding, never
/// counted in the width). `None` is a line below the end of a shorter cell.
fn push_cell(out: &mut String, line: Option<&Printed>, width: usize, style: Option<anstyle::Style>, layout: &Layout) {
    let (text, text_width) = line.map_or(("", 0), |l| (l.text.as_str(), l.width));
    let pad = width.saturating_sub(text_width);
    let push_text = |out: &mut String| match style {
        Some(style) if layout.colour && !text.is_empty() => {
            use std::fmt::Write;
            let _ = write!(out, "{}{text}{}", style.render(), style.render_reset());
        }
        _ => out.push_str(text),
    };
    match (layout.rtl, layout.visual) {
        (true, true) => {
            push_spaces(out, pad);
            push_text(out);
        }
        // In logical right-to-left output each cell is a right-to-left isolate, so a viewer
        // that applies the bidi algorithm to the row keeps each cell's text within its frame
        // and puts the padding on the cell's left.
        (true, false) => {
            out.push('\u{2067}');
            push_text(out);
            push_spaces(out, pad);
            out.push('\u{2069}');
        }
        (false, _) => {
            push_text(out);
            push_spaces(out, pad);
        }
    }
}

/// A row's cells, each as its lines and its colour.
type RowCells = Vec<(Vec<Printed>, Option<anstyle::Style>)>;

/// Rows of a long table are laid out this many at a time, on every core: enough to keep the
/// cores busy, few enough that the lines held before they are printed stay small.
const ROWS_AT_ONCE: usize = 8192;

/// Draws the grid row by row, each row handed to the pen as soon as it is laid out (a long
/// table a block of rows at a time).
fn draw_grid(columns: &[(&Column, &Measure)], widths: &[usize], pen: &mut Pen) -> io::Result<()> {
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
    let grid = Grid {
        order: &order,
        widths,
        indent: &indent,
        layout,
    };
    let mut buffer = String::new();
    pen.line(&rule("┌", "─", "┬", "┐"))?;
    let header: RowCells = columns
        .iter()
        .enumerate()
        .map(|(k, (c, m))| (cell_lines(&c.header, m.header, widths[k], c.fit, pen), None))
        .collect();
    grid.row(&header, &mut buffer, &mut |line| pen.line(line))?;
    pen.line(&rule("╞", "═", "╪", "╡"))?;
    let between = rule("├", "─", "┼", "┤");
    // The cells of row `r`, in `cells`, which is reused from row to row.
    let cells_of = |r: usize, pen: &mut Pen, cells: &mut RowCells| {
        cells.clear();
        cells.extend(
            columns
                .iter()
                .enumerate()
                .map(|(k, (c, m))| (cell_lines(&c.cells[r], m.cells[r], widths[k], c.fit, pen), c.style(r))),
        );
    };
    let mut cells = RowCells::with_capacity(columns.len());
    let rows = columns[0].0.cells.len();
    // Paragraphs kept for checking must be kept in order: then the rows are laid out here.
    if pen.laid_out.is_some() || rows < crate::parallel::PARALLEL_FROM {
        for r in 0..rows {
            if r > 0 {
                pen.line(&between)?;
            }
            cells_of(r, pen, &mut cells);
            grid.row(&cells, &mut buffer, &mut |line| pen.line(line))?;
        }
    } else {
        let all: Vec<usize> = (0..rows).collect();
        for block in all.chunks(ROWS_AT_ONCE) {
            // Each piece: its lines one after another, and where each ends.
            let pieces = crate::parallel::by_pieces(block, |piece| {
                let mut discard = |_: &str| Ok(());
                let mut own = Pen {
                    layout,
                    out: &mut discard,
                    laid_out: None,
                };
                let (mut text, mut ends, mut buffer) = (String::new(), Vec::new(), String::new());
                let mut cells = RowCells::with_capacity(columns.len());
                let mut keep = |line: &str| {
                    text.push_str(line);
                    ends.push(text.len());
                    Ok(())
                };
                for &r in piece {
                    if r > 0 {
                        keep(&between)?;
                    }
                    cells_of(r, &mut own, &mut cells);
                    grid.row(&cells, &mut buffer, &mut keep)?;
                }
                io::Result::Ok((text, ends))
            });
            for piece in pieces {
                let (text, ends) = piece?;
                let mut start = 0;
                for end in ends {
                    pen.line(&text[start..end])?;
                    start = end;
                }
            }
        }
    }
    pen.line(&rule("└", "─", "┴", "┘"))
}

/// What every row of a grid shares: the order its columns are drawn in, their widths, the
/// indentation before the frame.
struct Grid<'g> {
    order: &'g [usize],
    widths: &'g [usize],
    indent: &'g str,
    layout: &'g Layout,
}

impl Grid<'_> {
    /// The lines of one row, each handed to `out`; `buffer` is reused from row to row.
    fn row(
        &self,
        cells: &RowCells,
        buffer: &mut String,
        out: &mut dyn FnMut(&str) -> io::Result<()>,
    ) -> io::Result<()> {
        let height = cells.iter().map(|(lines, _)| lines.len()).max().unwrap_or(1);
        for line in 0..height {
            buffer.clear();
            buffer.push_str(self.indent);
            buffer.push_str("│ ");
            for (n, &k) in self.order.iter().enumerate() {
                if n > 0 {
                    buffer.push_str(" │ ");
                }
                let (lines, style) = &cells[k];
                let printed = lines.get(line);
                push_cell(
                    buffer,
                    printed,
                    self.widths[k],
                    style.filter(|_| printed.is_some()),
                    self.layout,
                );
            }
            buffer.push_str(" │");
            out(buffer)?;
        }
        Ok(())
    }
}

/// For screens too narrow for a grid: one block per row, each column a field of its own, rows
/// apart by a blank line.
fn stacked(columns: &[&Column], pen: &mut Pen) -> io::Result<()> {
    let rows = columns.first().map_or(0, |c| c.cells.len());
    for r in 0..rows {
        if r > 0 {
            pen.line("")?;
        }
        for column in columns {
            pen.flow(&field(&column.header, &column.cells[r]), 0, ITEM_INDENT)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each text measured once, word by word, is as wide as measured whole: in both forms, for
    /// every cell of the session tables of the bundled programme in both languages and for
    /// texts where marks, ligatures and controls meet a space.
    #[test]
    fn texts_measured_by_their_words_are_as_wide_as_measured_whole() {
        let data = crate::data::bundled();
        let sessions: Vec<&crate::data::Session> = data.sessions.iter().collect();
        let mut columns: Vec<Column> = Vec::new();
        for lang in [super::super::Lang::Ar, super::super::Lang::En] {
            let ctx = super::super::Context::new(lang, None, super::super::Zone::Utc);
            for block in super::super::views::list(&ctx, &sessions, None).blocks {
                if let Block::Table(table) = block {
                    columns.extend(table.columns);
                }
            }
        }
        let tricky = [
            "ل ا",
            "لا لأ",
            "a \u{0301}b",
            "\u{2067}ب ت\u{2069} x",
            "👍 \u{FE0F} x",
            "🇪 🇬",
            "a  b ",
            " ",
            "x\u{00A0}y z",
        ];
        columns.push(Column::new(
            "tricky",
            Fit::Words,
            tricky.iter().map(|t| t.to_string()).collect(),
        ));
        assert!(columns.len() > 10, "{} columns", columns.len());
        for column in &columns {
            for form in [Form::Visual, Form::Logical] {
                let measured = measure(column, form);
                let whole: Vec<usize> = column.cells.iter().map(|t| printed_width(t, form)).collect();
                assert_eq!(measured.cells, whole, "{} {form:?}", column.header);
                assert_eq!(measured.header, printed_width(&column.header, form));
                if column.fit != Fit::Whole {
                    let widest_word = column
                        .cells
                        .iter()
                        .chain([&column.header])
                        .flat_map(|t| t.split(' '))
                        .map(|w| printed_width(w, form))
                        .max()
                        .unwrap_or(0);
                    assert_eq!(measured.min, widest_word.max(1), "{} {form:?}", column.header);
                }
            }
        }
    }

    /// A long table is laid out a block of rows at a time on every core; the lines must be
    /// those of the one-row-at-a-time layout that keeps its paragraphs, in every direction and
    /// form, with colour, and across the blocks' edges.
    #[test]
    fn a_long_table_laid_out_on_every_core_is_the_table_laid_out_row_by_row() {
        let rows = ROWS_AT_ONCE + crate::parallel::PARALLEL_FROM + 3;
        let id = (0..rows).map(|r| format!("WS{r}")).collect();
        let title = (0..rows)
            .map(|r| match r % 3 {
                0 => format!("جلسة رقم {r} عن الشمول الرقمي والبيانات المفتوحة"),
                1 => format!("Session {r} on inclusion"),
                _ => format!("Workshop {r}: مصر and the open data of the region, a longer title"),
            })
            .collect();
        let styles = (0..rows)
            .map(|r| (r % 2 == 0).then(|| anstyle::Style::new().bold()))
            .collect();
        let mut doc = Document::default();
        doc.push(Block::Table(Table {
            columns: vec![
                Column::new("id", Fit::Whole, id),
                Column::new("title", Fit::Main, title).styled(styles),
            ],
        }));
        for (rtl, visual) in [(true, true), (true, false), (false, false)] {
            let layout = Layout {
                rtl,
                visual,
                width: 60,
                colour: true,
            };
            let (row_by_row, paragraphs) = lines_and_paragraphs(&doc, &layout);
            assert!(
                !paragraphs.is_empty(),
                "the paragraphs were kept, so rows were laid out one by one"
            );
            let at_once = lines(&doc, &layout);
            assert!(at_once.len() > 2 * rows, "{} lines", at_once.len());
            assert_eq!(at_once, row_by_row, "rtl {rtl}, visual {visual}");
        }
    }
}
