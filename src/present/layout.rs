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
    /// Colour kinds and tracks (ANSI SGR), only where a person is looking.
    pub colour: bool,
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
    rtl::text_width(text)
}

/// The narrowest a column may be squeezed to before the table is allowed to overflow.
const MIN_COLUMN: usize = 6;
/// The flexible column keeps at least this much before other columns start to give way.
const MIN_FLEX: usize = 24;
/// Columns this narrow (dates, times, counts) are the last to be wrapped.
const SHORT_COLUMN: usize = 12;

/// The widest cell of each column, measured as the terminal will show it.
fn natural_widths(table: &Table) -> Vec<usize> {
    (0..table.headers.len())
        .map(|c| {
            let cells = table.rows.iter().filter_map(|r| r.get(c));
            cells
                .chain(std::iter::once(&table.headers[c]))
                .map(|t| shaped_width(t))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect()
}

/// Each column costs a border and a space of padding on each side, plus the closing border.
fn overhead(columns: usize) -> usize {
    3 * columns + 1
}

/// The columns to draw: optional ones (kind, track) are left out, in the table's order, while the
/// rest cannot fit whole with the flexible column at its minimum.
fn visible_columns(table: &Table, natural: &[usize], width: usize) -> Vec<usize> {
    let mut visible: Vec<usize> = (0..natural.len()).collect();
    let needed = |visible: &[usize]| {
        let cells: usize = visible
            .iter()
            .map(|&c| {
                if c == table.flex {
                    natural[c].min(MIN_FLEX)
                } else {
                    natural[c]
                }
            })
            .sum();
        cells + overhead(visible.len())
    };
    for dropped in &table.optional {
        if needed(&visible) <= width {
            break;
        }
        visible.retain(|c| c != dropped);
    }
    visible
}

/// Widths for the visible columns that fit `available` cells: natural widths; then the flexible
/// column (the title) narrows to its minimum; then the widest long column, one cell at a time; and
/// only then short columns such as dates and times.
fn column_widths(natural: &[usize], flex: Option<usize>, available: usize) -> Vec<usize> {
    let mut widths = natural.to_vec();
    if let Some(flex) = flex {
        let excess = widths.iter().sum::<usize>().saturating_sub(available);
        widths[flex] -= excess.min(widths[flex].saturating_sub(MIN_FLEX));
    }
    while widths.iter().sum::<usize>() > available {
        let long = widths
            .iter()
            .enumerate()
            .filter(|&(_, &w)| w > SHORT_COLUMN)
            .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)));
        let any = || {
            widths
                .iter()
                .enumerate()
                .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)))
        };
        let Some((widest, &w)) = long.or_else(any) else { break };
        if w <= MIN_COLUMN {
            break;
        }
        widths[widest] -= 1;
    }
    widths
}

/// Colours the cells of one drawn table line: each cell's text (not its padding) gets its style.
fn paint(line: &str, styles: &[Option<anstyle::Style>]) -> String {
    let mut out = String::with_capacity(line.len() + 32);
    let mut cell = 0;
    let mut segment = String::new();
    let flush = |segment: &mut String, out: &mut String, style: Option<&Option<anstyle::Style>>| {
        match style.copied().flatten() {
            Some(style) if !segment.trim().is_empty() => {
                let start = segment.len() - segment.trim_start().len();
                let end = segment.trim_end().len();
                out.push_str(&segment[..start]);
                out.push_str(&format!(
                    "{}{}{}",
                    style.render(),
                    &segment[start..end],
                    style.render_reset()
                ));
                out.push_str(&segment[end..]);
            }
            _ => out.push_str(segment),
        }
        segment.clear();
    };
    let mut inside = false;
    for c in line.chars() {
        if c == '│' || c == '┆' {
            if inside {
                flush(&mut segment, &mut out, styles.get(cell));
                cell += 1;
            }
            inside = true;
            out.push(c);
        } else if inside {
            segment.push(c);
        } else {
            out.push(c);
        }
    }
    out.push_str(&segment);
    out
}

fn table_lines(table: &Table, layout: &Layout, out: &mut Vec<String>) {
    let natural = natural_widths(table);
    let visible = visible_columns(table, &natural, layout.width);
    let flex = visible.iter().position(|&c| c == table.flex);
    let visible_natural: Vec<usize> = visible.iter().map(|&c| natural[c]).collect();
    let widths = column_widths(
        &visible_natural,
        flex,
        layout.width.saturating_sub(overhead(visible.len())),
    );
    let columns = visible.len();
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
            .map(|&c| cell(row.get(visible[c]).map_or("", String::as_str), widths[c]))
            .collect()
    };

    let mut t = comfy_table::Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    // We wrap and reorder ourselves: the table library must never re-wrap visual text.
    t.set_content_arrangement(ContentArrangement::Disabled);
    let header = arrange(&table.headers);
    let rows: Vec<Vec<String>> = table.rows.iter().map(|row| arrange(row)).collect();
    // Which style each drawn line's cells get: none for borders and the header.
    let height = |cells: &[String]| cells.iter().map(|c| c.lines().count()).max().unwrap_or(1).max(1);
    let mut line_styles: Vec<Vec<Option<anstyle::Style>>> = vec![Vec::new(); 2 + height(&header)];
    for (r, cells) in rows.iter().enumerate() {
        let styles: Vec<Option<anstyle::Style>> = order
            .iter()
            .map(|&c| {
                table
                    .styles
                    .iter()
                    .find(|(col, _)| *col == visible[c])
                    .and_then(|(_, s)| s.get(r).copied().flatten())
            })
            .collect();
        line_styles.extend(std::iter::repeat_n(styles, height(cells)));
    }
    t.set_header(header);
    for row in rows {
        t.add_row(row);
    }
    if layout.rtl {
        for column in t.column_iter_mut() {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for (i, line) in t.lines().enumerate() {
        let line = match line_styles.get(i) {
            Some(styles) if layout.colour && styles.iter().any(Option::is_some) => paint(&line, styles),
            _ => line,
        };
        let line = if layout.rtl && layout.visual {
            rtl::align_right(&line, layout.width)
        } else {
            line
        };
        out.push(line);
    }
}
