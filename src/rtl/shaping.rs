//! Arabic contextual shaping to presentation forms.
//!
//! Terminals draw one glyph per code point and do no shaping of their own, so
//! an Arabic word written with nominal letters shows up as a row of
//! disconnected isolated letters. Substituting the presentation-form code
//! points (U+FB50..U+FDFF, U+FE70..U+FEFF) is the only way to get joined
//! script out of a plain terminal.

use super::tables::{Forms, JoiningType, FORMS, JOINING_TYPES, LAM_ALEF};

const LAM: char = '\u{0644}';

/// Joining type of `c`, from the generated ArabicShaping.txt table.
///
/// Bidi embedding/isolate controls are treated as non-joining (U) instead of
/// the transparent (T) that their General_Category Cf gives them: text on
/// either side of an isolate is laid out in a different run, so joining
/// across it would connect letters that are not adjacent on screen.
pub(crate) fn joining_type(c: char) -> JoiningType {
    if is_embedding_or_isolate(c) {
        return JoiningType::U;
    }
    let cp = c as u32;
    JOINING_TYPES
        .binary_search_by(|&(lo, hi, _)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .map(|i| JOINING_TYPES[i].2)
        .unwrap_or(JoiningType::U)
}

fn is_embedding_or_isolate(c: char) -> bool {
    crate::term::sanitize::is_bidi_embedding_or_override(c) || crate::term::sanitize::is_bidi_isolate(c)
}

/// Can this letter connect to the letter before it (its right side)?
fn joins_before(t: JoiningType) -> bool {
    matches!(t, JoiningType::D | JoiningType::R | JoiningType::C)
}

/// Can this letter connect to the letter after it (its left side)?
fn joins_after(t: JoiningType) -> bool {
    matches!(t, JoiningType::D | JoiningType::L | JoiningType::C)
}

fn forms_of(c: char) -> Option<&'static Forms> {
    FORMS
        .binary_search_by_key(&c, |&(base, _)| base)
        .ok()
        .map(|i| &FORMS[i].1)
}

fn lam_alef_of(alef: char) -> Option<(char, char)> {
    LAM_ALEF
        .iter()
        .find(|&&(a, _, _)| a == alef)
        .map(|&(_, iso, fin)| (iso, fin))
}

/// Picks the glyph for the joining context; a missing form falls back to the
/// nearest one that still connects on the side that matters most (towards
/// the preceding letter), so a gap in the font block never drops the letter.
fn pick(f: &Forms, before: bool, after: bool) -> Option<char> {
    match (before, after) {
        (true, true) => f.medial.or(f.final_).or(f.isolated),
        (true, false) => f.final_.or(f.isolated),
        (false, true) => f.initial.or(f.isolated),
        (false, false) => f.isolated,
    }
}

fn prev_joining(types: &[JoiningType], i: usize) -> Option<JoiningType> {
    types[..i].iter().rev().find(|&&t| t != JoiningType::T).copied()
}

fn next_joining(types: &[JoiningType], i: usize) -> Option<(usize, JoiningType)> {
    types[i + 1..]
        .iter()
        .enumerate()
        .find(|&(_, &t)| t != JoiningType::T)
        .map(|(k, &t)| (i + 1 + k, t))
}

/// The glyph each char of a logical line is drawn with, index for index: its presentation form
/// for its joining context, the char itself where there is none, and `None` for an alef that a
/// lam-alef ligature took into the lam's cell. Kept parallel to the input so that reordering,
/// which works on the logical chars, can pick each char's glyph after shaping by its logical
/// neighbours.
pub(crate) fn glyphs(chars: &[char]) -> Vec<Option<char>> {
    let types: Vec<JoiningType> = chars.iter().map(|&c| joining_type(c)).collect();
    let mut out: Vec<Option<char>> = chars.iter().copied().map(Some).collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let t = types[i];
        // Transparent marks take no form; a letter that never joins (hamza) keeps its nominal
        // code point, which every font draws the same as its one presentation form.
        if matches!(t, JoiningType::T | JoiningType::U) {
            i += 1;
            continue;
        }
        let before = joins_before(t) && prev_joining(&types, i).is_some_and(joins_after);
        let next = next_joining(&types, i);
        if c == LAM {
            if let Some((n, _)) = next {
                if let Some((iso, fin)) = lam_alef_of(chars[n]) {
                    // The ligature takes the lam's place and the alef's cell; marks between the
                    // two keep their places, after the ligature.
                    out[i] = Some(if before { fin } else { iso });
                    out[n] = None;
                    i = n + 1;
                    continue;
                }
            }
        }
        let after = joins_after(t) && next.is_some_and(|(_, nt)| joins_before(nt));
        out[i] = Some(forms_of(c).and_then(|f| pick(f, before, after)).unwrap_or(c));
        i += 1;
    }
    out
}

pub(crate) fn shape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    glyphs(&chars).into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beh_takes_all_four_forms() {
        assert_eq!(shape("ب"), "\u{FE8F}");
        assert_eq!(shape("بب"), "\u{FE91}\u{FE90}");
        assert_eq!(shape("ببب"), "\u{FE91}\u{FE92}\u{FE90}");
    }

    #[test]
    fn right_joining_letter_breaks_the_chain() {
        // ب ا ب: alef joins the beh before it, but not the one after.
        assert_eq!(shape("باب"), "\u{FE91}\u{FE8E}\u{FE8F}");
    }

    #[test]
    fn lam_alef_ligatures() {
        assert_eq!(shape("لا"), "\u{FEFB}");
        assert_eq!(shape("بلا"), "\u{FE91}\u{FEFC}");
        assert_eq!(shape("لأ"), "\u{FEF7}");
        assert_eq!(shape("لإ"), "\u{FEF9}");
        assert_eq!(shape("لآ"), "\u{FEF5}");
        // A mark on the lam moves after the ligature.
        assert_eq!(shape("لَا"), "\u{FEFB}\u{064E}");
    }

    #[test]
    fn harakat_are_transparent() {
        assert_eq!(shape("بَب"), "\u{FE91}\u{064E}\u{FE90}");
    }

    #[test]
    fn tatweel_and_zwj_join() {
        assert_eq!(shape("بـ"), "\u{FE91}\u{0640}");
        assert_eq!(shape("\u{200D}ب\u{200D}"), "\u{200D}\u{FE92}\u{200D}");
        // ZWNJ breaks joining.
        assert_eq!(shape("ب\u{200C}ب"), "\u{FE8F}\u{200C}\u{FE8F}");
    }

    #[test]
    fn isolates_break_joining() {
        assert_eq!(shape("ب\u{2068}ب\u{2069}"), "\u{FE8F}\u{2068}\u{FE8F}\u{2069}");
    }

    #[test]
    fn latin_untouched() {
        assert_eq!(shape("OF #39"), "OF #39");
    }
}
