//! Line breaking in logical order, on byte ranges of the paragraph.
//!
//! Breaking happens before reordering (UAX #9 rule L1 onwards works per line): a paragraph
//! reordered first and cut afterwards would put the end of the sentence on the first screen
//! line. Only the ordinary space is a break opportunity, so text that must stay whole (a date
//! written with no-break spaces, an id, a URL) stays on one line; only when it is wider than
//! the line itself is it cut, at a no-break space if it has one that fits.

use super::{printed_width, Form, NO_BREAK};
use std::ops::Range;

/// Splits the word at `word` (a byte range of `text`) into lines that fit, never cutting
/// between a base char and the zero-width marks that follow it; returns the last piece, which
/// later words may join.
fn break_word(text: &str, word: Range<usize>, widths: Widths, form: Form, out: &mut Vec<Range<usize>>) -> Range<usize> {
    let mut start = word.start;
    let mut end = word.start;
    // The last no-break space of the piece being filled: the place to cut, when there is one.
    let mut last_space: Option<usize> = None;
    for (b, c) in text[word.clone()].char_indices() {
        let at = word.start + b;
        let zero = unicode_width::UnicodeWidthChar::width(c) == Some(0);
        // Measured as a whole, not summed: in visual form a lam and the alef after it share
        // one cell.
        if !zero && at > start && printed_width(&text[start..at + c.len_utf8()], form) > widths.of(out) {
            match last_space.take() {
                Some(space) => {
                    out.push(start..space);
                    start = space + NO_BREAK.len_utf8();
                }
                None => {
                    out.push(start..end);
                    start = at;
                }
            }
        }
        if c == NO_BREAK && at > start {
            last_space = Some(at);
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

/// A dash standing between spaces, as in "COVID-19 - policy responses": at the start of a
/// line it would read as a list bullet.
const SPACED_DASHES: [&str; 3] = ["-", "–", "—"];

/// The pieces a line may be broken between: words separated by ordinary spaces, except that a
/// spaced dash stays with the word before it, so no line starts with one.
fn units(text: &str) -> Vec<Range<usize>> {
    let mut units: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for word in text.split(' ') {
        let range = start..start + word.len();
        start = range.end + 1;
        match units.last_mut() {
            Some(last) if SPACED_DASHES.contains(&word) && last.end > last.start => last.end = range.end,
            _ => units.push(range),
        }
    }
    units
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
    let mut pending = units(text);
    pending.reverse();
    while let Some(word_range) = pending.pop() {
        let word = &text[word_range.clone()];
        let word_width = printed_width(word, form);
        // A word and its dash too wide for any line: the dash goes on the next line after all,
        // rather than cutting the word.
        if word_width > widths.rest.max(widths.first) && widths.rest != 0 {
            if let Some(space) = word.rfind(' ') {
                let at = word_range.start + space;
                pending.push(at + 1..word_range.end);
                pending.push(word_range.start..at);
                continue;
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        break_lines(text, width, width, Form::Logical)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn a_spaced_dash_stays_with_the_word_before_it() {
        for dash in SPACED_DASHES {
            let text = format!("AB CDEFG {dash} xyz");
            // "AB CDEFG" fills the first line; the dash used to start the second.
            assert_eq!(lines(&text, 9), ["AB", format!("CDEFG {dash}").as_str(), "xyz"]);
        }
        assert_eq!(lines("كوفيد جائحة - استجابات", 12), ["كوفيد", "جائحة -", "استجابات"]);
        assert_eq!(
            lines("ABCDEFGH - x", 8),
            ["ABCDEFGH", "- x"],
            "only when the word alone is wider"
        );
        assert_eq!(lines("a - b", 0), ["a - b"], "no limit, no break");
    }

    #[test]
    fn a_hyphen_inside_a_word_or_leading_the_text_is_left_alone() {
        assert_eq!(lines("ROAM-X and COVID-19", 8), ["ROAM-X", "and", "COVID-19"]);
        assert_eq!(lines("- item here", 6), ["- item", "here"]);
    }
}
