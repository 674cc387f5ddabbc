//! Lays a [`Document`] out as lines of text: wraps in logical order, then (in visual mode) hands
//! each displayed line to the `rtl` layer and aligns right-to-left lines to the right edge.

use super::{Block, Document, Table};
use crate::rtl::{self, Direction};
use crate::term::width::display_width;
use comfy_table::{presets, CellAlignment, ContentArrangement};

/// How the lines will be shown.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The paragraph direction of the language.
    pub rtl: bool,
    /// Reorder into display order (for terminals without bidi); otherwise keep logical order.
    pub visual: bool,
    /// Cells available per line.
    pub width: usize,
}

impl Layout {
    fn direction(&self) -> Direction {
        if self.rtl {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }

    /// One logical line made ready to print: reordered and right-aligned when visual and RTL.
    fn finish(&self, logical: &str, align: bool) -> String {
        if !self.visual {
            return logical.to_owned();
        }
        let visual = rtl::visual_line(logical, self.direction());
        if self.rtl && align {
            rtl::align_right(&visual, self.width)
        } else {
            visual
        }
    }

    fn wrapped(&self, text: &str, width: usize, out: &mut Vec<String>, indent: &str) {
        for (i, line) in rtl::wrap(text, width.saturating_sub(display_width(indent)))
            .into_iter()
            .enumerate()
        {
            let line = if i == 0 { line } else { format!("{indent}{line}") };
            out.push(self.finish(&line, true));
        }
    }
}

/// The lines to print for `doc`.
pub fn lines(doc: &Document, layout: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading(text) | Block::Paragraph(text) => layout.wrapped(text, layout.width, &mut out, ""),
            Block::Field { label, value } => {
                layout.wrapped(&format!("{label}: {value}"), layout.width, &mut out, "    ")
            }
            Block::Items { label, items } => {
                out.push(layout.finish(&format!("{label}:"), true));
                for item in items {
                    layout.wrapped(&format!("  • {item}"), layout.width, &mut out, "    ");
                }
            }
            Block::Table(table) => table_lines(table, layout, &mut out),
            Block::Links { label, urls } => {
                out.push(layout.finish(&format!("{label}:"), true));
                out.extend(urls.iter().map(|url| layout.finish(&format!("  • {url}"), true)));
            }
            Block::Record(fields) => out.push(layout.finish(&fields.join("\t"), false)),
            Block::Blank => out.push(String::new()),
        }
    }
    out
}

/// Width of text as the terminal will show it: after Arabic shaping, which can merge letters.
fn shaped_width(text: &str) -> usize {
    display_width(&rtl::shape(text))
}

/// The narrowest a column may be squeezed to before the table is allowed to overflow.
const MIN_COLUMN: usize = 6;
/// The flexible column keeps at least this much before other columns start to give way.
const MIN_FLEX: usize = 24;

/// Column widths that fit `available` cells: natural widths; then the flexible column (the title)
/// narrows, and only after it the widest of the others, one cell at a time, so that ids, dates
/// and times stay whole whenever the width allows.
fn column_widths(table: &Table, available: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = (0..table.headers.len())
        .map(|c| {
            let cells = table.rows.iter().filter_map(|r| r.get(c));
            cells
                .chain(std::iter::once(&table.headers[c]))
                .map(|t| shaped_width(t))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let excess = widths.iter().sum::<usize>().saturating_sub(available);
    let flex = table.flex.min(widths.len() - 1);
    let give = excess.min(widths[flex].saturating_sub(MIN_FLEX));
    widths[flex] -= give;
    while widths.iter().sum::<usize>() > available {
        let (widest, &w) = widths
            .iter()
            .enumerate()
            .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)))
            .expect("a table has columns");
        if w <= MIN_COLUMN {
            break;
        }
        widths[widest] -= 1;
    }
    widths
}

fn table_lines(table: &Table, layout: &Layout, out: &mut Vec<String>) {
    let columns = table.headers.len();
    // Each column costs a border and a space of padding on each side, plus the closing border.
    let overhead = 3 * columns + 1;
    let widths = column_widths(table, layout.width.saturating_sub(overhead));
    let cell = |text: &str, width: usize| -> String {
        rtl::wrap(text, width)
            .iter()
            .map(|line| layout.finish(line, false))
            .collect::<Vec<_>>()
            .join("\n")
    };
    // In visual right-to-left output the first column is drawn on the right.
    let order: Vec<usize> = if layout.rtl && layout.visual {
        (0..columns).rev().collect()
    } else {
        (0..columns).collect()
    };
    let arrange = |row: &[String]| -> Vec<String> {
        order
            .iter()
            .map(|&c| cell(row.get(c).map_or("", String::as_str), widths[c]))
            .collect()
    };

    let mut t = comfy_table::Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    // We wrap and reorder ourselves: the table library must never re-wrap visual text.
    t.set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(arrange(&table.headers));
    for row in &table.rows {
        t.add_row(arrange(row));
    }
    if layout.rtl {
        for column in t.column_iter_mut() {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in t.lines() {
        let line = if layout.rtl && layout.visual {
            rtl::align_right(&line, layout.width)
        } else {
            line
        };
        out.push(line);
    }
}
