//! One paragraph, laid out as UAX #9 says: embedding levels resolved once over the whole
//! paragraph (isolates, bracket pairs and weak types all look at their context), then lines
//! broken in logical order, then each line reordered on its own with the paragraph's levels
//! (rules L1-L4), shaped by its logical neighbours.
//!
//! Resolving each wrapped line as a paragraph of its own gives wrong answers wherever a line
//! break falls inside an isolate or between a bracket pair: `(Japan)` split over two lines
//! shows as `(Japan` and a full stop jumps to the other end.

use std::ops::Range;
use unicode_bidi::{bidi_class, BidiClass, Level, ParagraphBidiInfo};

use super::reorder::{apply_l3, mirror, order_from_levels, removed_by_x9};
use super::shaping::glyphs;
use super::wrapping::break_lines;
use super::{is_steering_control, Direction, Form};

pub struct Paragraph<'t> {
    text: &'t str,
    dir: Direction,
    info: ParagraphBidiInfo<'t>,
}

impl<'t> Paragraph<'t> {
    /// Resolves the levels of `text`, a paragraph in logical order, in direction `dir`.
    pub fn new(text: &'t str, dir: Direction) -> Self {
        let level = match dir {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        };
        Paragraph {
            text,
            dir,
            info: ParagraphBidiInfo::new(text, Some(level)),
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    pub fn direction(&self) -> Direction {
        self.dir
    }

    /// Byte ranges of the lines, in logical order: the first line at most `first` cells wide,
    /// the others at most `rest`, measured as they will be printed. Lines break at spaces (the
    /// space itself belongs to neither line); a word wider than the line is cut between
    /// characters, never between a base and its marks. `0` means no limit.
    pub fn lines(&self, first: usize, rest: usize, form: Form) -> Vec<Range<usize>> {
        break_lines(self.text, first, rest, form)
    }

    /// The line `range` as it is to be printed left to right on a terminal that does no bidi:
    /// levels from the whole paragraph with rule L1 applied to this line, L2 reordering, marks
    /// after their base (L3), mirrored glyphs in right-to-left runs (L4), Arabic shaped by its
    /// logical neighbours on the line, and the invisible controls that only steer the algorithm
    /// dropped, since terminals draw them inconsistently.
    pub fn visual(&self, range: Range<usize>) -> String {
        let by_byte = self.info.reordered_levels(range.clone());
        let line = &self.text[range.clone()];
        let chars: Vec<char> = line.chars().collect();
        let levels: Vec<Option<Level>> = line
            .char_indices()
            .map(|(b, c)| (!removed_by_x9(c)).then(|| by_byte[range.start + b]))
            .collect();
        let order = apply_l3(&chars, &levels, &order_from_levels(line, &levels));
        let glyphs = glyphs(&chars);
        let mut out = String::with_capacity(line.len());
        for i in order {
            let c = chars[i];
            if is_steering_control(c) {
                continue;
            }
            let Some(glyph) = glyphs[i] else { continue };
            let rtl = levels[i].is_some_and(|l| l.is_rtl());
            out.push(if rtl { mirror(c).unwrap_or(glyph) } else { glyph });
        }
        out
    }

    /// The line `range` in logical order, standing alone: isolates still open from earlier
    /// lines are opened again at its start, and every isolate open at its end is closed, so a
    /// bidi-aware viewer that takes each line as a paragraph keeps the rest of the row out of
    /// them.
    pub fn logical(&self, range: Range<usize>) -> String {
        let open_before = open_isolates(self.text, range.start);
        let open_after = open_isolates(self.text, range.end);
        let mut out = String::with_capacity(range.len() + 4 * (open_before.len() + open_after.len()));
        out.extend(open_before.iter().map(|i| i.reopening));
        out.push_str(&self.text[range]);
        // The isolates open at the line's end, whether opened on it or before it.
        out.extend(std::iter::repeat_n('\u{2069}', open_after.len()));
        out
    }
}

/// An isolate open at some point of a paragraph, and the initiator that reopens it on a new
/// line with the direction it was resolved to (a first-strong isolate on a continuation line
/// would look at that line's first letter instead of the isolate's).
struct OpenIsolate {
    reopening: char,
}

/// The isolates open at byte `at` of `text`, outermost first.
fn open_isolates(text: &str, at: usize) -> Vec<OpenIsolate> {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (b, c) in text[..at].char_indices() {
        match bidi_class(c) {
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => open.push((b, c)),
            BidiClass::PDI => {
                open.pop();
            }
            _ => {}
        }
    }
    open.into_iter()
        .map(|(b, c)| OpenIsolate {
            reopening: match c {
                '\u{2068}' => match first_strong(&text[b + c.len_utf8()..]) {
                    Some(Direction::Rtl) => '\u{2067}',
                    _ => '\u{2066}',
                },
                other => other,
            },
        })
        .collect()
}

/// Rules P2-P3: the direction of the first strong letter of `text`, skipping isolates, up to
/// an unmatched PDI (the end of the isolate `text` starts inside); `None` when there is none.
pub fn first_strong(text: &str) -> Option<Direction> {
    let mut depth = 0usize;
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => depth += 1,
            BidiClass::PDI if depth == 0 => return None,
            BidiClass::PDI => depth -= 1,
            BidiClass::L if depth == 0 => return Some(Direction::Ltr),
            BidiClass::R | BidiClass::AL if depth == 0 => return Some(Direction::Rtl),
            _ => {}
        }
    }
    None
}
