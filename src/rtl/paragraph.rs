//! One paragraph, laid out as UAX #9 says: embedding levels resolved once over the whole
//! paragraph (isolates, bracket pairs and weak types all look at their context), then lines
//! broken in logical order, then each line reordered on its own with the paragraph's levels
//! (rules L1-L4), shaped by its logical neighbours.
//!
//! Resolving each wrapped line as a paragraph of its own gives wrong answers wherever a line
//! break falls inside an isolate or between a bracket pair: `(Japan)` split over two lines
//! shows as `(Japan` and a full stop jumps to the other end.

use std::cell::OnceCell;
use std::ops::Range;
use unicode_bidi::{bidi_class, BidiClass, Level, ParagraphBidiInfo};

use super::reorder::{apply_l3, mirror, order_from_levels, removed_by_x9};
use super::shaping::glyphs;
use super::wrapping::break_lines;
use super::{is_steering_control, Direction, Form, NO_BREAK};

pub struct Paragraph<'t> {
    text: &'t str,
    dir: Direction,
    /// Resolved on the first visual line that needs it: logical output never does, nor does
    /// text whose display order is its logical order (most cells: ids, dates, Latin names).
    info: OnceCell<ParagraphBidiInfo<'t>>,
    /// Every char of `text` resolves to the same even level: see [`in_logical_order`].
    in_order: bool,
}

impl<'t> Paragraph<'t> {
    /// Resolves the levels of `text`, a paragraph in logical order, in direction `dir`.
    pub fn new(text: &'t str, dir: Direction) -> Self {
        Paragraph {
            text,
            dir,
            info: OnceCell::new(),
            in_order: in_logical_order(text, dir),
        }
    }

    fn info(&self) -> &ParagraphBidiInfo<'t> {
        self.info.get_or_init(|| {
            let level = match self.dir {
                Direction::Ltr => Level::ltr(),
                Direction::Rtl => Level::rtl(),
            };
            ParagraphBidiInfo::new(self.text, Some(level))
        })
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
        let line = &self.text[range.clone()];
        if self.in_order && (self.dir == Direction::Ltr || !ends_in_whitespace(line)) {
            // Nothing moves, nothing mirrors (no right-to-left level) and nothing joins (no
            // Arabic letter): only the isolates of a right-to-left paragraph are dropped.
            let shown = if line.contains(is_steering_control) {
                line.chars().filter(|&c| !is_steering_control(c)).collect()
            } else {
                line.to_owned()
            };
            return printed_spaces(shown);
        }
        self.reordered(range)
    }

    /// [`Paragraph::visual`] by the full algorithm, for any text.
    fn reordered(&self, range: Range<usize>) -> String {
        let line = &self.text[range.clone()];
        let by_byte = self.info().reordered_levels(range.clone());
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
        printed_spaces(out)
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
        printed_spaces(out)
    }
}

/// [`NO_BREAK`] only keeps a value on one line; it is printed as the ordinary space it stands
/// for, so that what a user searches or copies from the output is plain text.
fn printed_spaces(line: String) -> String {
    if line.contains(NO_BREAK) {
        line.replace(NO_BREAK, " ")
    } else {
        line
    }
}

/// Whether every char of `text`, a paragraph in direction `dir`, resolves to one even level, so
/// that its display order is its logical order (UAX #9):
///
/// - In a left-to-right paragraph, text with no strong right-to-left char (R, AL), no Arabic
///   number (AN) and no explicit control: European numbers become L by rule W7 (the last strong
///   type before them is L or the paragraph's sos, L), every neutral between L and L or sos/eos
///   resolves to L (N1, N2), and the whole paragraph stays at level 0.
/// - In a right-to-left paragraph, such text inside one isolate spanning the whole paragraph
///   (LRI, or FSI, which finds no right-to-left letter and so is an LRI): its sos is L (level 2
///   is above the paragraph's 1), so by the same rules it is all at level 2, and the initiator
///   and the PDI at level 1 sit at the two ends of the line, where dropping them leaves the
///   order as it is. Rule L1 would move whitespace at the end of a line to level 1, to the other
///   end, so [`Paragraph::visual`] also checks that the line does not end in it.
///
/// Chars that rule X9 removes (BN), segment and paragraph separators, and the bidi marks that
/// visual output drops are left to the full algorithm.
fn in_logical_order(text: &str, dir: Direction) -> bool {
    match dir {
        Direction::Ltr => text.chars().all(stays_left_to_right),
        Direction::Rtl => ['\u{2066}', '\u{2068}'].iter().any(|&open| {
            text.strip_prefix(open)
                .and_then(|t| t.strip_suffix('\u{2069}'))
                .is_some_and(|inner| inner.chars().all(stays_left_to_right))
        }),
    }
}

/// A char that, with only others of its kind around it, resolves to the embedding direction of
/// a left-to-right context: see [`in_logical_order`].
fn stays_left_to_right(c: char) -> bool {
    if c.is_ascii() {
        // Printable ASCII is L, EN, ES, ET, CS, ON or WS; the rest (tab S, newline B, other
        // controls BN) goes to the full algorithm.
        return matches!(c, ' '..='~');
    }
    !is_steering_control(c)
        && !matches!(
            bidi_class(c),
            BidiClass::R
                | BidiClass::AL
                | BidiClass::AN
                | BidiClass::LRE
                | BidiClass::RLE
                | BidiClass::LRO
                | BidiClass::RLO
                | BidiClass::PDF
                | BidiClass::LRI
                | BidiClass::RLI
                | BidiClass::FSI
                | BidiClass::PDI
                | BidiClass::BN
                | BidiClass::B
                | BidiClass::S
        )
}

/// Whether `line`, its closing isolates aside, ends in whitespace that rule L1 takes down to
/// the paragraph level.
fn ends_in_whitespace(line: &str) -> bool {
    line.trim_end_matches(crate::term::sanitize::is_bidi_isolate)
        .chars()
        .next_back()
        .is_some_and(|c| bidi_class(c) == BidiClass::WS)
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
    // LRI, RLI, FSI and PDI are exactly the chars of these bidi classes.
    for (b, c) in text[..at].char_indices() {
        match c {
            '\u{2066}'..='\u{2068}' => open.push((b, c)),
            '\u{2069}' => {
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

#[cfg(test)]
mod tests {
    use super::*;

    const LTR_IN_ORDER: &[&str] = &[
        "OF #39",
        "2020-11-02 09:00\u{00A0}–\u{00A0}10:30 (UTC+2)",
        "a (b) [c] 3.5% -7 +1,000",
        "café naïve Ærø",
        "x\u{064B}",
        "",
    ];
    const LTR_REORDERED: &[&str] = &[
        "a ب",
        "\u{0661}\u{0662}",
        "a\u{200E}b",
        "a\u{200F}b",
        "a\tb",
        "a\u{00AD}b",
        "a\u{2066}b\u{2069}",
        "a\u{202A}b\u{202C}",
        "a\nb",
    ];
    const RTL_IN_ORDER: &[&str] = &[
        "\u{2068}OF #39\u{2069}",
        "\u{2066}2020-11-02\u{2069}",
        "\u{2068}Yoichi Iida (Ministry, Japan). Chair.\u{2069}",
        "\u{2068}a  b \u{2069}",
        "\u{2068}\u{2069}",
    ];
    const RTL_REORDERED: &[&str] = &[
        "OF #39",
        "\u{2068}a\u{2069} b",
        "a \u{2068}b\u{2069}",
        "\u{2068}a\u{2069}\u{2068}b\u{2069}",
        "\u{2068}ب\u{2069}",
        "\u{2067}a\u{2069}",
        "\u{2068}a\u{200E}\u{2069}",
        "\u{2068}10 \u{0661}\u{2069}",
    ];

    #[test]
    fn texts_at_the_boundary_of_logical_order() {
        for (texts, dir, expected) in [
            (LTR_IN_ORDER, Direction::Ltr, true),
            (LTR_REORDERED, Direction::Ltr, false),
            (RTL_IN_ORDER, Direction::Rtl, true),
            (RTL_REORDERED, Direction::Rtl, false),
        ] {
            for text in texts {
                assert_eq!(in_logical_order(text, dir), expected, "{text:?} {dir:?}");
            }
        }
    }

    /// Every line of every text, at every width, is shown as the full algorithm shows it.
    #[test]
    fn lines_in_logical_order_are_shown_as_the_full_algorithm_shows_them() {
        let all = [LTR_IN_ORDER, LTR_REORDERED, RTL_IN_ORDER, RTL_REORDERED].concat();
        for text in all {
            for dir in [Direction::Ltr, Direction::Rtl] {
                let para = Paragraph::new(text, dir);
                for width in 1..=text.chars().count().max(1) {
                    for range in para.lines(width, width, Form::Visual) {
                        assert_eq!(
                            para.visual(range.clone()),
                            para.reordered(range.clone()),
                            "{text:?} {dir:?} at {width}, line {range:?}"
                        );
                    }
                }
            }
        }
    }
}
