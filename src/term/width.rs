//! Cell widths for terminal layout.

use unicode_width::UnicodeWidthStr;

/// Number of terminal cells `s` occupies once printed.
///
/// Arabic is measured after shaping because that is the text the terminal
/// gets: a lam-alef pair becomes one ligature glyph, one cell. Combining
/// marks and bidi controls take no cell, East Asian wide chars take two
/// (unicode-width rules), so padding and wrapping by this count line up
/// where counting chars or bytes would not.
pub fn display_width(s: &str) -> usize {
    crate::rtl::shape(s).as_str().width()
}

#[cfg(test)]
mod tests {
    use super::display_width;

    #[test]
    fn marks_and_controls_take_no_cell() {
        assert_eq!(display_width("بَ"), 1);
        assert_eq!(display_width("\u{2068}ab\u{2069}"), 2);
        assert_eq!(display_width("\u{200F}"), 0);
    }

    #[test]
    fn lam_alef_is_one_cell() {
        assert_eq!(display_width("لا"), 1);
        assert_eq!(display_width("سلام"), 3);
    }

    #[test]
    fn wide_chars_take_two() {
        assert_eq!(display_width("日本"), 4);
    }
}
