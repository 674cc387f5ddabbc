//! Line breaking in logical order, on byte ranges of the paragraph.
//!
//! Breaking happens before reordering (UAX #9 rule L1 onwards works per line): a paragraph
//! reordered first and cut afterwards would put the end of the sentence on the first screen
//! line. Only the ordinary space is a break opportunity, so text that must stay whole (a date
//! written with no-break spaces, an id, a URL) stays on one line.

use super::{printed_width, Form};
use std::ops::Range;

/// Splits the word at `word` (a byte range of `text`) into lines that fit, never cutting
/// between a base char and the zero-width marks that follow it; returns the last piece, which
/// later words may join.
fn break_word(text: &str, word: Range<usize>, widths: Widths, form: Form, out: &mut Vec<Range<usize>>) -> Range<usize> {
    let mut start = word.start;
    let mut end = word.start;
    for (b, c) in text[word.clone()].char_indices() {
        let at = word.start + b;
        let zero = unicode_width::UnicodeWidthChar::width(c) == Some(0);
        // Measured as a whole, not summed: in visual form a lam and the alef after it share
        // one cell.
        if !zero && at > start && printed_width(&text[start..at + c.len_utf8()], form) > widths.of(out) {
            out.push(start..end);
            start = at;
        }
        end = at + c.len_utf8();
    }
    start..end
}

/// The width of the first line and of the others; 0 is no limit.
#[derive(Clone, Copy)]
struct Widths {
    first: usize,
    rest: usize,
}

impl Widths {
    /// The width of the next line, given the lines already made.
    fn of(self, lines: &[Range<usize>]) -> usize {
        let width = if lines.is_empty() { self.first } else { self.rest };
        if width == 0 {
            usize::MAX
        } else {
            width
        }
    }
}

pub(crate) fn break_lines(text: &str, first: usize, rest: usize, form: Form) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let widths = Widths { first, rest };
    if text.is_empty() || (first == 0 && rest == 0) {
        let whole = 0..text.len();
        return vec![whole];
    }
    // The line being filled and its width. Shaping never joins across a space, so widths of
    // words and spaces add up and each word is measured once.
    let mut current: Option<(Range<usize>, usize)> = None;
    let mut word_start = 0;
    for word in text.split(' ') {
        let word_range = word_start..word_start + word.len();
        word_start = word_range.end + 1;
        let word_width = printed_width(word, form);
        if let Some((line, used)) = current.as_mut() {
            if *used + 1 + word_width <= widths.of(&lines) {
                line.end = word_range.end;
                *used += 1 + word_width;
                continue;
            }
            lines.extend(current.take().map(|(line, _)| line));
        }
        if word_width > widths.of(&lines) {
            let last = break_word(text, word_range, widths, form, &mut lines);
            let last_width = printed_width(&text[last.clone()], form);
            current = Some((last, last_width));
        } else {
            current = Some((word_range, word_width));
        }
    }
    lines.extend(current.map(|(line, _)| line));
    lines
}
