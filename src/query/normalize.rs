//! Folding user input and data text to comparable forms. Users type what their keyboard gives:
//! Arabic-Indic digits, Arabic letters with or without hamza and diacritics, any letter case.

/// Replaces Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits with ASCII digits.
pub fn fold_digits(text: &str) -> String {
    text.chars().map(ascii_digit).collect()
}

/// What a user typed as a value (a date, a phase, an id), as the program reads it: digits in
/// ASCII, and without the invisible bidi controls that copying from right-to-left text brings
/// along (a date copied from igf's own Arabic output may carry isolates around it).
pub fn typed_value(text: &str) -> String {
    text.chars()
        .filter(|&c| !crate::term::sanitize::is_bidi_control(c))
        .map(ascii_digit)
        .collect::<String>()
        .trim()
        .to_owned()
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

/// Whether a (folded) word is written in Arabic letters.
pub fn is_arabic(word: &str) -> bool {
    word.chars()
        .any(|c| ('\u{0620}'..='\u{064A}').contains(&c) || ('\u{0671}'..='\u{06D3}').contains(&c))
}

/// The forms a folded Arabic word of running text can be found under: itself, and without the
/// letters written onto its front: a conjunction (و, ف), then a preposition (ب, ك, ل), then the
/// article ال (which after ل loses its alef: للذكاء). "والذكاء" is found as الذكاء and ذكاء.
pub fn arabic_stems(word: &str) -> Vec<String> {
    let mut stems = vec![word.to_owned()];
    let mut add = |stem: String| {
        if stem.chars().count() >= 2 && !stems.contains(&stem) {
            stems.push(stem);
        }
    };
    for conjunction in ["", "و", "ف"] {
        let Some(rest) = word.strip_prefix(conjunction) else {
            continue;
        };
        for preposition in ["", "ب", "ك", "ل"] {
            let Some(rest) = rest.strip_prefix(preposition) else {
                continue;
            };
            add(rest.to_owned());
            if let Some(bare) = rest.strip_prefix("ال") {
                add(bare.to_owned());
            }
            if let Some(bare) = rest.strip_prefix("لل") {
                add(format!("ال{bare}"));
                add(bare.to_owned());
            }
        }
    }
    stems
}

/// The forms an Arabic query word is looked for under: itself and, when it has one, without its
/// article, so ذكاء and الذكاء find each other. Only the article: a query's first letter is
/// taken as written (كتاب is not ك + تاب).
pub fn arabic_query_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_owned()];
    if let Some(bare) = word.strip_prefix("ال").filter(|b| b.chars().count() >= 2) {
        forms.push(bare.to_owned());
    }
    forms
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
    fn attached_letters_come_off_arabic_words() {
        assert!(arabic_stems("والذكاء").contains(&"ذكاء".to_owned()));
        assert!(arabic_stems("للذكاء").contains(&"الذكاء".to_owned()));
        assert!(arabic_stems("بمصر").contains(&"مصر".to_owned()));
        assert_eq!(arabic_query_forms("كتاب"), vec!["كتاب".to_owned()]);
        assert!(is_arabic("مصر") && !is_arabic("egypt"));
    }

    #[test]
    fn ids_fold_to_letters_and_digits() {
        assert_eq!(fold_id("OF #39"), "of39");
        assert_eq!(fold_id("of-39"), "of39");
        assert_eq!(fold_id("OF٣٩"), "of39");
    }
}
