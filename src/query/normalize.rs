//! Folding user input and data text to comparable forms. Users type what their keyboard gives:
//! Arabic-Indic digits, Arabic letters with or without hamza and diacritics, any letter case.

/// Replaces Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits with ASCII digits.
pub fn fold_digits(text: &str) -> String {
    text.chars().map(ascii_digit).collect()
}

fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// The form in which search terms and data are compared: lower case, ASCII digits, Arabic letters
/// without diacritics or tatweel, hamza carriers folded to bare alef, alef maqsura to ya, and
/// ta marbuta to ha, because Arabic writers vary on exactly these.
///
/// ```
/// use igf::query::normalize::fold_for_search;
/// assert_eq!(fold_for_search("أخلاقيات"), fold_for_search("اخلاقيات"));
/// assert_eq!(fold_for_search("OECD ٣٩"), "oecd 39");
/// ```
pub fn fold_for_search(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_arabic_mark(c) && c != '\u{0640}')
        .map(|c| match ascii_digit(c) {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks: optional in ordinary writing.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Lower-case ASCII letters and digits only: how ids are compared ("OF #39", "of-39", "OF39").
pub fn fold_id(text: &str) -> String {
    fold_digits(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_indic_digits_become_ascii() {
        assert_eq!(fold_digits("٢٠٢٠-١١-٠٤"), "2020-11-04");
        assert_eq!(fold_digits("۳۹"), "39");
    }

    #[test]
    fn search_folding_ignores_hamza_diacritics_and_tatweel() {
        assert_eq!(fold_for_search("أخلاقيات"), fold_for_search("اخلاقيات"));
        assert_eq!(fold_for_search("الذَّكاء"), "الذكاء");
        assert_eq!(fold_for_search("مـدرسة"), fold_for_search("مدرسه"));
        assert_eq!(fold_for_search("مستوى"), "مستوي");
        assert_eq!(fold_for_search("OECD"), "oecd");
    }

    #[test]
    fn ids_fold_to_letters_and_digits() {
        assert_eq!(fold_id("OF #39"), "of39");
        assert_eq!(fold_id("of-39"), "of39");
        assert_eq!(fold_id("OF٣٩"), "of39");
    }
}
