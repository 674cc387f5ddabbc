//! Right-to-left text for terminals.
//!
//! Terminals neither shape Arabic nor run the Unicode Bidirectional
//! Algorithm reliably (most do neither, a few do one of them badly), so
//! `igf` does both itself and writes plain visual-order text: what is printed
//! left to right is exactly what should appear on screen, whatever the
//! terminal. The pipeline for a paragraph is
//! `wrap` (logical order) -> `visual_line` per line -> `align_right`.

mod reorder;
mod shaping;
mod tables;
mod wrapping;

pub use tables::UNICODE_VERSION;

/// Paragraph direction: it decides the base level of the bidi algorithm and
/// so which end of the line the text starts from, and how neutral chars
/// between runs of different direction settle. Arabic text is `Rtl`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Breaks a logical-order paragraph into lines of at most `width` cells.
///
/// Width is measured on the shaped text because that is what reaches the
/// screen: a lam-alef pair, for one, takes one cell once ligated. Breaks go
/// at single spaces so that joining the lines with one space gives back
/// the input; a word wider than the line is cut between chars (combining
/// marks stay with their base) so that no line overflows, except when one
/// char alone is wider than `width`. `width == 0` means no wrapping. Always
/// returns at least one line, so callers can index the first.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrapping::wrap(text, width)
}

/// Turns one logical line into the string to print, left to right.
///
/// Shaping happens first, in logical order, because joining depends on
/// logical neighbours; reordering then runs on the shaped text. Marks are
/// put back after their base (L3) because terminals attach a combining char
/// to the cell before it, paired brackets are swapped in RTL runs (L4)
/// because the terminal draws glyphs as they are, and bidi controls are
/// dropped after use because terminals render them inconsistently.
/// The input must be a single line: wrap first, since reordering a
/// paragraph and then cutting it puts its end on the first screen line.
pub fn visual_line(line: &str, dir: Direction) -> String {
    reorder::visual_line(&shape(line), dir)
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

/// Wraps `s` in FSI .. PDI so an embedded code, date or URL keeps its own
/// order inside Arabic text.
///
/// Without it, "OF #39" or "2020-11-02" next to Arabic gets its neutral
/// chars (space, '#', '-') pulled into the RTL run and the pieces swapped.
/// FSI rather than LRI: it picks the direction from the first strong char
/// and falls back to LTR when there is none (dates, numbers), so a title
/// that happens to start in Arabic is not forced left-to-right.
pub fn isolate_ltr(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// Cells `text` (logical order) takes on screen once shaped: a lam-alef pair is one cell.
///
/// Presentation forms take the cell of the letter they replace, and unicode-width already counts
/// a lam-alef pair (marks between them included) as the one cell its ligature takes, so the
/// logical text can be measured as it is, without building the shaped string. A property test
/// (`text_width_is_the_width_of_the_shaped_text`) holds the two to the same answer.
pub fn text_width(text: &str) -> usize {
    crate::term::width::display_width(text)
}

/// Whether any letter could join: most cells are dates, times, codes and Latin names, which
/// shaping would leave as they are.
fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{08FF}').contains(&c))
}

/// Pads a visual line on the left to `width` cells, for RTL paragraphs.
///
/// The padding is counted in terminal cells, not chars or bytes, because
/// marks take no cell and wide chars take two; a line already wider than
/// `width` is returned as is rather than cut. The input is already shaped,
/// so it is measured as is, not shaped again.
pub fn align_right(line_visual: &str, width: usize) -> String {
    let used = unicode_width::UnicodeWidthStr::width(line_visual);
    let pad = width.saturating_sub(used);
    format!("{}{}", " ".repeat(pad), line_visual)
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
        let line = format!("ب {} ب", isolate_ltr("OF #39"));
        let out = visual_line(&line, Direction::Rtl);
        assert!(!out.chars().any(crate::term::sanitize::is_bidi_control));
        assert_eq!(out, "\u{FE8F} OF #39 \u{FE8F}");
        let marks = "\u{202B}ب\u{202C}\u{200F}\u{200E}\u{061C}\u{202E}x\u{202C}";
        assert_eq!(visual_line(marks, Direction::Ltr), "\u{FE8F}x");
    }

    #[test]
    fn mixed_code_and_date_keep_ltr_run_intact() {
        // "منتدى مفتوح OF #39 يوم 2020-11-02"
        let line = format!(
            "منتدى مفتوح {} يوم {}",
            isolate_ltr("OF #39"),
            isolate_ltr("2020-11-02")
        );
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
    fn align_right_pads_by_cells() {
        let v = visual_line("شَدّة", Direction::Rtl);
        let padded = align_right(&v, 6);
        assert_eq!(padded, format!("   {v}"));
        assert_eq!(align_right("abcdef", 3), "abcdef");
    }

    #[test]
    fn tables_match_bidi_crate_version() {
        assert_eq!(tables::UNICODE_VERSION, unicode_bidi::UNICODE_VERSION);
    }
}
