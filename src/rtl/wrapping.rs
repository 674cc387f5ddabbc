//! Line breaking in logical order.
//!
//! Wrapping has to happen before reordering: the bidi algorithm reorders
//! each displayed line on its own (UAX #9 rule L1 onwards works per line),
//! so a paragraph reordered first and cut afterwards would put the end of
//! the sentence on the first screen line.

use super::text_width;

/// Splits a word wider than `width` into pieces that fit, never cutting
/// between a base char and the zero-width marks that follow it.
fn break_word(word: &str, width: usize) -> Vec<String> {
    let mut clusters: Vec<String> = Vec::new();
    for c in word.chars() {
        let zero = unicode_width::UnicodeWidthChar::width(c) == Some(0);
        match clusters.last_mut() {
            Some(last) if zero => last.push(c),
            _ => clusters.push(c.to_string()),
        }
    }
    let mut pieces = Vec::new();
    let mut cur = String::new();
    for cl in clusters {
        // Measured as a whole, not summed: a lam and the alef after it share one cell.
        let kept = cur.len();
        cur.push_str(&cl);
        if kept > 0 && text_width(&cur) > width {
            cur.truncate(kept);
            pieces.push(std::mem::replace(&mut cur, cl));
        }
    }
    pieces.push(cur);
    pieces
}

pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    if width == 0 || text.is_empty() {
        return vec![text.to_string()];
    }
    let mut lines = Vec::new();
    // The line being filled and its width. Shaping never joins across a space, so widths of
    // words and spaces add up and each word is measured once.
    let mut cur: Option<(String, usize)> = None;
    for word in text.split(' ') {
        let word_width = text_width(word);
        if let Some((line, used)) = cur.as_mut() {
            if *used + 1 + word_width <= width {
                line.push(' ');
                line.push_str(word);
                *used += 1 + word_width;
                continue;
            }
            lines.extend(cur.take().map(|(line, _)| line));
        }
        if word_width > width {
            let mut pieces = break_word(word, width);
            let last = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
            let last_width = text_width(&last);
            cur = Some((last, last_width));
        } else {
            cur = Some((word.to_string(), word_width));
        }
    }
    lines.extend(cur.map(|(line, _)| line));
    lines
}
