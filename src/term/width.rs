//! Cell widths for terminal layout.

use unicode_width::UnicodeWidthStr;

/// Number of terminal cells `s` occupies once printed, as it is.
///
/// Combining marks and bidi controls take no cell and East Asian wide chars take two
/// (unicode-width rules), so padding by this count lines up where counting chars or bytes
/// would not. Arabic must be measured in the form that is printed: `rtl::text_width` measures
/// logical text after shaping.
pub fn display_width(s: &str) -> usize {
    s.width()
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
    fn a_lam_alef_ligature_is_one_cell() {
        assert_eq!(display_width("\u{FEFB}"), 1);
    }

    #[test]
    fn wide_chars_take_two() {
        assert_eq!(display_width("日本"), 4);
    }
}
