//! Right-to-left text for terminals.
//!
//! Most terminals neither shape Arabic nor run the Unicode Bidirectional Algorithm (a few do
//! one of them, in their own way), so for them `igf` does both itself and writes visual-order
//! text: what is printed left to right is exactly what should appear on screen. A paragraph
//! goes through [`Paragraph`]: levels over the whole paragraph, line breaks in logical order,
//! then each line reordered ([`Paragraph::visual`]) or, for pipes, files and terminals that
//! reorder by themselves, kept logical with its isolates balanced ([`Paragraph::logical`]).

mod paragraph;
mod reorder;
mod shaping;
mod tables;
mod wrapping;

pub use paragraph::{first_strong, Paragraph};
pub use tables::UNICODE_VERSION;

/// Paragraph direction: it decides the base level of the bidi algorithm and
/// so which end of the line the text starts from, and how neutral chars
/// between runs of different direction settle. Arabic text is `Rtl`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Joins the parts of a value that must stay on one line (a date, a time and its zone): lines
/// break only at ordinary spaces, and at this one only when the value is wider than the line.
/// It is printed as a plain space.
pub const NO_BREAK: char = '\u{00A0}';

/// How text reaches the screen, which decides how wide it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Reordered and shaped by us: a lam-alef pair is one ligature, one cell.
    Visual,
    /// In logical order, unshaped: every letter takes its own cell, as a terminal without
    /// shaping, a pager or an editor shows it.
    Logical,
}

/// Cells `text` (logical order) takes once printed in `form`.
///
/// Visual: presentation forms take the cell of the letter they replace, and unicode-width
/// already counts a lam-alef pair (marks between them included) as the one cell its ligature
/// takes, so the logical text is measured as it is, without building the shaped string (a
/// property test holds the two to the same answer). Logical: each char is counted alone, so
/// the pair is the two cells it is printed in. Marks and controls take no cell either way.
pub fn printed_width(text: &str, form: Form) -> usize {
    match form {
        Form::Visual => crate::term::width::display_width(text),
        Form::Logical => text
            .chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum(),
    }
}

/// Breaks a logical-order paragraph into lines of at most `width` cells in visual form, joined
/// by one space when the break fell at a space. `width == 0` means no wrapping. Always returns
/// at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrapping::break_lines(text, width, width, Form::Visual)
        .into_iter()
        .map(|r| text[r].to_owned())
        .collect()
}

/// A single line (a paragraph that is not wrapped) as it is printed left to right: see
/// [`Paragraph::visual`].
pub fn visual_line(line: &str, dir: Direction) -> String {
    Paragraph::new(line, dir).visual(0..line.len())
}

/// The bare UAX #9 visual order (rules L1-L2) of `line`'s char indices.
///
/// Exposed so the reordering can be checked against the Unicode
/// conformance data (BidiCharacterTest.txt), which knows nothing of
/// shaping, L3 or L4; chars removed by rule X9 are left out as the test data
/// leaves them out.
pub fn visual_order(line: &str, dir: Direction) -> Vec<usize> {
    reorder::visual_order(line, dir)
}

/// Resolved embedding level of each char of `line` after rule L1, `None`
/// for chars removed by rule X9 (an `x` in BidiCharacterTest.txt); kept
/// public for the same conformance check as [`visual_order`].
pub fn resolved_levels(line: &str, dir: Direction) -> Vec<Option<u8>> {
    reorder::levels(line, dir)
        .into_iter()
        .map(|l| l.map(|l| l.number()))
        .collect()
}

/// Replaces Arabic letters by the presentation forms their position in the
/// word calls for.
///
/// Terminals have no shaping engine but fonts do carry the presentation-form
/// block, so this is how joined Arabic script reaches the screen. Letters
/// without a presentation form are left as they are.
pub fn shape(text: &str) -> String {
    if !has_arabic(text) {
        return text.to_owned();
    }
    shaping::shape(text)
}

/// Wraps `s` in FSI .. PDI so a value keeps its own direction and order inside text of the
/// other direction: a code, date or URL inside Arabic, an Arabic name inside English.
///
/// Without it, "OF #39" or "2020-11-02" next to Arabic gets its neutral
/// chars (space, '#', '-') pulled into the RTL run and the pieces swapped.
/// FSI rather than LRI: it picks the direction from the first strong char
/// and falls back to LTR when there is none (dates, numbers), so a value that
/// starts in Arabic keeps right-to-left.
pub fn isolate(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// Whether any letter could join: most cells are dates, times, codes and Latin names, which
/// shaping would leave as they are.
fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{08FF}').contains(&c))
}

/// Controls that only steer the bidi algorithm: they are used while reordering and never
/// printed in visual output.
fn is_steering_control(c: char) -> bool {
    crate::term::sanitize::is_bidi_control(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::width::display_width;

    const FATHA: char = '\u{064E}';
    const SHADDA: char = '\u{0651}';

    /// Each mark must directly follow its (shaped) base in the output.
    #[test]
    fn l3_marks_follow_their_base() {
        let out = visual_line("شَدّة", Direction::Rtl);
        // Logical: SHEEN FATHA DAL SHADDA TEH-MARBUTA. Visual, left to
        // right: TEH-MARBUTA(isolated: dal does not join forwards)
        // DAL(final)+SHADDA SHEEN(initial)+FATHA.
        let expected: String = ['\u{FE93}', '\u{FEAA}', SHADDA, '\u{FEB7}', FATHA].iter().collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn l3_several_marks_keep_logical_order() {
        // BEH + SHADDA + FATHA, then ALEF.
        let out = visual_line("بَّا", Direction::Rtl);
        let expected: String = ['\u{FE8E}', '\u{FE91}', FATHA, SHADDA].iter().collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn l4_parentheses_mirror_in_arabic() {
        // "(منتدى)" logically; in the RTL run the glyphs must be swapped so
        // that the opening paren is drawn on the right.
        let out = visual_line("(بب)", Direction::Rtl);
        assert_eq!(out, "(\u{FE90}\u{FE91})");
        let out = visual_line("ب [ب] «ب» {ب} <ب>", Direction::Rtl);
        assert_eq!(out, "<\u{FE8F}> {\u{FE8F}} «\u{FE8F}» [\u{FE8F}] \u{FE8F}");
    }

    #[test]
    fn ltr_parentheses_do_not_mirror() {
        assert_eq!(visual_line("(OF #39)", Direction::Rtl), "(OF #39)");
    }

    #[test]
    fn isolate_controls_are_removed() {
        let line = format!("ب {} ب", isolate("OF #39"));
        let out = visual_line(&line, Direction::Rtl);
        assert!(!out.chars().any(crate::term::sanitize::is_bidi_control));
        assert_eq!(out, "\u{FE8F} OF #39 \u{FE8F}");
        let marks = "\u{202B}ب\u{202C}\u{200F}\u{200E}\u{061C}\u{202E}x\u{202C}";
        assert_eq!(visual_line(marks, Direction::Ltr), "\u{FE8F}x");
    }

    #[test]
    fn mixed_code_and_date_keep_ltr_run_intact() {
        // "منتدى مفتوح OF #39 يوم 2020-11-02"
        let line = format!("منتدى مفتوح {} يوم {}", isolate("OF #39"), isolate("2020-11-02"));
        let out = visual_line(&line, Direction::Rtl);
        assert!(out.contains("OF #39"), "{out}");
        assert!(out.contains("2020-11-02"), "{out}");
        // Logically first Arabic word ends up at the right end.
        assert!(out.ends_with(&visual_line("منتدى", Direction::Rtl)), "{out}");
        // The date comes last logically, so it is leftmost.
        assert!(out.starts_with("2020-11-02 "), "{out}");
        // Without isolation the date is split up by the RTL context: after
        // Arabic the digits become AN (W2) and the '-' between them resolves
        // to RTL, so the three numbers come out in reverse.
        let bare = visual_line("يوم 2020-11-02", Direction::Rtl);
        assert!(bare.starts_with("02-11-2020"), "{bare}");
    }

    #[test]
    fn visual_order_reverses_rtl() {
        assert_eq!(visual_order("بتث", Direction::Rtl), vec![2, 1, 0]);
        assert_eq!(visual_order("ab بت", Direction::Ltr), vec![0, 1, 2, 4, 3]);
        // X9-removed chars are left out.
        assert_eq!(visual_order("a\u{202B}b", Direction::Ltr), vec![0, 2]);
    }

    const PROGRAMME: &str = "المنتدى المفتوح رقم \u{2068}OF #39\u{2069}: الحوكمة الرقمية \
        والشمول في الشرق الأوسط وشمال أفريقيا، يوم الاثنين \u{2068}2020-11-02\u{2069} (بتوقيت غرينتش)";

    #[test]
    fn wrap_respects_width_and_rejoins() {
        // 10 is the widest word (the isolated date), so nothing is cut.
        for width in [10, 11, 13, 20, 31, 50, 200] {
            let lines = wrap(PROGRAMME, width);
            assert!(!lines.is_empty());
            for l in &lines {
                assert!(display_width(l) <= width, "{width}: {l:?}");
            }
            assert_eq!(lines.join(" "), PROGRAMME, "width {width}");
        }
    }

    #[test]
    fn wrap_measures_shaped_text() {
        // "لا لا" is 5 chars but 3 cells once ligated.
        assert_eq!(wrap("لا لا", 3), vec!["لا لا".to_string()]);
    }

    #[test]
    fn wrap_breaks_overlong_words() {
        let lines = wrap("abcdefghij xy", 4);
        assert_eq!(lines, vec!["abcd", "efgh", "ij", "xy"]);
        // Marks stay with their base when a word is cut.
        let lines = wrap("بَبَبَبَ", 2);
        assert!(lines.iter().all(|l| display_width(l) <= 2));
        assert!(lines.iter().all(|l| !l.starts_with(FATHA)));
        assert_eq!(lines.concat(), "بَبَبَبَ");
    }

    #[test]
    fn wrap_edge_cases() {
        assert_eq!(wrap("", 10), vec![String::new()]);
        assert_eq!(wrap("a b", 0), vec!["a b".to_string()]);
        assert_eq!(wrap("  ", 1), vec![" ".to_string(), String::new()]);
        assert!(!wrap("x", 1).is_empty());
    }

    #[test]
    fn tables_match_bidi_crate_version() {
        assert_eq!(tables::UNICODE_VERSION, unicode_bidi::UNICODE_VERSION);
    }

    /// Levels come from the whole paragraph: a bracket pair split by a line break still pairs,
    /// and a full stop stays at the end of its sentence, on every line.
    #[test]
    fn brackets_and_full_stops_stay_with_their_words_across_lines() {
        let text = format!("المتحدث {}", isolate("Yoichi Iida (Ministry, Japan). Chair."));
        let para = Paragraph::new(&text, Direction::Rtl);
        let lines = para.lines(10, 10, Form::Visual);
        let shown: Vec<String> = lines.iter().map(|r| para.visual(r.clone())).collect();
        assert!(shown.contains(&"Japan).".to_owned()), "{shown:?}");
        assert!(shown.contains(&"Chair.".to_owned()), "{shown:?}");
        // Each line reordered as a paragraph of its own gets both wrong.
        let alone: Vec<String> = lines
            .iter()
            .map(|r| visual_line(&text[r.clone()], Direction::Rtl))
            .collect();
        assert!(alone.contains(&".(Japan".to_owned()), "{alone:?}");
        assert!(alone.contains(&".Chair".to_owned()), "{alone:?}");
    }

    #[test]
    fn logical_lines_reopen_and_close_their_isolates() {
        let text = format!("ملاحظة {} تمت", isolate("one two three four five"));
        let para = Paragraph::new(&text, Direction::Rtl);
        let lines = para.lines(12, 12, Form::Logical);
        assert!(lines.len() >= 3);
        for r in &lines {
            let line = para.logical(r.clone());
            let opened = line.chars().filter(|c| ('\u{2066}'..='\u{2068}').contains(c)).count();
            let closed = line.chars().filter(|&c| c == '\u{2069}').count();
            assert_eq!(opened, closed, "{line:?}");
        }
        // A continuation inside the isolate reopens it with the direction it was resolved to.
        assert!(para.logical(lines[1].clone()).starts_with('\u{2066}'));
    }

    #[test]
    fn logical_width_counts_lam_alef_as_two_cells() {
        assert_eq!(printed_width("لا", Form::Visual), 1);
        assert_eq!(printed_width("لا", Form::Logical), 2);
        assert_eq!(printed_width("\u{2068}ab\u{2069}", Form::Logical), 2);
    }
}
